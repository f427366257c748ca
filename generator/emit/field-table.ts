import type { SpecModel } from "../model/model.js";
import { isSchemaObject, type Schema } from "../core/schema-walk.js";
import { componentName } from "../model/lookup.js";

/** One leaf or object field of a body, flattened: `/billingAddress/city`, `/contacts/*\/name`. */
export interface FieldRow {
  path: string;
  type: string;
  required: boolean;
  limits: string;
  description: string;
}

const LIMIT_KEYWORDS: [string, string][] = [
  ["minLength", "min length"],
  ["maxLength", "max length"],
  ["minimum", "min"],
  ["maximum", "max"],
  ["minItems", "min items"],
  ["maxItems", "max items"],
  ["pattern", "pattern"],
  ["format", "format"],
];

function typeOf(schema: Schema): string {
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(" \\| ");
  if (Array.isArray(schema.type)) return schema.type.join(" \\| ");
  return typeof schema.type === "string" ? schema.type : "object";
}

function limitsOf(schema: Schema): string {
  return LIMIT_KEYWORDS.filter(([keyword]) => schema[keyword] !== undefined)
    .map(
      ([keyword, label]) =>
        `${label} ${keyword === "pattern" ? `\`${String(schema[keyword])}\`` : String(schema[keyword])}`,
    )
    .join(", ");
}

/** Every field of a schema, depth first in the vendor's order, following `$ref`s (each named schema once per path). */
export function fieldRows(model: SpecModel, root: Schema): FieldRow[] {
  const byName = new Map(model.schemas.map(({ name, schema }) => [name, schema]));
  const rows: FieldRow[] = [];
  const resolve = (schema: Schema): Schema => {
    const name = componentName(schema);
    return name === undefined
      ? schema
      : {
          ...(byName.get(name) ?? {}),
          ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$ref")),
        };
  };
  const visit = (schema: Schema, path: string, seen: ReadonlySet<string>) => {
    const name = componentName(schema);
    if (name !== undefined && seen.has(name)) return;
    const nextSeen = name === undefined ? seen : new Set([...seen, name]);
    const resolved = resolve(schema);
    const properties = isSchemaObject(resolved.properties) ? resolved.properties : {};
    const required = new Set(Array.isArray(resolved.required) ? (resolved.required as string[]) : []);
    for (const [field, value] of Object.entries(properties)) {
      if (!isSchemaObject(value) || value.readOnly === true) continue;
      const property = resolve(value);
      const fieldPath = `${path}/${field}`;
      const isArray = property.type === "array" || (Array.isArray(property.type) && property.type.includes("array"));
      const item = isArray && isSchemaObject(property.items) ? resolve(property.items) : undefined;
      rows.push({
        path: fieldPath,
        type: isArray ? `${item ? typeOf(item) : "unknown"}[]` : typeOf(property),
        required: required.has(field),
        limits: [limitsOf(property), item ? limitsOf(item) : ""].filter(Boolean).join("; "),
        description: typeof property.description === "string" ? property.description.replace(/\s+/g, " ").trim() : "",
      });
      if (isSchemaObject(property.properties) || componentName(value) !== undefined) visit(value, fieldPath, nextSeen);
      if (
        item &&
        isSchemaObject(property.items) &&
        (isSchemaObject(item.properties) || componentName(property.items) !== undefined)
      )
        visit(property.items, `${fieldPath}/*`, nextSeen);
    }
  };
  visit(root, "", new Set());
  return rows;
}
