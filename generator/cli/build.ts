/**
 * customer-adapters build: compiles each generated package's `src/` to
 * `dist/` (JavaScript, declarations, source maps) with the project's own
 * TypeScript, else this package's.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, rmSync } from "node:fs";
import { AGGREGATE_SLUG } from "../core/aggregate-slug.js";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { runCommand, shownPath, UsageError, type CommandSpec } from "./args.js";
import { CONFIG_OPTIONS, configFromValues } from "./config.js";

export const buildCommand: CommandSpec = {
  name: "build",
  summary:
    "Compiles every generated package's src/ to dist/ (JavaScript, declarations, source maps), as npm pack ships them.",
  options: {
    config: CONFIG_OPTIONS.config,
    out: {
      type: "string",
      value: "dir",
      description: "the output folder holding the packages (default: the config's, else generated)",
    },
  },
};

/** tsc: the working directory's project's TypeScript first, then the one installed beside this package. */
function findTsc(): string {
  for (const from of [join(process.cwd(), "package.json"), import.meta.url]) {
    try {
      return createRequire(from).resolve("typescript/bin/tsc");
    } catch {
      // not installed there
    }
  }
  throw new UsageError("build needs TypeScript: `npm install --save-dev typescript`");
}

/** A package to build: its name, as messages show it, and its folder. */
export interface BuildTarget {
  name: string;
  dir: string;
}

/**
 * The packages of `outDir` (default: all; else those named, when there), the
 * canonical package first: the others read its declarations. This
 * repository's own runtime package (packages/runtime beside the output
 * folder), which every generated package imports, goes before them all.
 */
const rank = (name: string) => (name === "canonical" ? 0 : name === AGGREGATE_SLUG ? 2 : 1);

export function buildTargets(outDir: string, names?: string[]): BuildTarget[] {
  const runtime = join(dirname(outDir), "packages/runtime");
  const generated = (names ?? readdirSync(outDir))
    .filter((name) => existsSync(join(outDir, name, "tsconfig.json")))
    // The canonical package first, the aggregate (which reads every vendor's declarations) last.
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  return [
    ...(existsSync(join(runtime, "tsconfig.json")) ? [{ name: "runtime", dir: runtime }] : []),
    ...generated.map((name) => ({ name, dir: join(outDir, name) })),
  ];
}

/** Builds `targets` in order; the names of those that failed, their compiler output printed. */
export function buildPackages(targets: BuildTarget[]): string[] {
  const tsc = findTsc();
  const failed: string[] = [];
  for (const { name, dir } of targets) {
    rmSync(join(dir, "dist"), { recursive: true, force: true });
    const result = spawnSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], { encoding: "utf8" });
    if (result.status !== 0) {
      failed.push(name);
      console.error(`${name}: build failed\n${result.stdout}${result.stderr}`);
      continue;
    }
    // ajv's compiled validators are JavaScript with a hand-made declaration beside them: tsc does not copy those.
    for (const file of ["validators.compiled.js", "validators.compiled.d.ts"])
      if (existsSync(join(dir, "src", file))) copyFileSync(join(dir, "src", file), join(dir, "dist", file));
    console.log(`${name.padEnd(10)} built into ${shownPath(dir)}/dist`);
  }
  return failed;
}

export function main(args: string[]): Promise<number> {
  return runCommand(buildCommand, args, async ({ values }) => {
    const config = await configFromValues(values, { readsSpecs: false });
    if (!existsSync(config.out))
      throw new UsageError(`no output folder \`${shownPath(config.out)}\`; run \`customer-adapters generate\` first`);
    return buildPackages(buildTargets(config.out)).length === 0 ? 0 : 1;
  });
}
