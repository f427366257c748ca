import type { Schema } from "../../core/schema-walk.js";
import type { GuardContext, Kind } from "./context.js";
import { kindOfType, typesOf } from "./type.js";
import type { Names } from "./scope.js";

/** `allOf`, `anyOf`, `oneOf`, `not`. */
export const COMBINATOR_KEYWORDS = ["allOf", "anyOf", "oneOf", "not"];

export function combinatorChecks(
  context: GuardContext,
  schema: Schema,
  value: string,
  scope: Names,
  hint: string,
  narrowed?: readonly (Kind | undefined)[],
): string[] {
  const lines: string[] = [];
  if (Array.isArray(schema.allOf)) {
    // Each part's checks run inline on the same value: a part's type check narrows it for the parts after it.
    let kinds = narrowed;
    for (const part of schema.allOf as (Schema | boolean)[]) {
      lines.push(...context.checks(part, value, scope, hint, kinds));
      const declared = typeof part === "boolean" ? undefined : typesOf(part)?.map(kindOfType);
      if (declared) kinds = kinds ? kinds.filter((kind) => declared.includes(kind)) : declared;
    }
  }
  if (Array.isArray(schema.anyOf)) {
    const options = (schema.anyOf as Schema[]).map(
      (part, index) => `${context.predicate(part, `${hint} option ${index + 1}`)}(${value})`,
    );
    // A single option is a call: negated without parentheses, as Biome writes it.
    lines.push(`if (!${options.length === 1 ? options[0] : `(${options.join(" || ")})`}) return false;`);
  }
  if (Array.isArray(schema.oneOf)) {
    const matches = scope.take(`${hint} matches`);
    const counts = (schema.oneOf as Schema[]).map(
      (part, index) => `if (${context.predicate(part, `${hint} choice ${index + 1}`)}(${value})) ${matches}++;`,
    );
    lines.push(`let ${matches} = 0;`, ...counts, `if (${matches} !== 1) return false;`);
  }
  if (schema.not !== undefined) {
    lines.push(`if (${context.predicate(schema.not as Schema, `${hint} excluded`)}(${value})) return false;`);
  }
  return lines;
}
