import type { SourceDocument } from "../core/source.js";
import {
  ERROR_KINDS,
  type BodyModel,
  type ErrorBodyModel,
  type ErrorKind,
  type ExampleModel,
  type IdempotencyModel,
  type OperationModel,
  type ParameterLocation,
  type ParameterModel,
  type ResponseModel,
  type RuleRef,
  type SecuritySchemeModel,
  type ServerModel,
  type SpecModel,
  type VendorErrorModel,
} from "./model.js";
import { readMapping } from "./read-mapping.js";
import { Reader, type Node } from "./reader.js";
import { escapePointerPart, valueAt } from "../core/pointer.js";
import { isSchemaObject, type Schema } from "../core/schema-walk.js";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const LOCATIONS: readonly string[] = ["path", "query", "header", "cookie"];

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function readServers(read: Reader, document: Node): ServerModel[] {
  return read.list(document, "servers", "").map((entry, index) => {
    const pointer = `/servers/${index}`;
    const server = entry as Node;
    const variables = read.object(server, "variables", pointer) ?? {};
    return {
      url: read.requiredString(server, "url", pointer),
      description: read.string(server, "description", pointer),
      variables: Object.entries(variables)
        .map(([name, variable]) => ({
          name,
          default: String((variable as Node).default ?? ""),
          description: read.string(variable as Node, "description", `${pointer}/variables/${name}`),
        }))
        .sort(byName),
    };
  });
}

function readSecurity(read: Reader, document: Node): { schemes: SecuritySchemeModel[]; security: string[][] } {
  const components = read.object(document, "components", "") ?? {};
  const schemes = Object.entries(read.object(components, "securitySchemes", "/components") ?? {}).map(
    ([name, value]) => {
      const scheme = value as Node;
      const pointer = `/components/securitySchemes/${escapePointerPart(name)}`;
      return {
        name,
        type: read.requiredString(scheme, "type", pointer),
        scheme: read.string(scheme, "scheme", pointer),
        in: read.string(scheme, "in", pointer),
        parameterName: read.string(scheme, "name", pointer),
        description: read.string(scheme, "description", pointer),
      };
    },
  );
  return { schemes: schemes.sort(byName), security: readRequirements(read, document, "", schemes) };
}

/** A `security` list (the document's, or an operation's own, which replaces it): each alternative as scheme names. */
function readRequirements(read: Reader, owner: Node, pointer: string, schemes: SecuritySchemeModel[]): string[][] {
  return read.list(owner, "security", pointer).map((requirement, index) => {
    const names = Object.keys(requirement as Node).sort();
    for (const name of names)
      if (!schemes.some((scheme) => scheme.name === name))
        read.fail(
          `${pointer}/security/${index}/${escapePointerPart(name)}`,
          `security scheme \`${name}\` is not defined in components.securitySchemes`,
        );
    return names;
  });
}

function readRuleRefs(read: Reader, node: Node, key: string, pointer: string): RuleRef[] {
  return read.list(node, key, pointer).map((entry, index) => {
    const at = `${pointer}/${key}/${index}`;
    if (!isSchemaObject(entry)) read.fail(at, "expected `{ path, keyword }`");
    return { path: read.requiredString(entry, "path", at), keyword: read.requiredString(entry, "keyword", at) };
  });
}

function readExamples(read: Reader, media: Node, pointer: string): ExampleModel[] {
  const examples = read.object(media, "examples", pointer) ?? {};
  return Object.entries(examples)
    .map(([name, value]) => {
      const at = `${pointer}/examples/${escapePointerPart(name)}`;
      const example = value as Node;
      const expect = example["x-expect"];
      if (expect !== undefined && expect !== "valid" && expect !== "invalid")
        read.fail(`${at}/x-expect`, "`x-expect` must be `valid` or `invalid`");
      const expectErrors = readRuleRefs(read, example, "x-expect-errors", at);
      if (expect === "invalid" && expectErrors.length === 0)
        read.fail(at, "an example marked `x-expect: invalid` must list the rules it breaks in `x-expect-errors`");
      return {
        name,
        summary: read.string(example, "summary", at),
        value: example.value,
        expect: expect as ExampleModel["expect"],
        expectErrors,
        pointer: at,
      };
    })
    .sort(byName);
}

/**
 * Reads a `content` map. All media types of one body must share one schema;
 * one without a schema (any body, in OpenAPI's words) describes nothing to check.
 */
