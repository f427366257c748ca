import { escapePointerPart } from "../core/pointer.js";
import { isSchemaObject } from "../core/schema-walk.js";

/** Keys under which an OpenAPI document holds data, not OpenAPI objects. */
const DATA_KEYS = new Set(["example", "examples", "default", "enum", "const"]);

/**
 * Pointers of every top-level Schema Object in an OpenAPI 3.1 document:
 * component schemas, the `schema` of parameters, headers and media types, and
 * this project's `x-context`. Nested schemas are reached from these.
 */
export function schemaPositions(document: unknown): string[] {
  const found: string[] = [];
  if (!isSchemaObject(document)) return found;
  const components = document.components;
  if (isSchemaObject(components) && isSchemaObject(components.schemas))
    for (const name of Object.keys(components.schemas)) found.push(`/components/schemas/${escapePointerPart(name)}`);
  if (isSchemaObject(document["x-context"])) found.push("/x-context");

  const visit = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) node.forEach((item, index) => visit(item, `${pointer}/${index}`));
    if (!isSchemaObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (DATA_KEYS.has(key) || key.startsWith("x-")) continue;
      const at = `${pointer}/${escapePointerPart(key)}`;
      if (key === "schema" && isSchemaObject(value)) found.push(at);
      else if (!(pointer === "/components" && key === "schemas")) visit(value, at);
    }
  };
  visit(document, "");
  return found;
}
