import { wireFormat } from "@customer-adapters/runtime/wire";
import { requestShape } from "../model/body-shape.js";
import { mappingPlan, sensitiveFields } from "../model/mapping-plan.js";
import { planTransforms } from "../model/plan-transforms.js";
import type { SpecModel } from "../model/model.js";
import { Code, fitOrBreak, printCode, propertyName, withParameters } from "./final-layout.js";
import { canonicalModule, importLine, importTypes, runtimeModule } from "./imports.js";
import { parameterGroups } from "./names.js";
import type { OutputKind } from "./output-kind.js";
import { jsDoc, printStatements } from "./source-file.js";
import { bodyShapeCode } from "./shared-shapes.js";
import { typeName } from "./type-expression.js";

/** The plan as a literal whose `errors` are the package's one `vendorErrors` table, and whose `transforms` are the imported ones. */
function planLiteral(model: SpecModel): string {
  const { errors: _errors, transforms: _transforms, ...plan } = mappingPlan(model);
  const used = planTransforms(model.mapping);
  const names = used.map((transform) => `${propertyName(transform.name)}: ${transform.exported}`);
  const transforms = fitOrBreak("{", names, "}", { indent: "  ", column: 14, after: 1 });
  return printCode(
    { ...plan, errors: new Code("vendorErrors"), transforms: used.length === 0 ? undefined : new Code(transforms) },
    { indent: "" },
  );
}

/** `createCustomer`'s call of `sendRequest`, its options the last argument. */
function sendCall(model: SpecModel): string {
  const call = "  return sendRequest(mappingPlan, bodyShape, built.request, options, ";
  const members = [
    "validateResponse",
    "sensitive: sensitiveFields",
    "context",
    ...(model.operation?.idempotency ? ["customer"] : []),
    ...(takesXml(model) ? ["writeXml"] : []),
  ];
  // Prettier's last argument hugged: the call's start stays on its line.
  return `${call}${fitOrBreak("{", members, "}", { indent: "  ", column: call.length, after: 2 })});`;
}

/** The imports of the transforms the plan uses, by name, from the runtime subpath of each. */
function transformImports(model: SpecModel): string[] {
  const used = planTransforms(model.mapping);
  return (["transforms", "countries"] as const).flatMap((subpath) => {
    const names = used.filter((transform) => transform.subpath === subpath).map((transform) => transform.exported);
    return names.length === 0 ? [] : [importLine(runtimeModule(subpath), names)];
  });
}

/** Whether the vendor takes an XML body: only then does the mapper pass the client the XML writer. */
const takesXml = (model: SpecModel): boolean =>
  (model.operation?.requestBody?.contentTypes ?? []).some((type) => wireFormat(type) === "xml");

/** What `createCustomer` retries: with an idempotency key, what may have arrived; without, only what never left. */
export function retryNote(model: SpecModel): string {
  const key = model.operation?.idempotency;
  if (!key)
    return "Not retried once it may have reached the vendor (its spec documents no idempotency key); a refused connection is tried again.";
  const where = key.in === "header" ? `the \`${key.name}\` header` : `the body field \`${key.field}\``;
  return `${model.vendorName} documents an idempotency key (${where}): \`options.idempotencyKey\`, or one derived from the customer and the vendor, is sent, and an outcome that may have arrived (a timeout, a 5xx, a broken connection) is tried again with the same key (\`options.retriesWhenUnknown\`, default 2, with backoff, honouring Retry-After); a refused connection is tried again.`;
}

