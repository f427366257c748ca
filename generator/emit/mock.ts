import { errorAnswers } from "../model/error-answers.js";
import { credentialChecks } from "../model/mapping-plan.js";
import type { SpecModel } from "../model/model.js";
import { fixtureExports } from "./fixtures.js";
import { fitOrBreak, type Place, printCode } from "./final-layout.js";
import { importLine, importNames, runtimeModule } from "./imports.js";
import { concreteStatus, isSuccess, parameterGroups } from "./names.js";
import type { OutputKind } from "./output-kind.js";
import { jsDoc, printStatements } from "./source-file.js";
import { typeName } from "./type-expression.js";

/** `mock.ts`: the vendor's stand-in, from the same plan, validators and fixtures. */
export function emitMock(model: SpecModel, canonical?: SpecModel): string {
  const operation = model.operation;
  if (!operation || !model.mapping) throw new Error("a mock needs a mapped vendor model");
  // A context or success sample that could not be made is a warning and not in `fixtures.ts`: the mock then
  // accepts the credentials `options.context` gives, and answers the documented success status with an empty body.
  const exported = fixtureExports(model, canonical);
  const fixtureImports = [
    ...(exported.context ? ["context"] : []),
    ...(exported.successResponse ? ["successResponse"] : []),
  ];
  const documented = operation.responses.find((response) => isSuccess(response.status));
  const success = exported.successResponse
    ? "successResponse"
    : `{ status: ${documented ? concreteStatus(documented.status) : 200}, body: {} }`;
  const prefix = typeName(operation.id);
  const groups = parameterGroups(model).filter((group) => group.location !== "cookie");
  const parameters = groups.map((group) => `${group.location}: validate${prefix}${group.suffix}`);
  const validators = [
    ...(operation.requestBody ? [`is${prefix}RequestBody`, `validate${prefix}RequestBody`] : []),
    ...groups.map((group) => `validate${prefix}${group.suffix}`),
  ];
  return printStatements([
    importLine(runtimeModule("mock"), ["createMockVendor"], ["MockDefinition", "MockOptions", "MockVendor"]),
    ...(fixtureImports.length > 0 ? [importNames("./fixtures.js", fixtureImports)] : []),
    `import { bodyShape, mappingPlan } from "./mapping.js";`,
    ...(validators.length > 0 ? [importNames("./validators.js", validators)] : []),
    `${jsDoc("How the mock checks credentials, validates and answers.")}\nexport const mockDefinition: MockDefinition = {\n  plan: mappingPlan,\n  shape: bodyShape,\n${member("credentials", (place) => printCode(credentialChecks(model), place, false))}\n${member("contentTypes", (place) => printCode(operation.requestBody?.contentTypes ?? [], place))}\n  isBody: ${operation.requestBody ? `is${prefix}RequestBody` : "undefined"},\n  validateBody: ${operation.requestBody ? `validate${prefix}RequestBody` : "undefined"},\n${member("validateParameters", (place) => fitOrBreak("{", parameters, "}", place))}\n  success: ${success},\n  errorAnswers: ${printCode(errorAnswers(model), { indent: "  " })},\n  context: ${exported.context ? "context" : "{}"},\n};`,
    `${jsDoc(`A stand-in for ${model.vendorName}'s create endpoint. It accepts the credentials of \`fixtures.context\` unless \`options.context\` says otherwise (\`options\` also sets its body size limit and how many customers it remembers); \`mock.fetch\` goes to \`createCustomer\`'s \`options.fetch\`, or serve it with \`startMockServer\` from \`@customer-adapters/runtime/mock-server\`.`)}\nexport function createMock(options: MockOptions = {}): MockVendor {\n  return createMockVendor(mockDefinition, options);\n}`,
  ]);
}

/** A member of the mock's definition, its value printed where it starts. */
function member(name: string, print: (place: Place) => string): string {
  return `  ${name}: ${print({ indent: "  ", column: name.length + 4, after: 1 })},`;
}

/** The mock vendor: `createMock()`, answering as the vendor documents, for tests. */
export const mockOutput: OutputKind = {
  name: "mock",
  summary:
    "`createMock()`: the vendor's stand-in (its credentials, validation, error bodies and duplicates) behind a `fetch` function, for tests; serve it over HTTP with `startMockServer` from `@customer-adapters/runtime/mock-server`.",
  optional: true,
  requires: ["mapper", "fixtures"],
  appliesTo: (model) => model.operation !== undefined && model.mapping !== undefined,
  files: ({ model, canonical }) => [{ path: "src/mock.ts", content: emitMock(model, canonical), verbatim: true }],
  entries: () => [{ subpath: "./mock", source: "src/mock.ts" }],
};
