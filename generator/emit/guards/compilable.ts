import { isSchemaObject, type Schema } from "../../core/schema-walk.js";
import { COMBINATOR_KEYWORDS } from "./combinators.js";
import { CONDITIONAL_KEYWORDS } from "./conditional.js";
import { componentName, IGNORED } from "./context.js";
import { ENUM_CONST_KEYWORDS, isPrimitive } from "./enum-const.js";
import { FORMAT_KEYWORDS, formatOf } from "./format.js";
import { ARRAY_KEYWORDS } from "./items.js";
import { NUMBER_KEYWORDS } from "./number-limits.js";
import { OBJECT_KEYWORDS } from "./properties.js";
import { REF_KEYWORDS } from "./ref.js";
import { STRING_KEYWORDS } from "./string-limits.js";
import { TYPE_KEYWORDS } from "./type.js";

/** Keywords the guards compile, each family's own list; anything else falls back to ajv's compiled function. */
export const GUARD_KEYWORDS: ReadonlySet<string> = new Set([
  ...TYPE_KEYWORDS,
  ...ENUM_CONST_KEYWORDS,
  ...REF_KEYWORDS,
  ...COMBINATOR_KEYWORDS,
  ...CONDITIONAL_KEYWORDS,
  ...OBJECT_KEYWORDS,
  ...STRING_KEYWORDS,
  ...FORMAT_KEYWORDS,
  ...NUMBER_KEYWORDS,
  ...ARRAY_KEYWORDS,
]);

/** Keywords whose value is one subschema. */
const ONE_CHILD = ["not", "if", "then", "else", "items", "additionalProperties"];

/** Whether every keyword reachable from `schema` (through component references too) is one the guards compile. */
export function compilable(
  schema: Schema | boolean,
  components: Map<string, Schema>,
  seen = new Set<string>(),
): boolean {
  if (typeof schema === "boolean") return true;
  for (const [keyword, value] of Object.entries(schema)) {
    if (IGNORED.has(keyword)) continue;
    if (!GUARD_KEYWORDS.has(keyword)) return false;
    if (keyword === "$ref") {
      const name = componentName(value);
      const target = name === undefined ? undefined : components.get(name);
      if (!target) return false;
      if (!seen.has(name as string) && !compilable(target, components, seen.add(name as string))) return false;
    }
    if (keyword === "const" && !isPrimitive(value)) return false;
    if (keyword === "enum" && !(value as unknown[]).every(isPrimitive)) return false;
    if (keyword === "format" && formatOf(value) === undefined) return false;
    if (keyword === "items" && !(isSchemaObject(value) || typeof value === "boolean")) return false;
    const children = ["allOf", "anyOf", "oneOf"].includes(keyword)
      ? (value as Schema[])
      : ONE_CHILD.includes(keyword)
        ? [value as Schema]
        : keyword === "properties"
          ? Object.values(value as Record<string, Schema>)
          : [];
    if (!children.every((child) => compilable(child, components, seen))) return false;
  }
  return true;
}
