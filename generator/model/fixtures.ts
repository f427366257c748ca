import type { ErrorObject } from "ajv";
import type { SpecModel } from "./model.js";
import { compilePattern, Synthesizer, type Direction, type SampleMode } from "./samples.js";
import { isSchemaObject, type Schema, walkSchema } from "../core/schema-walk.js";
import { compileSchema, ruleOf } from "./validation-schema.js";
import { escapePointerPart, splitPointer } from "../core/pointer.js";
import { errorPointer } from "@customer-adapters/runtime/validation";
import { type SchemaViews, schemaViews } from "./schema-view.js";

/**
 * Fixtures for one schema: valid samples (minimal, full, boundary) and one
 * invalid payload per constraint, each checked with ajv at generate time
 * against the errors it records. A constraint that cannot be broken on its
 * own is listed as uncovered, and the coverage test fails on it.
 */

/** A rule of the schema, at a wildcard path (`/contacts/*\/name`). */
export interface Constraint {
  path: string;
  keyword: string;
}

export interface ExpectedError {
  path: string;
  rule: string;
  vendorCode?: string | number;
}

export interface InvalidFixture {
  name: string;
  breaks: Constraint;
  errors: ExpectedError[];
  value: unknown;
}

/** The valid samples made (one that could not be made is left out, and named in `problems`). */
export type ValidSamples = Partial<Record<SampleMode, unknown>>;

export interface FixtureSet {
  valid: ValidSamples;
  invalid: InvalidFixture[];
  uncovered: Constraint[];
  /** Samples that could not be made: warnings, each at the schema it is about. */
  problems: SampleProblem[];
}

/** A sample the generator could not make of a schema: reported as a warning at `pointer`, and the fixture left out. */
export interface SampleProblem {
  pointer: string;
  message: string;
}

interface Breakable extends Constraint {
  /** The instance path, `*` taken as item 0. */
  at: string;
  /** Changes a valid payload so that it breaks this rule. */
  apply(root: Record<string, unknown>): void;
}

type Json = Record<string, unknown>;

function getAt(root: unknown, pointer: string): unknown {
  return splitPointer(pointer).reduce<unknown>(
    (node, key) => (node !== null && typeof node === "object" ? (node as Json)[key] : undefined),
    root,
  );
}

function setAt(root: Json, pointer: string, value: unknown): void {
  const keys = splitPointer(pointer);
  const parent = getAt(root, `/${keys.slice(0, -1).join("/")}`.replace(/^\/$/, "")) as Json;
  const last = keys[keys.length - 1] as string;
  // A sample without the place (a schema that leaves the type open got a string): the rule stays uncovered.
  if (parent === null || typeof parent !== "object") return;
  if (Array.isArray(parent)) parent[Number(last)] = value;
  else Object.defineProperty(parent, last, { value, enumerable: true, writable: true, configurable: true });
}

function removeAt(root: Json, pointer: string): void {
  const keys = splitPointer(pointer);
  const parent = getAt(root, `/${keys.slice(0, -1).join("/")}`.replace(/^\/$/, "")) as Json | undefined;
  if (parent && typeof parent === "object") delete parent[keys[keys.length - 1] as string];
}

const clone = <T>(value: T): T => structuredClone(value);
const wrongTypeValue = (allowed: string[]): unknown =>
  [true, "text", 1.5, { unexpected: true }, ["unexpected"]].find((candidate) => {
    const type = Array.isArray(candidate)
      ? "array"
      : typeof candidate === "object"
        ? "object"
        : typeof candidate === "number"
          ? "number"
          : typeof candidate;
    return !allowed.includes(type) && !(type === "number" && allowed.includes("number"));
  });

class FixtureBuilder {
  readonly synth: Synthesizer;
  readonly constraints: Breakable[] = [];
  private readonly validate;
  private readonly views: SchemaViews;

