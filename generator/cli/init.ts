// customer-adapters init [<dir>]: the starter in templates/init/: a config, the canonical customer, an example vendor.
import { cpSync, existsSync, readdirSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { refuseFile, runCommand, shownPath, UsageError, type CommandSpec } from "./args.js";

const STARTER = fileURLToPath(new URL("../../templates/init/", import.meta.url));

export const initCommand: CommandSpec = {
  name: "init",
  summary:
    "Writes a starter: customer-adapters.config.json, and specs/ with the canonical customer and an example vendor.",
  positionals: [{ name: "dir", description: "where to write it (default: here)", required: false }],
  options: {},
};

/** The starter's files, relative to its folder. */
const starterFiles = () =>
  readdirSync(STARTER, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(STARTER, join(entry.parentPath, entry.name)))
    .sort();

export function main(args: string[]): Promise<number> {
  return runCommand(initCommand, args, ({ positionals }) => {
    const target = resolve(positionals[0] ?? ".");
    refuseFile(target, "<dir>");
    const files = starterFiles();
    const taken = files.find((file) => existsSync(join(target, file)));
    // Nothing is overwritten: a starter goes into a place that has none of its files.
    if (taken) throw new UsageError(`\`${shownPath(join(target, taken))}\` exists already; init writes only new files`);
    cpSync(STARTER, target, { recursive: true });
    for (const file of files) console.log(`wrote ${shownPath(join(target, file))}`);
    console.log("next: customer-adapters generate");
    return 0;
  });
}