function readBody(read: Reader, owner: Node, pointer: string): BodyModel | undefined {
  const content = read.object(owner, "content", pointer);
  if (!content) return undefined;
  const contentTypes = Object.keys(content)
    .filter((contentType) =>
      read.object(content[contentType] as Node, "schema", `${pointer}/content/${escapePointerPart(contentType)}`),
    )
    .sort();
  if (contentTypes.length === 0) return undefined;
  const schemaOf = (contentType: string) => (content[contentType] as Node).schema as Schema;
  // The body's schema is the JSON one (`application/json` first); a content type with another schema
  // (Xero's `text/csv` beside JSON) is left out: the package types, validates and sends the JSON body.
  const main =
    contentTypes.find((contentType) => contentType === "application/json") ??
    contentTypes.find((contentType) => /json/.test(contentType)) ??
    (contentTypes[0] as string);
  const schema = schemaOf(main);
  const same = contentTypes.filter((contentType) => JSON.stringify(schemaOf(contentType)) === JSON.stringify(schema));
  const examples: ExampleModel[] = [];
  // Examples are checked against the JSON schema; XML and form samples are kept for documentation only.
  for (const contentType of same)
    if (/json/.test(contentType))
      examples.push(
        ...readExamples(read, content[contentType] as Node, `${pointer}/content/${escapePointerPart(contentType)}`),
      );
  return { contentTypes: same, schema, examples };
}

function readErrorBody(read: Reader, response: Node, pointer: string): ErrorBodyModel | undefined {
  const spec = read.object(response, "x-error-body", pointer);
  if (!spec) return undefined;
  const at = `${pointer}/x-error-body`;
  const when = read.object(spec, "when", at);
  return {
    code: read.requiredString(spec, "code", at),
    message: read.string(spec, "message", at),
    list: read.string(spec, "list", at),
    fields: read.string(spec, "fields", at),
    field: read.string(spec, "field", at),
    when: when ? { pointer: read.requiredString(when, "pointer", `${at}/when`), equals: when.equals } : undefined,
  };
}

function readResponses(read: Reader, operation: Node, pointer: string): ResponseModel[] {
  const responses =
    read.object(operation, "responses", pointer) ?? read.fail(pointer, "the operation has no `responses`");
  return Object.entries(responses)
    .map(([status, value]) => {
      const at = `${pointer}/responses/${status}`;
      const response = value as Node;
      return {
        status,
        description: read.string(response, "description", at) ?? "",
        body: readBody(read, response, at),
        errorBody: readErrorBody(read, response, at),
      };
    })
    .sort((a, b) => (a.status < b.status ? -1 : a.status > b.status ? 1 : 0));
}

function readParameters(read: Reader, operation: Node, pointer: string): ParameterModel[] {
  return read.list(operation, "parameters", pointer).map((entry, index) => {
    const at = `${pointer}/parameters/${index}`;
    const parameter = entry as Node;
    const location = read.requiredString(parameter, "in", at);
    if (!LOCATIONS.includes(location)) read.fail(`${at}/in`, `\`in\` must be one of ${LOCATIONS.join(", ")}`);
    return {
      name: read.requiredString(parameter, "name", at),
      in: location as ParameterLocation,
      required: parameter.required === true,
      deprecated: parameter.deprecated === true,
      description: read.string(parameter, "description", at),
      schema: read.object(parameter, "schema", at) ?? read.fail(at, "a parameter needs a `schema`"),
    };
  });
}

function readErrors(read: Reader, operation: Node, pointer: string): VendorErrorModel[] {
  return read.list(operation, "x-errors", pointer).map((entry, index) => {
    const at = `${pointer}/x-errors/${index}`;
    if (!isSchemaObject(entry)) read.fail(at, "an `x-errors` entry must be a mapping");
    const code = entry.code;
    if (typeof code !== "string" && typeof code !== "number")
      read.fail(`${at}/code`, "`code` must be a string or a number");
    if (!Number.isInteger(entry.status)) read.fail(`${at}/status`, "`status` must be an HTTP status code");
    const kind = read.requiredString(entry, "kind", at);
    if (!(ERROR_KINDS as readonly string[]).includes(kind))
      read.fail(`${at}/kind`, `\`kind\` must be one of ${ERROR_KINDS.join(", ")}`);
    const rules = read.list(entry, "rules", at).map((rule, ruleIndex) => {
      const ruleAt = `${at}/rules/${ruleIndex}`;
      if (!isSchemaObject(rule))
        read.fail(ruleAt, "an `x-errors` rule must be a mapping with `in`, `path` and `keyword`");
      const ruleNode = rule as Node;
      const location = read.requiredString(ruleNode, "in", ruleAt);
      if (location !== "body" && !LOCATIONS.includes(location))
        read.fail(`${ruleAt}/in`, "`in` must be body, path, query, header or cookie");
      const keyword = ruleNode.keyword;
      const keywords = Array.isArray(keyword) ? keyword.map(String) : [String(keyword)];
      if (keyword === undefined) read.fail(ruleAt, "a rule needs a `keyword`");
      return {
        in: location as "body" | ParameterLocation,
        path: read.requiredString(ruleNode, "path", ruleAt),
        keywords,
      };
    });
    for (const flag of ["unreadable", "generic"])
      if (entry[flag] !== undefined && typeof entry[flag] !== "boolean")
        read.fail(`${at}/${flag}`, `\`${flag}\` must be true or false`);
    const message = read.requiredString(entry, "message", at);
    return {
      code,
      status: entry.status as number,
      message,
      kind: kind as ErrorKind,
      rules,
      unreadable: entry.unreadable === true,
      generic: entry.generic === true,
    };
  });
}