  constructor(
    model: SpecModel,
    private readonly root: Schema,
    direction: Direction,
    private readonly vendorCodes: Map<string, string | number>,
    { ascii = false, variant = 0 } = {},
  ) {
    this.synth = new Synthesizer(model, direction, ascii, variant);
    this.validate = compileSchema(model.schemas, root);
    this.views = schemaViews(model);
  }

  /** Where the rule an error names is written in the document (a JSON pointer): `required` in the object that lists it. */
  rulePlace(error: { rule: string; at: string }): string | undefined {
    const missing = error.rule === "required" || error.rule === "dependentRequired";
    const schema = this.schemaAt(missing ? error.at.replace(/\/[^/]*$/, "") : error.at);
    return schema === undefined ? undefined : this.views.keywordAt(schema, error.rule);
  }

  errors(value: unknown): (ExpectedError & { at: string })[] {
    if (this.validate(value)) return [];
    const found = (this.validate.errors ?? []).map((error: ErrorObject) => {
      const rule = ruleOf(error);
      const code = this.vendorCodes.get(`${rule.path.replace(/\/\d+(?=\/|$)/g, "/*")} ${rule.keyword}`);
      // `path` as the validators report it (an extra key by its own pointer, `/shoe_size`); `at` where the rule is.
      const path = errorPointer(error);
      return { path, rule: rule.keyword, ...(code === undefined ? {} : { vendorCode: code }), at: rule.path };
    });
    const unique = new Map(found.map((error) => [`${error.path} ${error.rule}`, error]));
    return [...unique.values()].sort((a, b) => (`${a.path} ${a.rule}` < `${b.path} ${b.rule}` ? -1 : 1));
  }

  /**
   * A sample made valid from the validator's own errors: properties that
   * conditional rules (`then`, `dependentRequired`) require are added, and in
   * a full or boundary sample an optional property that breaks a rule it
   * could not be made to keep (a pattern nothing matches) is left out.
   */
  repaired(value: unknown, mode: SampleMode): unknown {
    for (let round = 0; round < 6; round++) {
      const errors = this.errors(value);
      const missing = errors.filter((error) => error.rule === "required" || error.rule === "dependentRequired");
      if (missing.length === 0) {
        if (mode === "minimal" || !errors.some((error) => this.dropOptional(value, error.path))) break;
        continue;
      }
      for (const error of missing) {
        const schema = this.schemaAt(error.path);
        if (schema && value !== null && typeof value === "object")
          setAt(value as Json, error.path, this.synth.sample(schema, mode === "minimal" ? "full" : mode, error.path));
      }
    }
    return value;
  }

  /** Removes the innermost optional property on the way to `pointer`; whether there was one. */
  private dropOptional(value: unknown, pointer: string): boolean {
    const keys = splitPointer(pointer);
    for (let length = keys.length; length > 0; length--) {
      const parent = `/${keys.slice(0, length - 1).join("/")}`.replace(/^\/$/, "");
      const key = keys[length - 1] as string;
      const holder = getAt(value, parent);
      const schema = this.schemaAt(parent);
      if (!schema || holder === null || typeof holder !== "object" || Array.isArray(holder)) continue;
      const required = this.synth.resolve(schema).required;
      if (Array.isArray(required) && required.includes(key)) continue;
      removeAt(value as Json, `${parent}/${escapePointerPart(key)}`);
      return true;
    }
    return false;
  }

  /**
   * The schema of the value at an instance path, as the validator reads it:
   * properties, then a matching `patternProperties`, then
   * `additionalProperties`, and for lists `prefixItems` then `items`; a
   * property declared only in a conditional or alternative branch is found there.
   */
  schemaAt(pointer: string): Schema | undefined {
    let schema: Schema | undefined = this.root;
    for (const key of splitPointer(pointer)) {
      if (!schema) return undefined;
      schema = this.childSchema(this.synth.resolve(schema), key);
    }
    return schema;
  }

