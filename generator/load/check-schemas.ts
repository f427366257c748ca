import { isSafe } from "redos-detector";
import { formats } from "@customer-adapters/runtime/format-set";
import { didYouMean } from "../core/did-you-mean.js";
import { isSchemaObject, subschemas, walkSchema, type Schema } from "../core/schema-walk.js";
import { valueAt } from "../core/pointer.js";
import type { SourceDocument } from "../core/source.js";
import { SpecError } from "../core/spec-error.js";
import { schemaPositions } from "./schema-positions.js";
import { structureValidator } from "./structure-validators.js";

/** Every JSON Schema 2020-12 keyword a spec may use (the review holds each enforced one to a rule). */
export const JSON_SCHEMA_KEYWORDS = [
  ...["$schema", "$id", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary", "$comment", "$defs"],
  ...["allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "prefixItems", "items", "contains"],
  ...["properties", "patternProperties", "additionalProperties", "propertyNames", "unevaluatedItems"],
  ...["unevaluatedProperties", "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum"],
  ...["exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains"],
  ...["minContains", "maxProperties", "minProperties", "required", "dependentRequired", "title", "description"],
  ...["default", "deprecated", "readOnly", "writeOnly", "examples", "format", "contentEncoding", "contentMediaType"],
  "contentSchema",
];
const OPENAPI_KEYWORDS = ["discriminator", "xml", "externalDocs", "example"];
const KNOWN_KEYWORDS = new Set([...JSON_SCHEMA_KEYWORDS, ...OPENAPI_KEYWORDS]);
const TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);
/** Formats the generated validators can check (runtime/formats.ts: ajv-formats' full set, corrected, and IRIs). */
export const KNOWN_FORMATS: ReadonlySet<string> = new Set(Object.keys(formats));

const LIMIT_PAIRS = [
  ["minLength", "maxLength"],
  ["minimum", "maximum"],
  ["minItems", "maxItems"],
  ["minProperties", "maxProperties"],
  ["minContains", "maxContains"],
] as const;

/** Draft-07's `definitions`, which published documents use inside schemas as a container for `$ref`s (as `$defs`). */
const PUBLISHED_KEYWORDS = new Set([...KNOWN_KEYWORDS, "definitions"]);

function problemsOf(schema: Schema, known: ReadonlySet<string>): [string, string][] {
  const problems: [string, string][] = [];
  for (const keyword of Object.keys(schema))
    if (!known.has(keyword) && !keyword.startsWith("x-"))
      problems.push([
        `/${keyword}`,
        keyword === "nullable"
          ? '`nullable` is OpenAPI 3.0; in 3.1 write `type: [<type>, "null"]`'
          : `unknown schema keyword \`${keyword}\`${didYouMean(keyword, KNOWN_KEYWORDS)}`,
      ]);

  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  for (const type of types)
    if (typeof type !== "string" || !TYPES.has(type))
      problems.push(["/type", `unknown type \`${String(type)}\`; expected one of ${[...TYPES].join(", ")}`]);

  for (const [low, high] of LIMIT_PAIRS) {
    const min = schema[low];
    const max = schema[high];
    // `minContains` counts matches of `contains`, in arrays only: without both, any other value is still valid.
    const holdsAlways =
      low === "minContains" &&
      (schema.contains === undefined || types.length === 0 || types.some((type) => type !== "array"));
    if (typeof min === "number" && typeof max === "number" && min > max && !holdsAlways)
      problems.push([`/${low}`, `${low} ${min} is greater than ${high} ${max}: no value can be valid`]);
  }
  for (const keyword of ["minLength", "maxLength", "minItems", "maxItems"])
    if (keyword in schema && !(Number.isInteger(schema[keyword]) && (schema[keyword] as number) >= 0))
      problems.push([`/${keyword}`, `${keyword} must be a non-negative integer`]);

  if (schema.required !== undefined && !Array.isArray(schema.required))
    problems.push(["/required", "`required` must be a list of property names"]);
  if (Array.isArray(schema.required) && schema.additionalProperties === false && isSchemaObject(schema.properties)) {
    const properties = schema.properties;
    for (const [index, name] of schema.required.entries())
      if (!(String(name) in properties))
        problems.push([
          `/required/${index}`,
          `\`${String(name)}\` is required but is not a property and additionalProperties is false: no value can be valid`,
        ]);
  }

  if (typeof schema.pattern === "string") {
    const problem = patternProblem(schema.pattern);
    if (problem) problems.push(["/pattern", problem]);
  }
  if (typeof schema.format === "string" && !KNOWN_FORMATS.has(schema.format))
    problems.push([
      "/format",
      `unknown format \`${schema.format}\`${didYouMean(schema.format, KNOWN_FORMATS)}; use a \`pattern\` for vendor-specific formats`,
    ]);
  problems.push(...unsupported(schema));
  if (Array.isArray(schema.enum) && schema.enum.length === 0)
    problems.push(["/enum", "`enum` is empty: no value can be valid"]);
  return problems;
}

/** Whether a keyword occurs anywhere inside `schema`'s subschemas. */
const usesInside = (schema: Schema, keyword: string): boolean =>
  [...subschemas(schema)].some(([child]) => child[keyword] !== undefined || usesInside(child, keyword));

/** Whether `schema` or a subschema has an `if` without a `then`: ajv then drops what the `if` evaluated (with a `then` it keeps it). */
const ifWithoutThen = (schema: Schema): boolean =>
  (schema.if !== undefined && schema.then === undefined) ||
  [...subschemas(schema)].some(([child]) => ifWithoutThen(child));

/**
 * Valid JSON Schema the compiled validators would get wrong (ajv's gaps),
 * refused rather than mis-validated; docs/spec-conventions.md lists them.
 */
function unsupported(schema: Schema): [string, string][] {
  const problems: [string, string][] = [];
  for (const keyword of ["unevaluatedItems", "unevaluatedProperties"])
    if (schema[keyword] !== undefined && ifWithoutThen(schema))
      problems.push([
        `/${keyword}`,
        `\`${keyword}\` over an \`if\` without \`then\` is not supported (ajv ignores what the \`if\` evaluated)`,
      ]);
  const booleanBranch = ["anyOf", "oneOf"].some(
    (keyword) => Array.isArray(schema[keyword]) && schema[keyword].some((branch) => typeof branch === "boolean"),
  );
  for (const keyword of ["unevaluatedItems", "unevaluatedProperties"])
    if (booleanBranch && schema[keyword] !== undefined)
      problems.push([
        `/${keyword}`,
        `\`${keyword}\` beside an \`anyOf\`/\`oneOf\` with a boolean branch is not supported (ajv loses annotations)`,
      ]);
  if (schema.unevaluatedItems !== undefined && (schema.contains !== undefined || usesInside(schema, "contains")))
    problems.push([
      "/unevaluatedItems",
      "`unevaluatedItems` with `contains` is not supported (ajv ignores its matches)",
    ]);
  if (isSchemaObject(schema.properties) && Object.hasOwn(schema.properties, "__proto__"))
    problems.push(["/properties", "a property named `__proto__` is not supported"]);
  if (schema.$dynamicRef !== undefined)
    problems.push([
      "/$dynamicRef",
      "`$dynamicRef` to an anchor that several `$dynamicAnchor`s declare (or beside a `$ref`) is not supported: its target depends on the dynamic scope; write `$ref`",
    ]);
  return problems;
}

/** How many steps redos-detector may take on one pattern: a budget, not a time, so that the verdict is the same on every machine. */
const REDOS_STEPS = 2000;

/**
 * Whether a pattern can backtrack catastrophically. Only a group that repeats
 * (`)*`, `)+`, `){n,}`) can nest repetitions, so only such patterns go to
 * redos-detector: `unsafe` when the backtracking it found scores above its
 * limit, `inconclusive` when it ran out of its step budget first.
 */
export function backtrackingVerdict(pattern: string): Verdict {
  if (!/\)[*+{]/.test(pattern)) return "safe";
  let known = verdicts.get(pattern);
  if (known === undefined) verdicts.set(pattern, (known = analysedVerdict(pattern)));
  return known;
}

type Verdict = "safe" | "unsafe" | "inconclusive";
/** Each pattern analysed once a run: specs repeat theirs (an email or phone pattern in every address), and the budget makes the verdict a constant. */
const verdicts = new Map<string, Verdict>();

function analysedVerdict(pattern: string): Verdict {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, "u");
  } catch {
    return "safe"; // an invalid pattern is reported as such
  }
  const verdict = isSafe(regex, { maxSteps: REDOS_STEPS, timeout: Number.POSITIVE_INFINITY });
  if (verdict.safe) return "safe";
  return verdict.error === "hitMaxScore" ? "unsafe" : "inconclusive";
}

