import type { Schema } from "../../core/schema-walk.js";
import { fitOrBreak, printString } from "../final-layout.js";
import type { GuardContext } from "./context.js";

/** `maxLength`, `minLength`, `pattern`: checks on strings. */
export const STRING_KEYWORDS = ["maxLength", "minLength", "pattern"];

/**
 * Length limits count code points, as JSON Schema does; a string has at
 * least half as many as UTF-16 units, at most as many.
 */
export function stringChecks(context: GuardContext, schema: Schema, value: string, hint: string): string[] {
  const lines: string[] = [];
  const max = schema.maxLength as number | undefined;
  const min = schema.minLength as number | undefined;
  if (max === 0) lines.push(`if (${value}.length > 0) return false;`);
  else if (max !== undefined) {
    // Over twice the limit in units is over it in code points: no need to count.
    context.imports.helpers.add("ucs2length");
    const long = `${value}.length > ${max} && (${value}.length > ${2 * max} || ucs2length(${value}) > ${max})`;
    lines.push(`if (${long}) return false;`);
  }
  if (min === 1) lines.push(`if (${value}.length === 0) return false;`);
  else if (min !== undefined && min > 1) {
    context.imports.helpers.add("ucs2length");
    const short = `${value}.length < ${min} || (${value}.length < ${2 * min} && ucs2length(${value}) < ${min})`;
    lines.push(`if (${short}) return false;`);
  }
  if (typeof schema.pattern === "string") {
    const source = schema.pattern;
    // ajv compiles patterns with the `u` flag; marked pure, so a bundle drops the patterns of guards it does not take.
    const declare = (name: string) => {
      const head = `const ${name} = /* @__PURE__ */ new RegExp`;
      return `${head}${fitOrBreak("(", [printString(source), '"u"'], ")", { indent: "", column: head.length, after: 1 })};`;
    };
    const pattern = context.shared("pattern", source, `${hint} pattern`, declare);
    lines.push(`if (!${pattern}.test(${value})) return false;`);
  }
  return lines;
}