  private childSchema(resolved: Schema, key: string): Schema | undefined {
    const asSchema = (value: unknown): Schema | undefined =>
      typeof value === "boolean" ? this.synth.resolve(value) : isSchemaObject(value) ? value : undefined;
    if (/^\d+$/.test(key)) {
      const tuple = Array.isArray(resolved.prefixItems) ? resolved.prefixItems[Number(key)] : undefined;
      const item = asSchema(tuple) ?? asSchema(resolved.items);
      if (item) return item;
    }
    const own = asSchema(isSchemaObject(resolved.properties) ? resolved.properties[key] : undefined);
    if (own) return own;
    const patterns = isSchemaObject(resolved.patternProperties) ? resolved.patternProperties : {};
    const matching = Object.entries(patterns).find(([pattern]) => compilePattern(pattern)?.test(key));
    if (matching) return asSchema(matching[1]);
    for (const branch of ["then", "else", "anyOf", "oneOf", "allOf"].flatMap((keyword) => {
      const value = resolved[keyword];
      return Array.isArray(value) ? value : [value];
    })) {
      const found = isSchemaObject(branch) ? this.synth.resolve(branch).properties : undefined;
      if (isSchemaObject(found) && asSchema(found[key])) return asSchema(found[key]);
    }
    return asSchema(resolved.additionalProperties);
  }

