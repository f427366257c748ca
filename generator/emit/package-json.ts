import type { SpecModel } from "../model/model.js";
import { hasMswHandlers, mswExport, mswPeerDependencies } from "./msw.js";

export const SCOPE = "@customer-adapters";

/** The generator's own version, recorded in every package so that a consumer can tell which generator built it. */
export const GENERATOR_VERSION = "0.1.0";

/**
 * The package version: the spec's `info.version`, with the generator version
 * as build metadata (`1.0.0+gen.0.1.0`), so that either change is visible.
 */
export function packageVersion(model: SpecModel): string {
  return `${model.version}+gen.${GENERATOR_VERSION}`;
}

/** Bare module specifiers a generated source imports, e.g. `ajv-formats` for `ajv-formats/dist/formats.js`. */
export function importedPackages(code: string): string[] {
  const names = [...code.matchAll(/^import .* from "([^".][^"]*)";$/gm)].map(([, specifier]) => {
    const parts = (specifier as string).split("/");
    return (specifier as string).startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] as string);
  });
  return [...new Set(names)].sort();
}

/** `package.json` of a generated package. The `customer-adapters-source` condition points this repository's own tools at the sources. */
export function emitPackageJson(model: SpecModel, dependencies: Record<string, string>): string {
  const manifest = {
    name: `${SCOPE}/${model.slug}`,
    version: packageVersion(model),
    description: `${model.title}: generated types and validators (from ${model.specFile}).`,
    license: "UNLICENSED",
    type: "module",
    sideEffects: false,
    engines: { node: ">=20" },
    exports: {
      // The repository's own condition comes first: conditions match in order.
      ".": { "customer-adapters-source": "./src/index.ts", types: "./dist/index.d.ts", default: "./dist/index.js" },
      "./fixtures": { "customer-adapters-source": "./src/fixtures.ts", types: "./dist/fixtures.d.ts", default: "./dist/fixtures.js" },
      "./fixtures/*.json": "./fixtures/*.json",
      ...(model.kind === "canonical"
        ? {
            "./validation": { "customer-adapters-source": "./src/runtime/validation.ts", types: "./dist/runtime/validation.d.ts", default: "./dist/runtime/validation.js" },
            "./mock-server": { "customer-adapters-source": "./src/runtime/mock-server.ts", types: "./dist/runtime/mock-server.d.ts", default: "./dist/runtime/mock-server.js" },
          }
        : {}),
      ...(hasMswHandlers(model) ? mswExport(model) : {}),
    },
    main: "./dist/index.js",
    types: "./dist/index.d.ts",
    files: ["dist", "fixtures", "README.md"],
    dependencies,
    ...(hasMswHandlers(model) ? mswPeerDependencies() : {}),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** `tsconfig.json` that builds the package's `src/` into `dist/`. */
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
      declaration: true,
      declarationMap: true,
      sourceMap: true,
      rootDir: "src",
      outDir: "dist",
      skipLibCheck: true,
    },
    include: ["src"],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
