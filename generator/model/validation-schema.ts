import { Ajv2020, type Options, type ValidateFunction } from "ajv/dist/2020.js";
import { _ } from "ajv";
import uriModule from "ajv/dist/runtime/uri.js";
import type { Format } from "ajv/dist/types/index.js";
import { formats } from "@customer-adapters/runtime/format-set";
import type { NamedSchema } from "./model.js";
import { isSchemaObject, mapSchema, type Schema, walkSchema } from "../core/schema-walk.js";

/** Keywords that do not affect validation; dropped so that compiled validators stay small. */
const ANNOTATIONS = new Set([
  "title",
  "description",
  "examples",
  "example",
  "$comment",
  "xml",
  "externalDocs",
  "discriminator",
  "deprecated",
]);
/**
 * Identifiers ajv would resolve references against: the loader has already
 * resolved every reference within the spec (load/resolve-refs.ts), so they
 * are dropped, and a `$ref` means the document pointer it became; a
 * `$dynamicRef` it keeps is one fixed within the document, made a `$ref`
 * (load/dynamic-refs.ts), so a `$dynamicAnchor` names nothing more.
 */
const RESOLVED_IDENTIFIERS = new Set(["$id", "$schema", "$anchor", "$dynamicAnchor"]);

export const COMPONENTS_ID = "components";
/** The module name ajv's standalone code `require`s the formats from; emit/validators.ts turns it into an import. */
export const FORMATS_MODULE = "customer-adapters:formats";

/** Maps whose key order carries no meaning; sorted so that spec key order cannot change the output. */
const UNORDERED_MAPS = new Set(["dependentRequired", "dependentSchemas", "patternProperties", "$defs"]);

const sortedKeys = (value: Schema): Schema =>
  Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * A schema reduced to what validation needs, with `$ref`s pointing into the
 * shared components schema and keywords in a fixed order. `properties` keep
 * the spec's order: it is the vendor's field (and XML element) order.
 */
export function validationSchema(schema: Schema | boolean): Schema {
  // A component may be a boolean schema; ajv's `$defs` and the guards take the object forms.
  if (typeof schema === "boolean") return schema ? {} : { not: {} };
  return mapSchema(schema, (node) => {
    const kept: Schema = {};
    for (const [keyword, value] of Object.entries(sortedKeys(node))) {
      if (ANNOTATIONS.has(keyword) || RESOLVED_IDENTIFIERS.has(keyword) || keyword.startsWith("x-")) continue;
      kept[keyword] =
        keyword === "$ref" && typeof value === "string"
          ? value.replace(/^#\/components\/schemas\//, `${COMPONENTS_ID}#/$defs/`)
          : UNORDERED_MAPS.has(keyword) && isSchemaObject(value)
            ? sortedKeys(value)
            : value;
    }
    return kept;
  });
}

/** Names every object inherits (`toString`, `constructor`, `__proto__`): a read finds a value that is not there. */
export const INHERITED: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Whether a schema names an inherited property in `properties`, `required` or `dependentRequired`. */
export function namesInherited(schemas: NamedSchema[]): boolean {
  let found = false;
  const names = (value: unknown): string[] =>
    Array.isArray(value) ? value.map(String) : isSchemaObject(value) ? Object.keys(value) : [];
  for (const { schema } of schemas) {
    if (!isSchemaObject(schema)) continue;
    walkSchema(schema, "", (node) => {
      const dependencies = node.dependentRequired;
      const dependents = isSchemaObject(dependencies) ? Object.values(dependencies).flatMap(names) : [];
      const all = [...names(node.properties), ...names(node.required), ...names(node.dependentRequired), ...dependents];
      if (all.some((name) => INHERITED.has(name))) found = true;
    });
  }
  return found;
}

// ajv exports fast-uri as a CommonJS `default`: under NodeNext the default import is the whole module.
const uri = uriModule.default;
type UriResolver = NonNullable<Options["uriResolver"]>;
const parsedUris = new Map<string, ReturnType<UriResolver["parse"]>>();
const resolvedUris = new Map<string, string>();
const serializedUris = new WeakMap<object, string>();

/**
 * ajv's own URI resolver (fast-uri) with its answers kept: compiling resolves the same few references
 * (`components#/$defs/Address`) thousands of times a run. ajv reads what `parse` gives and never changes it.
 */
const URI_RESOLVER: UriResolver = {
  parse(id) {
    let parsed = parsedUris.get(id);
    if (!parsed) parsedUris.set(id, (parsed = uri.parse(id)));
    return parsed;
  },
  resolve(base, path) {
    const key = `${base}\0${path}`;
    let resolved = resolvedUris.get(key);
    if (resolved === undefined) resolvedUris.set(key, (resolved = uri.resolve(base, path)));
    return resolved;
  },
  serialize(component) {
    let serialized = serializedUris.get(component);
    if (serialized === undefined) serializedUris.set(component, (serialized = uri.serialize(component)));
    return serialized;
  },
};

/** A reference to the JSON Schema meta-schema (`$ref: https://json-schema.org/draft/2020-12/schema`), which ajv ships. */
const META_SCHEMA_REF = /"\$(?:ref|dynamicRef)":"https?:\/\/json-schema\.org\//;

function refersToMetaSchema(schemas: NamedSchema[]): boolean {
  return schemas.some(({ schema }) => META_SCHEMA_REF.test(JSON.stringify(schema)));
}

/**
 * The one ajv configuration of the project: used to check examples at
 * generate time and to emit the standalone validators, so both agree.
 */
export function createAjv(
  schemas: NamedSchema[],
  options: Options = {},
  extraDefinitions: NamedSchema[] = [],
): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    allowUnionTypes: true,
    // Valid JSON Schema that strict mode refuses: a tuple left open (`prefixItems` without `items`), a
    // property a pattern also matches, and keywords that only annotate (`if` without `then`/`else`,
    // `minContains` without `contains`). Unknown keywords and formats are refused at load, with positions.
    strictTuples: false,
    allowMatchingProperties: true,
    strictSchema: false,
    // Checking schemas against the meta-schema cost ~20 ms per instance; load/check-schemas.ts has checked every Schema Object against it once, with positions.
    validateSchema: false,
    // Nor are the meta-schemas added unless a schema refers to one: adding them resolved their URIs in every instance.
    meta: refersToMetaSchema([...schemas, ...extraDefinitions]),
    uriResolver: URI_RESOLVER,
    // Only own properties count; ajv's code reads them as `data.name`, which finds inherited ones
    // (`toString`), so a spec that names one gets ajv's own-property checks (slower, hence not always).
    ownProperties: namesInherited([...schemas, ...extraDefinitions]),
    ...options,
  });
  // The project's formats (runtime/formats.ts: ajv-formats, corrected); compiled code imports them from the runtime.
  for (const [name, format] of Object.entries(formats)) ajv.addFormat(name, format as Format);
  ajv.opts.code.formats = _`require(${FORMATS_MODULE}).formats`;
  ajv.addSchema({
    $id: COMPONENTS_ID,
    $defs: Object.fromEntries(
      [...schemas, ...extraDefinitions].map(({ name, schema }) => [name, validationSchema(schema)]),
    ),
  });
  return ajv;
}

