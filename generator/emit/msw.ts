import { readFileSync } from "node:fs";
import type { SpecModel } from "../model/model.js";
import { jsDoc, printStatements } from "./source-file.js";

/** msw is an optional peer: only the `./msw` subpath imports it, at the major version this repository tests with. */
export const MSW_PEER = "msw";

const rootManifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  devDependencies: Record<string, string>;
};

/** `peerDependencies` and `peerDependenciesMeta` of a package with a `./msw` subpath. */
export function mswPeerDependencies(): {
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional: true }>;
} {
  const version = rootManifest.devDependencies[MSW_PEER] ?? "0.0.0";
  return { peerDependencies: { [MSW_PEER]: `^${version}` }, peerDependenciesMeta: { [MSW_PEER]: { optional: true } } };
}

/** Whether the package has a `./msw` subpath: the canonical one (the helper) and every vendor with a mock. */
export function hasMswHandlers(model: SpecModel): boolean {
  return model.kind === "canonical" || model.mapping !== undefined;
}

/** The `./msw` entry of `exports`. */
export function mswExport(model: SpecModel): Record<string, Record<string, string>> {
  const [source, built] =
    model.kind === "canonical" ? ["./src/runtime/msw.ts", "./dist/runtime/msw"] : ["./src/msw.ts", "./dist/msw"];
  return { "./msw": { "customer-adapters-source": source, types: `${built}.d.ts`, default: `${built}.js` } };
}

/** `msw.ts` of a vendor package: `createHandlers`, msw's handlers answering as `createMock()` does. */
export function emitMswHandlers(model: SpecModel): string {
  return printStatements([
    `import { mockHandlers, type MockHandlerOptions } from "@customer-adapters/canonical/msw";`,
    `import type { HttpHandler } from "msw";`,
    `import { mockDefinition } from "./mock.js";`,
    `${jsDoc(
      [
        `msw request handlers that answer like \`createMock()\`, as ${model.vendorName}'s create endpoint would:`,
        "the same credentials, validation, error bodies and duplicates. They answer at the spec's server (its",
        "variables at their defaults) unless `options.baseUrl` says otherwise; `options.context` replaces the",
        "credentials they accept.",
        "@example setupServer(...createHandlers()).listen()",
      ].join("\n"),
    )}
export function createHandlers(options: MockHandlerOptions = {}): HttpHandler[] {
  return mockHandlers(mockDefinition, options);
}`,
  ]);
}