/**
 * A pattern the generated validators will run on untrusted input must be
 * valid and must not backtrack catastrophically. An analysis that is
 * inconclusive is no error (lint warns about it).
 */
function patternProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern, "u");
  } catch (error) {
    return `invalid regular expression: ${(error as Error).message}`;
  }
  if (backtrackingVerdict(pattern) !== "unsafe") return undefined;
  return "the pattern can backtrack catastrophically (nested repetition): a long input would stall every validator that runs it; rewrite it without a repeated group around a repetition";
}

/**
 * Checks every Schema Object in the document; the first problem found is
 * reported at its position. The project's own rules come first (their
 * messages say what to write instead); the meta-schema then catches any
 * keyword of the wrong shape, so that no malformed schema reaches ajv's
 * compiler, whose errors carry no position.
 */
export function checkSchemas(source: SourceDocument, options: { published?: boolean } = {}): void {
  const known = options.published ? PUBLISHED_KEYWORDS : KNOWN_KEYWORDS;
  for (const root of schemaPositions(source.value)) {
    const schema = valueAt(source.value, root);
    if (typeof schema === "boolean") continue;
    if (!isSchemaObject(schema))
      throw new SpecError(source.locate(root), "a schema must be a mapping (or `true` or `false`)");
    walkSchema(schema, root, (node, pointer) => {
      const [problem] = problemsOf(node, known);
      if (problem) throw new SpecError(source.locate(pointer + problem[0]), problem[1]);
    });
    const validate = structureValidator("json-schema-2020-12");
    const error = validate(schema) ? undefined : validate.errors?.[0];
    if (error) {
      const keyword = error.instancePath.split("/").pop() || error.keyword;
      throw new SpecError(
        source.locate(root + error.instancePath),
        `\`${keyword}\` ${(error.message ?? "is not valid JSON Schema").replace(/^must be (\w+(,\w+)+)$/, (_all, types: string) => `must be ${types.split(",").join(" or ")}`)}`,
      );
    }
  }
}
