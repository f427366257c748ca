import { escapePointerPart, joinPointer, splitPointer, valueAt } from "../core/pointer.js";
import { isSchemaObject, type Schema } from "../core/schema-walk.js";
import type { NamedSchema, SpecModel } from "./model.js";
import { modelRoots, SchemaPlaces } from "./schema-places.js";
import { componentName } from "./lookup.js";

/**
 * One reading of a schema that every step shares (the types, the sampler,
 * the fixtures, the body shape, the field table, the model's checks):
 * references resolved once, `allOf` merged into one schema where that is
 * exact, and the types as a set with `null` folded in. What cannot be
 * merged exactly stays in `allOf`, so the view always means what the schema
 * means. Each view knows where it is written, and `keywordAt` where each of
 * its keywords is, for positioned messages.
 *
 * json-schema-merge-allof was considered: it throws on any keyword it has
 * no resolver for (2020-12's `dependentRequired`, `prefixItems`,
 * `unevaluated*`) instead of keeping what it cannot merge, which is what the
 * view needs.
 */
export interface SchemaView {
  /** The merged schema: read keywords here. Its `allOf` holds only what did not merge. */
  readonly schema: Schema;
  /** The JSON types a value may have (`integer` distinct from `number`), `null` included when it is allowed; undefined when any. */
  readonly types: ReadonlySet<string> | undefined;
  /** Whether `null` is a valid value: in `type`, or as an `anyOf`/`oneOf` branch of its own. */
  readonly nullable: boolean;
  /** The component the schema was reached through (`/components/schemas/Name`). */
  readonly pointer: string | undefined;
  /** Where the schema is written in the document (a JSON pointer): its own place, else the component reached. */
  readonly at: string | undefined;
  /** The schemas as written that the view was made of: the schema, the targets of its `$ref`s, its `allOf` parts'. */
  readonly sources: readonly Schema[];
}

const COMPONENTS = "#/components/schemas";
/**
 * What a schema says beside the components it names, for a reader that keeps
 * those by name (the types write `Address`, not its properties again).
 */
export interface OwnView {
  /** The components named: its `$ref`, then each `allOf` part that is a reference, in order. */
  readonly names: readonly string[];
  /** The view of the rest: the siblings and the other `allOf` parts, merged. */
  readonly view: SchemaView;
}

/** Keywords whose tightest value is the smallest. */
const UPPER = new Set(["maxLength", "maxItems", "maxProperties", "maximum", "exclusiveMaximum"]);
/** Keywords whose tightest value is the largest. */
const LOWER = new Set(["minLength", "minItems", "minProperties", "minimum", "exclusiveMinimum"]);
/** Flags that hold when either side sets them. */
const EITHER = new Set(["readOnly", "writeOnly", "deprecated", "uniqueItems"]);
/** Keywords that only document: the first one found is kept. */
const ANNOTATION = /^(x-|title$|description$|examples?$|default$|\$comment$|xml$|externalDocs$|discriminator$)/;
/** Keywords whose meaning depends on the whole schema they sit in: a schema with them is not merged into another. */
const WHOLE = new Set([
  "unevaluatedProperties",
  "unevaluatedItems",
  "$dynamicRef",
  "$dynamicAnchor",
  "$id",
  "$anchor",
  "$schema",
  "$defs",
  "$ref",
]);
/** Keywords that decide which keys an object may have, merged only together. */
const OBJECT_SHAPE = ["properties", "patternProperties", "additionalProperties"] as const;
/** Keywords of one condition, merged only together: a `then` apart from its `if` would mean nothing. */
const CONDITION = ["if", "then", "else"];
/** Depth past which nested properties are no longer merged (recursive schemas). */
const MAX_DEPTH = 8;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const typeList = (schema: Schema): string[] | undefined =>
  Array.isArray(schema.type) ? schema.type.map(String) : typeof schema.type === "string" ? [schema.type] : undefined;

/** The types both lists allow, in `a`'s order (`integer` is a `number`: number and integer give integer). */
function commonTypes(a: string[], b: string[]): string[] {
  const common = a.map((type) =>
    b.includes(type)
      ? type
      : type === "integer" && b.includes("number")
        ? type
        : type === "number" && b.includes("integer")
          ? "integer"
          : undefined,
  );
  return [...new Set(common.filter((type) => type !== undefined))];
}

const declared = (schema: Schema, keyword: string): Record<string, unknown> =>
  isSchemaObject(schema[keyword]) ? (schema[keyword] as Record<string, unknown>) : {};

/** Whether the keys `open` lets through cover every key `other` declares (or `open` has no say on extra keys). */
function admits(open: Schema, other: Schema): boolean {
  if (open.additionalProperties === undefined || open.additionalProperties === true) return true;
  const properties = declared(open, "properties");
  const patterns = declared(open, "patternProperties");
  return (
    Object.keys(declared(other, "properties")).every((key) => key in properties) &&
    Object.keys(declared(other, "patternProperties")).every((key) => key in patterns)
  );
}

