/**
 * The one argument parser and help style of every `customer-adapters`
 * command (node's util.parseArgs underneath). A command is declared once, as
 * data; `runCommand` parses its arguments, answers `--help`, `-h` and
 * `--version`, runs it and turns every failure into its exit code:
 * 2 and one line for a usage error, 1 for findings (positioned spec errors),
 * 1 and one line for anything else, with the stack only under `--debug`.
 */
import { readFileSync, statSync } from "node:fs";
import { isAbsolute, relative } from "node:path";
import { parseArgs } from "node:util";
import { didYouMean } from "../core/did-you-mean.js";
import { isSpecFailure } from "../core/spec-error.js";

export const PROGRAM = "customer-adapters";

export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
  /** The value's placeholder in the help, for a string option. */
  value?: string;
  description: string;
}

export interface CommandSpec {
  name: string;
  /** One line for the command list and the help. */
  summary: string;
  /** The positional arguments, as the usage line shows them (`<slug>`). */
  positionals?: { name: string; description: string; required: boolean }[];
  options: Record<string, OptionSpec>;
}

/** A mistake in how the command was called: one line, exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
  /** The message names its own place (a config file's line), so it is shown without the command's name. */
  readonly positioned: boolean = false;
}

/** Options every command has. */
const COMMON: Record<string, OptionSpec> = {
  help: { type: "boolean", short: "h", description: "show this help and exit" },
  version: { type: "boolean", description: "print the version and exit" },
  debug: { type: "boolean", description: "show internal stack traces on failure" },
};

export type Values = Record<string, string | boolean | undefined>;

export interface Parsed {
  values: Values;
  positionals: string[];
}

/** The version of the `customer-adapters` package (dist/package.json once compiled). */
export function version(): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return manifest.version;
}

/** The arguments as the command's values, or a UsageError naming the first thing wrong. */
export function parseCommand(spec: CommandSpec, args: string[]): Parsed {
  const options = { ...spec.options, ...COMMON };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: Object.fromEntries(
        Object.entries(options).map(([name, { type, short }]) => [name, short ? { type, short } : { type }]),
      ),
    });
  } catch (error) {
    throw new UsageError(parseProblem(error, Object.keys(options)));
  }
  const { values, positionals } = parsed as Parsed;
  if (values.help || values.version) return { values, positionals };
  const declared = spec.positionals ?? [];
  if (positionals.length > declared.length)
    throw new UsageError(`unexpected argument \`${positionals[declared.length]}\``);
  const missing = declared.find((positional, index) => positional.required && positionals[index] === undefined);
  if (missing) throw new UsageError(`missing <${missing.name}>`);
  return { values, positionals };
}

/** parseArgs' own messages are long and name its internals; these say the same in a few words, with the option meant. */
function parseProblem(error: unknown, known: string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof Error && "code" in error ? String(error.code) : "";
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const near = option.startsWith("--")
      ? didYouMean(
          option,
          known.map((name) => `--${name}`),
        )
      : "";
    return `unknown option ${option}${near}`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
    return /argument missing/.test(message) ? `option ${option} needs a value` : `option ${option} takes no value`;
  return message.split("\n")[0] ?? message;
}

/** The help of a command: usage, summary, positionals and options, one per line. */
export function helpText(spec: CommandSpec): string {
  const positionals = (spec.positionals ?? []).map((p) => (p.required ? ` <${p.name}>` : ` [<${p.name}>]`)).join("");
  const rows: [string, string][] = [
    ...(spec.positionals ?? []).map((p): [string, string] => [`<${p.name}>`, p.description]),
    ...Object.entries({ ...spec.options, ...COMMON }).map(([name, option]): [string, string] => {
      const placeholder = option.type === "string" ? ` <${option.value ?? "value"}>` : "";
      return [`${option.short ? `-${option.short}, ` : ""}--${name}${placeholder}`, option.description];
    }),
  ];
  const width = Math.max(...rows.map(([left]) => left.length));
  return [
    `usage: ${PROGRAM} ${spec.name} [options]${positionals}`,
    "",
    spec.summary,
    "",
    "options:",
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`),
  ].join("\n");
}

/** A TCP port given on the command line: 0 (any free port) to 65535. */
export function portValue(value: string, option = "--port"): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535)
    throw new UsageError(`${option} must be a port number (0-65535), not \`${value}\``);
  return Number(value);
}

/** A folder the command reads or writes: a usage error when a file is there instead (`what` names the flag). */
export function refuseFile(path: string, what: string): void {
  if (statSync(path, { throwIfNoEntry: false })?.isFile() === true)
    throw new UsageError(`${what} ${shownPath(path)} is a file, not a folder`);
}

/** Writes one line of a failure to stderr; with `debug`, the stack of an internal error too. */
function report(command: string, error: unknown, debug: boolean): number {
  if (error instanceof UsageError) {
    console.error(
      error.positioned
        ? error.message
        : `${PROGRAM} ${command}: ${error.message} (see \`${PROGRAM} ${command} --help\`)`,
    );
    return 2;
  }
  if (isSpecFailure(error)) {
    console.error(error.message);
    return 1;
  }
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  console.error(`${PROGRAM} ${command}: internal error: ${message}${debug ? "" : " (--debug shows where)"}`);
  if (debug && error instanceof Error && error.stack) console.error(error.stack);
  return 1;
}

/** Parses `args` for `spec`, answers --help and --version, runs `run`; resolves to the exit code and never throws. */
export async function runCommand(
  spec: CommandSpec,
  args: string[],
  run: (parsed: Parsed) => Promise<number> | number,
): Promise<number> {
  const debug = args.includes("--debug");
  try {
    const parsed = parseCommand(spec, args);
    if (parsed.values.help) {
      console.log(helpText(spec));
      return 0;
    }
    if (parsed.values.version) {
      console.log(version());
      return 0;
    }
    return await run(parsed);
  } catch (error) {
    return report(spec.name, error, debug);
  }
}

/** A string option's value (parseArgs gives strings for string options). */
export const stringValue = (values: Values, name: string): string | undefined => values[name] as string | undefined;

/** A path as messages show it: relative to the working directory when inside it, else absolute. */
export function shownPath(path: string, cwd = process.cwd()): string {
  const inside = relative(cwd, path);
  return inside === "" ? "." : inside.startsWith("..") || isAbsolute(inside) ? path : inside;
}
