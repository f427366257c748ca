import { readFileSync } from "node:fs";
import type { SpecModel } from "../model/model.js";
import { importLine, runtimeModule } from "./imports.js";
import type { OutputKind } from "./output-kind.js";
import { jsDoc, printStatements } from "./source-file.js";

const rootManifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  devDependencies: Record<string, string>;
};

/** `msw.ts` of a vendor package: `createHandlers`, msw's handlers answering as `createMock()` does. */
export function emitMswHandlers(model: SpecModel): string {
  return printStatements([
    importLine(runtimeModule("msw"), ["mockHandlers"], ["MockHandlerOptions"]),
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

/** msw handlers over the mock: the `./msw` subpath, msw an optional peer at the major version tested here. */
export const mswOutput: OutputKind = {
  name: "msw",
  summary:
    "`createHandlers(options)`: msw request handlers that answer as `createMock()` does " +
    "(credentials, validation, error bodies, duplicates) at the spec's server or `options.baseUrl`; " +
    "msw is an optional peer.",
  optional: true,
  requires: ["mock"],
  appliesTo: (model) => model.operation !== undefined && model.mapping !== undefined,
  files: ({ model }) => [{ path: "src/msw.ts", content: emitMswHandlers(model), verbatim: true }],
  entries: () => [{ subpath: "./msw", source: "src/msw.ts" }],
  peerDependencies: { msw: `^${rootManifest.devDependencies.msw ?? "0.0.0"}` },
};