/** `mapping.ts`: the vendor's mapping plan and the typed `toRequest` / `fromResponse` / `createCustomer` around it. */
export function emitMapping(model: SpecModel): string {
  const operation = model.operation;
  if (!operation || !model.mapping) throw new Error("a mapper needs a mapped vendor model");
  const prefix = typeName(operation.id);
  const body = operation.requestBody ? `${prefix}RequestBody` : "undefined";
  const context = model.context ? `${prefix}Context` : "Record<string, never>";
  const groups = parameterGroups(model).filter((group) => group.location !== "cookie");
  const parameters = groups.map(
    (group) => `${group.location}: compiled.${group.suffix.charAt(0).toLowerCase()}${group.suffix.slice(1)}`,
  );
  const types = [...(operation.requestBody ? [body] : []), ...(model.context ? [context] : [])];
  const shapes = bodyShapeCode(requestShape(model));
  return printStatements([
    importLine(
      runtimeModule("mapping"),
      ["buildRequest", "readResponse"],
      ["FromResponseResult", "MappingPlan", "ToRequestResult"],
    ),
    importLine(runtimeModule("client"), ["sendRequest"], ["CreateResult", "SendOptions", "SensitiveFields"]),
    importTypes(runtimeModule("wire"), shapes.constants.length > 0 ? ["BodyShape", "RootShape"] : ["RootShape"]),
    ...transformImports(model),
    ...(takesXml(model) ? [importLine(runtimeModule("xml"), ["writeXml"])] : []),
    importLine(canonicalModule(model), ["validateCustomer"], ["Customer"]),
    ...(types.length > 0 ? [importTypes("./types.js", types)] : []),
    `import { vendorErrors } from "./operation.js";`,
    `import * as compiled from "./validators.compiled.js";`,
    `import { ${model.context ? `validate${context}, ` : ""}validateResponse } from "./validators.js";`,
    `${jsDoc(`How a canonical customer becomes ${model.vendorName}'s request, and its answer a canonical result: the spec's \`x-mapping\`, checked at generate time.`)}\nexport const mappingPlan: MappingPlan = ${planLiteral(model)};`,
    `const validators = {\n  customer: validateCustomer,\n  context: ${model.context ? `validate${context}` : "undefined"},\n  body: ${operation.requestBody ? "compiled.requestBody" : "undefined"},\n  parameters: ${fitOrBreak("{", parameters, "}", { indent: "  ", after: 1 })},\n};`,
    `${jsDoc(`Maps a canonical customer and the vendor context to the whole ${operation.method} ${operation.path} request.\nThe request passes the vendor's own validators; anything that does not fit is an error naming the canonical field, the vendor field and the rule. Never throws.`)}\n${withParameters("export function toRequest", ["customer: Customer", `context: ${context}`], `: ToRequestResult<${body}> {`)}\n  return buildRequest<${body}>(mappingPlan, validators, customer, context);\n}`,
    `${jsDoc("What `toRequest` gives for this customer with the context left unchecked: a preflight (`@customer-adapters/vendors`) without the credentials at hand. Never send what it builds.")}\n${withParameters("export function checkCustomer", ["customer: Customer", `context: Partial<${context}>`], `: ToRequestResult<${body}> {`)}\n  return buildRequest<${body}>(mappingPlan, { ...validators, context: undefined }, customer, context);\n}`,
    `${jsDoc("Reads the vendor's answer (status and parsed body) as a canonical result: the new customer's id, or its errors with canonical kinds and fields. Never throws.")}\nexport function fromResponse(status: number, body: unknown): FromResponseResult {\n  return readResponse(mappingPlan, status, body, validateResponse);\n}`,
    `${jsDoc("What the spec marks `x-sensitive` or `x-credential`: redacted from every message the vendor sends back.")}\nexport const sensitiveFields: SensitiveFields = ${printCode(sensitiveFields(model), { indent: "" })};`,
    ...shapes.constants,
    `${jsDoc("The request body's element names, order and leaf types, for the XML and form content types.")}\nexport const bodyShape: RootShape | undefined = ${shapes.value};`,
    `${jsDoc(`Creates the customer at ${model.vendorName}: validates and maps it (\`toRequest\`), sends the request with \`options.fetch\` (the global \`fetch\` by default) in \`options.contentType\` (JSON by default), and reads the answer (\`fromResponse\`).\n${retryNote(model)} Redirects are not followed; the answer is read up to \`options.maxResponseBytes\`; secrets are redacted from the vendor's messages. Never throws: network failures and timeouts are \`unavailable\`, bad options \`invalid-options\`.`)}\n${withParameters("export async function createCustomer", ["customer: Customer", `context: ${context}`, "options: SendOptions = {}"], ": Promise<CreateResult> {")}\n  const built = toRequest(customer, context);\n  if (!built.ok) return { ok: false, sent: false, errors: built.errors };\n${sendCall(model)}\n}`,
  ]);
}

/** The mapper: `toRequest`, `fromResponse` and `createCustomer`, from the spec's `x-mapping`. */
export const mapperOutput: OutputKind = {
  name: "mapper",
  summary:
    "`toRequest(customer, context)`, `fromResponse(status, body)` and `createCustomer(customer, context, options)`: the canonical customer to the vendor's request and back, and the client that sends it.",
  optional: true,
  appliesTo: (model) => model.operation !== undefined && model.mapping !== undefined,
  files: ({ model }) => [{ path: "src/mapping.ts", content: emitMapping(model), verbatim: true }],
  main: () => [{ source: "./mapping.js" }],
  adapter: () => ({
    imports: [`import { createCustomer, fromResponse, toRequest } from "./mapping.js";`],
    members: ["toRequest", "fromResponse", "createCustomer"],
  }),
};
