import { canonicalFieldsOf } from "../model/mapping-table.js";
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

function authPlan(model: SpecModel): Record<string, unknown>[] {
  return (model.mapping?.auth ?? []).flatMap((auth): Record<string, unknown>[] => {
    const scheme = model.securitySchemes.find((candidate) => candidate.name === auth.scheme);
    if (!scheme) return [];
    if (scheme.type === "http" && scheme.scheme?.toLowerCase() === "basic") return [{ type: "basic", username: auth.username, password: auth.password }];
    if (scheme.type === "apiKey") return [{ type: "apiKey", in: scheme.in, name: scheme.parameterName, token: auth.token }];
    return [{ type: "bearer", token: auth.token }];
  });
}

function mappingPlan(model: SpecModel): Record<string, unknown> {
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
    errors: operation.errors.map((error) => ({ code: error.code, status: error.status, kind: error.kind, fields: canonicalFieldsOf(model, error.rules) })),
  };
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
    `import { buildRequest, readResponse, validateCustomer, type Customer, type FromResponseResult, type MappingPlan, type ToRequestResult } from "${runtimeImport(model)}";`,
    ...(types.length > 0 ? [`import type { ${types.join(", ")} } from "./types.js";`] : []),
    `import * as compiled from "./validators.compiled.js";`,
    ...(model.context ? [`import { validate${context} } from "./validators.js";`] : []),
    `${jsDoc(`How a canonical customer becomes ${model.vendorName}'s request, and its answer a canonical result: the spec's \`x-mapping\`, checked at generate time.`)}\nexport const mappingPlan: MappingPlan = ${JSON.stringify(mappingPlan(model), null, 2)};`,
    `const validators = {\n  customer: validateCustomer,\n  context: ${model.context ? `validate${context}` : "undefined"},\n  body: ${operation.requestBody ? "compiled.requestBody" : "undefined"},\n  parameters: { ${parameters.join(", ")} },\n};`,
    `${jsDoc(`Maps a canonical customer and the vendor context to the whole ${operation.method} ${operation.path} request.\nThe request passes the vendor's own validators; anything that does not fit is an error naming the canonical field, the vendor field and the rule. Never throws.`)}\nexport function toRequest(customer: Customer, context: ${context}): ToRequestResult<${body}> {\n  return buildRequest<${body}>(mappingPlan, validators, customer, context);\n}`,
    `${jsDoc("Reads the vendor's answer (status and parsed body) as a canonical result: the new customer's id, or its errors with canonical kinds and fields. Never throws.")}\nexport function fromResponse(status: number, body: unknown): FromResponseResult {\n  return readResponse(mappingPlan, status, body);\n}`,
  ]);
}
