/**
 * customer-adapters build: each package's `src/` to `dist/` (JavaScript,
 * source maps, declarations), as npm pack ships them, for the packages whose
 * `dist/` was not built from their sources as they are now. Each file is
 * transpiled on its own (TypeScript's `transpileModule` and
 * `transpileDeclaration`; the sources are written for isolated
 * declarations), so that a package builds in milliseconds and `generate`
 * can build what it wrote: an app never runs an older package than its
 * sources. Type-checking is the app's compiler's, over what it uses.
 */
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { AGGREGATE_SLUG } from "../core/output-folders.js";
import { refuseFile, runCommand, shownPath, UsageError, type CommandSpec } from "./args.js";
import { CONFIG_OPTIONS, configFromValues } from "./config.js";

export const buildCommand: CommandSpec = {
  name: "build",
  summary:
    "Builds each generated package's src/ to dist/ (JavaScript, declarations, source maps) where it changed, as npm pack ships them.",
  options: {
    config: CONFIG_OPTIONS.config,
    out: {
      type: "string",
      value: "dir",
      description: "the output folder holding the packages (default: the config's, else generated)",
    },
  },
};

/** Names the hash of the sources `dist/` was built from. */
const STAMP = ".sources";

/** A package to build: its name, as messages show it, and its folder. */
export interface BuildTarget {
  name: string;
  dir: string;
}

/**
 * The packages of `outDir` (default: all; else those named, when there), the
 * runtime and the canonical package first. This repository's own runtime
 * package (packages/runtime beside the output folder), which every package
 * generated here imports, goes before them all.
 */
const RANKS: Record<string, number> = { runtime: 0, canonical: 1, [AGGREGATE_SLUG]: 3 };
const rank = (name: string) => RANKS[name] ?? 2;

export function buildTargets(outDir: string, names?: string[]): BuildTarget[] {
  const runtime = join(dirname(outDir), "packages/runtime");
  const generated = (names ?? readdirSync(outDir))
    .filter((name) => existsSync(join(outDir, name, "tsconfig.json")))
    // The runtime and the canonical package first, the aggregate (which imports every vendor) last.
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return [
    ...(existsSync(join(runtime, "tsconfig.json")) ? [{ name: "runtime", dir: runtime }] : []),
    ...generated.map((name) => ({ name, dir: join(outDir, name) })),
  ];
}

/** The files under `dir`, relative to it, sorted. */
const filesUnder = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
        .sort()
    : [];

/** One hash over the package's manifest and every file of its `src/`: what its `dist/` is built from. */
function sourcesHash(dir: string): string {
  const hash = createHash("sha256")
    .update(readFileSync(join(dir, "package.json")))
    .update("\0");
  for (const file of filesUnder(join(dir, "src")))
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(dir, "src", file)))
      .update("\0");
  return hash.digest("hex");
}

/** Whether a package's `dist/` was built from its sources as they are now. */
export function isBuilt(dir: string): boolean {
  const stamp = join(dir, "dist", STAMP);
  return existsSync(stamp) && readFileSync(stamp, "utf8") === sourcesHash(dir);
}

/**
 * Builds one package into `dist/` (built aside, then swapped in whole); the
 * problems found, one line each (`file:line:column: message`), none when it built.
 */
export async function buildPackage(dir: string): Promise<string[]> {
  const [{ transform }, { ts }] = await Promise.all([import("esbuild"), import("ts-morph")]);
  // Built aside in a folder named dist too, which whatever reads the package's sources (the output's hashes, --check) skips.
  const aside = join(dir, `.build-${process.pid}`);
  const staging = join(aside, "dist");
  rmSync(aside, { recursive: true, force: true });
  const sources: string[] = [];
  for (const file of filesUnder(join(dir, "src"))) {
    const from = join(dir, "src", file);
    const to = join(staging, file);
    mkdirSync(dirname(to), { recursive: true });
    // JavaScript, declarations and JSON written as data (ajv's compiled validators, fixtures) are copied.
    if (!file.endsWith(".ts") || file.endsWith(".d.ts")) {
      copyFileSync(from, to);
      continue;
    }
    sources.push(from);
    const js = await transform(readFileSync(from, "utf8"), {
      loader: "ts",
      format: "esm",
      // Node 20's syntax, with the import attributes the sources write (`with { type: "json" }`) kept as written.
      target: "node20",
      supported: { "import-attributes": true },
      sourcemap: "external",
      sourcefile: `../src/${file}`,
    });
    const base = to.replace(/\.ts$/, "");
    writeFileSync(`${base}.js`, `${js.code}//# sourceMappingURL=${basename(base)}.js.map\n`);
    writeFileSync(`${base}.js.map`, js.map);
  }
  // Declarations of all the package's files from one program that reads no imports and no types: each declared alone.
  const program = ts.createProgram(sources, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    strict: true,
    declaration: true,
    emitDeclarationOnly: true,
    isolatedDeclarations: true,
    noResolve: true,
    noLib: true,
    types: [],
    rootDir: join(dir, "src"),
    outDir: staging,
  });
  program.emit();
  const problems = program.getDeclarationDiagnostics().map((diagnostic) => {
    const at = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
    const where =
      diagnostic.file && at ? `${shownPath(diagnostic.file.fileName)}:${at.line + 1}:${at.character + 1}: ` : "";
    return `${where}${ts.flattenDiagnosticMessageText(diagnostic.messageText, " ")}`;
  });
  if (problems.length > 0) {
    rmSync(aside, { recursive: true, force: true });
    return problems;
  }
  writeFileSync(join(staging, STAMP), sourcesHash(dir));
  rmSync(join(dir, "dist"), { recursive: true, force: true });
  renameSync(staging, join(dir, "dist"));
  rmSync(aside, { recursive: true, force: true });
  return [];
}

