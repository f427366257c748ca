import type { Schema } from "../../core/schema-walk.js";
import type { GuardContext } from "./context.js";
import type { Names } from "./scope.js";

/** `if`, `then`, `else`. */
export const CONDITIONAL_KEYWORDS = ["if", "then", "else"];

export function conditionalChecks(
  context: GuardContext,
  schema: Schema,
  value: string,
  scope: Names,
  hint: string,
): string[] {
  if (schema.if === undefined || (schema.then === undefined && schema.else === undefined)) return [];
  const then = schema.then === undefined ? [] : context.checks(schema.then as Schema, value, scope, hint);
  const otherwise = schema.else === undefined ? [] : context.checks(schema.else as Schema, value, scope, hint);
  const condition = context.predicate(schema.if as Schema, `${hint} condition`);
  return [`if (${condition}(${value})) {`, ...then, ...(otherwise.length > 0 ? ["} else {", ...otherwise] : []), "}"];
}
