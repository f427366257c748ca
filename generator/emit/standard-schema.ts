import type { SpecModel } from "../model/model.js";
import { assignCall } from "./final-layout.js";
import { importLine, importTypes, runtimeModule } from "./imports.js";
import type { OutputKind } from "./output-kind.js";
import { jsDoc, printStatements } from "./source-file.js";
import { typeName } from "./type-expression.js";
import { validationTargets } from "./validation-targets.js";
import { bodylessRequest } from "./validators.js";

/** The export name of the Standard Schema for a validated type: `CreateCustomerRequestBodySchema`. */
export function standardSchemaName(type: string): string {
  return `${type}Schema`;
}

/**
 * `standard-schema.ts`: one Standard Schema v1 per validated type (request
 * body, parameter groups, context, responses; each schema of the canonical
 * package), each a thin face over its `validateX`, so the issues carry the
 * same paths, rules and vendor codes.
 */
export function emitStandardSchemas(model: SpecModel): string {
  const bodyless = bodylessRequest(model);
  const targets = [
    ...validationTargets(model),
    ...(bodyless ? [{ type: bodyless.type, summary: `the request body (${bodyless.operation} takes none)` }] : []),
  ];
  const types = targets.map((target) => target.type).sort();
  return printStatements([
    importLine(runtimeModule("standard-schema"), ["standardSchema"], ["VendorSchema"]),
    importTypes("./types.js", types),
    importLine(
      "./validators.js",
      types.map((type) => `validate${type}`),
    ),
    ...targets.map((target) => {
      const doc = jsDoc(`Standard Schema v1 for ${target.summary} (\`validate${target.type}\` underneath).`);
      const name = standardSchemaName(target.type);
      return `${doc}\n${assignCall(`export const ${name}: VendorSchema<${target.type}> =`, "standardSchema", `validate${target.type}`)}`;
    }),
  ]);
}

/** Standard Schema v1 exports: `XSchema` per validated type, and `adapter.requestSchema`. */
export const standardSchemaOutput: OutputKind = {
  name: "standard-schema",
  summary:
    "`XSchema` for each validated type (and `adapter.requestSchema`): a Standard Schema v1 over `validateX`, " +
    "for tRPC, TanStack Form, Hono and other tools; each issue has its path as segments, the rule and the " +
    "vendor's code.",
  optional: true,
  requires: ["validators"],
  appliesTo: () => true,
  files: ({ model }) => [{ path: "src/standard-schema.ts", content: emitStandardSchemas(model), verbatim: true }],
  main: () => [{ source: "./standard-schema.js" }],
  adapter: (model) => {
    const name = standardSchemaName(`${typeName(model.operation?.id ?? "")}RequestBody`);
    return { imports: [`import { ${name} } from "./standard-schema.js";`], members: [`requestSchema: ${name}`] };
  },
};
