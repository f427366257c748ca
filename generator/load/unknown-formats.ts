import { valueAt } from "../core/pointer.js";
import { isSchemaObject, walkSchema } from "../core/schema-walk.js";
import { KNOWN_FORMATS } from "./check-schemas.js";
import { schemaPositions } from "./schema-positions.js";

/**
 * A `format` the validators cannot check (Stripe's `unix-time`, JTL's
 * `decimal`) is, as JSON Schema 2020-12 has it, an annotation: it moves to
 * `x-format`, where the types' documentation and lint (which warns about
 * it) still see it, and no validator asserts it.
 */
export function annotateUnknownFormats(document: unknown): void {
  for (const root of schemaPositions(document)) {
    const schema = valueAt(document, root);
    if (!isSchemaObject(schema)) continue;
    walkSchema(schema, root, (node) => {
      if (typeof node.format !== "string" || KNOWN_FORMATS.has(node.format)) return;
      node["x-format"] = node.format;
      delete node.format;
    });
  }
}
