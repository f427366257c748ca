/**
 * What the generated validators call (`@customer-adapters/runtime/checks`):
 * validation results, `runValidator`, `passes` and `ucs2length`. Plain ESM
 * that imports no CommonJS (ajv-formats, fast-deep-equal), so that importing
 * a package's `./validators` costs a guard's cold start no more than it
 * needs; `./validation` re-exports all of it with the formats.
 */
import { errorMessage } from "./error-messages.js";
export { errorMessage };
import { errorPointer, type ErrorLike } from "./pointer.js";

/** One broken rule. Messages never contain the value that broke the rule. */
export interface ValidationError {
  /** JSON pointer to the value at fault; for a missing field, the field itself. */
  path: string;
  /** The JSON Schema keyword that failed (`maxLength`, `required`, `format`, ...). */
  rule: string;
  /** A sentence a person can act on. */
  message: string;
  /** The vendor's own error code for this rule, where the vendor documents one. */
  vendorCode?: string | number;
  /** The vendor's own message for that code. */
  vendorMessage?: string;
}

/** A generated payload that breaks exactly one rule, with the errors a validator reports for it. */
export interface InvalidFixture {
  /** `maxLength at /name`. */
  name: string;
  /** The rule it breaks, at a path with `*` for list items. */
  breaks: { path: string; keyword: string };
  /** What `validateX` reports: path, rule and the vendor's code where the spec has one. */
  errors: { path: string; rule: string; vendorCode?: string | number }[];
  value: unknown;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationError[] };

/** The shape of an ajv standalone validation function. */
export interface CompiledValidator {
  (value: unknown): boolean;
  errors?: { instancePath: string; keyword: string; params: Record<string, unknown>; message?: string }[] | null;
}

/** A vendor error code tied to the rule it reports (`x-errors` in the spec). */
export interface VendorRule {
  path: string;
  keywords: readonly string[];
  code: string | number;
  message: string;
}

/** The canonical kinds a vendor's errors are sorted into. */
export type ErrorKind = "invalid-field" | "duplicate" | "unauthorized" | "not-found" | "unavailable" | "unknown";

/** One of the vendor's documented errors (its spec's `x-errors`), as every generated package carries them once. */
export interface VendorError {
  readonly code: string | number;
  readonly status: number;
  readonly message: string;
  readonly kind: ErrorKind;
  /** The request rules it reports: where (`body`, `query`, `header`, `path`), the JSON pointer (`*` for any index) and the keywords. */
  readonly rules: readonly { readonly in: string; readonly path: string; readonly keywords: readonly string[] }[];
  /** For a package with a mapper: the canonical fields behind those rules. */
  readonly fields?: readonly string[];
  /** The error the vendor answers a body it cannot read (malformed JSON) with. */
  readonly unreadable?: boolean;
  /** The error the vendor answers a broken rule with that no error names; the mock answers it for such a rule. */
  readonly generic?: boolean;
}

/** The vendor's codes for the rules on one part of the request, for `runValidator`. */
export function vendorRules(errors: readonly VendorError[], location: string): VendorRule[] {
  return errors.flatMap((error) =>
    error.rules
      .filter((rule) => rule.in === location)
      .map((rule) => ({ path: rule.path, keywords: rule.keywords, code: error.code, message: error.message })),
  );
}

const ARRAY_INDEX = /\/\d+(?=\/|$)/g;
const HAS_INDEX = /\/\d/;

/**
 * A rules list by keyword, then path pattern (the first rule listed wins, as
 * the vendor's list reads). Keyword first: an error whose keyword no rule
 * names costs one lookup of an interned string, and no pointer is built.
 */
type RuleIndex = Map<string, Map<string, VendorRule>>;
const ruleIndexes = new WeakMap<readonly VendorRule[], RuleIndex>();

