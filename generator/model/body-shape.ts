import type { BodyShape, RootShape } from "@customer-adapters/runtime/wire";
import type { SpecModel } from "./model.js";
import { isSchemaObject, type Schema } from "../core/schema-walk.js";
import { componentName } from "./lookup.js";
import { onlyNull, type SchemaView, type SchemaViews, schemaViews } from "./schema-view.js";

/**
 * The request body's structure as the wire formats need it: property order
 * (XML elements go in the vendor's documented order), element names, and the
 * JSON type of each leaf (XML and form values are text and are read back by
 * type). Emitted as data for the runtime's serializer, client and mock.
 */

function xmlOf(schema: Schema): { name?: string; namespace?: string } {
  return isSchemaObject(schema.xml) ? (schema.xml as { name?: string; namespace?: string }) : {};
}

class ShapeReader {
  private readonly views: SchemaViews;

  constructor(model: SpecModel) {
    this.views = schemaViews(model);
  }

  /** The schema as the view reads it; of an `anyOf`/`oneOf`, its first branch that is not only `null`. */
  resolve(schema: Schema): SchemaView {
    const view = this.views.view(schema);
    const branches = (view.schema.anyOf ?? view.schema.oneOf) as Schema[] | undefined;
    const branch = Array.isArray(branches)
      ? branches.find((candidate) => !onlyNull(this.views.view(candidate)))
      : undefined;
    return branch ? this.resolve(branch) : view;
  }

  shape(schema: Schema, depth: number): BodyShape {
    const { schema: resolved, types } = this.resolve(schema);
    const type = [...(types ?? [])].find((candidate) => candidate !== "null");
    if (depth > 10) return { kind: "value", type: "string" };
    if (type === "array" && isSchemaObject(resolved.items)) {
      const items = resolved.items;
      const element = xmlOf(items).name ?? xmlOf(this.resolve(items).schema).name ?? componentName(items) ?? "item";
      return { kind: "array", element, items: this.shape(items, depth + 1) };
    }
    if (type === "object" || isSchemaObject(resolved.properties)) {
      const properties = Object.entries(isSchemaObject(resolved.properties) ? resolved.properties : {})
        .filter(([, property]) => isSchemaObject(property) && this.resolve(property).schema.readOnly !== true)
        .map(([name, property]) => ({
          name,
          element: xmlOf(property as Schema).name ?? name,
          shape: this.shape(property as Schema, depth + 1),
        }));
      return { kind: "object", properties };
    }
    return { kind: "value", type: type === "integer" || type === "number" || type === "boolean" ? type : "string" };
  }
}

/** The request body's shape, or undefined when the operation takes no body. */
export function requestShape(model: SpecModel): RootShape | undefined {
  const schema = model.operation?.requestBody?.schema;
  if (!schema) return undefined;
  const reader = new ShapeReader(model);
  const resolved = reader.resolve(schema).schema;
  return {
    element: xmlOf(schema).name ?? xmlOf(resolved).name ?? componentName(schema) ?? "request",
    namespace: xmlOf(resolved).namespace ?? xmlOf(schema).namespace,
    shape: reader.shape(schema, 0),
  };
}
