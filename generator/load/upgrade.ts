import { upgradeFromTwoToThree } from "@scalar/openapi-upgrader/2.0-to-3.0";
import { upgradeFromThreeToThreeOne } from "@scalar/openapi-upgrader/3.0-to-3.1";
import { joinPointer, splitPointer, valueAt } from "../core/pointer.js";
import { isSchemaObject, walkSchema, type Schema } from "../core/schema-walk.js";
import type { SourceDocument } from "../core/source.js";
import { schemaPositions } from "./schema-positions.js";
import { liftDocumentResponses, prepareSwaggerTwo } from "./swagger-two.js";

type Json = Record<string, unknown>;
/** Per Swagger 2.0 section, the legal 3.x name → the name the document wrote (swagger-two.ts). */
type Renamed = Map<string, Map<string, string>>;

/**
 * OpenAPI 3.0's `nullable`, all of it, before the upgrader runs: the
 * upgrader only turns `type: x` into `type: [x, "null"]` and leaves
 * `nullable` beside `anyOf`, `oneOf`, `allOf` and `$ref` (Stripe has hundreds),
 * and an `enum` without `null` would still refuse null.
 */
export function convertNullable(document: Json): void {
  for (const root of schemaPositions(document)) {
    const schema = valueAt(document, root);
    if (!isSchemaObject(schema)) continue;
    walkSchema(schema, root, (node: Schema) => {
      if (!("nullable" in node)) return;
      const nullable = node.nullable === true;
      delete node.nullable;
      if (!nullable) return;
      if (Array.isArray(node.enum) && !node.enum.includes(null)) node.enum.push(null);
      if (typeof node.type === "string") node.type = [node.type, "null"];
      else if (Array.isArray(node.type)) node.type = [...new Set([...node.type, "null"])];
      else if (Array.isArray(node.anyOf)) node.anyOf.push({ type: "null" });
      else if (Array.isArray(node.oneOf)) node.oneOf.push({ type: "null" });
      else if (node.$ref !== undefined || node.allOf !== undefined) {
        const { $ref, allOf } = node;
        delete node.$ref;
        delete node.allOf;
        node.anyOf = [$ref !== undefined ? { $ref } : { allOf }, { type: "null" }];
      }
    });
  }
}

const parts = (pointer: string) => splitPointer(pointer);
const COMPONENTS_OF_SWAGGER: Record<string, string> = {
  schemas: "definitions",
  parameters: "parameters",
  requestBodies: "parameters",
  responses: "responses",
  securitySchemes: "securityDefinitions",
};
const isBodyParameter = (parameter: unknown) =>
  isSchemaObject(parameter) && (parameter.in === "body" || parameter.in === "formData");

/** Where a Swagger 2.0 document holds what the upgraded 3.x document has at `path` (as far as they correspond). */
function swaggerPath(path: string[], original: Json, renamed: Renamed): string[] {
  const [first, second, ...rest] = path;
  if (first === "servers") return ["host"];
  if (first === "components" && second !== undefined && second in COMPONENTS_OF_SWAGGER) {
    const section = COMPONENTS_OF_SWAGGER[second] as string;
    const legal = rest.shift();
    const name = legal === undefined ? undefined : (renamed.get(section)?.get(legal) ?? legal);
    const inner = second === "requestBodies" && rest[0] === "content" ? ["schema", ...rest.slice(3)] : rest;
    return [section, ...(name === undefined ? [] : [name]), ...inner];
  }
  if (first !== "paths" || second === undefined) return path;
  const [method, section, ...inner] = rest;
  if (method === undefined) return path;
  const item = [first, second, method];
  const parameters = valueAt(original, joinPointer([...item, "parameters"]));
  const list = Array.isArray(parameters) ? parameters : [];
  if (section === "requestBody") {
    const index = list.findIndex(isBodyParameter);
    const schema = inner[0] === "content" && inner[2] === "schema" ? ["schema", ...inner.slice(3)] : [];
    return index === -1 ? item : [...item, "parameters", String(index), ...schema];
  }
  if (section === "parameters" && inner[0] !== undefined) {
    // The body parameter moved out of the list: the n-th parameter left is the n-th that is not a body.
    const index = list.map((parameter, at) => (isBodyParameter(parameter) ? -1 : at)).filter((at) => at >= 0)[
      Number(inner[0])
    ];
    return [
      ...item,
      "parameters",
      String(index ?? inner[0]),
      ...(inner[1] === "schema" ? inner.slice(2) : inner.slice(1)),
    ];
  }
  if (section === "responses" && inner[1] === "content" && inner[3] === "schema")
    return [...item, "responses", inner[0] as string, "schema", ...inner.slice(4)];
  return path;
}

