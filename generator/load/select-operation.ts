import { isSchemaObject } from "../core/schema-walk.js";
import type { SourceDocument } from "../core/source.js";
import { SpecError } from "../core/spec-error.js";

type Json = Record<string, unknown>;

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

interface Candidate {
  path: string;
  method: string;
  operationId: unknown;
}

function operationsOf(document: Json): Candidate[] {
  const paths = isSchemaObject(document.paths) ? document.paths : {};
  return Object.entries(paths).flatMap(([path, item]) =>
    isSchemaObject(item)
      ? HTTP_METHODS.filter((method) => isSchemaObject(item[method])).map((method) => ({
          path,
          method,
          operationId: (item[method] as Json).operationId,
        }))
      : [],
  );
}

/** `POST /contacts`: how an operation without an `operationId` is named, and how any operation may be. */
const methodAndPath = (candidate: Candidate) => `${candidate.method.toUpperCase()} ${candidate.path}`;

const describe = (candidate: Candidate) =>
  methodAndPath(candidate) + (typeof candidate.operationId === "string" ? ` (${candidate.operationId})` : "");

/**
 * The create operation of a vendor document: the one named by
 * `info.x-vendor.operationId` (its `operationId`, or `"METHOD /path"` for
 * one that has none), or the only one there is. Undefined when the document
 * has none (the model reports that).
 */
export function selectOperation(source: SourceDocument, document: Json): Candidate | undefined {
  const candidates = operationsOf(document);
  const info = isSchemaObject(document.info) ? document.info : {};
  const vendor = isSchemaObject(info["x-vendor"]) ? info["x-vendor"] : {};
  const name = vendor.operationId;
  if (name === undefined) {
    if (candidates.length <= 1) return candidates[0];
    throw new SpecError(
      source.locate("/paths"),
      `${candidates.length} operations and no \`info.x-vendor.operationId\` naming the create operation; ` +
        `one of: ${candidates.map(describe).join(", ")}`,
    );
  }
  const chosen = candidates.filter((candidate) => candidate.operationId === name || methodAndPath(candidate) === name);
  if (chosen.length === 1) return chosen[0];
  throw new SpecError(
    source.locate("/info/x-vendor/operationId"),
    chosen.length === 0
      ? `no operation has operationId \`${String(name)}\`; one of: ${candidates.map(describe).join(", ")}`
      : `${chosen.length} operations have operationId \`${String(name)}\`: ${chosen.map(describe).join(", ")}`,
  );
}

/** `#/components/<kind>/<name>...` → [kind, name]. */
function componentOf(ref: string): [string, string] | undefined {
  const match = /^#\/components\/([^/]+)\/([^/]+)/.exec(ref);
  return match ? [match[1] as string, (match[2] as string).replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
}

/** Every `#/components/...` a value reaches through `$ref`s, transitively. */
function reachableComponents(document: Json, roots: unknown[]): Map<string, Set<string>> {
  const components = isSchemaObject(document.components) ? document.components : {};
  const reached = new Map<string, Set<string>>();
  const queue = [...roots];
  while (queue.length > 0) {
    const node = queue.pop();
    if (Array.isArray(node)) queue.push(...node);
    if (!isSchemaObject(node)) continue;
    const ref = typeof node.$ref === "string" ? componentOf(node.$ref) : undefined;
    if (ref) {
      const [kind, name] = ref;
      const names = reached.get(kind) ?? reached.set(kind, new Set()).get(kind)!;
      const group = components[kind];
      if (!names.has(name) && isSchemaObject(group) && Object.hasOwn(group, name)) queue.push(group[name]);
      names.add(name);
    }
    queue.push(...Object.values(node));
  }
  return reached;
}

/** The security scheme names a list of security requirements uses. */
const schemeNames = (requirements: unknown): string[] =>
  Array.isArray(requirements)
    ? requirements.flatMap((requirement) => (isSchemaObject(requirement) ? Object.keys(requirement) : []))
    : [];

/**
 * The document cut to its create operation: that one path item with only that
 * method, and only the components it reaches (by `$ref`, and the security
 * schemes it uses). Pointers into what is kept are unchanged, so positions
 * stay right; what the vendor documents elsewhere (hundreds of operations,
 * webhooks) is never checked, modelled or emitted. A document with a single
 * operation is kept whole.
 */
export function cutToOperation(source: SourceDocument, document: Json): Json {
  const chosen = selectOperation(source, document);
  // A hand-written spec has one operation: its unused components stay, for lint to name.
  if (!chosen || operationsOf(document).length === 1) return document;
  const paths = document.paths as Json;
  const item = paths[chosen.path] as Json;
  const keptItem = Object.fromEntries(
    Object.entries(item).filter(([key]) => !HTTP_METHODS.includes(key) || key === chosen.method),
  );
  const operation = item[chosen.method] as Json;
  // Named by "METHOD /path" because it has none: that name becomes its operationId.
  if (typeof operation.operationId !== "string")
    keptItem[chosen.method] = { ...operation, operationId: methodAndPath(chosen) };
  const { webhooks: _webhooks, "x-webhooks": _xWebhooks, ...rest } = document;
  const reached = reachableComponents(document, [keptItem, document["x-context"]]);
  const security = new Set(schemeNames(operation.security ?? document.security));
  for (const name of reached.get("securitySchemes") ?? []) security.add(name);
  reached.set("securitySchemes", security);
  const components = isSchemaObject(document.components) ? document.components : undefined;
  const keptComponents = components
    ? Object.fromEntries(
        Object.entries(components)
          .filter(([kind]) => !kind.startsWith("x-"))
          .map(([kind, group]) => [
            kind,
            isSchemaObject(group)
              ? Object.fromEntries(Object.entries(group).filter(([name]) => reached.get(kind)?.has(name)))
              : group,
          ])
          .filter(([, group]) => !isSchemaObject(group) || Object.keys(group).length > 0),
      )
    : undefined;
  const { tags, security: documentSecurity, ...kept } = rest;
  const keptTags = keptTagsOf(tags);
  return {
    ...kept,
    // An operation's own `security` (even `[]`) replaces the document's, whose schemes may have been dropped.
    ...(documentSecurity !== undefined && operation.security === undefined ? { security: documentSecurity } : {}),
    ...(keptTags !== undefined ? { tags: keptTags } : {}),
    paths: { [chosen.path]: keptItem },
    ...(keptComponents ? { components: keptComponents } : {}),
  };
}

/** Whether a value holds a `$ref` anywhere. */
const holdsRef = (value: unknown): boolean =>
  Array.isArray(value)
    ? value.some(holdsRef)
    : isSchemaObject(value) && (typeof value.$ref === "string" || Object.values(value).some(holdsRef));

/**
 * The document's tags without the `x-` extensions that hold `$ref`s (Xero's
 * `x-model`), which would point at components the cut dropped; the tags stay
 * where they were, so positions in them stay right.
 */
function keptTagsOf(tags: unknown): unknown {
  if (!Array.isArray(tags)) return tags;
  return tags.map((tag) =>
    isSchemaObject(tag)
      ? Object.fromEntries(Object.entries(tag).filter(([key, value]) => !key.startsWith("x-") || !holdsRef(value)))
      : tag,
  );
}
