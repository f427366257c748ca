import type { SpecModel } from "../model/model.js";

export const SCOPE = "@customer-adapters";

/** The generator's own version, part of every package version so that a generator change is a new release. */
export const GENERATOR_VERSION = "0.1.0";

/** `package.json` of a generated package. `source` points tools that read TypeScript at the sources. */
export function emitPackageJson(model: SpecModel, runtimeDependencies: Record<string, string>): string {
  const manifest = {
    name: `${SCOPE}/${model.slug}`,
    version: `${model.version}+gen.${GENERATOR_VERSION}`,
    description: `${model.title}: generated types and validators${model.seed ? ` (from ${model.specFile})` : ""}.`,
    type: "module",
    sideEffects: false,
    exports: {
      ".": { types: "./dist/index.d.ts", source: "./src/index.ts", default: "./dist/index.js" },
    },
    files: ["dist", "src", "README.md"],
    dependencies: {
      ...(model.kind === "vendor" ? { [`${SCOPE}/canonical`]: "^1.0.0" } : {}),
      ...runtimeDependencies,
    },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
