import { escapePointerPart, splitPointer } from "../core/pointer.js";
import { isSchemaObject } from "../core/schema-walk.js";

type Json = Record<string, unknown>;

/** Where a Swagger 2.0 document keeps what becomes `components`, and what `$ref`s to it begin with. */
const SECTIONS = ["definitions", "parameters", "responses", "securityDefinitions"] as const;

/** A path item no document has, that carries the document-level responses through the upgrader. */
export const RESPONSES_CARRIER = "/x-customer-adapters-document-responses";

/** A component name OpenAPI 3.x accepts: `^[a-zA-Z0-9.\-_]+$`. */
const legalName = (name: string) => name.replace(/[^a-zA-Z0-9._-]/g, "_");

/** Every object in a value (arrays and objects, depth first), data keys included: `$ref`s are rewritten wherever they are. */
function* objects(value: unknown): Generator<Json> {
  if (Array.isArray(value)) for (const item of value) yield* objects(item);
  else if (isSchemaObject(value)) {
    yield value;
    for (const child of Object.values(value)) yield* objects(child);
  }
}

/** `#/<section>/<name>...` → [section, name, rest], or undefined. */
function localTarget(ref: string): [string, string, string] | undefined {
  if (!ref.startsWith("#/")) return undefined;
  const [section, name, ...rest] = splitPointer(ref.slice(1));
  if (section === undefined || name === undefined) return undefined;
  return [
    section,
    name,
    rest
      .map(escapePointerPart)
      .map((part) => `/${part}`)
      .join(""),
  ];
}

/**
 * What @scalar/openapi-upgrader leaves undone in a Swagger 2.0 document,
 * done before it runs (on a copy):
 * - component names 2.0 allows and 3.x does not (`Api Key`,
 *   `trait:globalErrors:401`) made legal, with every `$ref` and security
 *   requirement rewritten; returns, per section, the legal name → the name
 *   written (for positions);
 * - a body or form parameter defined at the document level and `$ref`'d by
 *   an operation is inlined there (the upgrader turned the reference into a
 *   `requestBodies` reference inside the parameter list);
 * - the document-level `responses` ride through the upgrader on a carrier
 *   path item (it leaves them in 2.0 form), and `liftDocumentResponses`
 *   moves them to `components.responses`.
 */
export function prepareSwaggerTwo(document: Json): Map<string, Map<string, string>> {
  const renamed = new Map<string, Map<string, string>>();
  for (const section of SECTIONS) {
    const group = document[section];
    if (!isSchemaObject(group)) continue;
    const names = new Map<string, string>();
    const entries = Object.entries(group).map(([name, value]) => {
      let legal = legalName(name);
      for (let suffix = 2; legal !== name && (legal in group || [...names.keys()].includes(legal)); suffix += 1)
        legal = `${legalName(name)}_${suffix}`;
      if (legal !== name) names.set(legal, name);
      return [legal, value] as const;
    });
    if (names.size === 0) continue;
    renamed.set(section, names);
    document[section] = Object.fromEntries(entries);
  }
  const newName = (section: string, name: string) =>
    [...(renamed.get(section) ?? new Map<string, string>()).entries()].find(([, old]) => old === name)?.[0] ?? name;
  const parameters = isSchemaObject(document.parameters) ? document.parameters : {};
  for (const node of objects(document)) {
    if (typeof node.$ref === "string") {
      const target = localTarget(node.$ref);
      if (target && (SECTIONS as readonly string[]).includes(target[0]))
        node.$ref = `#/${target[0]}/${escapePointerPart(newName(target[0], target[1]))}${target[2]}`;
    }
    if (Array.isArray(node.security))
      node.security = node.security.map((requirement) =>
        isSchemaObject(requirement)
          ? Object.fromEntries(
              Object.entries(requirement).map(([name, scopes]) => [newName("securityDefinitions", name), scopes]),
            )
          : requirement,
      );
    if (Array.isArray(node.parameters) && node !== document)
      node.parameters = node.parameters.map((parameter) => {
        const target = isSchemaObject(parameter) && typeof parameter.$ref === "string" && localTarget(parameter.$ref);
        const defined = target && target[0] === "parameters" && target[2] === "" ? parameters[target[1]] : undefined;
        return isSchemaObject(defined) && (defined.in === "body" || defined.in === "formData")
          ? structuredClone(defined)
          : parameter;
      });
  }
  if (isSchemaObject(document.responses) && isSchemaObject(document.paths)) {
    document.paths[RESPONSES_CARRIER] = { get: { responses: document.responses } };
    delete document.responses;
  }
  return renamed;
}

/** After the upgrade: the carried document-level responses become `components.responses`, and their `$ref`s follow. */
export function liftDocumentResponses(document: Json): void {
  const paths = isSchemaObject(document.paths) ? document.paths : {};
  const carrier = paths[RESPONSES_CARRIER];
  if (!isSchemaObject(carrier) || !isSchemaObject(carrier.get)) return;
  delete paths[RESPONSES_CARRIER];
  const components = (document.components ??= {}) as Json;
  components.responses = {
    ...(isSchemaObject(components.responses) ? components.responses : {}),
    ...(carrier.get.responses as Json),
  };
  for (const node of objects(document))
    if (typeof node.$ref === "string" && node.$ref.startsWith("#/responses/"))
      node.$ref = `#/components/responses/${node.$ref.slice("#/responses/".length)}`;
}
