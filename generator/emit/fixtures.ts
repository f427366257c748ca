import { buildRequest, errorBody, writePointer, type MappingPlan, type RequestValidators } from "../runtime/mapping.js";
import { runValidator, type CompiledValidator } from "../runtime/validation.js";
import { compileSchema } from "../model/validation-schema.js";
import { mappingPlan } from "./mapping.js";
import { buildFixtures, validSamples, type FixtureSet } from "../model/fixtures.js";
import type { SpecModel } from "../model/model.js";
import { Synthesizer } from "../model/samples.js";
import type { Schema } from "../model/schema-walk.js";
import { banner } from "./banner.js";
import { isSuccess, parameterGroups, responseTypeName } from "./names.js";
import { jsDoc } from "./source-file.js";
import { typeName } from "./type-expression.js";
import { runtimeImport } from "./validators.js";

/** One response a consumer can feed to `fromResponse` or `validateResponse`. */
interface ResponseFixture {
  status: number;
  name: string;
  body: unknown;
}

type Json = Record<string, unknown>;


/** The success body (a full sample) and one body per documented vendor error, laid out as its `x-error-body` says. */
function responseFixtures(model: SpecModel): ResponseFixture[] {
  const operation = model.operation;
  if (!operation) return [];
  const synth = new Synthesizer(model, "response");
  const fixtures: ResponseFixture[] = [];
  for (const response of operation.responses.filter((candidate) => isSuccess(candidate.status) && candidate.body)) {
    const body = synth.sample(response.body?.schema as Schema, "full", `/responses/${response.status}`);
    // A success answer that can also carry errors (Caliq's 200 with `OK: false`) is sampled as a success, without issues.
    const when = response.errorBody?.when;
    if (when && typeof when.equals === "boolean") writePointer(body as Json, when.pointer, !when.equals);
    if (when && response.errorBody?.list) writePointer(body as Json, response.errorBody.list, []);
    fixtures.push({ status: Number(response.status), name: "success", body });
  }
  for (const error of operation.errors) {
    const layout = operation.responses.find((response) => response.status === String(error.status))?.errorBody;
    if (!layout) continue;
    fixtures.push({ status: error.status, name: `error ${error.code}`, body: errorBody({ status: String(error.status), ...layout }, error.code, error.message) });
  }
  return fixtures;
}

/** What the package's own mapper makes of the canonical samples, run at generate time with ajv-compiled validators: consumers compare their integration with it. */
function mappedSamples(model: SpecModel, canonical: SpecModel | undefined, context: unknown): { name: string; customer: unknown; result: unknown }[] {
  const operation = model.operation;
  if (!model.mapping || !operation || !canonical) return [];
  const customerRoot = { $ref: "#/components/schemas/Customer" };
  const compile = (owner: SpecModel, schema: Schema) => compileSchema(owner.schemas, schema);
  const checker = (owner: SpecModel, schema: Schema) => {
    const validate = compile(owner, schema);
    return (value: unknown) => runValidator(validate as CompiledValidator, value);
  };
  const validators: RequestValidators = {
    customer: checker(canonical, customerRoot),
    context: model.context ? checker(model, model.context) : undefined,
    body: operation.requestBody ? (compile(model, operation.requestBody.schema) as CompiledValidator) : undefined,
    parameters: Object.fromEntries(parameterGroups(model).filter((group) => group.location !== "cookie").map((group) => [group.location, compile(model, group.schema) as CompiledValidator])),
  };
  const plan = mappingPlan(model) as unknown as MappingPlan;
  return Object.entries(validSamples(canonical, customerRoot, "request"))
    .filter(([name]) => name !== "boundary")
    .map(([name, customer]) => ({ name, customer, result: buildRequest(plan, validators, customer, context) }));
}

interface PackageFixtures {
  /** The request body's (or, for the canonical package, the customer's) fixtures. */
  main: FixtureSet;
  context: unknown;
  responses: ResponseFixture[];
  mapped: { name: string; customer: unknown; result: unknown }[];
}