/**
 * How the validators are compiled, at generate time and into the emitted
 * `validators.compiled.js` alike, so that one compilation serves both:
 * `inlineRefs: false` compiles each definition once as its own function
 * (instead of into every schema that refers to it), and the source is kept
 * for ajv's standalone code.
 */
export const COMPILED_OPTIONS: Options = {
  inlineRefs: false,
  // No sentences at every error site: the runtime's errorMessage makes them from keyword and params.
  messages: false,
  code: { source: true, esm: true, optimize: true, lines: true },
};

/** A spec's one ajv, and the `$defs` of its components schema (ajv reads a definition there when first referred to). */
interface SharedAjv {
  ajv: Ajv2020;
  definitions: Record<string, Schema>;
  ownProperties: boolean;
  compiled: Map<string, ValidateFunction>;
}

/** One ajv per spec (by its schema list) and each schema compiled once: several generate steps check values against the same schemas. */
const shared = new WeakMap<NamedSchema[], SharedAjv>();

function sharedAjv(schemas: NamedSchema[]): SharedAjv {
  let entry = shared.get(schemas);
  if (!entry) {
    const ajv = createAjv(schemas, COMPILED_OPTIONS);
    const components = ajv.schemas[COMPONENTS_ID]?.schema as { $defs: Record<string, Schema> };
    entry = { ajv, definitions: components.$defs, ownProperties: ajv.opts.ownProperties === true, compiled: new Map() };
    shared.set(schemas, entry);
  }
  return entry;
}

/**
 * A validator for `schema` (with its `$ref`s into `schemas`), compiled with
 * the project's ajv configuration. Compiling is the costliest step of a
 * generate run, so each spec's validators are compiled once and shared; a
 * schema that is one reference is the referred definition's own function.
 */
export function compileSchema(schemas: NamedSchema[], schema: Schema): ValidateFunction {
  const entry = sharedAjv(schemas);
  const reduced = validationSchema(schema);
  const key = JSON.stringify(reduced);
  let validate = entry.compiled.get(key);
  if (!validate) {
    const { $ref, ...rest } = reduced;
    const definition =
      typeof $ref === "string" && Object.keys(rest).length === 0 ? entry.ajv.getSchema($ref) : undefined;
    validate = definition ?? entry.ajv.compile(reduced);
    entry.compiled.set(key, validate);
  }
  return validate;
}

/**
 * The spec's shared ajv (what `compileSchema` compiled, kept) with `extra`
 * definitions added to its components, for ajv's standalone code; a fresh one
 * where the shared one cannot take them (a definition of that name already
 * there and different, or names that need own-property checks it lacks).
 */
export function ajvWithDefinitions(schemas: NamedSchema[], extra: NamedSchema[]): Ajv2020 {
  const entry = sharedAjv(schemas);
  const reduced = extra.map(({ name, schema }) => ({ name, schema: validationSchema(schema) }));
  const clash = reduced.some(
    ({ name, schema }) =>
      name in entry.definitions && JSON.stringify(entry.definitions[name]) !== JSON.stringify(schema),
  );
  if (clash || (!entry.ownProperties && namesInherited(extra))) return createAjv(schemas, COMPILED_OPTIONS, extra);
  for (const { name, schema } of reduced) entry.definitions[name] = schema;
  return entry.ajv;
}

/** A broken rule as `x-errors` and `x-expect-errors` name it: required-like errors point at the missing property. */
export function ruleOf(error: { instancePath: string; keyword: string; params: object }): {
  path: string;
  keyword: string;
} {
  const missing = (error.params as { missingProperty?: unknown }).missingProperty;
  return {
    path: typeof missing === "string" ? `${error.instancePath}/${missing}` : error.instancePath,
    keyword: error.keyword,
  };
}

export { isSchemaObject };
