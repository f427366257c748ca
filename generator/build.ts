/**
 * `npm run build`: compiles the runtime package and every generated
 * package's `src/` to `dist/` (JavaScript, declarations, source maps, the
 * JSON fixtures). The runtime goes first, then the canonical package: the
 * others read their declarations.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const generated = join(root, "generated");
const tsc = join(root, "node_modules/typescript/bin/tsc");

// Package folders only: generated/ also holds the generator's marker file (write/write-tree.ts).
const generatedPackages = readdirSync(generated, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort((a, b) => (a === "canonical" ? -1 : b === "canonical" ? 1 : a < b ? -1 : 1));
const packages = [{ name: "runtime", dir: join(root, "packages/runtime"), compiled: false }, ...generatedPackages.map((name) => ({ name, dir: join(generated, name), compiled: true }))];
let failed = false;
for (const { name, dir, compiled } of packages) {
  if (!existsSync(join(dir, "tsconfig.json"))) continue;
  rmSync(join(dir, "dist"), { recursive: true, force: true });
  const result = spawnSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], { encoding: "utf8" });
  if (result.status !== 0) {
    failed = true;
    console.error(`${name}: build failed\n${result.stdout}${result.stderr}`);
    continue;
  }
  // ajv's compiled validators are JavaScript with a hand-made declaration beside them: tsc does not copy those.
  if (compiled) for (const file of ["validators.compiled.js", "validators.compiled.d.ts"]) copyFileSync(join(dir, "src", file), join(dir, "dist", file));
  console.log(`${name.padEnd(10)} built into ${relative(root, dir)}/dist`);
}
process.exitCode = failed ? 1 : 0;
