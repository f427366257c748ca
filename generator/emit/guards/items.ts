import type { Schema } from "../../core/schema-walk.js";
import type { GuardContext } from "./context.js";
import type { Names } from "./scope.js";

/** `items`, `minItems`, `maxItems`: checks on arrays. */
export const ARRAY_KEYWORDS = ["items", "minItems", "maxItems"];

export function arrayChecks(
  context: GuardContext,
  schema: Schema,
  value: string,
  scope: Names,
  hint: string,
): string[] {
  const lines: string[] = [];
  if (typeof schema.maxItems === "number") lines.push(`if (${value}.length > ${schema.maxItems}) return false;`);
  if (typeof schema.minItems === "number" && schema.minItems > 0) {
    lines.push(`if (${value}.length < ${schema.minItems}) return false;`);
  }
  if (schema.items !== undefined && schema.items !== true) {
    const index = scope.take("index");
    const item = scope.take(`${hint} item`);
    const body = context.checks(schema.items as Schema | boolean, item, scope, `${hint} item`);
    // Items that check nothing (`items: {}`) need no loop, and the item would be declared and never read.
    if (body.length > 0)
      lines.push(
        `for (let ${index} = 0; ${index} < ${value}.length; ${index}++) {`,
        `const ${item}: unknown = ${value}[${index}];`,
        ...body,
        "}",
      );
  }
  return lines;
}