function readOperation(read: Reader, document: Node): OperationModel {
  const paths = read.object(document, "paths", "") ?? {};
  const found: { path: string; method: string; operation: Node }[] = [];
  for (const [path, item] of Object.entries(paths))
    for (const [method, operation] of Object.entries(item as Node))
      if (METHODS.includes(method)) found.push({ path, method, operation: operation as Node });
  if (found.length !== 1)
    read.fail(
      found.length === 0 ? "/paths" : `/paths/${escapePointerPart(found[1]?.path ?? "")}`,
      `a vendor spec describes exactly one create-customer operation; found ${found.length}`,
    );
  const { path, method, operation } = found[0] as (typeof found)[number];
  const pointer = `/paths/${escapePointerPart(path)}/${method}`;
  const id = read.requiredString(operation, "operationId", pointer);
  const pathItem = paths[path] as Node;
  const requestBody = read.object(operation, "requestBody", pointer);
  const body = requestBody ? readBody(read, requestBody, `${pointer}/requestBody`) : undefined;
  return {
    id,
    method: method.toUpperCase(),
    path,
    pointer,
    summary: read.string(operation, "summary", pointer),
    description: read.string(operation, "description", pointer),
    deprecated: operation.deprecated === true,
    parameters: [
      ...readParameters(read, pathItem, `/paths/${escapePointerPart(path)}`),
      ...readParameters(read, operation, pointer),
    ],
    requestBody: body ? { ...body, required: requestBody?.required === true } : undefined,
    responses: readResponses(read, operation, pointer),
    errors: readErrors(read, operation, pointer),
    idempotency: readIdempotency(read, operation, pointer),
  };
}

/** `x-idempotency: { header: <name> }` or `{ body: <pointer into the body> }` (docs/spec-conventions.md). */
function readIdempotency(read: Reader, operation: Node, pointer: string): IdempotencyModel | undefined {
  const node = read.object(operation, "x-idempotency", pointer);
  if (node === undefined) return undefined;
  const at = `${pointer}/x-idempotency`;
  const keys = Object.keys(node);
  if (keys.length !== 1 || !["header", "body"].includes(keys[0] as string))
    read.fail(at, "`x-idempotency` takes one of `header` (the header's name) or `body` (a pointer to a body field)");
  const header = read.string(node, "header", at);
  if (header !== undefined) {
    if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(header)) read.fail(`${at}/header`, "`header` must be a header name");
    return { in: "header", name: header };
  }
  const field = read.requiredString(node, "body", at);
  if (!field.startsWith("/"))
    read.fail(`${at}/body`, `\`body\` must be a JSON pointer into the body, such as \`/${field}\``);
  return { in: "body", field };
}

/** Builds the normalized model from a resolved document (see `resolveRefs`). */
export function buildModel(
  source: SourceDocument,
  document: Node,
  specFile: string,
  slug: string,
  kind: SpecModel["kind"],
): SpecModel {
  const read = new Reader(source);
  const info = read.object(document, "info", "") ?? read.fail("", "`info` is required");
  const vendor = read.object(info, "x-vendor", "/info");
  if (vendor && vendor.slug !== undefined && vendor.slug !== slug)
    read.fail(
      "/info/x-vendor/slug",
      `\`slug\` is \`${String(vendor.slug)}\` but the file is named ${slug}.yaml; they must match`,
    );
  const components = read.object(document, "components", "") ?? {};
  const schemas = Object.entries(read.object(components, "schemas", "/components") ?? {})
    .map(([name, schema]) => ({ name, schema: schema as Schema }))
    .sort(byName);
  const { schemes, security } = readSecurity(read, document);
  const operation = kind === "vendor" ? readOperation(read, document) : undefined;
  const operationNode = operation && (valueAt(document, operation.pointer) as Node);
  return {
    kind,
    slug,
    specFile,
    title: read.requiredString(info, "title", "/info"),
    version: read.requiredString(info, "version", "/info"),
    description: read.string(info, "description", "/info"),
    vendorName:
      (vendor && read.string(vendor, "name", "/info/x-vendor")) ?? read.requiredString(info, "title", "/info"),
    seed: vendor ? read.string(vendor, "seed", "/info/x-vendor") : undefined,
    servers: readServers(read, document),
    securitySchemes: schemes,
    security:
      operationNode && "security" in operationNode
        ? readRequirements(read, operationNode, operation.pointer, schemes)
        : security,
    operation,
    context: read.object(document, "x-context", ""),
    schemas,
    mapping: kind === "vendor" ? readMapping(read, source, document) : undefined,
    warnings: [],
  };
}