function fixturesOf(model: SpecModel, canonical: SpecModel | undefined): PackageFixtures {
  if (model.kind === "canonical")
    return { main: buildFixtures(model, { $ref: "#/components/schemas/Customer" }, "/components/schemas/Customer", "request"), context: undefined, responses: [], mapped: [] };
  const body = model.operation?.requestBody?.schema ?? { type: "object" };
  const bodyPointer = model.operation ? `${model.operation.pointer}/requestBody` : "";
  const context = model.context ? new Synthesizer(model, "request", true).sample(model.context, "full", "/context") : undefined;
  return { main: buildFixtures(model, body, bodyPointer, "request", "body"), context, responses: responseFixtures(model), mapped: mappedSamples(model, canonical, context) };
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** `fixtures/*.json` and `src/fixtures.ts`: the same data, for any test runner and as typed imports. */
export function emitFixtures(model: SpecModel, canonical?: SpecModel): { json: { name: string; content: string }[]; module: string } {
  const { main, context, responses, mapped } = fixturesOf(model, canonical);
  const comment = banner(model, "md").replace(/<!--\n|\n-->\n/g, "").replace(/\n/g, " ");
  const withComment = (data: Json) => `${json({ $comment: comment, ...data })}\n`;
  const target = model.kind === "canonical" ? "customer" : "request-body";
  const files = [{ name: `${target}.json`, content: withComment({ valid: main.valid, invalid: main.invalid }) }];
  if (context !== undefined) files.push({ name: "context.json", content: withComment({ context }) });
  if (responses.length > 0) files.push({ name: "responses.json", content: withComment({ responses }) });
  if (mapped.length > 0) files.push({ name: "mapped.json", content: withComment({ context, mapped }) });

  const prefix = model.operation ? typeName(model.operation.id) : "";
  const mainType = model.kind === "canonical" ? "Customer" : model.operation?.requestBody ? `${prefix}RequestBody` : "unknown";
  const successes = responses.filter((response) => isSuccess(String(response.status)));
  const types = [mainType, ...(context !== undefined ? [`${prefix}Context`] : []), ...successes.map((response) => responseTypeName(model, String(response.status)))].filter(
    (name) => name !== "unknown",
  );
  const statements = [
    `import type { ${mapped.length > 0 ? "Customer, InvalidFixture, ToRequestResult" : "InvalidFixture"} } from "${runtimeImport(model)}";`,
    `import type { ${[...new Set(types)].join(", ")} } from "./types.js";`,
    `${jsDoc(`Valid ${model.kind === "canonical" ? "customers" : "request bodies"}: required fields only, every field, and every limit reached (strings at their maximum length in code points, lists at their maximum count, numbers at their bounds).`)}\nexport const valid: { minimal: ${mainType}; full: ${mainType}; boundary: ${mainType} } = ${json(main.valid)};`,
    `${jsDoc("One payload per rule of the schema, each breaking exactly that rule, with the errors the validator reports for it (and the vendor's code where the spec ties the rule to one).")}\nexport const invalid: readonly InvalidFixture[] = ${json(main.invalid)};`,
  ];
  const names = ["valid", "invalid"];
  if (context !== undefined) {
    statements.push(`${jsDoc("A context for `toRequest`, with obviously fake credentials.")}\nexport const context: ${prefix}Context = ${json(context)};`);
    names.push("context");
  }
  if (responses.length > 0) {
    const success = successes[0];
    if (success) {
      statements.push(`${jsDoc(`The success answer (${success.status}), as a full sample.`)}\nexport const successResponse: { status: ${success.status}; body: ${responseTypeName(model, String(success.status))} } = ${json({ status: success.status, body: success.body })};`);
      names.push("successResponse");
    }
    statements.push(`${jsDoc("One answer per documented vendor error, laid out as the vendor sends it.")}\nexport const errorResponses: readonly { status: number; name: string; body: unknown }[] = ${json(responses.filter((response) => !isSuccess(String(response.status))))};`);
    names.push("errorResponses");
  }
  if (mapped.length > 0) {
    statements.push(`${jsDoc("Canonical customers (the canonical package's minimal and full samples) and what `toRequest` makes of them with `context`: the request, or the errors.")}\nexport const mapped: readonly { name: string; customer: Customer; result: ToRequestResult<${mainType}> }[] = ${json(mapped)};`);
    names.push("mapped");
  }
  statements.push(`${jsDoc("Every fixture of the package, also on `adapter.fixtures`.")}\nexport const fixtures = { ${names.join(", ")} };`);
  // Mostly data: written as it should read (JSON.stringify layout), without a printer or formatter pass over 100 KB of literals.
  const [first, second, ...rest] = statements;
  return { json: files, module: `${first}\n${second}\n\n${rest.join("\n\n")}\n` };
}