  /** Walks the schema and lists each rule with a way to break it. */
  collect(schema: Schema, path: string, depth = 0): void {
    if (depth > 8) return;
    const resolved = this.synth.resolve(schema);
    const at = path.replace(/\/\*(?=\/|$)/g, "/0");
    const add = (keyword: string, target: string, apply: (root: Json) => void) =>
      this.constraints.push({ path: target, keyword, at: target.replace(/\/\*(?=\/|$)/g, "/0"), apply });
    const types = [...(this.synth.types(schema) ?? [])];

    if (types.length > 0 && path !== "") add("type", path, (root) => setAt(root, at, wrongTypeValue(types)));
    if (Array.isArray(resolved.enum))
      add("enum", path, (root) =>
        setAt(root, at, types.includes("string") || types.length === 0 ? "NOT-A-LISTED-VALUE" : 987654321),
      );
    if ("const" in resolved)
      add("const", path, (root) =>
        setAt(root, at, typeof resolved.const === "string" ? "NOT-THE-CONSTANT" : 987654321),
      );
    if (typeof resolved.maxLength === "number") {
      const max = resolved.maxLength;
      add("maxLength", path, (root) => {
        const current = String(getAt(root, at) ?? "");
        const email = resolved.format === "email" ? "@example.com" : "";
        setAt(
          root,
          at,
          email
            ? `${"a".repeat(Math.max(1, max + 1 - email.length))}${email}`
            : [...current]
                .concat(Array(max + 1).fill("x"))
                .slice(0, max + 1)
                .join(""),
        );
      });
    }
    if (typeof resolved.minLength === "number" && resolved.minLength > 0) {
      const min = resolved.minLength;
      add("minLength", path, (root) => setAt(root, at, [...String(getAt(root, at) ?? "")].slice(0, min - 1).join("")));
    }
    if (typeof resolved.pattern === "string") add("pattern", path, (root) => setAt(root, at, "\u0000 does not match"));
    // A string format is broken by text that is not one; int32 by a number past its range; other number formats (int64, double) cannot be broken by JSON numbers a validator reads.
    if (typeof resolved.format === "string" && (types.includes("string") || types.length === 0))
      add("format", path, (root) => setAt(root, at, `not a ${resolved.format}`));
    else if (resolved.format === "int32") add("format", path, (root) => setAt(root, at, 2 ** 31));
    for (const [keyword, delta] of [
      ["minimum", -1],
      ["exclusiveMinimum", 0],
      ["maximum", 1],
      ["exclusiveMaximum", 0],
    ] as const)
      if (typeof resolved[keyword] === "number")
        add(keyword, path, (root) => setAt(root, at, (resolved[keyword] as number) + delta));
    if (typeof resolved.maxItems === "number") {
      // One item too many, all alike and small: the minimal item, else the smallest one the sample has.
      const max = resolved.maxItems;
      const itemSchema = isSchemaObject(resolved.items) ? resolved.items : {};
      const repeated = (item: unknown) => (root: Json) =>
        setAt(
          root,
          at,
          Array.from({ length: max + 1 }, () => clone(item)),
        );
      add("maxItems", path, (root) => repeated(this.synth.sample(itemSchema, "minimal", `${at}/0`))(root));
      add("maxItems", path, (root) => {
        const items = ((getAt(root, at) as unknown[]) ?? []).map(
          (item) => [JSON.stringify(item).length, item] as const,
        );
        const smallest = items.sort(([a], [b]) => a - b)[0];
        repeated(smallest ? smallest[1] : this.synth.sample(itemSchema, "full", `${at}/0`))(root);
      });
    }
    if (typeof resolved.minItems === "number" && resolved.minItems > 0) {
      const min = resolved.minItems;
      add("minItems", path, (root) => setAt(root, at, ((getAt(root, at) as unknown[]) ?? []).slice(0, min - 1)));
    }

    const properties = isSchemaObject(resolved.properties) ? resolved.properties : {};
    const live = Object.entries(properties).filter(
      ([, property]) => isSchemaObject(property) && !this.synth.skipped(property as Schema),
    );
    for (const name of Array.isArray(resolved.required) ? (resolved.required as string[]) : [])
      if (live.some(([candidate]) => candidate === name))
        add("required", `${path}/${name}`, (root) => removeAt(root, `${at}/${name}`));
    if (resolved.additionalProperties === false)
      add("additionalProperties", path, (root) => setAt(root, `${at}/unexpectedField`, "not documented"));
    if (isSchemaObject(resolved.dependentRequired))
      for (const [trigger, needed] of Object.entries(resolved.dependentRequired).sort(([a], [b]) => (a < b ? -1 : 1)))
        for (const name of Array.isArray(needed) ? (needed as string[]) : [])
          add("dependentRequired", `${path}/${name}`, (root) => {
            // The trigger need not be a declared property: any value makes it present.
            const triggerSchema = (properties[trigger] ?? {}) as Schema;
            const present = getAt(root, `${at}/${trigger}`);
            setAt(root, `${at}/${trigger}`, present ?? this.synth.sample(triggerSchema, "full", `${at}/${trigger}`));
            removeAt(root, `${at}/${name}`);
          });
    // A conditional rule (`if` … `then: { required }`): make the condition hold, then leave out what it requires.
    const condition = isSchemaObject(resolved.if) ? this.synth.resolve(resolved.if) : undefined;
    const then = isSchemaObject(resolved.then) ? this.synth.resolve(resolved.then) : undefined;
    const needed = Array.isArray(then?.required) ? (then.required as string[]) : [];
    if (condition && needed.length > 0)
      add("if", path, (root) => {
        for (const [name, test] of Object.entries(
          isSchemaObject(condition.properties) ? condition.properties : {},
        ).sort(([a], [b]) => (a < b ? -1 : 1))) {
          const resolvedTest = isSchemaObject(test) ? this.synth.resolve(test) : {};
          if ("const" in resolvedTest) setAt(root, `${at}/${name}`, resolvedTest.const);
          else if (Array.isArray(resolvedTest.enum)) setAt(root, `${at}/${name}`, resolvedTest.enum[0]);
        }
        for (const name of needed) removeAt(root, `${at}/${name}`);
      });
    this.collectAlternatives(resolved, path, at, add, depth);
    for (const [name, property] of live) this.collect(property as Schema, `${path}/${name}`, depth + 1);
    if (isSchemaObject(resolved.items)) this.collect(resolved.items, `${path}/*`, depth + 1);
  }

