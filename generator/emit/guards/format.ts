import { fullFormats } from "ajv-formats/dist/formats.js";
import type { Schema } from "../../core/schema-walk.js";
import { propertyKey } from "../type-expression.js";
import type { GuardContext, Kind } from "./context.js";

/** `format`, compiled when ajv-formats defines it. */
export const FORMAT_KEYWORDS = ["format"];

type Check = RegExp | ((value: never) => boolean);
type Format = Check | { type?: string; validate: Check };

/** Formats with a hand-written runtime check (formats.ts): agrees with ajv-formats at a fraction of its cost. */
const FAST_FORMATS: Record<string, string> = { date: "isDate", "date-time": "isDateTime", int32: "isInt32" };

export const formatOf = (name: unknown): Format | undefined =>
  typeof name === "string" ? (fullFormats as Record<string, Format | undefined>)[name] : undefined;

const formatKind = (format: Format): Kind =>
  typeof format === "object" && !(format instanceof RegExp) && format.type === "number" ? "number" : "string";

/** The format check, when the schema's format applies to `kind`. */
export function formatChecks(context: GuardContext, schema: Schema, value: string, kind: Kind): string[] {
  const format = formatOf(schema.format);
  return format && formatKind(format) === kind ? [formatCheck(context, schema.format as string, format, value)] : [];
}

/**
 * ajv-formats' own definition of the format, called as ajv's compiled code
 * calls it; its declared type is too wide to call, hence the cast.
 */
function formatCheck(context: GuardContext, name: string, format: Format, value: string): string {
  const fast = FAST_FORMATS[name];
  if (fast) {
    context.imports.helpers.add(fast);
    return `if (!${fast}(${value})) return false;`;
  }
  const wrapped = typeof format === "object" && !(format instanceof RegExp);
  const check = wrapped ? format.validate : format;
  const callable = check instanceof RegExp ? "RegExp" : `(value: ${formatKind(format)}) => boolean`;
  const constant = context.shared("format", name, `${name} format`, (constant) => {
    // A plain pattern is written out, as ajv's standalone code does,
    // so that the package need not import ajv-formats for it.
    if (format instanceof RegExp) return `const ${constant} = ${String(format)};`;
    context.imports.formats = true;
    const access = `fullFormats${propertyKey(name) === name ? `.${name}` : `[${JSON.stringify(name)}]`}`;
    return `const ${constant} = ${access} as ${wrapped ? `{ validate: ${callable} }` : callable};`;
  });
  const call = `${constant}${wrapped ? ".validate" : ""}${check instanceof RegExp ? ".test" : ""}`;
  return `if (!${call}(${value})) return false;`;
}
