import { isSchemaObject, type Schema } from "../../core/schema-walk.js";
import type { FieldReader } from "./context.js";

/** `dependentRequired`: a present key requires others. */
export function dependentRequiredChecks(schema: Schema, read: FieldReader): string[] {
  const dependencies = isSchemaObject(schema.dependentRequired)
    ? (schema.dependentRequired as Record<string, string[]>)
    : {};
  return Object.entries(dependencies)
    .filter(([, needs]) => needs.length > 0)
    .map(([key, needs]) => {
      const missing = needs.map((other) => `${read(other)} === undefined`).join(" || ");
      return `if (${read(key)} !== undefined && ${needs.length > 1 ? `(${missing})` : missing}) return false;`;
    });
}
