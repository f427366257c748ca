/**
 * `npm run corpus`: every real published document in corpus/<slug>/ (the
 * vendor's file byte for byte, an overlay naming `x-vendor`, SOURCE) is
 * generated on its own into a scratch folder, as a new user would, then
 * type-checked, and its fixtures are run through its own validators. Prints
 * one row per document (generated, type-checks, fixtures agree, seconds,
 * peak memory of the generator) and the summary line for the README. Not part
 * of `npm test`: minutes, and the figures vary by machine.
 * `npm run corpus -- stripe square` runs only those.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { repoRoot, typeCheck } from "../test/helpers/cli.js";
import { loadPackage } from "../test/helpers/package.js";

export const corpusFolder = join(repoRoot, "corpus");

export interface CorpusRow {
  slug: string;
  generated: boolean;
  typeChecks: boolean | undefined;
  fixturesAgree: boolean | undefined;
  seconds: number;
  peakMiB: number | undefined;
  /** Why it is not all green: the generator's one-line error, tsc's first error, or the first fixture that disagrees. */
  problem: string | undefined;
}

interface Result {
  ok: boolean;
  errors?: { path: string; rule: string }[];
}
export interface GeneratedPackage {
  adapter?: {
    validateRequest?(value: unknown): Result;
    validateResponse(status: number, body: unknown): Result;
  };
  fixtures: {
    valid?: Record<string, unknown>;
    invalid?: { name: string; value: unknown; errors: { path: string; rule: string }[] }[];
    successResponse?: { status: number; body: unknown };
    errorResponses?: { status: number; name: string; body: unknown }[];
  };
}

/** Prints the process's peak resident memory when it exits, on a line of its own on stderr. */
const PEAK_MEMORY_PROBE = `data:text/javascript,process.on("exit",()=>process.stderr.write("\\ncorpus-peak-kib "+process.resourceUsage().maxRSS+"\\n"))`;

const failureLine = (stderr: string): string =>
  stderr
    .split("\n")
    .map((line) => line.trim())
    .find((line) => line !== "" && !line.startsWith("corpus-peak-kib")) ?? "no output";

/**
 * The first fixture its own validator disagrees with, or undefined when they all agree. An invalid fixture records
 * each (path, rule) once, as test/generated/fixtures.test.ts reads it: two `anyOf` branches that both report `type`
 * at one path are one error.
 */
export function disagreement(pkg: GeneratedPackage): string | undefined {
  const { adapter, fixtures } = pkg;
  if (!adapter) return "the package has no adapter";
  const key = (errors: { path: string; rule: string }[] = []) =>
    JSON.stringify([...new Set(errors.map(({ path, rule }) => `${path} ${rule}`))].sort());
  const validateRequest = adapter.validateRequest;
  if (validateRequest) {
    for (const [name, value] of Object.entries(fixtures.valid ?? {}))
      if (!validateRequest(value).ok) return `valid fixture \`${name}\` is rejected by validateRequest`;
    for (const fixture of fixtures.invalid ?? []) {
      const result = validateRequest(fixture.value);
      if (result.ok || key(result.errors) !== key(fixture.errors))
        return `invalid fixture \`${fixture.name}\` does not fail with the errors it records`;
    }
  }
  const responses = [
    ...(fixtures.successResponse ? [{ name: "success", ...fixtures.successResponse }] : []),
    ...(fixtures.errorResponses ?? []),
  ];
  for (const response of responses)
    if (!adapter.validateResponse(response.status, response.body).ok)
      return `response fixture \`${response.name}\` (${response.status}) is rejected by validateResponse`;
  return undefined;
}

