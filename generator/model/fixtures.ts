import type { ErrorObject } from "ajv";
import type { SpecModel } from "./model.js";
import { Synthesizer, type Direction } from "./samples.js";
import { isSchemaObject, type Schema, walkSchema } from "../core/schema-walk.js";
import { compileSchema, ruleOf } from "./validation-schema.js";
import { splitPointer } from "../core/pointer.js";
import { errorPointer } from "@customer-adapters/runtime/validation";

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

export interface FixtureSet {
  valid: { minimal: unknown; full: unknown; boundary: unknown };
  invalid: InvalidFixture[];
  uncovered: Constraint[];
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

function typesOf(schema: Schema): string[] {
  return Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === "string" ? [schema.type] : [];
}

class FixtureBuilder {
  readonly synth: Synthesizer;
  readonly constraints: Breakable[] = [];
  private readonly validate;

  constructor(
    model: SpecModel,
    private readonly root: Schema,
    direction: Direction,
    private readonly vendorCodes: Map<string, string | number>,
  ) {
    this.synth = new Synthesizer(model, direction);
    this.validate = compileSchema(model.schemas, root);
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

  /** A sample made valid: properties that conditional rules (`then`, `dependentRequired`) require are added. */
  repaired(value: unknown, mode: "minimal" | "full" | "boundary"): unknown {
    for (let round = 0; round < 6; round++) {
      const missing = this.errors(value).filter(
        (error) => error.rule === "required" || error.rule === "dependentRequired",
      );
      if (missing.length === 0) break;
      for (const error of missing) {
        const schema = this.schemaAt(error.path);
        if (schema && value !== null && typeof value === "object")
          setAt(value as Json, error.path, this.synth.sample(schema, mode === "minimal" ? "full" : mode, error.path));
      }
    }
    return value;
  }

  /** The schema of the value at an instance path, following properties and items. */
  schemaAt(pointer: string): Schema | undefined {
    let schema: Schema | undefined = this.root;
    for (const key of splitPointer(pointer)) {
      if (!schema) return undefined;
      const resolved = this.synth.resolve(schema);
      const properties = isSchemaObject(resolved.properties) ? resolved.properties : {};
      const conditional = [resolved.then, resolved.else]
        .filter(isSchemaObject)
        .map((branch) => this.synth.resolve(branch).properties)
        .filter(isSchemaObject);
      if (/^\d+$/.test(key) && isSchemaObject(resolved.items)) schema = resolved.items;
      else schema = [properties, ...conditional].map((candidate) => candidate[key]).find(isSchemaObject);
    }
    return schema;
  }

  /** Walks the schema and lists each rule with a way to break it. */
  collect(schema: Schema, path: string, depth = 0): void {
    if (depth > 8) return;
    const resolved = this.synth.resolve(schema);
    const at = path.replace(/\/\*(?=\/|$)/g, "/0");
    const add = (keyword: string, target: string, apply: (root: Json) => void) =>
      this.constraints.push({ path: target, keyword, at: target.replace(/\/\*(?=\/|$)/g, "/0"), apply });
    const types = typesOf(resolved);

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
      const max = resolved.maxItems;
      add("maxItems", path, (root) => {
        const items = (getAt(root, at) as unknown[]) ?? [];
        setAt(
          root,
          at,
          Array.from({ length: max + 1 }, (_unused, index) =>
            clone(
              items[index % Math.max(items.length, 1)] ??
                this.synth.sample(isSchemaObject(resolved.items) ? resolved.items : {}, "full", `${at}/${index}`),
            ),
          ),
        );
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
    for (const [name, property] of live) this.collect(property as Schema, `${path}/${name}`, depth + 1);
    if (isSchemaObject(resolved.items)) this.collect(resolved.items, `${path}/*`, depth + 1);
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

/** A schema the sample generator could not satisfy: a problem of the spec, reported at `pointer` (where the schema is). */
export class SampleError extends Error {
  constructor(
    message: string,
    readonly pointer: string,
  ) {
    super(message);
  }
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
): FixtureSet {
  const codes = new Map<string, string | number>();
  for (const error of model.operation?.errors ?? [])
    for (const rule of error.rules)
      if (rule.in === location)
        for (const keyword of rule.keywords)
          if (!codes.has(`${rule.path} ${keyword}`)) codes.set(`${rule.path} ${keyword}`, error.code);
  const builder = new FixtureBuilder(model, root, direction, codes);
  const valid = validSamples(model, root, direction);
  builder.collect(root, "");
  const invalid: InvalidFixture[] = [];
  const uncovered: Constraint[] = [];
  const seen = new Set<string>();
  for (const constraint of builder.constraints) {
    const key = `${constraint.path} ${constraint.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const value = builder.baseFor(constraint, valid.minimal, valid.full);
    if (builder.errors(value).length > 0) {
      uncovered.push({ path: constraint.path, keyword: constraint.keyword });
      continue;
    }
    constraint.apply(value);
    const errors = builder.errors(value);
    // It must break this rule, and anything else only at the same place (a too-long code also misses its pattern).
    const place = constraint.at;
    const hits = errors.some((error) => error.rule === constraint.keyword && error.at === constraint.at);
    const elsewhere = errors.filter(
      (error) =>
        error.at !== place &&
        !(error.rule === "if" && place.startsWith(`${error.at}/`)) &&
        !(constraint.keyword === "if" && error.at.startsWith(`${place}/`)),
    );
    if (!hits || elsewhere.length > 0) uncovered.push({ path: constraint.path, keyword: constraint.keyword });
    else
      invalid.push({
        name: `${constraint.keyword} at ${constraint.path || "/"}`,
        breaks: { path: constraint.path, keyword: constraint.keyword },
        errors: errors.map(({ at: _at, ...error }) => error),
        value,
      });
  }
  for (const [name, value] of Object.entries(valid)) {
    const errors = builder.errors(value);
    if (errors.length > 0)
      throw new SampleError(
        `no valid ${name} sample could be made of this schema (the generated one breaks ${errors.map((error) => `${error.path || "/"} ${error.rule}`).join(", ")}): check that a value can satisfy it, e.g. every required property has a schema and every limit fits its format`,
        pointer,
      );
  }
  return { valid, invalid, uncovered };
}

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

/** Just the valid samples of `root` (minimal, full, boundary), repaired to pass conditional rules. */
export function validSamples(model: SpecModel, root: Schema, direction: Direction): FixtureSet["valid"] {
  const builder = new FixtureBuilder(model, root, direction, new Map());
  const made = (mode: "minimal" | "full" | "boundary") => builder.repaired(builder.synth.sample(root, mode, ""), mode);
  const valid = (value: unknown) => builder.errors(value).length === 0;
  const sample = (mode: "minimal" | "full" | "boundary") => {
    const value = made(mode);
    if (valid(value)) return value;
    // A plain value, else the generator's, whose errors the refusal names (a full sample keeps every field it can).
    const candidates = [...FALLBACKS, ...namedValues(model, root)];
    const index = candidates.findIndex(valid);
    return index < 0 ? value : clone(candidates[index]);
  };
  return { minimal: sample("minimal"), full: sample("full"), boundary: sample("boundary") };
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
