// customer-adapters init [<dir>]: the starter in templates/init/: a config, the canonical customer, an example vendor.
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { refuseFile, runCommand, shownPath, stringValue, UsageError, type CommandSpec } from "./args.js";
import { checkScopeFlag, SCOPE_PATTERN } from "./config.js";

const STARTER = fileURLToPath(new URL("../../templates/init/", import.meta.url));
const CONFIG = "customer-adapters.config.json";

export const initCommand: CommandSpec = {
  name: "init",
  summary:
    "Writes a starter: customer-adapters.config.json (in your npm scope), and specs/ with the canonical customer and an example vendor.",
  positionals: [{ name: "dir", description: "where to write it (default: here)", required: false }],
  options: {
    scope: {
      type: "string",
      value: "@scope",
      description: "your npm scope, for the packages' names (default: the scope of package.json's `name` there)",
    },
  },
};

/** The starter's files, relative to its folder. */
const starterFiles = () =>
  readdirSync(STARTER, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(STARTER, join(entry.parentPath, entry.name)))
    .sort();

/**
 * The npm scope the packages are named in: the flag's, else the scope of the
 * project's own package name (`@acme/shop` gives `@acme`). Never a default:
 * a scope the user does not own on their registry invites someone else's code.
 */
function scopeFor(target: string, flag: string | undefined): string {
  if (flag !== undefined) return checkScopeFlag(flag);
  const manifest = join(target, "package.json");
  let name: unknown;
  try {
    name = (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name;
  } catch {
    // no package.json there, or not JSON: no name to take the scope from
  }
  const scope = typeof name === "string" ? name.match(/^(@[^/]+)\//)?.[1] : undefined;
  if (scope !== undefined && SCOPE_PATTERN.test(scope)) return scope;
  throw new UsageError(
    `no npm scope to name the packages in: give \`--scope @yours\`, or a scoped \`name\` in \`${shownPath(manifest)}\``,
  );
}

export function main(args: string[]): Promise<number> {
  return runCommand(initCommand, args, ({ positionals, values }) => {
    const target = resolve(positionals[0] ?? ".");
    refuseFile(target, "<dir>");
    const files = starterFiles();
    const taken = files.find((file) => existsSync(join(target, file)));
    // Nothing is overwritten: a starter goes into a place that has none of its files.
    if (taken) throw new UsageError(`\`${shownPath(join(target, taken))}\` exists already; init writes only new files`);
    const scope = scopeFor(target, stringValue(values, "scope"));
    cpSync(STARTER, target, { recursive: true });
    const { specs, out, ...rest } = JSON.parse(readFileSync(join(STARTER, CONFIG), "utf8")) as Record<string, unknown>;
    writeFileSync(join(target, CONFIG), `${JSON.stringify({ specs, out, scope, ...rest }, null, 2)}\n`);
    for (const file of files) console.log(`wrote ${shownPath(join(target, file))}`);
    console.log(`the packages are named in ${scope}; next: customer-adapters generate`);
    console.log(`then, to use them here: "workspaces": ["${out}/*"] in package.json, and npm install`);
    return 0;
  });
}