/** Generates, type-checks and checks the fixtures of one corpus document, in `work` (emptied first). */
export async function runCorpusDocument(slug: string, work: string): Promise<CorpusRow> {
  rmSync(work, { recursive: true, force: true });
  const specs = join(work, "specs");
  const out = join(work, "generated");
  mkdirSync(specs, { recursive: true });
  cpSync(join(repoRoot, "specs/canonical"), join(specs, "canonical"), { recursive: true });
  for (const file of readdirSync(join(corpusFolder, slug)))
    if (file !== "SOURCE") cpSync(join(corpusFolder, slug, file), join(specs, file), { recursive: true });
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    ["--import", PEAK_MEMORY_PROBE, join(repoRoot, "generator/run.mjs"), "generate", "--no-cache"]
      .concat(["--specs", specs, "--out", out]),
    { cwd: work, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = (performance.now() - started) / 1000;
  const peak = /corpus-peak-kib (\d+)/.exec(run.stderr)?.[1];
  const row: CorpusRow = {
    slug,
    generated: run.status === 0 && existsSync(join(out, slug, "src/index.ts")),
    typeChecks: undefined,
    fixturesAgree: undefined,
    seconds,
    peakMiB: peak === undefined ? undefined : Number(peak) / 1024,
    problem: undefined,
  };
  if (!row.generated) return { ...row, problem: failureLine(run.stderr) };
  const tsc = typeCheck(work, [`generated/${slug}/src/**/*.ts`]);
  row.typeChecks = tsc.status === 0;
  if (!row.typeChecks) row.problem = `tsc: ${tsc.output.split("\n")[0]}`;
  try {
    const problem = disagreement(await loadPackage<GeneratedPackage>(slug, out));
    row.fixturesAgree = problem === undefined;
    row.problem ??= problem;
  } catch (error) {
    row.fixturesAgree = false;
    row.problem ??= `the package does not load: ${(error as Error).message.split("\n")[0]}`;
  }
  return row;
}

const mark = (value: boolean | undefined) => (value === undefined ? "-" : value ? "yes" : "NO");

/** The table, one row per document, with the problem of each that is not all green below it. */
export function formatTable(rows: CorpusRow[]): string {
  const header = ["document", "generated", "type-checks", "fixtures agree", "seconds", "peak MiB"];
  const cells = rows.map((row) => [
    row.slug,
    mark(row.generated),
    mark(row.typeChecks),
    mark(row.fixturesAgree),
    row.seconds.toFixed(1),
    row.peakMiB === undefined ? "-" : row.peakMiB.toFixed(0),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => cell[column]!.length)));
  const line = (cell: string[]) => `| ${cell.map((text, column) => text.padEnd(widths[column]!)).join(" | ")} |`;
  const problems = rows.filter((row) => row.problem !== undefined).map((row) => `- ${row.slug}: ${row.problem}`);
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...cells.map(line), "", ...problems].join(
    "\n",
  );
}

/** The line the README quotes. */
export function summaryLine(rows: CorpusRow[]): string {
  const count = (test: (row: CorpusRow) => boolean) => rows.filter(test).length;
  const slowest = Math.max(...rows.map((row) => row.seconds));
  const peak = Math.max(...rows.map((row) => row.peakMiB ?? 0));
  return (
    `Corpus: ${rows.length} published documents; ${count((row) => row.generated)} generate, ` +
    `${count((row) => row.typeChecks === true)} type-check, ${count((row) => row.fixturesAgree === true)} have fixtures ` +
    `their validators agree with; slowest ${slowest.toFixed(1)} s, peak memory ${peak.toFixed(0)} MiB.`
  );
}

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const slugs = readdirSync(corpusFolder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const unknown = asked.filter((slug) => !slugs.includes(slug));
  if (unknown.length > 0) {
    console.error(`corpus: no document ${unknown.join(", ")} in corpus/`);
    process.exit(2);
  }
  const work = join(repoRoot, ".scratch/corpus");
  const rows: CorpusRow[] = [];
  for (const slug of asked.length > 0 ? asked : slugs) {
    process.stderr.write(`${slug} ...\n`);
    rows.push(await runCorpusDocument(slug, join(work, slug)));
    rmSync(join(work, slug), { recursive: true, force: true });
  }
  console.log(formatTable(rows));
  console.log("");
  console.log(summaryLine(rows));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