  /**
   * Ways to break an `anyOf`/`oneOf`: leave out every key a branch requires
   * (the at-least-one-of idiom), give a value of no branch's type, and for
   * `oneOf` fill every branch at once. A nullable schema (`anyOf` of a
   * schema and `null`) is broken through its other branch's rules.
   */
  private collectAlternatives(
    resolved: Schema,
    path: string,
    at: string,
    add: (keyword: string, target: string, apply: (root: Json) => void) => void,
    depth: number,
  ): void {
    for (const keyword of ["anyOf", "oneOf"] as const) {
      const branches = Array.isArray(resolved[keyword]) ? (resolved[keyword] as (Schema | boolean)[]) : [];
      if (branches.length === 0) continue;
      const views = branches.map((branch) => this.synth.resolve(branch));
      const others = views.filter(
        (view) => !(Array.isArray(view.type) ? view.type : [view.type]).every((type) => type === "null"),
      );
      if (others.length === 1 && others.length < views.length) {
        this.collect(others[0] as Schema, path, depth + 1);
        continue;
      }
      const named = [
        ...new Set(views.flatMap((view) => (Array.isArray(view.required) ? view.required.map(String) : []))),
      ];
      if (named.length > 0) {
        add(keyword, path, (root) => {
          for (const name of named) removeAt(root, `${at}/${escapePointerPart(name)}`);
        });
        if (keyword === "oneOf")
          add(keyword, path, (root) => {
            for (const name of named) {
              const target = `${at}/${escapePointerPart(name)}`;
              const schema = this.schemaAt(target);
              if (getAt(root, target) === undefined && schema)
                setAt(root, target, this.synth.sample(schema, "full", target));
            }
          });
      }
      if (path !== "")
        for (const value of [null, {}, "", 0, []]) add(keyword, path, (root) => setAt(root, at, clone(value)));
    }
  }

  /**
   * A small valid payload in which the value at the constraint's path exists:
   * the minimal sample, with each missing step on the way filled with the
   * minimal sample of its own schema (a list gets one item), and the value
   * itself taken from the full sample.
   */
  baseFor(constraint: Breakable, minimal: unknown, full: unknown): Json {
    const base = clone(minimal) as Json;
    // A sample that is no object or list (a fallback `null`) has no place to fill.
    if (base === null || typeof base !== "object") return base;
    const keys = splitPointer(constraint.at);
    let node: Json | unknown[] = base;
    for (const [index, key] of keys.entries()) {
      const here = `/${keys.slice(0, index + 1).join("/")}`;
      const last = index === keys.length - 1;
      const current = (node as Json)[key];
      if (current === undefined) {
        // The value a rule is about comes whole from the full sample; the steps to it stay minimal.
        const filler = last ? getAt(full, here) : this.minimalAt(here);
        if (filler === undefined) break;
        if (Array.isArray(node)) node[Number(key)] = clone(filler);
        else setAt(base, here, clone(filler));
      }
      const next = (node as Json)[key];
      if (next === null || typeof next !== "object") break;
      node = next as Json;
    }
    return this.repaired(base, "full") as Json;
  }

  /** The minimal sample of the value at an instance path; a list gets one (minimal) item so that paths through it exist. */
  private minimalAt(pointer: string): unknown {
    const schema = this.schemaAt(pointer);
    if (!schema) return undefined;
    const value = this.synth.sample(schema, "minimal", pointer);
    const resolved = this.synth.resolve(schema);
    if (Array.isArray(value) && value.length === 0 && isSchemaObject(resolved.items))
      value.push(this.synth.sample(resolved.items, "minimal", `${pointer}/0`));
    return value;
  }
}

const reported = new WeakMap<SpecModel, SampleProblem[]>();

/** Records samples the fixtures could not make of a model's schemas, for the pipeline to report as warnings. */
export function reportSampleProblems(model: SpecModel, problems: readonly SampleProblem[]): void {
  reported.set(model, [...(reported.get(model) ?? []), ...problems]);
}

/** The problems recorded for `model` since the last call, in the order found. */
export function takeSampleProblems(model: SpecModel): SampleProblem[] {
  const problems = reported.get(model) ?? [];
  reported.delete(model);
  return problems;
}

/**
 * Valid and invalid fixtures for `root` (found at `pointer` in the spec),
 * with the vendor's codes from `x-errors` where a rule has one.
 */
