import type { SpecModel } from "../model/model.js";
import { isSchemaObject, type Schema } from "../core/schema-walk.js";
import { componentName } from "../model/lookup.js";
import { schemaViews } from "../model/schema-view.js";

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

/** Every field of a schema, depth first in the vendor's order, as the schema view reads it (each named schema once per path). */
export function fieldRows(model: SpecModel, root: Schema): FieldRow[] {
  const views = schemaViews(model);
  const rows: FieldRow[] = [];
  const resolve = (schema: Schema): Schema => views.view(schema).schema;
  const visit = (schema: Schema, path: string, seen: ReadonlySet<string>) => {
    const name = componentName(schema);
    if (name !== undefined && seen.has(name)) return;
    const nextSeen = name === undefined ? seen : new Set([...seen, name]);
    const resolved = resolve(schema);
    const properties = isSchemaObject(resolved.properties) ? resolved.properties : {};
    const required = new Set(Array.isArray(resolved.required) ? (resolved.required as string[]) : []);
    for (const [field, value] of Object.entries(properties)) {
      if (!isSchemaObject(value)) continue;
      const property = resolve(value);
      if (property.readOnly === true) continue;
      const fieldPath = `${path}/${field}`;
      const isArray = views.view(value).types?.has("array") === true;
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
