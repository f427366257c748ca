import type { SourceDocument } from "../core/source.js";
import type { Node, Reader } from "./reader.js";
import {
  TRANSFORMS,
  type AuthMappingModel,
  type FieldMappingModel,
  type MappingModel,
  type NeedModel,
  type OtherwiseModel,
  type TransformName,
  type UnmappedModel,
} from "./model.js";
import { escapePointerPart } from "../core/pointer.js";
import { isSchemaObject } from "../core/schema-walk.js";

const SOURCES = ["from", "context", "value"] as const;

function readPointerString(read: Reader, node: Node, key: string, at: string): string | undefined {
  const value = read.string(node, key, at);
  if (value !== undefined && value !== "" && !value.startsWith("/") && !(key === "from" && value.startsWith("#/")))
    read.fail(`${at}/${key}`, `\`${key}\` must be a JSON pointer starting with \`/\`, such as \`/${value}\``);
  return value;
}

/** `otherwise` (lookup only): `omit`, `error` (the default, so not kept) or `{ value }`. */
function readOtherwise(
  read: Reader,
  source: SourceDocument,
  entry: Node,
  pointer: string,
  transform: string | undefined,
): OtherwiseModel | undefined {
  const otherwise = entry.otherwise;
  if (otherwise === undefined) return undefined;
  const at = `${pointer}/otherwise`;
  if (transform !== "lookup")
    read.fail(
      at,
      "`otherwise` says what a `lookup` gives for a value its table lacks; this declaration has no `transform: lookup`",
    );
  if (otherwise === "error") return undefined;
  if (otherwise === "omit") return { then: "omit", at: source.locate(at) };
  if (isSchemaObject(otherwise) && Object.keys(otherwise).length === 1 && "value" in otherwise)
    return { then: { value: otherwise.value }, at: source.locate(at) };
  return read.fail(at, "`otherwise` must be `omit`, `error` or `{ value: <a constant> }`");
}

function readDeclaration(read: Reader, source: SourceDocument, entry: unknown, pointer: string): FieldMappingModel {
  if (!isSchemaObject(entry))
    read.fail(pointer, "a mapping declaration must be a mapping with `to` and one of `from`, `context` or `value`");
  // Its keys are checked with every extension's when the spec loads (load/check-extensions.ts).
  const sources = SOURCES.filter((key) => key in entry);
  if (sources.length !== 1)
    read.fail(
      pointer,
      sources.length === 0
        ? "a declaration needs one of `from`, `context` or `value`"
        : `a declaration takes one source, not ${sources.map((key) => `\`${key}\``).join(" and ")}`,
    );
  const transform = read.string(entry, "transform", pointer);
  if (transform !== undefined && !(TRANSFORMS as readonly string[]).includes(transform))
    read.fail(`${pointer}/transform`, `unknown transform \`${transform}\`; known transforms: ${TRANSFORMS.join(", ")}`);
  const from = entry.from;
  let fromValue: string | string[] | undefined;
  if (Array.isArray(from)) {
    if (transform !== "join") read.fail(`${pointer}/from`, "a list of sources needs `transform: join`");
    fromValue = from.map((item, index) => {
      if (typeof item !== "string" || !/^#?\//.test(item))
        read.fail(
          `${pointer}/from/${index}`,
          "each source must be a JSON pointer starting with `/` (or `#/` from the customer's root)",
        );
      return item;
    });
  } else fromValue = readPointerString(read, entry, "from", pointer);
  const index = entry.index;
  if (index !== undefined && (typeof index !== "number" || !Number.isInteger(index) || index < 0))
    read.fail(`${pointer}/index`, "`index` must be a whole number from 0");
  const map = entry.map;
  if (map !== undefined && !Array.isArray(map)) read.fail(`${pointer}/map`, "`map` must be a list of declarations");
  const otherwise = readOtherwise(read, source, entry, pointer, transform);
  return {
    to: readPointerString(read, entry, "to", pointer) ?? read.fail(pointer, "`to` is required: where the value goes"),
    from: fromValue,
    context: read.string(entry, "context", pointer),
    value: entry.value,
    hasValue: "value" in entry,
    transform: transform as TransformName | undefined,
    separator: read.string(entry, "separator", pointer),
    index: index as number | undefined,
    where: read.object(entry, "where", pointer),
    pick: readPointerString(read, entry, "pick", pointer),
    table: read.object(entry, "table", pointer),
    default: entry.default,
    hasDefault: "default" in entry,
    when: read.object(entry, "when", pointer),
    map: map?.map((child: unknown, position: number) =>
      readDeclaration(read, source, child, `${pointer}/map/${position}`),
    ),
    note: read.string(entry, "note", pointer),
    otherwise,
    at: source.locate(pointer),
    pointer,
  };
}

function readAuth(read: Reader, source: SourceDocument, node: Node, pointer: string): AuthMappingModel[] {
  // A mapping's key order means nothing: sorted by scheme, the output does not depend on it.
  const entries = Object.entries(read.object(node, "auth", pointer) ?? {}).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return entries.map(([scheme, value]) => {
    const at = `${pointer}/auth/${escapePointerPart(scheme)}`;
    if (!isSchemaObject(value))
      read.fail(
        at,
        "expected `{ username, password }` or `{ token }`: the context properties that hold the credentials",
      );
    return {
      scheme,
      username: read.string(value, "username", at),
      password: read.string(value, "password", at),
      token: read.string(value, "token", at),
      pointer: at,
      at: source.locate(at),
    };
  });
}

function readUnmapped(read: Reader, source: SourceDocument, node: Node, pointer: string): UnmappedModel[] {
  return read.list(node, "unmapped", pointer).map((entry, index) => {
    const at = `${pointer}/unmapped/${index}`;
    if (!isSchemaObject(entry)) read.fail(at, "expected `{ field, reason }`");
    return {
      field: readPointerString(read, entry, "field", at) ?? read.fail(at, "`field` is required"),
      reason: read.requiredString(entry, "reason", at),
      at: source.locate(at),
    };
  });
}

/** `needs`: canonical fields the schema leaves optional but this vendor cannot do without, and why. */
function readNeeds(read: Reader, source: SourceDocument, node: Node, pointer: string): NeedModel[] {
  return read.list(node, "needs", pointer).map((entry, index) => {
    const at = `${pointer}/needs/${index}`;
    if (!isSchemaObject(entry))
      read.fail(at, "expected `{ field, reason }`: a canonical field and why the vendor needs it");
    return {
      field: readPointerString(read, entry, "field", at) ?? read.fail(at, "`field` is required"),
      reason: read.requiredString(entry, "reason", at),
      at: source.locate(at),
    };
  });
}

/** Reads `x-mapping` (see docs/mapping.md); the checks against both schemas come later, in `checkMapping`. */
export function readMapping(read: Reader, source: SourceDocument, document: Node): MappingModel | undefined {
  const pointer = "/x-mapping";
  const node = read.object(document, "x-mapping", "");
  if (node === undefined) return undefined;
  const list = (key: string) =>
    read
      .list(node, key, pointer)
      .map((entry, index) => readDeclaration(read, source, entry, `${pointer}/${key}/${index}`));
  return {
    request: list("request"),
    response: list("response"),
    auth: readAuth(read, source, node, pointer),
    unmapped: readUnmapped(read, source, node, pointer),
    needs: readNeeds(read, source, node, pointer),
    pointer,
    at: source.locate(pointer),
  };
}