/** The index of a rules list, built on its first error: a validator reports many errors against one list. */
function ruleIndex(rules: readonly VendorRule[]): RuleIndex {
  let index = ruleIndexes.get(rules);
  if (index === undefined) {
    index = new Map();
    for (const rule of rules)
      for (const keyword of rule.keywords) {
        let byPath = index.get(keyword);
        if (byPath === undefined) index.set(keyword, (byPath = new Map()));
        if (!byPath.has(rule.path)) byPath.set(rule.path, rule);
      }
    ruleIndexes.set(rules, index);
  }
  return index;
}

/** Where an `x-errors` rule places the error: the missing property for required-like rules, else the value (the object, for an extra key). */
function rulePointer(error: ErrorLike): string {
  const missing = error.params.missingProperty;
  return typeof missing === "string" ? `${error.instancePath}/${missing}` : error.instancePath;
}

function vendorRuleFor(index: RuleIndex, error: ErrorLike): VendorRule | undefined {
  const byPath = index.get(error.keyword);
  if (byPath === undefined) return undefined;
  const path = rulePointer(error);
  // Most paths hold no array index: the test is cheaper than the replace.
  return byPath.get(HAS_INDEX.test(path) ? path.replace(ARRAY_INDEX, "/*") : path);
}

/**
 * JSON data has plain objects only. A Date, Map or class instance at the top
 * would pass a schema whose fields are all optional (it has no own fields),
 * yet it is not what the caller meant to send.
 */
function isForeignObject(value: unknown): boolean {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype !== Object.prototype && prototype !== null;
}

/** Runs a compiled validator and turns its errors into `ValidationError`s, with vendor codes attached. */
export function runValidator<T>(
  validate: CompiledValidator,
  value: unknown,
  rules: readonly VendorRule[] = [],
): ValidationResult<T> {
  let valid: boolean;
  try {
    if (isForeignObject(value))
      return {
        ok: false,
        errors: [
          { path: "", rule: "type", message: "the value is not plain JSON data (a Date, Map or class instance)" },
        ],
      };
    valid = validate(value);
  } catch {
    // A getter that throws, a revoked Proxy: the value cannot be read, so it is not valid.
    return { ok: false, errors: [{ path: "", rule: "readable", message: "the value could not be read" }] };
  }
  if (valid) return { ok: true, value: value as T };
  const index = rules.length > 0 ? ruleIndex(rules) : undefined;
  const errors = (validate.errors ?? []).map((error): ValidationError => {
    const path = errorPointer(error);
    const rule = error.keyword;
    // Compiled validators carry no messages (`messages: false`); an ajv compiled at run time may.
    const message = `${path || "the value"} ${error.message ?? errorMessage(rule, error.params)}`;
    const vendor = index && vendorRuleFor(index, error);
    // One literal each way: adding the vendor's fields afterwards changes the object's shape, and cost more than the rest.
    return vendor
      ? { path, rule, message, vendorCode: vendor.code, vendorMessage: vendor.message }
      : { path, rule, message };
  });
  return { ok: false, errors: errors.length > 1 ? firstOfEach(errors) : errors };
}

/**
 * Each rule broken at one place once, the first reported kept, in ajv's
 * order: ajv reports a rule again for each `anyOf`/`oneOf` branch that holds
 * it. Its vendor code is the same in every copy (it depends on place and rule only).
 */
function firstOfEach(errors: readonly ValidationError[]): ValidationError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.path} ${error.rule}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A type guard from a compiled validator that never throws. */
export function passes(validate: CompiledValidator, value: unknown): boolean {
  try {
    // The guard first: a payload it refuses (most invalid ones) costs no prototype lookup.
    return validate(value) && !isForeignObject(value);
  } catch {
    return false;
  }
}

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/**
 * Length of a string in Unicode code points, as JSON Schema counts
 * `maxLength` (an emoji is one character, not two UTF-16 units). Used by the
 * compiled validators in place of ajv's own helper, whose CommonJS default
 * export imports differently under Node and under bundlers.
 */
export function ucs2length(text: string): number {
  // Most strings hold no surrogate: one scan by the regular-expression engine
  // (native code) is many times faster than walking charCodeAt in JavaScript.
  if (!HIGH_SURROGATE.test(text)) return text.length;
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    length++;
    const unit = text.charCodeAt(index);
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
    }
  }
  return length;
}
