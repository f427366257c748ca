import { requestShape } from "../model/body-shape.js";
import { canonicalFieldsOf, fieldSources } from "../model/mapping-table.js";
import type { FieldMappingModel, SpecModel } from "../model/model.js";
import { parameterGroups } from "./names.js";
import { jsDoc, printStatements } from "./source-file.js";
import { typeName } from "./type-expression.js";
import { runtimeImport } from "./validators.js";

/** A declaration as the runtime reads it: only what it acts on, no positions. */
function planOf(declaration: FieldMappingModel): Record<string, unknown> {
  const plan: Record<string, unknown> = { to: declaration.to };
  if (declaration.from !== undefined) plan.from = declaration.from;
  if (declaration.context !== undefined) plan.context = declaration.context;
  if (declaration.hasValue) plan.value = declaration.value;
  if (declaration.transform !== undefined && declaration.transform !== "copy") plan.transform = declaration.transform;
  for (const key of ["separator", "index", "where", "pick", "table", "when"] as const) if (declaration[key] !== undefined) plan[key] = declaration[key];
  if (declaration.hasDefault) plan.default = declaration.default;
  if (declaration.map !== undefined) plan.map = declaration.map.map(planOf);
  return plan;
}

/** Each declared auth as the runtime applies it, with the security scheme it stands for. */
function authWithSchemes(model: SpecModel): { scheme: string; plan: Record<string, unknown> }[] {
  return (model.mapping?.auth ?? []).flatMap((auth): { scheme: string; plan: Record<string, unknown> }[] => {
    const scheme = model.securitySchemes.find((candidate) => candidate.name === auth.scheme);
    if (!scheme) return [];
    if (scheme.type === "http" && scheme.scheme?.toLowerCase() === "basic") return [{ scheme: auth.scheme, plan: { type: "basic", username: auth.username, password: auth.password } }];
    if (scheme.type === "apiKey") return [{ scheme: auth.scheme, plan: { type: "apiKey", in: scheme.in, name: scheme.parameterName, token: auth.token } }];
    return [{ scheme: auth.scheme, plan: { type: "bearer", token: auth.token } }];
  });
}

function authPlan(model: SpecModel): Record<string, unknown>[] {
  return authWithSchemes(model).map((auth) => auth.plan);
}

export function mappingPlan(model: SpecModel): Record<string, unknown> {
  const operation = model.operation;
  if (!operation) throw new Error("a mapping plan needs a vendor model");
  const contentTypes = operation.requestBody?.contentTypes ?? [];
  return {
    method: operation.method,
    path: operation.path,
    server: model.servers[0]?.url ?? "",
    serverDefaults: Object.fromEntries((model.servers[0]?.variables ?? []).map((variable) => [variable.name, variable.default])),
    contentType: contentTypes.find((type) => /json/.test(type)) ?? contentTypes[0],
    request: (model.mapping?.request ?? []).map(planOf),
    auth: authPlan(model),
    response: (model.mapping?.response ?? []).map(planOf),
    errorLocations: operation.responses.flatMap((response) =>
      response.errorBody
        ? [Object.fromEntries(Object.entries({ status: response.status, ...response.errorBody }).filter(([, value]) => value !== undefined))]
        : [],
    ),
    errors: operation.errors.map((error) => ({ code: error.code, status: error.status, kind: error.kind, message: error.message, fields: canonicalFieldsOf(model, error.rules) })),
    // Only where an error body names fields, so that other plans stay as they are.
    ...(operation.responses.some((response) => response.errorBody?.fields !== undefined) ? { fieldSources: fieldSources(model) } : {}),
  };
}

/** Where the mock checks credentials: the declared auth, and body fields marked `x-credential`. */
function credentialChecks(model: SpecModel): Record<string, unknown>[] {
  // A credential is optional when some security alternative goes without its scheme (`[]`, or `{ apiKey }` beside `{ oauth2, apiKey }`).
  const checks: Record<string, unknown>[] = [];
  for (const { scheme, plan: auth } of authWithSchemes(model)) {
    const optional = model.security.some((alternative) => !alternative.includes(scheme));
    const check =
      auth.type === "basic"
        ? { in: "basic", context: [auth.username, auth.password], optional }
        : auth.type === "bearer"
          ? { in: "bearer", context: [auth.token], optional }
          : { in: auth.in === "query" ? "query" : "header", name: auth.name, context: [auth.token], optional };
    // Two schemes sending the same credential (two OAuth 2.0 flows, one bearer token) are one check.
    if (!checks.some((known) => JSON.stringify(known) === JSON.stringify(check))) checks.push(check);
  }
  const body = model.operation?.requestBody?.schema;
  const bodySchema = typeof body?.$ref === "string" ? model.schemas.find((named) => `#/components/schemas/${named.name}` === body.$ref)?.schema : body;
  const properties = (bodySchema?.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const [field, property] of Object.entries(properties))
    if (property["x-credential"] === true) {
      const fed = model.mapping?.request.find((declaration) => declaration.to === `/body/${field}` && declaration.context !== undefined);
      if (fed) checks.push({ in: "body", name: `/${field}`, context: [fed.context], optional: false });
    }
  return checks;
}

