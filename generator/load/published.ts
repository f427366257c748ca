import { escapePointerPart, valueAt } from "../core/pointer.js";
import { isSchemaObject, walkSchema, type Schema } from "../core/schema-walk.js";
import { schemaPositions } from "./schema-positions.js";
import { convertNullable } from "./upgrade.js";

type Json = Record<string, unknown>;

/** Escapes that mean something under the `u` flag; any other escaped character is an identity escape. */
const MEANINGFUL_ESCAPE = /[\^$\\.*+?()[\]{}|/dDwWsSbBnrtvfcxukpP0-9]/;

/**
 * The `u`-flag equivalent of a pattern that is valid JavaScript only without
 * it (Annex B): identity escapes of ordinary characters (`\!`, `\#`, `\,`)
 * unescaped, lone `{`, `}` and `]` escaped. Undefined when the pattern is
 * invalid either way (check-schemas reports it). The validators compile
 * every pattern with `u`, as ajv does (`unicodeRegExp`).
 */
export function unicodePattern(pattern: string): string | undefined {
  try {
    new RegExp(pattern, "u");
    return pattern;
  } catch {}
  try {
    new RegExp(pattern);
  } catch {
    return undefined;
  }
  let out = "";
  let inClass = false;
  for (let at = 0; at < pattern.length; at += 1) {
    const char = pattern.charAt(at);
    if (char === "\\") {
      const next = pattern.charAt(at + 1);
      at += 1;
      out += MEANINGFUL_ESCAPE.test(next) || (inClass && next === "-") ? `\\${next}` : next;
    } else if (inClass) {
      if (char === "]") inClass = false;
      out += char;
    } else if (char === "[") {
      inClass = true;
      out += char;
    } else if (char === "{") {
      const quantifier = /^\{\d+(,\d*)?\}/.exec(pattern.slice(at))?.[0];
      out += quantifier ?? "\\{";
      at += quantifier ? quantifier.length - 1 : 0;
    } else out += char === "}" || char === "]" ? `\\${char}` : char;
  }
  try {
    new RegExp(out, "u");
    return out;
  } catch {
    return undefined;
  }
}

/** 3.1's Reference Object: siblings other than these "SHALL be ignored". */
const REFERENCE_KEYS = new Set(["$ref", "summary", "description"]);

/** Outside schemas, a `$ref`'s other keys (Chargebee repeats the parameter beside it) are dropped, as 3.1 says. */
function dropReferenceSiblings(document: Json): void {
  const schemas = new Set(schemaPositions(document));
  const visit = (node: unknown, pointer: string): void => {
    if (schemas.has(pointer)) return;
    if (Array.isArray(node)) node.forEach((item, index) => visit(item, `${pointer}/${index}`));
    if (!isSchemaObject(node)) return;
    if (typeof node.$ref === "string") {
      for (const key of Object.keys(node)) if (!REFERENCE_KEYS.has(key)) delete node[key];
      return;
    }
    for (const [key, value] of Object.entries(node))
      if (!key.startsWith("x-") && !["example", "examples", "default", "enum", "const"].includes(key))
        visit(value, `${pointer}/${escapePointerPart(key)}`);
  };
  visit(document, "");
}

/** Each schema's patterns (and `patternProperties` keys) in their `u`-flag form. */
function unicodePatterns(schema: Schema): void {
  if (typeof schema.pattern === "string") schema.pattern = unicodePattern(schema.pattern) ?? schema.pattern;
  if (isSchemaObject(schema.patternProperties))
    schema.patternProperties = Object.fromEntries(
      Object.entries(schema.patternProperties).map(([pattern, value]) => [unicodePattern(pattern) ?? pattern, value]),
    );
}

/**
 * What vendors' published documents hold and the loader reads as they mean
 * it, where a hand-written spec is refused (docs/spec-conventions.md,
 * "Published documents"): a Reference Object's extra keys, patterns valid
 * only without the `u` flag, and 3.0's `nullable` left in a 3.1 document
 * (Adyen's), read as the upgrade reads it in a 3.0 one. Pointers to what is
 * kept do not change.
 */
export function readAsPublished(document: Json): void {
  dropReferenceSiblings(document);
  convertNullable(document);
  for (const root of schemaPositions(document)) {
    const schema = valueAt(document, root);
    if (isSchemaObject(schema)) walkSchema(schema, root, (node) => unicodePatterns(node));
  }
}
