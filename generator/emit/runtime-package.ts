/**
 * The runtime package written into a user's output folder (`<out>/runtime/`):
 * the sources of this repository's `packages/runtime` (the one source; the
 * compiled generator carries them as data), with a manifest whose exports
 * point at `dist/` only. The generated packages depend on it by its exact
 * version, so that npm workspaces link it from the output folder and no
 * registry is ever asked for it; its name takes the packages' scope
 * (generator/outputs.ts), a name the user owns.
 */
import { readdirSync, readFileSync } from "node:fs";
import { RUNTIME_FOLDER } from "../core/output-folders.js";
import type { GeneratedFile } from "./package.js";
import { emitTsconfig } from "./package-json.js";

export { RUNTIME_FOLDER };

const runtimeDir = new URL("../../packages/runtime/", import.meta.url);
/** The repository's own condition, which resolves its workspaces to their sources; a user's repository has no use for it. */
const SOURCE_CONDITION = "customer-adapters-source";

interface RuntimeManifest {
  version: string;
  exports: Record<string, Record<string, string>>;
  [key: string]: unknown;
}

const readRuntime = (file: string) => readFileSync(new URL(file, runtimeDir), "utf8");

/** The runtime's version, as its manifest says: what every generated package names exactly. */
export const RUNTIME_VERSION: string = (JSON.parse(readRuntime("package.json")) as RuntimeManifest).version;

/** The runtime's manifest as the user's copy has it: the built files only, and the sources shipped beside them. */
function runtimeManifest(): string {
  const manifest = JSON.parse(readRuntime("package.json")) as RuntimeManifest;
  const exports = Object.fromEntries(
    Object.entries(manifest.exports).map(([subpath, conditions]) => [
      subpath,
      Object.fromEntries(Object.entries(conditions).filter(([condition]) => condition !== SOURCE_CONDITION)),
    ]),
  );
  return `${JSON.stringify({ ...manifest, exports }, null, 2)}\n`;
}

/** Every file of the runtime package, paths relative to the output folder. */
export function emitRuntimePackage(): GeneratedFile[] {
  const sources = readdirSync(new URL("src/", runtimeDir))
    .filter((name) => name.endsWith(".ts"))
    .sort()
    .map((name) => ({ path: `src/${name}`, content: readRuntime(`src/${name}`) }));
  const files = [
    { path: "package.json", content: runtimeManifest() },
    { path: "tsconfig.json", content: emitTsconfig() },
    { path: "README.md", content: readRuntime("README.md") },
    ...sources,
  ];
  // Already in their final layout: the formatter leaves them as the runtime's own sources are.
  return files.map((file) => ({ ...file, path: `${RUNTIME_FOLDER}/${file.path}`, verbatim: true }));
}
