import { readFileSync } from "node:fs";
import type { SpecModel } from "../model/model.js";
import { RUNTIME_PACKAGE } from "./imports.js";
import type { OutputKind } from "./output-kind.js";
import { printJsonFile } from "./final-layout.js";

export const SCOPE = "@customer-adapters";

const manifestOf = (url: URL) =>
  JSON.parse(readFileSync(url, "utf8")) as { version: string; dependencies: Record<string, string> };
const generatorManifest = manifestOf(new URL("../../package.json", import.meta.url));
const runtimeManifest = manifestOf(new URL("../../packages/runtime/package.json", import.meta.url));

/** The runtime's version: every package (and the aggregate) names it exactly. */
export const RUNTIME_VERSION = runtimeManifest.version;

/** The generator's own version, recorded in every package so that a consumer can tell which generator built it. */
export const GENERATOR_VERSION = generatorManifest.version;

/** `major.minor.patch` of a version as written; what is not semver (`2.0`, `2020-08-27`, `v3`) is read as its first three numbers. */
export function semverParts(version: string): [number, number, number] {
  const numbers = (version.match(/\d+/g) ?? []).slice(0, 3).map((digits) => Number.parseInt(digits, 10));
  return [numbers[0] ?? 0, numbers[1] ?? 0, numbers[2] ?? 0];
}

/**
 * The package version: the spec's `info.version` plus the generator's
 * version, part by part (spec 1.2.0 by generator 1.0.3 gives 2.2.3). Both
 * only move forward, so the sum does too, and it moves in the part that
 * moved: a breaking change of the spec or of the generator is a new major.
 */
export function packageVersion(model: SpecModel): string {
  const spec = semverParts(model.version);
  const generator = semverParts(GENERATOR_VERSION);
  return spec.map((part, index) => part + (generator[index] as number)).join(".");
}

/** Bare module specifiers a generated source imports, e.g. `ajv-formats` for `ajv-formats/dist/formats.js`. */
export function importedPackages(code: string): string[] {
  const names = [...code.matchAll(/^import .* from "([^".][^"]*)"(?: with \{[^}]*\})?;$/gm)].map(([, specifier]) => {
    const parts = (specifier as string).split("/");
    return (specifier as string).startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] as string);
  });
  return [...new Set(names)].sort();
}

/**
 * Runtime dependencies: what the package's sources import. The runtime and
 * the canonical package are named exactly (the versions generated and
 * tested together); libraries at the range this repository tests with.
 */
export function dependenciesOf(sources: string[], canonical: SpecModel | undefined): Record<string, string> {
  const exact: Record<string, string | undefined> = {
    [RUNTIME_PACKAGE]: runtimeManifest.version,
    [`${SCOPE}/canonical`]: canonical && packageVersion(canonical),
  };
  return Object.fromEntries(
    importedPackages(sources.join("\n")).map((name) => [
      name,
      exact[name] ?? `^${generatorManifest.dependencies[name] ?? runtimeManifest.dependencies[name] ?? "0.0.0"}`,
    ]),
  );
}

/** An export condition set: the repository's own condition first (conditions match in order), then the built files. */
function conditions(source: string): Record<string, string> | string {
  if (source.endsWith(".json"))
    return { "customer-adapters-source": `./${source}`, default: `./${source.replace(/^src\//, "dist/")}` };
  const built = source.replace(/^src\//, "./dist/").replace(/\.ts$/, "");
  return { "customer-adapters-source": `./${source}`, types: `${built}.d.ts`, default: `${built}.js` };
}

/** `package.json` of a generated package: the main entry, then each kind's own subpaths, in registry order. */
export function emitPackageJson(
  model: SpecModel,
  kinds: readonly OutputKind[],
  dependencies: Record<string, string>,
): string {
  const peers = Object.assign({}, ...kinds.map((kind) => kind.peerDependencies ?? {})) as Record<string, string>;
  const manifest = {
    name: `${SCOPE}/${model.slug}`,
    version: packageVersion(model),
    description: `${model.title}: generated types and validators (from ${model.specFile}).`,
    license: "UNLICENSED",
    type: "module",
    sideEffects: false,
    engines: { node: ">=20" },
    exports: Object.fromEntries([
      [".", conditions("src/index.ts")],
      ...kinds.flatMap((kind) => kind.entries?.(model) ?? []).map((entry) => [entry.subpath, conditions(entry.source)]),
    ]),
    main: "./dist/index.js",
    types: "./dist/index.d.ts",
    files: ["dist", "README.md"],
    // A peer is the consumer's to install (a type-only import of it would otherwise land here too).
    dependencies: Object.fromEntries(Object.entries(dependencies).filter(([name]) => !(name in peers))),
    ...(Object.keys(peers).length > 0
      ? {
          peerDependencies: peers,
          peerDependenciesMeta: Object.fromEntries(Object.keys(peers).map((name) => [name, { optional: true }])),
        }
      : {}),
  };
  // Biome lays out a package.json as npm writes it: every array and object broken.
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** `tsconfig.json` that builds the package's `src/` into `dist/` (JSON fixtures copied beside the code). */
export function emitTsconfig(): string {
  const config = {
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      // DOM for the web APIs Node 20 shares with browsers (URL, URLSearchParams, structuredClone); the packages use no Node built-ins.
      lib: ["ES2022", "DOM", "DOM.Iterable"],
      types: [],
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      resolveJsonModule: true,
      declaration: true,
      declarationMap: true,
      sourceMap: true,
      rootDir: "src",
      outDir: "dist",
      skipLibCheck: true,
    },
    include: ["src"],
  };
  return printJsonFile(config);
}
