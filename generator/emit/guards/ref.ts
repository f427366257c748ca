import type { Schema } from "../../core/schema-walk.js";
import { componentName, type GuardContext } from "./context.js";

/** `$ref`, compiled when it names a component: the component's own function is called. */
export const REF_KEYWORDS = ["$ref"];

export function refChecks(context: GuardContext, schema: Schema, value: string): string[] {
  const ref = componentName(schema.$ref);
  return ref === undefined ? [] : [`if (!${context.component(ref)}(${value})) return false;`];
}
