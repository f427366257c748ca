import type { SpecModel } from "../model/model.js";
import { jsDoc, printStatements } from "./source-file.js";
import { validationTargets } from "./validation-targets.js";
import { runtimeImport } from "./validators.js";

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
  const targets = validationTargets(model);
  const from = model.kind === "canonical" ? "./runtime/standard-schema.js" : runtimeImport(model);
  const types = targets.map((target) => target.type).sort();
  return printStatements([
    `import { standardSchema, type VendorSchema } from "${from}";`,
    `import type { ${types.join(", ")} } from "./types.js";`,
    `import { ${types.map((type) => `validate${type}`).join(", ")} } from "./validators.js";`,
    ...targets.map((target) => {
      const doc = jsDoc(`Standard Schema v1 for ${target.summary} (\`validate${target.type}\` underneath).`);
      const name = standardSchemaName(target.type);
      return `${doc}\nexport const ${name}: VendorSchema<${target.type}> = standardSchema(validate${target.type});`;
    }),
  ]);
}
