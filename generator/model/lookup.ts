import { unescapePointerPart } from "../core/pointer.js";
import type { Schema } from "../core/schema-walk.js";
import type { NamedSchema, SpecModel } from "./model.js";

/** How a spec's schemas refer to a component schema; the model keeps every `$ref` in this form. */
export const SCHEMA_REF = "#/components/schemas/";

/** The component a schema is a reference to, by name, or undefined for any other schema. */
export function componentName(schema: Schema | undefined): string | undefined {
  const ref = schema?.$ref;
  return typeof ref === "string" && ref.startsWith(SCHEMA_REF)
    ? decodeURIComponent(unescapePointerPart(ref.slice(SCHEMA_REF.length)))
    : undefined;
}

const indexes = new WeakMap<readonly NamedSchema[], Map<string, Schema>>();

/** A component schema of the model by name (one index per model, built on first use). */
export function schemaNamed(model: Pick<SpecModel, "schemas">, name: string): Schema | undefined {
  let index = indexes.get(model.schemas);
  if (!index) {
    index = new Map(model.schemas.map((named) => [named.name, named.schema]));
    indexes.set(model.schemas, index);
  }
  return index.get(name);
}
