import type { SpecModel } from "../model/model.js";
import { isSchemaObject } from "../model/schema-walk.js";
import { jsDoc, printStatements } from "./source-file.js";
import { typeName } from "./type-expression.js";
import { runtimeImport } from "./validators.js";

/** Fields of the request body that carry a credential (`x-credential`), for vendors whose auth travels in the body. */
function bodyCredentials(model: SpecModel): string[] {
  const body = model.operation?.requestBody?.schema;
  const name = typeof body?.$ref === "string" ? body.$ref.split("/").pop() : undefined;
  const schema = model.schemas.find((named) => named.name === name)?.schema ?? body;
  const properties = isSchemaObject(schema?.properties) ? schema.properties : {};
  return Object.entries(properties)
    .filter(([, property]) => isSchemaObject(property) && property["x-credential"] === true)
    .map(([field]) => field);
}

function operationInfo(model: SpecModel): Record<string, unknown> {
  const operation = model.operation;
  if (!operation) throw new Error("operationInfo needs a vendor model");
  const schemes = new Map(model.securitySchemes.map((scheme) => [scheme.name, scheme]));
  const auth = model.security.map((names) =>
    names.map((name) => {
      const scheme = schemes.get(name);
      return Object.fromEntries(
        Object.entries({ name, type: scheme?.type, scheme: scheme?.scheme, in: scheme?.in, parameterName: scheme?.parameterName }).filter(
          ([, value]) => value !== undefined,
        ),
      );
    }),
  );
  const credentials = bodyCredentials(model).map((field) => ({ name: field, type: "body", in: "body", parameterName: field }));
  if (credentials.length > 0) auth.push(credentials);
  return {
    operationId: operation.id,
    method: operation.method,
    path: operation.path,
    servers: model.servers.map((server) => server.url),
    requestContentTypes: operation.requestBody?.contentTypes ?? [],
    auth: auth.length > 0 ? auth : [[]],
    deprecated: operation.deprecated,
  };
}

/** `index.ts`: the package's public face: types, validators, operation facts, vendor errors and the `adapter` object. */
export function emitIndex(model: SpecModel): string {
  if (model.kind === "canonical")
    return printStatements([
      `export type * from "./types.js";`,
      `export * from "./validators.js";`,
      `export * from "./runtime/validation.js";`,
      `export * from "./runtime/mapping.js";`,
      `export * from "./runtime/wire.js";`,
      `export * from "./runtime/client.js";`,
      `export * from "./runtime/redact.js";`,
      `export * from "./runtime/mock.js";`,
      `export type * from "./runtime/adapter.js";`,
      `export { fixtures } from "./fixtures.js";`,
    ]);
  const operation = model.operation;
  if (!operation) throw new Error("a vendor model has an operation");
  const body = `${typeName(operation.id)}RequestBody`;
  const bodyType = operation.requestBody ? body : "never";
  const mapped = model.mapping !== undefined;
  const context = model.context ? `${typeName(operation.id)}Context` : "Record<string, never>";
  const adapterType = mapped ? `VendorAdapter<${bodyType}, ${context}, Customer>` : `VendorAdapter<${bodyType}>`;
  return printStatements([
    `import type { ${mapped ? "Customer, " : ""}OperationInfo, VendorAdapter } from "${runtimeImport(model)}";`,
    `import { fixtures } from "./fixtures.js";`,
    ...(mapped ? [`import { createCustomer, fromResponse, toRequest } from "./mapping.js";`] : []),
    ...(mapped && model.context ? [`import type { ${context} } from "./types.js";`] : []),
    ...(operation.requestBody ? [`import type { ${body} } from "./types.js";`] : []),
    `import { is${body}, validate${body}, validateResponse } from "./validators.js";`,
    `export type * from "./types.js";`,
    `export * from "./validators.js";`,
    ...(mapped ? [`export { bodyShape, createCustomer, fromResponse, mappingPlan, toRequest } from "./mapping.js";`, `export { createMock, mockDefinition } from "./mock.js";`] : []),
    `export { fixtures };`,
    `${jsDoc(`${operation.method} ${operation.path}${operation.summary ? `: ${operation.summary}` : ""}${operation.deprecated ? "\n@deprecated The vendor marks this operation as obsolete." : ""}`)}\nexport const operation: OperationInfo = ${JSON.stringify(operationInfo(model), null, 2)};`,
    `${jsDoc("The vendor's documented errors (`x-errors`): code, HTTP status, message, canonical kind and the rules each reports.")}\nexport const vendorErrors = ${JSON.stringify(operation.errors, null, 2)} as const;`,
    `${jsDoc(`${model.vendorName}: ${model.title}.`)}\nexport const adapter: ${adapterType} = {\n  vendor: ${JSON.stringify(model.slug)},\n  operation,\n  validateRequest: validate${body},\n  isRequest: is${body},\n  validateResponse,${mapped ? "\n  toRequest,\n  fromResponse,\n  createCustomer," : ""}\n  fixtures,\n};`,
  ]);
}
