import { isSchemaObject, walkSchema } from "../core/schema-walk.js";
import { valueAt } from "../core/pointer.js";
import { schemaPositions } from "./schema-positions.js";

/**
 * Turns each `$dynamicRef` whose target is fixed within the document into
 * the `$ref` it behaves as (JSON Schema 2020-12, 8.2.3.2): one to a JSON
 * pointer, or to an anchor that only one `$dynamicAnchor` of the document
 * declares, so that no other schema in the dynamic scope can take its place.
 * Any other `$dynamicRef` stays, and is refused (load/check-schemas.ts).
 */
export function resolveStaticDynamicRefs(document: unknown): void {
  const schemas: Record<string, unknown>[] = [];
  for (const root of schemaPositions(document)) {
    const schema = valueAt(document, root);
    if (isSchemaObject(schema)) walkSchema(schema, root, (node) => void schemas.push(node));
  }
  const declared = new Map<string, number>();
  for (const node of schemas)
    if (typeof node.$dynamicAnchor === "string")
      declared.set(node.$dynamicAnchor, (declared.get(node.$dynamicAnchor) ?? 0) + 1);
  for (const node of schemas) {
    const ref = node.$dynamicRef;
    if (typeof ref !== "string" || node.$ref !== undefined) continue;
    const fragment = ref.slice(ref.indexOf("#") + 1);
    const fixed =
      !ref.includes("#") || fragment === "" || fragment.startsWith("/") || (declared.get(fragment) ?? 0) <= 1;
    if (!fixed) continue;
    node.$ref = ref;
    delete node.$dynamicRef;
  }
}
