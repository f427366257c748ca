import type { Schema } from "../../core/schema-walk.js";
import { formats } from "@customer-adapters/runtime/format-set";
import { assignLiteral, printString } from "../final-layout.js";
import { propertyKey } from "../type-expression.js";
import type { GuardContext, Kind } from "./context.js";

/** `format`, compiled when the project defines it (runtime/formats.ts). */
export const FORMAT_KEYWORDS = ["format"];

type Check = RegExp | ((value: never) => boolean);
type Format = Check | { type?: string; validate: Check };

/** Formats with a function of their own in the runtime (formats.ts), called by name. */
const FAST_FORMATS: Record<string, string> = {
  date: "isDate",
  "date-time": "isDateTime",
  int32: "isInt32",
  uri: "isUri",
  iri: "isIri",
  "iri-reference": "isIriReference",
};

export const formatOf = (name: unknown): Format | undefined =>
  typeof name === "string" && Object.hasOwn(formats, name) ? (formats[name] as Format) : undefined;

const formatKind = (format: Format): Kind =>
  typeof format === "object" && !(format instanceof RegExp) && format.type === "number" ? "number" : "string";

/** The format check, when the schema's format applies to `kind`. */
export function formatChecks(context: GuardContext, schema: Schema, value: string, kind: Kind): string[] {
  const format = formatOf(schema.format);
  return format && formatKind(format) === kind ? [formatCheck(context, schema.format as string, format, value)] : [];
}

/**
 * The project's definition of the format (ajv-formats' where it is right), called as ajv's
 * compiled code calls it; its declared type is too wide to call, hence the cast.
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
    // A plain pattern is written out, as ajv's standalone code does, so that the package need not import it.
    if (format instanceof RegExp) return assignLiteral(`const ${constant} =`, String(format));
    context.imports.helpers.add("formats");
    const access = `formats${propertyKey(name) === name ? `.${name}` : `[${printString(name)}]`}`;
    return `const ${constant} = ${access} as ${wrapped ? `{ validate: ${callable} }` : callable};`;
  });
  const call = `${constant}${wrapped ? ".validate" : ""}${check instanceof RegExp ? ".test" : ""}`;
  return `if (!${call}(${value})) return false;`;
}
