import { escapePointerPart } from "./pointer.js";

/** A JSON Schema object as found in a spec (2020-12 dialect, OpenAPI 3.1). */
export type Schema = { [keyword: string]: unknown };

/** Keywords whose value is one subschema. */
const SINGLE = [
  "additionalProperties",
  "unevaluatedProperties",
  "items",
  "contains",
  "propertyNames",
  "if",
  "then",
  "else",
  "not",
  "contentSchema",
  "unevaluatedItems",
] as const;
/** Keywords whose value is a list of subschemas. */
const LIST = ["allOf", "anyOf", "oneOf", "prefixItems"] as const;
/** Keywords whose value maps names to subschemas. */
const MAP = ["properties", "patternProperties", "dependentSchemas", "$defs"] as const;

export const SUBSCHEMA_KEYWORDS: ReadonlySet<string> = new Set([...SINGLE, ...LIST, ...MAP]);

export function isSchemaObject(value: unknown): value is Schema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The direct subschemas of `schema`, each with its pointer relative to the schema. */
export function* subschemas(schema: Schema): Generator<[Schema, string]> {
  for (const keyword of SINGLE) {
    const value = schema[keyword];
    if (isSchemaObject(value)) yield [value, `/${keyword}`];
  }
  for (const keyword of LIST) {
    const value = schema[keyword];
    if (Array.isArray(value))
      for (const [index, item] of value.entries()) if (isSchemaObject(item)) yield [item, `/${keyword}/${index}`];
  }
  for (const keyword of MAP) {
    const value = schema[keyword];
    if (isSchemaObject(value))
      for (const [name, item] of Object.entries(value))
        if (isSchemaObject(item)) yield [item, `/${keyword}/${escapePointerPart(name)}`];
  }
}

/** Visits `schema` and every schema nested in it, depth first, with absolute pointers. */
export function walkSchema(schema: Schema, pointer: string, visit: (schema: Schema, pointer: string) => void): void {
  visit(schema, pointer);
  for (const [child, relative] of subschemas(schema)) walkSchema(child, pointer + relative, visit);
}

/** Maps `schema` and its nested schemas bottom-up, keeping every other keyword as it is. */
export function mapSchema(schema: Schema, transform: (schema: Schema) => Schema): Schema {
  const copy: Schema = { ...schema };
  for (const keyword of SINGLE) if (isSchemaObject(copy[keyword])) copy[keyword] = mapSchema(copy[keyword], transform);
  for (const keyword of LIST) {
    const value = copy[keyword];
    if (Array.isArray(value))
      copy[keyword] = value.map((item) => (isSchemaObject(item) ? mapSchema(item, transform) : item));
  }
  for (const keyword of MAP) {
    const value = copy[keyword];
    if (isSchemaObject(value))
      copy[keyword] = Object.fromEntries(
        Object.entries(value).map(([name, item]) => [name, isSchemaObject(item) ? mapSchema(item, transform) : item]),
      );
  }
  return transform(copy);
}