export class SchemaViews {
  private readonly views = new WeakMap<Schema, SchemaView>();
  private readonly owns = new WeakMap<Schema, OwnView>();
  private readonly components: Map<string, Schema | boolean>;
  readonly places = new SchemaPlaces();
  /** The schemas as written that each merged schema was made of. */
  private readonly parts = new WeakMap<Schema, readonly Schema[]>();

  constructor(schemas: readonly NamedSchema[]) {
    this.components = new Map(schemas.map(({ name, schema }) => [name, schema]));
    for (const { name, schema } of schemas)
      this.places.add(schema, `${COMPONENTS.slice(1)}/${escapePointerPart(name)}`);
  }

  /**
   * Where `keyword` of the schema (as the view reads it) is written: the
   * first of its sources that holds the value the view has, else the first
   * that has the keyword at all, else the schema's own place.
   */
  keywordAt(schema: Schema | boolean, keyword: string): string | undefined {
    const view = this.view(schema);
    const placed = view.sources.filter((source) => keyword in source && this.places.get(source) !== undefined);
    const holder = placed.find((source) => same(source[keyword], view.schema[keyword])) ?? placed[0];
    return holder ? `${this.places.get(holder)}/${escapePointerPart(keyword)}` : view.at;
  }

  /** The view of `schema`; `true` is any value, `false` none. */
  view(schema: Schema | boolean): SchemaView {
    if (typeof schema === "boolean") return this.view(schema ? EMPTY : NOTHING);
    let found = this.views.get(schema);
    if (!found) {
      found = this.build(schema);
      this.views.set(schema, found);
    }
    return found;
  }

  /** The view of what `schema` says beside the components it names (see `OwnView`). */
  own(schema: Schema | boolean): OwnView {
    if (typeof schema === "boolean") return { names: [], view: this.view(schema) };
    let found = this.owns.get(schema);
    if (!found) {
      const { $ref: ref, allOf, ...rest } = schema;
      const parts = Array.isArray(allOf) ? (allOf as (Schema | boolean)[]) : [];
      const nameOf = (part: Schema | boolean) => (typeof part === "boolean" ? undefined : componentName(part));
      const names = [schema, ...parts].map(nameOf).filter((name) => name !== undefined);
      const others = parts.filter((part) => nameOf(part) === undefined);
      const own = componentName(schema) === undefined && ref !== undefined ? { ...rest, $ref: ref } : rest;
      const kept = others.length > 0 ? { ...own, allOf: others } : own;
      this.parts.set(kept, [schema]);
      found = { names, view: this.view(names.length > 0 ? kept : schema) };
      this.owns.set(schema, found);
    }
    return found;
  }

  /** The schema a `$ref` names: a component, or a schema inside one (`#/components/schemas/A/properties/b`). */
  target(ref: string): Schema | boolean | undefined {
    if (!ref.startsWith(COMPONENTS)) return undefined;
    const [name = "", ...path] = splitPointer(decodeURI(ref.slice(COMPONENTS.length)));
    const component = this.components.get(name);
    const found = path.length === 0 ? component : valueAt(component, joinPointer(path));
    return typeof found === "boolean" || isSchemaObject(found) ? found : undefined;
  }

  /** Both schemas at once: merged where exact, the rest of `b` kept in `allOf`. */
  intersect(a: Schema, b: Schema, depth = 0): Schema {
    const merged: Schema = { ...a };
    const rest: Schema = {};
    const whole = [a, b].some((side) => Object.keys(side).some((keyword) => WHOLE.has(keyword)));
    if (whole || depth > MAX_DEPTH) return this.placed(withRest(merged, b), a, b);
    const shapes = OBJECT_SHAPE.some((keyword) => keyword in b) && !(admits(a, b) && admits(b, a));
    const conditions = [a, b].every((side) => CONDITION.some((keyword) => keyword in side));
    for (const [keyword, value] of Object.entries(b)) {
      const mine = merged[keyword];
      if (conditions && CONDITION.includes(keyword)) rest[keyword] = value;
      // A rule's own words (`description` beside its `if`) describe the rule, not the schema.
      else if (ANNOTATION.test(keyword) && "if" in b) continue;
      else if (mine === undefined || same(mine, value)) merged[keyword] = mine ?? value;
      else if (ANNOTATION.test(keyword)) continue;
      else if (shapes && (OBJECT_SHAPE as readonly string[]).includes(keyword)) rest[keyword] = value;
      else if (UPPER.has(keyword) && typeof mine === "number" && typeof value === "number")
        merged[keyword] = Math.min(mine, value);
      else if (LOWER.has(keyword) && typeof mine === "number" && typeof value === "number")
        merged[keyword] = Math.max(mine, value);
      else if (EITHER.has(keyword)) merged[keyword] = mine === true || value === true;
      else if (keyword === "required" && Array.isArray(mine) && Array.isArray(value))
        merged.required = [...new Set([...mine, ...value])];
      else if (keyword === "type") {
        const common = commonTypes(typeList(a) ?? [], typeList(b) ?? []);
        if (common.length === 0) rest.type = value;
        else merged.type = common.length === 1 ? common[0] : common;
      } else if (keyword === "enum" && Array.isArray(mine) && Array.isArray(value)) {
        const common = mine.filter((option) => value.some((other) => same(option, other)));
        if (common.length === 0) rest.enum = value;
        else merged.enum = common;
      } else if (
        (keyword === "properties" || keyword === "patternProperties") &&
        isSchemaObject(mine) &&
        isSchemaObject(value)
      )
        merged[keyword] = this.mergeMap(mine, value, depth);
      else if (
        (keyword === "items" || keyword === "additionalProperties") &&
        isSchemaObject(mine) &&
        isSchemaObject(value)
      )
        merged[keyword] = this.intersect(this.view(mine).schema, this.view(value).schema, depth + 1);
      else rest[keyword] = value;
    }
    return this.placed(withRest(merged, rest), a, b);
  }

