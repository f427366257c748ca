import { Ajv2020, type Options, type ValidateFunction } from "ajv/dist/2020.js";
import formatsPlugin from "ajv-formats";
import type { NamedSchema } from "./model.js";
import { isSchemaObject, mapSchema, type Schema } from "../core/schema-walk.js";

/** Keywords that do not affect validation; dropped so that compiled validators stay small. */
const ANNOTATIONS = new Set(["title", "description", "examples", "example", "$comment", "xml", "externalDocs", "discriminator", "deprecated"]);

export const COMPONENTS_ID = "components";

/** Maps whose key order carries no meaning; sorted so that spec key order cannot change the output. */
const UNORDERED_MAPS = new Set(["dependentRequired", "dependentSchemas", "patternProperties", "$defs"]);

const sortedKeys = (value: Schema): Schema => Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * A schema reduced to what validation needs, with `$ref`s pointing into the
 * shared components schema and keywords in a fixed order. `properties` keep
 * the spec's order: it is the vendor's field (and XML element) order.
 */
export function validationSchema(schema: Schema): Schema {
  return mapSchema(schema, (node) => {
    const kept: Schema = {};
    for (const [keyword, value] of Object.entries(sortedKeys(node))) {
      if (ANNOTATIONS.has(keyword) || keyword.startsWith("x-")) continue;
      kept[keyword] =
        keyword === "$ref" && typeof value === "string"
          ? value.replace(/^#\/components\/schemas\//, `${COMPONENTS_ID}#/$defs/`)
          : UNORDERED_MAPS.has(keyword) && isSchemaObject(value)
            ? sortedKeys(value)
            : value;
    }
    return kept;
  });
}

/**
 * The one ajv configuration of the project: used to check examples at
 * generate time and to emit the standalone validators, so both agree.
 */
export function createAjv(schemas: NamedSchema[], options: Options = {}, extraDefinitions: NamedSchema[] = []): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    allowUnionTypes: true,
    // Checking schemas against the meta-schema cost ~20 ms per instance; load/check-schemas.ts has checked every Schema Object against it once, with positions.
    validateSchema: false,
    ...options,
  });
  // ajv-formats is CommonJS: under NodeNext its default export arrives as the module object.
  (formatsPlugin as unknown as typeof formatsPlugin.default)(ajv);
  ajv.addSchema({
    $id: COMPONENTS_ID,
    $defs: Object.fromEntries([...schemas, ...extraDefinitions].map(({ name, schema }) => [name, validationSchema(schema)])),
  });
  return ajv;
}

/** One ajv per spec (by its schema list) and each schema compiled once: several generate steps check values against the same schemas. */
const shared = new WeakMap<NamedSchema[], { ajv: Ajv2020; compiled: Map<string, ValidateFunction> }>();

/**
 * A validator for `schema` (with its `$ref`s into `schemas`), compiled with
 * the project's ajv configuration. Compiling is the costliest step of a
 * generate run, so each spec's validators are compiled once and shared.
 */
export function compileSchema(schemas: NamedSchema[], schema: Schema): ValidateFunction {
  let entry = shared.get(schemas);
  if (!entry) {
    entry = { ajv: createAjv(schemas), compiled: new Map() };
    shared.set(schemas, entry);
  }
  const reduced = validationSchema(schema);
  const key = JSON.stringify(reduced);
  let validate = entry.compiled.get(key);
  if (!validate) {
    validate = entry.ajv.compile(reduced);
    entry.compiled.set(key, validate);
  }
  return validate;
}

/** A broken rule as `x-errors` and `x-expect-errors` name it: required-like errors point at the missing property. */
export function ruleOf(error: { instancePath: string; keyword: string; params: object }): { path: string; keyword: string } {
  const missing = (error.params as { missingProperty?: unknown }).missingProperty;
  return {
    path: typeof missing === "string" ? `${error.instancePath}/${missing}` : error.instancePath,
    keyword: error.keyword,
  };
}

export { isSchemaObject };
