/**
 * `customer-adapters <command>`: the command-line entry (generator/run.mjs
 * starts it). Each command is its own module, loaded when it is called, so
 * that `generate` answering from its cache loads nothing else.
 */
import { didYouMean } from "../core/did-you-mean.js";
import { PROGRAM, version, type CommandSpec } from "./args.js";

interface CommandModule {
  main(args: string[]): Promise<number>;
}

const COMMANDS: Record<string, () => Promise<CommandModule & Record<string, unknown>>> = {
  generate: () => import("./generate.js"),
  review: () => import("./review.js"),
  lint: () => import("./lint.js"),
  check: () => import("./check.js"),
  mock: () => import("./mock.js"),
  build: () => import("./build.js"),
  init: () => import("./init.js"),
};

/** The top-level help: every command with its summary. */
async function helpText(): Promise<string> {
  const specs = await Promise.all(
    Object.values(COMMANDS).map(async (load) =>
      Object.values(await load()).find(
        (value): value is CommandSpec => typeof value === "object" && value !== null && "summary" in value,
      ),
    ),
  );
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return [
    `usage: ${PROGRAM} <command> [options]`,
    "",
    "Typed packages from OpenAPI specs of vendors' create-customer endpoints.",
    "",
    "commands:",
    ...specs.map((spec) => (spec ? `  ${spec.name.padEnd(width)}  ${spec.summary}` : "")),
    "",
    `\`${PROGRAM} <command> --help\` tells more; \`${PROGRAM} --version\` prints the version.`,
  ].join("\n");
}

/** Runs `args` (a command and its arguments); resolves to the exit code. */
export async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  if (command === "--help" || command === "-h") {
    console.log(await helpText());
    return 0;
  }
  if (command === "--version") {
    console.log(version());
    return 0;
  }
  const load = command !== undefined ? COMMANDS[command] : undefined;
  if (!load) {
    const problem =
      command === undefined
        ? "no command given"
        : `unknown command \`${command}\`${didYouMean(command, Object.keys(COMMANDS))}`;
    console.error(`${PROGRAM}: ${problem} (commands: ${Object.keys(COMMANDS).join(", ")}; see \`${PROGRAM} --help\`)`);
    return 2;
  }
  return (await load()).main(rest);
}