export function buildFixtures(
  model: SpecModel,
  root: Schema,
  pointer: string,
  direction: Direction,
  location?: string,
  examples: readonly unknown[] = [],
): FixtureSet {
  const codes = new Map<string, string | number>();
  for (const error of model.operation?.errors ?? [])
    for (const rule of error.rules)
      if (rule.in === location)
        for (const keyword of rule.keywords)
          if (!codes.has(`${rule.path} ${keyword}`)) codes.set(`${rule.path} ${keyword}`, error.code);
  const builder = new FixtureBuilder(model, root, direction, codes);
  const { valid, problems } = validSamples(model, root, direction, pointer, { examples });
  const invalid: InvalidFixture[] = [];
  const uncovered: Constraint[] = [];
  // Invalid payloads are made from valid ones: without a minimal sample there are none.
  if (valid.minimal === undefined) return { valid, invalid, uncovered, problems };
  builder.collect(root, "");
  const done = new Set<string>();
  const failed = new Map<string, Constraint>();
  // A rule may have several ways to break it: the first that breaks just it wins.
  for (const constraint of builder.constraints) {
    const key = `${constraint.path} ${constraint.keyword}`;
    if (done.has(key)) continue;
    const made = breaking(builder, constraint, valid.minimal, valid.full ?? valid.minimal);
    if (made) {
      done.add(key);
      failed.delete(key);
      invalid.push(made);
    } else if (!failed.has(key)) failed.set(key, { path: constraint.path, keyword: constraint.keyword });
  }
  uncovered.push(...failed.values());
  return { valid, invalid, uncovered, problems };
}

/** A payload that breaks just `constraint` (anything else only at the same place), with the errors it gives, or undefined. */
function breaking(
  builder: FixtureBuilder,
  constraint: Breakable,
  minimal: unknown,
  full: unknown,
): InvalidFixture | undefined {
  const value = builder.baseFor(constraint, minimal, full);
  if (builder.errors(value).length > 0) return undefined;
  constraint.apply(value);
  const errors = builder.errors(value);
  // It must break this rule, and anything else only at the same place (a too-long code also misses its pattern).
  const place = constraint.at;
  const alternatives = new Set(errors.filter((error) => ALTERNATIVES.has(error.rule)).map((error) => error.at));
  const hits = errors.some((error) => error.rule === constraint.keyword && error.at === constraint.at);
  const elsewhere = errors.filter(
    (error) =>
      error.at !== place &&
      !(error.rule === "if" && place.startsWith(`${error.at}/`)) &&
      !(constraint.keyword === "if" && error.at.startsWith(`${place}/`)) &&
      // Breaking an alternative's rule breaks the alternative around it: ajv reports each branch it tried.
      !(ALTERNATIVES.has(constraint.keyword) && error.at.startsWith(`${place}/`)) &&
      !(alternatives.has(error.at) && place.startsWith(`${error.at}/`)),
  );
  if (!hits || elsewhere.length > 0) return undefined;
  return {
    name: `${constraint.keyword} at ${constraint.path || "/"}`,
    breaks: { path: constraint.path, keyword: constraint.keyword },
    errors: errors.map(({ at: _at, ...error }) => error),
    value,
  };
}

const ALTERNATIVES = new Set(["anyOf", "oneOf"]);

/**
 * Plain values tried, in order, when the sample generator's value breaks its
 * schema (it reads types, limits and formats, not `not`, `oneOf` overlaps or
 * an open type): one of them often satisfies what it could not.
 */
const FALLBACKS: readonly unknown[] = [
  null,
  0,
  1,
  2,
  -1,
  0.5,
  10,
  100,
  "",
  "a",
  "foo",
  true,
  false,
  [],
  [1],
  ["a"],
  {},
  { a: 1 },
];

