import type { Schema } from "../../core/schema-walk.js";
import { printCode } from "../final-layout.js";
import type { GuardContext } from "./context.js";

/** A primitive as a literal in Biome's layout (a string in the quotes that need fewer escapes). */
const literal = (value: unknown) => printCode(value, { indent: "" });

/** `const` and `enum`, compiled when every value is a primitive (compared with `===`). */
export const ENUM_CONST_KEYWORDS = ["const", "enum"];

/** Enums up to this size compare value by value; larger ones look up a Set. */
const INLINE_ENUM = 6;

export const isPrimitive = (value: unknown) => value === null || typeof value !== "object";

export function enumConstChecks(context: GuardContext, schema: Schema, value: string, hint: string): string[] {
  const lines: string[] = [];
  if (schema.const !== undefined) lines.push(`if (${value} !== ${literal(schema.const)}) return false;`);
  if (Array.isArray(schema.enum)) lines.push(enumCheck(context, schema.enum, value, hint));
  return lines;
}

function enumCheck(context: GuardContext, values: unknown[], value: string, hint: string): string {
  if (values.length <= INLINE_ENUM) {
    const misses = values.map((option) => `${value} !== ${literal(option)}`).join(" && ");
    return `if (${misses || "true"}) return false;`;
  }
  const set = context.names.take(`${hint} values`, "constant");
  const head = `const ${set}: ReadonlySet<unknown> = new Set(`;
  context.constants.push(`${head}${printCode(values, { indent: "", column: head.length, after: 2 })});`);
  return `if (!${set}.has(${value})) return false;`;
}
