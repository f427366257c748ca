import type { Schema } from "../../core/schema-walk.js";
import type { Kind } from "./context.js";

/** `type`. */
export const TYPE_KEYWORDS = ["type"];

export const typesOf = (schema: Schema): string[] | undefined =>
  schema.type === undefined
    ? undefined
    : Array.isArray(schema.type)
      ? (schema.type as string[])
      : [schema.type as string];

/** Positive type tests, as ajv (with `strictNumbers`) applies them; those of two parts are not parenthesized. */
export function typeTest(type: string, value: string): string {
  switch (type) {
    case "string":
      return `typeof ${value} === "string"`;
    case "number":
      return `typeof ${value} === "number" && isFinite(${value})`;
    case "integer":
      return `typeof ${value} === "number" && Number.isInteger(${value})`;
    case "boolean":
      return `typeof ${value} === "boolean"`;
    case "null":
      return `${value} === null`;
    case "array":
      return `Array.isArray(${value})`;
    default:
      return `typeof ${value} === "object" && ${value} !== null && !Array.isArray(${value})`;
  }
}

/** The same tests negated the way a person writes them, so that TypeScript narrows after an early return. */
function typeMiss(type: string, value: string): string {
  switch (type) {
    case "string":
    case "boolean":
      return `typeof ${value} !== "${type}"`;
    case "number":
      return `typeof ${value} !== "number" || !isFinite(${value})`;
    case "integer":
      return `typeof ${value} !== "number" || !Number.isInteger(${value})`;
    case "null":
      return `${value} !== null`;
    case "array":
      return `!Array.isArray(${value})`;
    default:
      return `typeof ${value} !== "object" || ${value} === null || Array.isArray(${value})`;
  }
}

export const kindOfType = (type: string): Kind | undefined =>
  type === "integer"
    ? "number"
    : type === "string" || type === "number" || type === "object" || type === "array"
      ? type
      : undefined;

/** The type check, first of a schema's checks. */
export function typeChecks(types: string[] | undefined, value: string): string[] {
  if (!types) return [];
  const miss =
    types.length === 1
      ? typeMiss(types[0] as string, value)
      : `!(${types.map((type) => parenthesized(typeTest(type, value))).join(" || ")})`;
  return [`if (${miss}) return false;`];
}

/** A test joined to others by `||`: in parentheses when it has `&&`, as a reader (and Biome) writes it. */
const parenthesized = (test: string) => (test.includes(" && ") ? `(${test})` : test);