/** Values the schema itself names (`const`, `enum`) and objects with each `required` list's keys: candidates too. */
function namedValues(model: SpecModel, root: Schema): unknown[] {
  const found: unknown[] = [];
  const visit = (schema: Schema) =>
    walkSchema(schema, "", (node) => {
      if ("const" in node) found.push(node.const);
      if (Array.isArray(node.enum)) found.push(...node.enum);
      if (Array.isArray(node.required)) found.push(Object.fromEntries(node.required.map((key) => [String(key), 1])));
    });
  visit(root);
  for (const { schema } of model.schemas) if (isSchemaObject(schema)) visit(schema);
  return found;
}

/** How many ways through `anyOf`/`oneOf` branches the sampler tries before the plain candidates. */
const VARIANTS = 3;
const MODES: readonly SampleMode[] = ["minimal", "full", "boundary"];

/**
 * The valid samples of `root` (minimal, full, boundary), each checked with
 * the compiled validator: the sampler's value repaired from the validator's
 * errors, then with other branches of its alternatives, then the schema's
 * own examples (the body's, then the schema's) and plain values; a full or boundary sample that cannot be
 * made takes the minimal one. A sample none of these gives is left out, and
 * named in `problems` at `pointer`.
 */
export function validSamples(
  model: SpecModel,
  root: Schema,
  direction: Direction,
  pointer = "",
  options: {
    ascii?: boolean;
    path?: string;
    modes?: readonly SampleMode[];
    /** The vendor's own examples of the value (a body's `examples`), tried before plain values. */
    examples?: readonly unknown[];
  } = {},
): { valid: ValidSamples; problems: SampleProblem[] } {
  const builders = Array.from(
    { length: VARIANTS },
    (_unused, variant) => new FixtureBuilder(model, root, direction, new Map(), { ascii: options.ascii, variant }),
  );
  const [builder] = builders as [FixtureBuilder];
  const isValid = (value: unknown) => builder.errors(value).length === 0;
  const valid: ValidSamples = {};
  const problems: SampleProblem[] = [];
  for (const mode of options.modes ?? MODES) {
    const sampled = (each: FixtureBuilder) => each.repaired(each.synth.sample(root, mode, options.path ?? ""), mode);
    const first = sampled(builder);
    const view = builder.synth.resolve(root);
    // Tried in order, each made only when the ones before it are not valid.
    function* candidates(): Generator<unknown> {
      yield first;
      for (const each of builders.slice(1)) yield sampled(each);
      yield* options.examples ?? [];
      if (Array.isArray(view.examples)) yield* view.examples;
      yield view.example;
      yield* FALLBACKS;
      yield* namedValues(model, root);
      yield valid.minimal;
    }
    let found: { value: unknown } | undefined;
    for (const candidate of candidates())
      if (candidate !== undefined && isValid(candidate)) {
        found = { value: candidate };
        break;
      }
    if (found) {
      valid[mode] = clone(found.value);
      continue;
    }
    const errors = builder.errors(first);
    const breaks = errors.map((error) => `${error.path || "/"} ${error.rule}`);
    // At the first rule the sample breaks, where it is written (a nested property's own line), else at the schema.
    const place = (errors[0] && builder.rulePlace(errors[0])) ?? pointer;
    const schema = place === pointer ? "this schema" : `the schema at ${pointer || "/"}`;
    problems.push({
      pointer: place,
      message: `no valid ${mode} sample could be made of ${schema} (the generated one breaks ${breaks.join(", ")}): the fixture is left out; check that a value can satisfy it, e.g. every required property has a schema and every limit fits its format`,
    });
  }
  return { valid, problems };
}

/** Every rule of `root` that a fixture must break: the list the coverage test checks. */
export function constraintsOf(model: SpecModel, root: Schema, direction: Direction): Constraint[] {
  const builder = new FixtureBuilder(model, root, direction, new Map());
  builder.collect(root, "");
  const unique = new Map(
    builder.constraints.map((constraint) => [
      `${constraint.path} ${constraint.keyword}`,
      { path: constraint.path, keyword: constraint.keyword },
    ]),
  );
  return [...unique.values()];
}
