/**
 * What changed between two versions of a vendor spec, each change classified
 * for consumers of the generated package. The rules follow oasdiff's
 * breaking-change checks, judged per direction: a tightened request rule
 * breaks callers; a widened response (a new enum value) breaks readers.
 */
import type { SourceDocument } from "../core/source.js";
import type { SpecModel } from "../model/model.js";
import { escapePointerPart } from "../core/pointer.js";
import { isSchemaObject, type Schema } from "../core/schema-walk.js";
import { schemaNamed } from "../model/lookup.js";

export interface SpecChange {
  vendor: string;
  breaking: boolean;
  rule: string;
  /** JSON pointer in the spec (head, or base for what was removed). */
  pointer: string;
  line: number;
  message: string;
}

interface Field {
  schema: Schema;
  required: boolean;
  /** Where the field's schema is in the spec. */
  pointer: string;
}

export interface Side {
  model: SpecModel;
  source: SourceDocument;
}

/** Flattens a body schema into fields by instance path (`/contacts/*\/name`), following `$ref`s and `allOf`. */
function fields(model: SpecModel, root: Schema, rootPointer: string): Map<string, Field> {
  const found = new Map<string, Field>();
  const resolve = (schema: Schema, pointer: string): [Schema, string] => {
    const name = typeof schema.$ref === "string" ? schema.$ref.replace("#/components/schemas/", "") : undefined;
    const target = name === undefined ? undefined : schemaNamed(model, name);
    return target ? resolve({ ...target, ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$ref")) }, `/components/schemas/${escapePointerPart(name ?? "")}`) : [schema, pointer];
  };
  const visit = (schema: Schema, pointer: string, path: string, required: boolean, depth: number) => {
    const [resolved, at] = resolve(schema, pointer);
    if (path !== "") found.set(path, { schema: resolved, required, pointer: at });
    if (depth > 8) return;
    const parts: [Schema, string][] = [[resolved, at], ...(Array.isArray(resolved.allOf) ? (resolved.allOf as Schema[]).map((part, index): [Schema, string] => resolve(part, `${at}/allOf/${index}`)) : [])];
    for (const [part, partAt] of parts) {
      const requiredNames = new Set(Array.isArray(part.required) ? (part.required as string[]) : []);
      if (isSchemaObject(part.properties))
        for (const [name, property] of Object.entries(part.properties))
          if (isSchemaObject(property)) visit(property, `${partAt}/properties/${escapePointerPart(name)}`, `${path}/${name}`, requiredNames.has(name), depth + 1);
      if (isSchemaObject(part.items)) visit(part.items, `${partAt}/items`, `${path}/*`, true, depth + 1);
    }
  };
  visit(root, rootPointer, "", true, 0);
  return found;
}

const typesOf = (schema: Schema): string => (Array.isArray(schema.type) ? [...(schema.type as string[])].sort().join("|") : String(schema.type ?? ""));
const enumOf = (schema: Schema): unknown[] | undefined => (Array.isArray(schema.enum) ? (schema.enum as unknown[]) : undefined);

class Differ {
  readonly changes: SpecChange[] = [];
  constructor(
    private readonly base: Side,
    private readonly head: Side,
  ) {}

  add(breaking: boolean, rule: string, pointer: string, message: string, side: "base" | "head" = "head"): void {
    const source = side === "head" ? this.head.source : this.base.source;
    this.changes.push({ vendor: this.head.model.slug, breaking, rule, pointer, line: source.locate(pointer).line, message });
  }

  /** Compares two bodies field by field; `request` says which direction a change breaks. */
  bodies(baseRoot: Schema | undefined, headRoot: Schema | undefined, rootPointer: string, direction: "request" | "response"): void {
    const before = baseRoot ? fields(this.base.model, baseRoot, rootPointer) : new Map<string, Field>();
    const after = headRoot ? fields(this.head.model, headRoot, rootPointer) : new Map<string, Field>();
    const request = direction === "request";
    for (const [path, old] of before) {
      const now = after.get(path);
      if (!now) {
        this.add(true, `${direction}-property-removed`, old.pointer, `${direction} field \`${path}\` was removed`, "base");
        continue;
      }
      const at = now.pointer;
      if (old.required !== now.required) {
        // A request field that becomes required breaks callers; a response field that becomes optional breaks readers.
        const breaking = request ? now.required : !now.required;
        this.add(breaking, `${direction}-property-became-${now.required ? "required" : "optional"}`, at, `${direction} field \`${path}\` is now ${now.required ? "required" : "optional"}`);
      }
      if (typesOf(old.schema) !== typesOf(now.schema) && typesOf(old.schema) !== "" && typesOf(now.schema) !== "")
        this.add(true, `${direction}-type-changed`, at, `${direction} field \`${path}\` changed type from ${typesOf(old.schema)} to ${typesOf(now.schema)}`);
      if (old.schema.format !== now.schema.format) this.add(true, `${direction}-format-changed`, at, `${direction} field \`${path}\` changed format from ${String(old.schema.format ?? "none")} to ${String(now.schema.format ?? "none")}`);
      if (old.schema.pattern !== now.schema.pattern) this.add(request, `${direction}-pattern-changed`, at, `${direction} field \`${path}\` changed its pattern`);
      for (const [keyword, tighter] of [["maxLength", -1], ["maxItems", -1], ["maximum", -1], ["minLength", 1], ["minItems", 1], ["minimum", 1]] as const) {
        const was = old.schema[keyword];
        const is = now.schema[keyword];
        if (was === is) continue;
        const tightened = (typeof is === "number" && typeof was !== "number") || (typeof was === "number" && typeof is === "number" && Math.sign(is - was) === tighter);
        // A tightened rule breaks request callers; a loosened response rule breaks readers that relied on it.
        this.add(request ? tightened : !tightened, `${direction}-${keyword}-${tightened ? "tightened" : "loosened"}`, at, `${direction} field \`${path}\` ${keyword} ${String(was ?? "none")} → ${String(is ?? "none")}`);
      }
      const oldEnum = enumOf(old.schema);
      const newEnum = enumOf(now.schema);
      if (oldEnum || newEnum) {
        const removed = (oldEnum ?? []).filter((value) => newEnum !== undefined && !newEnum.includes(value));
        const added = (newEnum ?? []).filter((value) => !(oldEnum ?? []).includes(value));
        if (removed.length > 0) this.add(request, `${direction}-enum-narrowed`, at, `${direction} field \`${path}\` no longer takes ${removed.map((value) => JSON.stringify(value)).join(", ")}`);
        if (added.length > 0 && oldEnum) this.add(!request, `${direction}-enum-widened`, at, `${direction} field \`${path}\` now also takes ${added.map((value) => JSON.stringify(value)).join(", ")}`);
      }
      if (old.schema.description !== now.schema.description) this.add(false, "description-changed", at, `the description of \`${path}\` changed`);
    }
    for (const [path, now] of after)
      if (!before.has(path)) {
        // A new required request field breaks callers, unless its parent object is new too (and so not sent yet).
        const parent = path.replace(/\/[^/]+$/, "");
        const breaking = request && now.required && (parent === "" || before.has(parent));
        this.add(breaking, `${direction}-property-added${request && now.required ? "-required" : ""}`, now.pointer, `${direction} field \`${path}\` was added${now.required ? " as required" : ""}`);
      }
  }

  parameters(): void {
    const before = this.base.model.operation?.parameters ?? [];
    const after = this.head.model.operation?.parameters ?? [];
    const key = (parameter: { in: string; name: string }) => `${parameter.in} ${parameter.name}`;
    const operationPointer = (side: Side) => `${side.model.operation?.pointer ?? ""}/parameters`;
    for (const [index, old] of before.entries()) {
      const nowIndex = after.findIndex((candidate) => key(candidate) === key(old));
      const now = after[nowIndex];
      if (!now) this.add(true, "parameter-removed", `${operationPointer(this.base)}/${index}`, `${old.in} parameter \`${old.name}\` was removed`, "base");
      else if (!old.required && now.required) this.add(true, "parameter-became-required", `${operationPointer(this.head)}/${nowIndex}`, `${old.in} parameter \`${old.name}\` is now required`);
      else if (old.required && !now.required) this.add(false, "parameter-became-optional", `${operationPointer(this.head)}/${nowIndex}`, `${old.in} parameter \`${old.name}\` is now optional`);
    }
    for (const [index, now] of after.entries())
      if (!before.some((candidate) => key(candidate) === key(now)))
        this.add(now.required, `parameter-added${now.required ? "-required" : ""}`, `${operationPointer(this.head)}/${index}`, `${now.in} parameter \`${now.name}\` was added${now.required ? " as required" : ""}`);
  }

  errors(): void {
    const pointer = (side: Side) => `${side.model.operation?.pointer ?? ""}/x-errors`;
    const before = this.base.model.operation?.errors ?? [];
    const after = this.head.model.operation?.errors ?? [];
    for (const [index, old] of before.entries())
      if (!after.some((error) => String(error.code) === String(old.code))) this.add(true, "error-code-removed", `${pointer(this.base)}/${index}`, `vendor error \`${old.code}\` was removed`, "base");
    for (const [index, now] of after.entries())
      if (!before.some((error) => String(error.code) === String(now.code))) this.add(false, "error-code-added", `${pointer(this.head)}/${index}`, `vendor error \`${now.code}\` was added`);
  }

  operation(): void {
    const old = this.base.model.operation;
    const now = this.head.model.operation;
    if (!old || !now) return;
    const at = now.pointer;
    if (old.path !== now.path || old.method !== now.method) this.add(true, "operation-moved", at, `the operation moved from ${old.method} ${old.path} to ${now.method} ${now.path}`);
    if (!old.deprecated && now.deprecated) this.add(false, "operation-deprecated", at, "the operation is now deprecated");
  }
}

const successBody = (model: SpecModel) => model.operation?.responses.find((response) => response.status.startsWith("2"))?.body?.schema;

/** Every change between two versions of one vendor's spec. */
export function diffSpecs(base: Side, head: Side): SpecChange[] {
  const differ = new Differ(base, head);
  differ.operation();
  differ.parameters();
  differ.bodies(base.model.operation?.requestBody?.schema, head.model.operation?.requestBody?.schema, "", "request");
  differ.bodies(successBody(base.model), successBody(head.model), "", "response");
  differ.errors();
  return differ.changes;
}
