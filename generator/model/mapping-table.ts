import { scopedPointer } from "@customer-adapters/runtime/mapping";
import type { FieldMappingModel, SpecModel } from "./model.js";
import { isSchemaObject, type Schema } from "../core/schema-walk.js";
import { SCHEMA_REF } from "./lookup.js";
import { schemaViews } from "./schema-view.js";
import { schemasAt } from "./check-model.js";

/** One fed vendor field, flattened out of nested `map`s, with array indexes as `*`. */
export interface MappingRow {
  /** Vendor field: `/body/name`, `/path/apiVersion`, `/body/contacts/*\/name`. */
  vendor: string;
  /** Canonical fields read (`/person/givenName`), or `context.<name>`, or a constant. */
  sources: string[];
  /** How: `copy`, `join`, `nth 0 of type mobile`, `country-alpha3`, `constant`, ... */
  how: string;
  note: string | undefined;
  /** Every canonical field the declaration looks at, also in `when` and `where`. */
  reads: string[];
}

/** A pointer with its array indexes as `*`. */
export const wildcard = (pointer: string) => pointer.replace(/\/\d+(?=\/|$)/g, "/*");

function how(declaration: FieldMappingModel): string {
  const parts: string[] = [];
  if (declaration.hasValue) parts.push(`constant ${JSON.stringify(declaration.value)}`);
  else if (declaration.transform === "nth") {
    const where = Object.entries(declaration.where ?? {}).map(([key, value]) => `${key} = ${JSON.stringify(value)}`);
    parts.push(`item ${(declaration.index ?? 0) + 1}${where.length > 0 ? ` with ${where.join(", ")}` : ""}`);
  } else if (declaration.transform === "join") parts.push(`join with ${JSON.stringify(declaration.separator ?? " ")}`);
  else if (declaration.map !== undefined) parts.push("each field below");
  else parts.push(declaration.transform ?? "copy");
  if (declaration.hasDefault) parts.push(`default ${JSON.stringify(declaration.default)}`);
  if (declaration.when)
    parts.push(
      `when ${Object.entries(declaration.when)
        .map(([key, value]) => `${key} = ${JSON.stringify(value)}`)
        .join(", ")}`,
    );
  return parts.join(", ");
}

/** The request mapping as rows, in declaration order. */
export function requestRows(model: SpecModel): MappingRow[] {
  const rows: MappingRow[] = [];
  const visit = (declarations: FieldMappingModel[], scope: string, base: string) => {
    for (const declaration of declarations) {
      const to = base + declaration.to;
      const from = Array.isArray(declaration.from)
        ? declaration.from
        : declaration.from === undefined
          ? []
          : [declaration.from];
      const pick = declaration.transform === "nth" ? `/*${declaration.pick ?? ""}` : "";
      const sources =
        declaration.context !== undefined
          ? [`context.${declaration.context}`]
          : from.map((pointer) => scopedPointer(scope, pointer) + pick);
      const conditions = [
        ...Object.keys(declaration.when ?? {}).map((pointer) => scopedPointer(scope, pointer)),
        ...from.flatMap((pointer) =>
          Object.keys(declaration.where ?? {}).map((key) => `${scopedPointer(scope, pointer)}/*/${key}`),
        ),
      ];
      if (declaration.map !== undefined && typeof declaration.from === "string") {
        const list = isList(model, to);
        const from = scopedPointer(scope, declaration.from);
        visit(declaration.map, list ? `${from}/*` : from, list ? `${to}/*` : to);
      } else
        rows.push({
          vendor: wildcard(to),
          sources,
          how: how(declaration),
          note: declaration.note,
          reads: [...sources, ...conditions].filter((source) => source.startsWith("/")),
        });
    }
  };
  visit(model.mapping?.request ?? [], "", "");
  return rows;
}

/** Whether a `map` into the body field `to` (the whole target) maps list items; its children then sit under `/*`. */
function isList(model: SpecModel, to: string): boolean {
  const body = model.operation?.requestBody?.schema;
  if (body === undefined || !to.startsWith("/body/")) return false;
  // Indexes (`/body/0/addresses`) and free-form map keys are found as the checker finds them.
  const views = schemaViews(model);
  return schemasAt(model, body, wildcard(to.slice("/body".length))).some((schema) =>
    views.view(schema).types?.has("array"),
  );
}

/** The response mapping as rows: canonical result field ← vendor response field. */
export function responseRows(model: SpecModel): MappingRow[] {
  return (model.mapping?.response ?? []).map((declaration) => ({
    vendor: typeof declaration.from === "string" ? declaration.from : "",
    sources: [declaration.to],
    how: declaration.transform ?? (declaration.to === "/createdAt" ? "copy" : "string"),
    note: declaration.note,
    reads: [],
  }));
}

/** The canonical fields a vendor's error reports, through the request mapping: an error on `/body/name` names what feeds `name`. */
export function canonicalFieldsOf(model: SpecModel, rules: { in: string; path: string }[]): string[] {
  const rows = requestRows(model);
  const fields = rules.flatMap(
    (rule) => rows.find((row) => row.vendor === wildcard(`/${rule.in}${rule.path}`))?.sources ?? [],
  );
  return [...new Set(fields.filter((field) => field.startsWith("/")))];
}

/** Body field (without `/body`, indexes as `*`) → the one canonical field feeding it; fields fed by several, or by context or constants, are left out. */
export function fieldSources(model: SpecModel): Record<string, string> {
  const sources: Record<string, string> = {};
  for (const row of requestRows(model)) {
    const fields = [...new Set(row.sources.filter((source) => source.startsWith("/")))];
    if (!row.vendor.startsWith("/body/") || fields.length !== 1) continue;
    const vendor = row.vendor.slice("/body".length);
    // Several declarations may feed one field (alternatives); the first names it.
    sources[vendor] ??= fields[0] as string;
  }
  return sources;
}

/**
 * Leaf fields of `root` as wildcard pointers below `pointer` (`/contacts/*\/name`), in schema order, as the
 * schema view reads it; `sent`: only what is sent (no `readOnly` field).
 */
export function leafFields(model: SpecModel, root: Schema, pointer = "", sent = false): string[] {
  const views = schemaViews(model);
  const walk = (schema: Schema, at: string, depth: number): string[] => {
    const { schema: resolved, types } = views.view(schema);
    if (depth > 8 || (sent && resolved.readOnly === true)) return [];
    if (types?.has("array") && isSchemaObject(resolved.items)) return walk(resolved.items, `${at}/*`, depth + 1);
    if (!isSchemaObject(resolved.properties)) return [at];
    return Object.entries(resolved.properties).flatMap(([name, child]) =>
      isSchemaObject(child) ? walk(child, `${at}/${name}`, depth + 1) : [],
    );
  };
  return walk(root, pointer, 0);
}

/** Leaf fields of the canonical customer, as wildcard pointers, in schema order. */
export function canonicalLeaves(canonical: SpecModel): string[] {
  return leafFields(canonical, { $ref: `${SCHEMA_REF}Customer` });
}

/** Canonical leaf fields no declaration reads: the vendor cannot hold them. */
export function unheldFields(model: SpecModel, canonical: SpecModel): string[] {
  const read = requestRows(model).flatMap((row) => row.reads.map(wildcard));
  const covers = (source: string, leaf: string) =>
    leaf === source || leaf.startsWith(`${source}/`) || source.startsWith(`${leaf}/`);
  return canonicalLeaves(canonical).filter((leaf) => !read.some((source) => covers(source, leaf)));
}
