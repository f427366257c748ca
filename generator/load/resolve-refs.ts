import { readFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { escapePointerPart } from "../core/pointer.js";
import { isSchemaObject, walkSchema } from "../core/schema-walk.js";
import { readYaml } from "./read-yaml.js";
import { splitPointer, valueAt } from "../core/pointer.js";
import type { SourceDocument } from "../core/source.js";
import { SpecError } from "../core/spec-error.js";
import { pointerFragment, SchemaIds } from "./schema-ids.js";
import { schemaPositions } from "./schema-positions.js";

/** Reads another spec file named by a `$ref`; returns undefined when there is no such file. */
export type ReadFile = (path: string) => string | undefined;

export const readFromDisk: ReadFile = (path) => {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
};

interface Target {
  source: SourceDocument;
  path: string;
  pointer: string;
}

const SCHEMA_PREFIX = "#/components/schemas/";
/** The 2020-12 meta-schema and its vocabularies (`…/meta/core`), as ajv's 2020 build registers them. */
const META_SCHEMA = /^https:\/\/json-schema\.org\/draft\/2020-12\/(schema|meta\/[a-z-]+)#?$/;
/** A URI with a scheme (`https:`, `file:`...), two letters at least so that a Windows drive (`C:`) stays a path. */
const REMOTE = /^[a-z][a-z\d+.-]+:/i;

/**
 * Resolves every `$ref` in a spec. Schema references stay references but all
 * point into this document's `components.schemas` (a schema from another file
 * is copied in under its own name); any other reference (parameters,
 * responses, ...) is replaced by what it points to. Dangling and purely
 * circular references are positioned errors. `upgradeExternal` upgrades a
 * schema brought in from another file, as the document's own were.
 */
export function resolveRefs(
  source: SourceDocument,
  path: string,
  readFile: ReadFile = readFromDisk,
  upgradeExternal?: (schema: Record<string, unknown>) => Record<string, unknown>,
): Record<string, unknown> {
  const loaded = new Map<string, SourceDocument>([[path, source]]);
  const document = structuredClone(source.value) as Record<string, unknown>;
  const bundled = new Map<string, string>(); // external "path#pointer" -> local schema name

  const open = (from: Target, ref: string, refPointer: string): Target => {
    // Within this document: a JSON pointer (percent-encoded as a fragment), an `$id` or an `$anchor`.
    const local = from.path === path ? ids.resolve(ref, refPointer) : undefined;
    if (local !== undefined) {
      // An anchor or `$id` that names nothing stays a fragment; a pointer names the place that is missing.
      if (local.includes("#"))
        throw new SpecError(from.source.locate(refPointer), `$ref \`${ref}\` points to nothing in ${source.file}`);
      if (valueAt(source.value, local) === undefined)
        throw new SpecError(
          from.source.locate(refPointer),
          `$ref \`${ref}\` points to nothing: ${source.file} has no ${local || "/"}`,
        );
      return { source, path, pointer: local };
    }
    const [file = "", fragment = ""] = ref.split("#", 2);
    // A URL (`https://…`) is not a path: the generator fetches nothing, so it would only be "a file that does not exist".
    if (REMOTE.test(file))
      throw new SpecError(
        from.source.locate(refPointer),
        `$ref \`${ref}\` names a remote document: the generator reads local files only (it fetches nothing); save that document beside the spec and point the $ref at the file`,
      );
    const targetPath = file === "" ? from.path : join(dirname(from.path), file);
    let target = loaded.get(targetPath);
    if (!target) {
      const text = readFile(targetPath);
      if (text === undefined)
        throw new SpecError(from.source.locate(refPointer), `$ref \`${ref}\` names a file that does not exist`);
      target = readYaml(relative(".", targetPath), text);
      loaded.set(targetPath, target);
    }
    if (valueAt(target.value, fragment) === undefined)
      throw new SpecError(
        from.source.locate(refPointer),
        `$ref \`${ref}\` points to nothing: ${target.file} has no ${fragment || "/"}`,
      );
    return { source: target, path: targetPath, pointer: fragment };
  };

  /** Follows $ref-only chains so that A -> B -> A is caught. */
  const follow = (from: Target, ref: string, refPointer: string): Target => {
    const seen = new Set<string>();
    let target = open(from, ref, refPointer);
    for (;;) {
      const key = `${target.path}#${target.pointer}`;
      if (seen.has(key))
        throw new SpecError(
          from.source.locate(refPointer),
          `$ref \`${ref}\` is circular: it never reaches a definition`,
        );
      seen.add(key);
      const value = valueAt(target.source.value, target.pointer);
      if (!isSchemaObject(value) || typeof value.$ref !== "string") return target;
      target = open(target, value.$ref, `${target.pointer}/$ref`);
    }
  };

  /** Rewrites the schema refs inside a schema that lives at `origin` so that they point into `document`. */
  const localiseSchema = (schema: Record<string, unknown>, origin: Target): void => {
    walkSchema(schema, origin.pointer, (node, pointer) => {
      // JSON Schema's own meta-schemas: ajv ships them, so the validators resolve these themselves.
      if (typeof node.$ref !== "string" || META_SCHEMA.test(node.$ref)) return;
      const target = follow(origin, node.$ref, `${pointer}/$ref`);
      // Within the spec a schema can only stand for a schema: `#` (the whole document) or `#/paths/...` would make no type, or an endless one.
      if (
        target.path === path &&
        ![...schemaRoots].some((root) => target.pointer === root || target.pointer.startsWith(`${root}/`))
      )
        throw new SpecError(
          origin.source.locate(`${pointer}/$ref`),
          `$ref \`${node.$ref}\` must point at a schema (such as \`#/components/schemas/<Name>\`), not at ${target.pointer || "the whole document"}`,
        );
      node.$ref = schemaRefFor(target);
    });
  };

  const schemaRefFor = (target: Target): string => {
    if (target.path === path) return `#${pointerFragment(target.pointer)}`;
    const key = `${target.path}#${target.pointer}`;
    const known = bundled.get(key);
    if (known) return SCHEMA_PREFIX + known;
    // A whole file (`./schemas/Client.yaml`) is named after the file; a schema inside one after its own key.
    const wanted = splitPointer(target.pointer).at(-1) ?? basename(target.path).replace(/\.(ya?ml|json)$/, "");
    const components = (document.components ??= {}) as Record<string, unknown>;
    const schemas = (components.schemas ??= {}) as Record<string, unknown>;
    // Two files' `Address` (or a file's and the spec's own) stay two schemas: the later one is `Address2`.
    let name = wanted;
    for (let suffix = 2; name in schemas; suffix += 1) name = `${wanted}${suffix}`;
    bundled.set(key, name);
    const original = structuredClone(valueAt(target.source.value, target.pointer)) as Record<string, unknown>;
    const copy = upgradeExternal ? upgradeExternal(original) : original;
    schemas[name] = copy;
    localiseSchema(copy, target);
    return SCHEMA_PREFIX + escapePointerPart(name);
  };

  const self: Target = { source, path, pointer: "" };
  const schemaRoots = new Set(schemaPositions(document));
  const ids = new SchemaIds(source.value, schemaRoots);

  /** A copy of what a non-schema `$ref` (at `pointer`) names, which must be in this file. */
  const referenced = (ref: string, pointer: string): unknown => {
    const target = follow(self, ref, `${pointer}/$ref`);
    if (target.path !== path)
      throw new SpecError(source.locate(`${pointer}/$ref`), "only schemas can be referenced from another file");
    return structuredClone(valueAt(document, target.pointer));
  };

  // Non-schema references (parameters, responses, ...) are replaced by their target.
  const inline = (node: unknown, pointer: string): unknown => {
    if (schemaRoots.has(pointer)) return node;
    if (Array.isArray(node)) return node.map((item, index) => inline(item, `${pointer}/${index}`));
    if (!isSchemaObject(node)) return node;
    if (typeof node.$ref === "string") return inline(referenced(node.$ref, pointer), pointer);
    // A `schema` is a Schema Object wherever it is (also inside an inlined response or parameter, where
    // schemaRoots, the positions before inlining, do not list it): its `$ref`s are resolved as schemas'.
    for (const [key, value] of Object.entries(node))
      if (key === "examples" && isSchemaObject(value)) node[key] = inlineExamples(value, `${pointer}/examples`);
      else if (
        !["example", "examples", "default", "enum", "const"].includes(key) &&
        !(key === "schema" && isSchemaObject(value))
      )
        node[key] = inline(value, `${pointer}/${escapePointerPart(key)}`);
    return node;
  };
  /**
   * Outside schemas `examples` is a map of Example Objects (a media type's, a parameter's, components'), each
   * maybe a `$ref` to `#/components/examples/...`; it is replaced by the example it names. Values stay literal.
   */
  const inlineExamples = (examples: Record<string, unknown>, pointer: string): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(examples).map(([name, example]) => [
        name,
        isSchemaObject(example) && typeof example.$ref === "string"
          ? referenced(example.$ref, `${pointer}/${escapePointerPart(name)}`)
          : example,
      ]),
    );
  inline(document, "");

  for (const root of schemaPositions(document)) {
    const schema = valueAt(document, root);
    if (isSchemaObject(schema)) localiseSchema(schema, { ...self, pointer: root });
  }
  return document;
}
