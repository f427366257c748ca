import type { Schema } from "../../core/schema-walk.js";
import type { GuardContext, Kind } from "./context.js";
import type { Names } from "./scope.js";

/** `if`, `then`, `else`. */
export const CONDITIONAL_KEYWORDS = ["if", "then", "else"];

export function conditionalChecks(
  context: GuardContext,
  schema: Schema,
  value: string,
  scope: Names,
  hint: string,
  narrowed?: readonly (Kind | undefined)[],
): string[] {
  if (schema.if === undefined || (schema.then === undefined && schema.else === undefined)) return [];
  const branch = (part: unknown) =>
    part === undefined ? [] : context.checks(part as Schema, value, scope, hint, narrowed);
  const then = branch(schema.then);
  const otherwise = branch(schema.else);
  // Branches that check nothing here (a limit of a kind the value cannot be) need no condition either.
  if (then.length === 0 && otherwise.length === 0) return [];
  const condition = context.predicate(schema.if as Schema, `${hint} condition`);
  return [`if (${condition}(${value})) {`, ...then, ...(otherwise.length > 0 ? ["} else {", ...otherwise] : []), "}"];
}
