import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `customer-adapters <args>` (what the npm scripts run: generator/run.mjs) in `cwd`. */
export function runCommand(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const result = spawnSync(process.execPath, [join(repoRoot, "generator/run.mjs"), ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the generator itself, the cache left out (`npm run generate -- --no-cache <args>`), in `cwd`. */
export function runGenerate(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  return runCommand(["generate", "--no-cache", ...args], options);
}

/** Runs `npm run generate -- <args>` (the cache in front of the generator) with its own cache folder. */
export function runLauncher(args: string[], options: { cwd: string; cacheDir: string }): CliResult {
  return runCommand(["generate", ...args], { cwd: options.cwd, env: { CUSTOMER_ADAPTERS_CACHE: options.cacheDir } });
}

const scratchDirs: string[] = [];

/** Removes every scratch folder made so far; call it from `afterAll`. */
export function removeScratch(): void {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A scratch folder (removed by `removeScratch`) with a copy of `from` (relative to the repository) in it. */
export function scratchCopy(from: string, name = "specs"): string {
  const dir = mkdtempSync(join(tmpdir(), "customer-adapters-"));
  scratchDirs.push(dir);
  cpSync(join(repoRoot, from), join(dir, name), { recursive: true });
  return dir;
}

/** One hash over every file's path and bytes: equal hashes mean byte-identical trees. */
export function treeHash(dir: string): string {
  const hash = createHash("sha256");
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    // dist/ is built by `npm run build` (the consumer test), not generated: not part of the tree compared.
    .filter((file) => !relative(dir, file).split(sep).includes("dist"))
    .sort();
  for (const file of files) hash.update(relative(dir, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex");
}

/**
 * `tsc --noEmit` over the files `include` names in `dir`, with the
 * repository's own settings (strict, exactOptionalPropertyTypes,
 * noUncheckedIndexedAccess, noUnused*): what it printed and its status.
 */
export function typeCheck(dir: string, include: string[]): { output: string; status: number | null } {
  const config = join(dir, "tsconfig.json");
  writeFileSync(
    config,
    JSON.stringify({ extends: join(repoRoot, "tsconfig.json"), include, compilerOptions: { noEmit: true } }),
  );
  const tsc = spawnSync(process.execPath, [join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", config], {
    encoding: "utf8",
  });
  return { output: tsc.stdout + tsc.stderr, status: tsc.status };
}
