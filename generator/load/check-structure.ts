import type { ErrorObject } from "ajv/dist/2020.js";
import { didYouMean } from "../core/did-you-mean.js";
import { EXTENSION_NAMES } from "../core/extensions.js";
import { isSchemaObject } from "../core/schema-walk.js";
import { joinPointer, splitPointer, valueAt } from "../core/pointer.js";
import type { SourceDocument } from "../core/source.js";
import { SpecError } from "../core/spec-error.js";
import { schemaPositions } from "./schema-positions.js";
import { structureValidator } from "./structure-validators.js";

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
  if (key !== undefined) {
    // The fields the standard knows here, and the project's extensions (an `x_vendor` is a near miss of ours).
    const known = [
      ...Object.keys((error.parentSchema as { properties?: object }).properties ?? {}),
      ...EXTENSION_NAMES,
    ];
    return {
      pointer: `${error.instancePath}/${String(key)}`,
      problem: `unknown field \`${String(key)}\` here${didYouMean(String(key), known)}`,
    };
  }
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
  const validate = structureValidator("openapi-3.1");
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