/** `mapping.ts`: the vendor's mapping plan and the typed `toRequest` / `fromResponse` around it. */
export function emitMapping(model: SpecModel): string | undefined {
  const operation = model.operation;
  if (!operation || !model.mapping) return undefined;
  const prefix = typeName(operation.id);
  const body = operation.requestBody ? `${prefix}RequestBody` : "undefined";
  const context = model.context ? `${prefix}Context` : "Record<string, never>";
  const groups = parameterGroups(model).filter((group) => group.location !== "cookie");
  const parameters = groups.map((group) => `${group.location}: compiled.${group.suffix.charAt(0).toLowerCase()}${group.suffix.slice(1)}`);
  const types = [...(operation.requestBody ? [body] : []), ...(model.context ? [context] : [])];
  return printStatements([
    `import { buildRequest, readResponse, sendRequest, validateCustomer, type CreateResult, type Customer, type FromResponseResult, type MappingPlan, type RootShape, type SendOptions, type ToRequestResult } from "${runtimeImport(model)}";`,
    ...(types.length > 0 ? [`import type { ${types.join(", ")} } from "./types.js";`] : []),
    `import * as compiled from "./validators.compiled.js";`,
    ...(model.context ? [`import { validate${context} } from "./validators.js";`] : []),
    `${jsDoc(`How a canonical customer becomes ${model.vendorName}'s request, and its answer a canonical result: the spec's \`x-mapping\`, checked at generate time.`)}\nexport const mappingPlan: MappingPlan = ${JSON.stringify(mappingPlan(model), null, 2)};`,
    `const validators = {\n  customer: validateCustomer,\n  context: ${model.context ? `validate${context}` : "undefined"},\n  body: ${operation.requestBody ? "compiled.requestBody" : "undefined"},\n  parameters: { ${parameters.join(", ")} },\n};`,
    `${jsDoc(`Maps a canonical customer and the vendor context to the whole ${operation.method} ${operation.path} request.\nThe request passes the vendor's own validators; anything that does not fit is an error naming the canonical field, the vendor field and the rule. Never throws.`)}\nexport function toRequest(customer: Customer, context: ${context}): ToRequestResult<${body}> {\n  return buildRequest<${body}>(mappingPlan, validators, customer, context);\n}`,
    `${jsDoc("Reads the vendor's answer (status and parsed body) as a canonical result: the new customer's id, or its errors with canonical kinds and fields. Never throws.")}\nexport function fromResponse(status: number, body: unknown): FromResponseResult {\n  return readResponse(mappingPlan, status, body);\n}`,
    `${jsDoc("The request body's element names, order and leaf types, for the XML and form content types.")}\nexport const bodyShape: RootShape | undefined = ${JSON.stringify(requestShape(model), null, 2) ?? "undefined"};`,
    `${jsDoc(`Creates the customer at ${model.vendorName}: validates and maps it (\`toRequest\`), sends the request with \`options.fetch\` (the global \`fetch\` by default) in \`options.contentType\` (JSON by default), and reads the answer (\`fromResponse\`).\nNot retried once it may have reached the vendor; a refused connection is tried again. Never throws: network failures and timeouts are \`unavailable\`.`)}\nexport async function createCustomer(customer: Customer, context: ${context}, options: SendOptions = {}): Promise<CreateResult> {\n  const built = toRequest(customer, context);\n  if (!built.ok) return { ok: false, sent: false, errors: built.errors };\n  return sendRequest(mappingPlan, bodyShape, built.request, options);\n}`,
  ]);
}

/** \`mock.ts\`: the vendor's stand-in, from the same plan, validators and fixtures. */
export function emitMock(model: SpecModel): string | undefined {
  const operation = model.operation;
  if (!operation || !model.mapping) return undefined;
  const prefix = typeName(operation.id);
  const groups = parameterGroups(model).filter((group) => group.location !== "cookie");
  const parameters = groups.map((group) => `${group.location}: validate${prefix}${group.suffix}`);
  const validators = [...(operation.requestBody ? [`validate${prefix}RequestBody`] : []), ...groups.map((group) => `validate${prefix}${group.suffix}`)];
  return printStatements([
    `import { createMockVendor, type MockDefinition, type MockVendor } from "${runtimeImport(model)}";`,
    `import { context, successResponse } from "./fixtures.js";`,
    `import { bodyShape, mappingPlan } from "./mapping.js";`,
    ...(validators.length > 0 ? [`import { ${validators.join(", ")} } from "./validators.js";`] : []),
    `${jsDoc("How the mock checks credentials, validates and answers.")}\nexport const mockDefinition: MockDefinition = {\n  plan: mappingPlan,\n  shape: bodyShape,\n  credentials: ${JSON.stringify(credentialChecks(model))},\n  validateBody: ${operation.requestBody ? `validate${prefix}RequestBody` : "undefined"},\n  validateParameters: { ${parameters.join(", ")} },\n  success: successResponse,\n  context: ${model.context ? "context" : "{}"},\n};`,
    `${jsDoc(`A stand-in for ${model.vendorName}'s create endpoint. It accepts the credentials of \`fixtures.context\` unless \`options.context\` says otherwise; \`mock.fetch\` goes to \`createCustomer\`'s \`options.fetch\`, or serve it with \`startMockServer\` from \`@customer-adapters/canonical/mock-server\`.`)}\nexport function createMock(options: { context?: Record<string, unknown> } = {}): MockVendor {\n  return createMockVendor(mockDefinition, options);\n}`,
  ]);
}
