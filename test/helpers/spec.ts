// Test helpers that read a spec straight from specs/ and validate payloads
// against one of its schemas with ajv compiled at test time. They are the
// independent oracle the generated validators are compared with.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import formatsPlugin from "ajv-formats";
import { parse } from "yaml";

export const specsDir = fileURLToPath(new URL("../../specs/", import.meta.url));

// biome-ignore lint/suspicious/noExplicitAny: spec documents are edited freely in tests, whatever their shape.
export type Json = any;

export function readSpec(slug: string): Json {
  return parse(readFileSync(`${specsDir}${slug}.yaml`, "utf8"));
}

/** Follows a JSON pointer such as `/components/schemas/Customer`. */
export function at(doc: Json, pointer: string): Json {
  return pointer
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((node, key) => (node === undefined ? undefined : node[key]), doc);
}

/** A broken rule as the specs' `x-expect-errors` and `x-errors` name it. */
export interface RuleHit {
  path: string;
  keyword: string;
}

/** `required`-like errors point at the missing property, as `x-errors` does. */
export function ruleHit(error: ErrorObject): RuleHit {
  const missing = (error.params as { missingProperty?: string }).missingProperty;
  const path = missing === undefined ? error.instancePath : `${error.instancePath}/${missing}`;
  return { path, keyword: error.keyword };
}

function collectExtensionKeys(node: Json, into: Set<string>): void {
  if (Array.isArray(node)) node.forEach((item) => collectExtensionKeys(item, into));
  else if (node !== null && typeof node === "object")
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith("x-")) into.add(key);
      collectExtensionKeys(value, into);
    }
}

/** Compiles the schema at `pointer` in the spec, with every `$ref` in the document resolvable. */
export function compileAt(slug: string, pointer: string) {
  const doc = readSpec(slug);
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  // ajv-formats is CommonJS: under NodeNext its default export arrives as the module object.
  (formatsPlugin as unknown as typeof formatsPlugin.default)(ajv);
  // The document's own top-level fields (openapi, info, paths, ...) are not schema keywords either.
  const extensions = new Set(["xml", "example", "discriminator", "externalDocs", ...Object.keys(doc)]);
  collectExtensionKeys(doc, extensions);
  for (const keyword of extensions) ajv.addKeyword(keyword);
  const id = `https://specs.local/${slug}.json`;
  ajv.addSchema({ ...doc, $id: id });
  const validate = ajv.getSchema(`${id}#${pointer}`);
  if (!validate) throw new Error(`no schema at ${slug}${pointer}`);
  return (value: unknown): RuleHit[] => (validate(value) ? [] : (validate.errors ?? []).map(ruleHit));
}

/** A vendor's own reference in `test/fixtures/vendor-sources/` (sources and licences in its SOURCE.md), parsed when it is JSON. */
export function readVendorSource(...parts: string[]): Json {
  const text = readFileSync(
    join(fileURLToPath(new URL("../fixtures/vendor-sources/", import.meta.url)), ...parts),
    "utf8",
  );
  return parts[parts.length - 1]?.endsWith(".json") ? JSON.parse(text) : text;
}