  /** `merged`, remembered as made of `a` and `b` (for `keywordAt`). */
  private placed(merged: Schema, a: Schema, b: Schema): Schema {
    this.parts.set(merged, [...this.sourcesOf(a), ...this.sourcesOf(b)]);
    return merged;
  }

  private sourcesOf(schema: Schema): readonly Schema[] {
    return this.parts.get(schema) ?? [schema];
  }

  private mergeMap(a: Record<string, unknown>, b: Record<string, unknown>, depth: number): Record<string, unknown> {
    const merged: Record<string, unknown> = { ...a };
    for (const [key, value] of Object.entries(b)) {
      const mine = merged[key];
      merged[key] =
        mine === undefined || same(mine, value)
          ? (mine ?? value)
          : this.intersect(this.view(mine as Schema).schema, this.view(value as Schema).schema, depth + 1);
    }
    return merged;
  }

  private build(schema: Schema): SchemaView {
    let pointer: string | undefined;
    let current = schema;
    const sources: Schema[] = [...this.sourcesOf(schema)];
    // A `$ref` with siblings means both (2020-12): the target, then the siblings.
    for (let hops = 0; typeof current.$ref === "string" && hops < 20; hops++) {
      const { $ref: ref, ...siblings } = current;
      const target = this.target(ref as string);
      if (target === undefined) break;
      pointer = (ref as string).slice(1);
      const resolved = typeof target === "boolean" ? (target ? EMPTY : NOTHING) : target;
      sources.push(...this.sourcesOf(resolved));
      current = this.intersect(resolved, siblings);
      // The reference's own description (or title, or example) is what this place says: it wins over the target's.
      for (const [keyword, value] of Object.entries(siblings)) if (ANNOTATION.test(keyword)) current[keyword] = value;
    }
    if (Array.isArray(current.allOf)) {
      const { allOf, ...own } = current;
      let merged: Schema = own;
      for (const part of allOf as (Schema | boolean)[]) {
        const view = this.view(part);
        merged = this.intersect(merged, view.schema);
        sources.push(...view.sources);
      }
      current = merged;
    }
    const types = typeList(current);
    // Without a `type`, a branch of its own may allow null (`anyOf: [{ $ref }, { type: "null" }]`).
    const nullable =
      types !== undefined
        ? types.includes("null")
        : [current.anyOf, current.oneOf].some(
            (branches) =>
              Array.isArray(branches) && branches.some((branch) => onlyNull(this.view(branch as Schema | boolean))),
          );
    const at = sources.map((source) => this.places.get(source)).find((place) => place !== undefined) ?? pointer;
    if (current !== schema) this.parts.set(current, sources);
    return {
      schema: current,
      types: types === undefined ? undefined : new Set(types),
      nullable,
      pointer,
      at,
      sources,
    };
  }
}

/** Whether the view allows `null` and nothing else. */
export const onlyNull = (view: SchemaView): boolean =>
  view.types !== undefined && view.types.size > 0 && [...view.types].every((type) => type === "null");

const EMPTY: Schema = {};
const NOTHING: Schema = { not: {} };

/** `merged`, with what did not merge as one more `allOf` part. */
function withRest(merged: Schema, rest: Schema): Schema {
  if (Object.keys(rest).length === 0) return merged;
  const parts = Array.isArray(merged.allOf) ? merged.allOf : [];
  return { ...merged, allOf: [...parts, rest] };
}

const shared = new WeakMap<readonly NamedSchema[], SchemaViews>();

/** The views of one model's schemas, built once per model (with the places of its bodies and context when given). */
export function schemaViews(
  model: Pick<SpecModel, "schemas"> & Partial<Pick<SpecModel, "context" | "operation">>,
): SchemaViews {
  let views = shared.get(model.schemas);
  if (!views) {
    views = new SchemaViews(model.schemas);
    shared.set(model.schemas, views);
  }
  for (const [root, pointer] of modelRoots(model)) views.places.add(root, pointer);
  return views;
}