/** Builds those of `targets` whose `dist/` is not built from their sources as they are now; the names of those that failed. */
export async function buildPackages(targets: BuildTarget[], { quiet = false } = {}): Promise<string[]> {
  const failed: string[] = [];
  for (const { name, dir } of targets) {
    if (isBuilt(dir)) continue;
    const problems = await buildPackage(dir);
    if (problems.length > 0) {
      failed.push(name);
      console.error(`${name}: build failed\n${problems.join("\n")}`);
    } else if (!quiet) console.log(`${name.padEnd(10)} built into ${shownPath(dir)}/dist`);
  }
  return failed;
}

/**
 * The packages of `outDir` that name another version of the runtime than the
 * one in `outDir/runtime/`, one line each: npm would look for that version on
 * a registry. Empty when the output folder holds no runtime package.
 */
export function runtimeMismatches(outDir: string): string[] {
  const manifest = (dir: string) =>
    JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
      name: string;
      version: string;
      dependencies?: Record<string, string>;
    };
  if (!existsSync(join(outDir, "runtime/package.json"))) return [];
  const runtime = manifest(join(outDir, "runtime"));
  return buildTargets(outDir)
    .filter((target) => target.name !== "runtime" && existsSync(join(target.dir, "package.json")))
    .flatMap(({ dir }) => {
      const wanted = manifest(dir).dependencies?.[runtime.name];
      return wanted === undefined || wanted === runtime.version
        ? []
        : [
            `${shownPath(dir)} was generated for ${runtime.name} ${wanted}, but ${shownPath(outDir)}/runtime is ${runtime.version}: run \`customer-adapters generate\``,
          ];
    });
}

export function main(args: string[]): Promise<number> {
  return runCommand(buildCommand, args, async ({ values }) => {
    const config = await configFromValues(values, { readsSpecs: false });
    refuseFile(config.out, "--out");
    if (!existsSync(config.out))
      throw new UsageError(`no output folder \`${shownPath(config.out)}\`; run \`customer-adapters generate\` first`);
    const [mismatch] = runtimeMismatches(config.out);
    if (mismatch) throw new UsageError(mismatch);
    const targets = buildTargets(config.out);
    const failed = await buildPackages(targets);
    if (failed.length === 0 && targets.every((target) => isBuilt(target.dir)))
      console.log(`${targets.length} packages built in ${shownPath(config.out)}/ (those unchanged kept as they were)`);
    return failed.length === 0 ? 0 : 1;
  });
}

/**
 * The packages whose `dist/` an app would find older than their sources:
 * with `all` (the output folder holds the runtime: a user's repository,
 * where `generate` builds), every package not built from its sources as they
 * are now; else those built once and stale since.
 */
export function staleBuilds(outDir: string, all: boolean): BuildTarget[] {
  return buildTargets(outDir).filter((target) => (all || existsSync(join(target.dir, "dist"))) && !isBuilt(target.dir));
}

/** Builds what `staleBuilds` finds, telling how many in one line; the names of those that failed. */
export async function freshenBuilds(outDir: string, all: boolean): Promise<string[]> {
  const stale = staleBuilds(outDir, all);
  if (stale.length === 0) return [];
  const started = performance.now();
  const failed = await buildPackages(stale, { quiet: true });
  const built = stale.length - failed.length;
  if (built > 0)
    console.log(
      `built ${built} ${built === 1 ? "package" : "packages"} into dist/ (${stale
        .filter((target) => !failed.includes(target.name))
        .map((target) => target.name)
        .join(", ")}) in ${Math.round(performance.now() - started)} ms`,
    );
  return failed;
}
