import type { Schema } from "../../core/schema-walk.js";

/** `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`: checks on numbers. */
export const NUMBER_KEYWORDS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"];

/** Each limit with the comparison that breaks it. */
const LIMITS: [string, string][] = [
  ["minimum", "<"],
  ["maximum", ">"],
  ["exclusiveMinimum", "<="],
  ["exclusiveMaximum", ">="],
];

export function numberChecks(schema: Schema, value: string): string[] {
  return LIMITS.filter(([keyword]) => typeof schema[keyword] === "number").map(
    ([keyword, breaks]) => `if (${value} ${breaks} ${schema[keyword] as number}) return false;`,
  );
}
