/**
 * The bench's timing helpers. Every comparison runs its candidates
 * interleaved (A, B, A, B, …) so that a noisy neighbour slows them alike,
 * and reports each one's median.
 */
import { spawnSync } from "node:child_process";

export const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
export const ops = (value: number) => `${(value / 1e6).toFixed(2)} M/s`;
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

/** One progress line on stderr, so that stdout keeps only the table. */
export const progress = (text: string) => process.stderr.write(`  … ${text}\n`);

export interface Command {
  command: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  cwd: string;
  /** Run before each timed run, untimed (e.g. the edit a save makes). */
  before?: () => void;
}

/** Wall time of each command as a whole process, the commands taking turns, `runs` times each: medians. */
export function timeProcesses<K extends string>(commands: Record<K, Command>, runs: number): Record<K, number> {
  const times = Object.fromEntries(Object.keys(commands).map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let run = 0; run < runs; run++) {
    for (const [name, { command, args, env, cwd, before }] of Object.entries(commands) as [K, Command][]) {
      before?.();
      const start = performance.now();
      const result = spawnSync(command, args, { cwd, encoding: "utf8", env: env ?? process.env });
      if (result.status !== 0) throw new Error(`${name}: ${command} ${args.join(" ")}: ${result.stderr}`);
      times[name].push(performance.now() - start);
    }
  }
  return Object.fromEntries(
    Object.entries(times).map(([name, values]) => [name, median(values as number[])]),
  ) as Record<K, number>;
}

type Loop = (check: (value: unknown) => unknown, inputs: readonly unknown[], batch: number) => number;

/**
 * A timing loop of its own for each candidate: compiled from fresh source, so
 * the JIT's feedback for the call to `check` is never shared with another
 * candidate (one shared loop turned megamorphic, and rates swung tenfold
 * with the order the candidates ran in).
 */
const newLoop = () =>
  new Function(
    "check",
    "inputs",
    "batch",
    "let passed = 0; const count = inputs.length; for (let index = 0; index < batch; index++) if (check(inputs[index % count])) passed++; return passed;",
  ) as Loop;

/**
 * Calls per second of each candidate on `inputs` (taken in turn), measured in
 * interleaved batches after a warm-up: medians.
 */
export function throughputs<K extends string>(
  candidates: Record<K, (value: unknown) => unknown>,
  inputs: readonly unknown[],
  { batch = 20_000, rounds = 7 } = {},
): Record<K, number> {
  const names = Object.keys(candidates) as K[];
  const loops = Object.fromEntries(names.map((name) => [name, newLoop()])) as Record<K, Loop>;
  const rates = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  const time = (name: K) => {
    const start = performance.now();
    loops[name](candidates[name], inputs, batch);
    return batch / ((performance.now() - start) / 1000);
  };
  for (const name of names) time(name);
  for (let round = 0; round < rounds; round++) for (const name of names) rates[name].push(time(name));
  return Object.fromEntries(names.map((name) => [name, median(rates[name])])) as Record<K, number>;
}