/**
 * The pointer into the document as the user wrote it: a schema the upgrade
 * wrapped in `anyOf` (for `nullable`) is its own wrapper's member, `examples`
 * was `example`; past the first key that does not correspond the position
 * is the nearest ancestor's.
 */
function originalPointer(pointer: string, original: Json, renamed: Renamed | undefined): string {
  const path = renamed ? swaggerPath(parts(pointer), original, renamed) : parts(pointer);
  const found: string[] = [];
  let node: unknown = original;
  for (let index = 0; index < path.length; index += 1) {
    const key = path[index] as string;
    if (isSchemaObject(node) && Object.hasOwn(node, key)) node = node[key];
    else if (Array.isArray(node) && /^\d+$/.test(key) && Number(key) < node.length) node = node[Number(key)];
    else if (isSchemaObject(node) && key === "anyOf" && /^\d+$/.test(path[index + 1] ?? "")) {
      index += 1;
      continue;
    } else if (isSchemaObject(node) && key === "examples" && "example" in node)
      return joinPointer([...found, "example"]);
    else return joinPointer([...found, ...path.slice(index)]);
    found.push(key);
  }
  return joinPointer(found);
}

/**
 * Reads OpenAPI 3.0.x and Swagger 2.0 documents as OpenAPI 3.1, with
 * @scalar/openapi-upgrader, so that every later step sees 3.1. Positions stay
 * those of the file the user wrote: a pointer into the upgraded document is
 * mapped back to where the same thing is in the original (`#/definitions/X`
 * for `#/components/schemas/X`, the body parameter for `requestBody`, ...),
 * at worst to its nearest ancestor there. A 3.1 document, or anything that
 * is not a 3.0 or 2.0 document, is returned as it is (check-structure says
 * what is wrong with it).
 */
export function upgradeToThreeOne(source: SourceDocument): SourceDocument {
  const original = source.value;
  if (!isSchemaObject(original)) return source;
  const fromSwagger = original.swagger === "2.0";
  if (!fromSwagger && !(typeof original.openapi === "string" && /^3\.0\.\d+$/.test(original.openapi))) return source;
  const copy = structuredClone(original);
  const renamed = fromSwagger ? prepareSwaggerTwo(copy) : undefined;
  const threeZero = upgradeFromTwoToThree(copy) as Json;
  if (fromSwagger) liftDocumentResponses(threeZero);
  convertNullable(threeZero);
  const value = upgradeFromThreeToThreeOne(threeZero as never) as unknown as Json;
  return {
    file: source.file,
    value,
    locate: (pointer) => source.locate(originalPointer(pointer, original, renamed)),
  };
}

/**
 * One Schema Object of a 3.0 document's other files (`$ref: ./schemas/Client.yaml`), upgraded as the
 * document's own are (`nullable`, boolean exclusive bounds, `example`): they are brought in after the upgrade.
 */
export function upgradeSchemaFromThreeZero(schema: Json): Json {
  const wrapper: Json = {
    openapi: "3.0.3",
    info: { title: "", version: "" },
    paths: {},
    components: { schemas: { schema } },
  };
  convertNullable(wrapper);
  const upgraded = upgradeFromThreeToThreeOne(wrapper as never) as unknown as {
    components: { schemas: { schema: Json } };
  };
  return upgraded.components.schemas.schema;
}
