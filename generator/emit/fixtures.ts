import { buildRequest, errorBody, writePointer, type MappingPlan } from "@customer-adapters/runtime/mapping";
import { requestValidators } from "./request-validators.js";
import { compileSchema } from "../model/validation-schema.js";
import { mappingPlan } from "../model/mapping-plan.js";
import {
  buildFixtures,
  reportSampleProblems,
  takeSampleProblems,
  validSamples,
  type FixtureSet,
  type SampleProblem,
  type ValidSamples,
} from "../model/fixtures.js";
import type { SpecModel } from "../model/model.js";
import { escapePointerPart } from "../core/pointer.js";
import { errorAnswers } from "../model/error-answers.js";
import type { Schema } from "../core/schema-walk.js";
import { banner } from "./banner.js";
import { concreteStatus, isSuccess, responseTypeName } from "./names.js";
import { jsDoc, printStatements } from "./source-file.js";
import { typeName } from "./type-expression.js";
import { canonicalModule, importTypes, runtimeModule } from "./imports.js";
import type { OutputKind, PackageFile } from "./output-kind.js";
import { fitOrBreak, printJsonFile } from "./final-layout.js";

/** One response a consumer can feed to `fromResponse` or `validateResponse`. */
interface ResponseFixture {
  status: number;
  name: string;
  body: unknown;
}

type Json = Record<string, unknown>;

/** The success body (a full sample) and one body per documented vendor error, laid out as its `x-error-body` says; a success body that cannot be made is a problem, and left out. */
function responseFixtures(model: SpecModel, problems: SampleProblem[]): ResponseFixture[] {
  const operation = model.operation;
  if (!operation) return [];
  const fixtures: ResponseFixture[] = [];
  for (const response of operation.responses.filter((candidate) => isSuccess(candidate.status) && candidate.body)) {
    const schema = response.body?.schema as Schema;
    const pointer = `${operation.pointer}/responses/${escapePointerPart(response.status)}`;
    const made = validSamples(model, schema, "response", pointer, {
      path: `/responses/${response.status}`,
      modes: ["full"],
    });
    problems.push(...made.problems);
    const body = made.valid.full;
    if (body === undefined) continue;
    // A success answer that can also carry errors (Caliq's 200 with `OK: false`) is sampled as a success, without issues.
    const when = response.errorBody?.when;
    if (when && typeof when.equals === "boolean") writePointer(body as Json, when.pointer, !when.equals);
    if (when && response.errorBody?.list) writePointer(body as Json, response.errorBody.list, []);
    const validate = compileSchema(model.schemas, schema);
    if (!validate(body)) {
      problems.push({
        pointer,
        message: "no success sample both passes this schema and reads as a success: the fixture is left out",
      });
      continue;
    }
    fixtures.push({ status: concreteStatus(response.status), name: "success", body });
  }
  const answers = errorAnswers(model);
  for (const error of operation.errors) {
    const layout = operation.responses.find((response) => response.status === String(error.status))?.errorBody;
    if (!layout) continue;
    fixtures.push({
      status: error.status,
      name: `error ${error.code}`,
      body: errorBody(
        { status: String(error.status), ...layout },
        error.code,
        error.message,
        answers[String(error.status)]?.body,
      ),
    });
  }
  return fixtures;
}

/** The canonical customer's samples, made once: each vendor's mapped samples start from the same ones (read, never changed). */
const customerSamplesMade = new WeakMap<SpecModel, ValidSamples>();

function customerSamples(canonical: SpecModel): ValidSamples {
  let samples = customerSamplesMade.get(canonical);
  if (!samples) {
    samples = validSamples(canonical, { $ref: "#/components/schemas/Customer" }, "request").valid;
    customerSamplesMade.set(canonical, samples);
  }
  return samples;
}

/** What the package's own mapper makes of the canonical samples, run at generate time with ajv-compiled validators: consumers compare their integration with it. */
function mappedSamples(
  model: SpecModel,
  canonical: SpecModel | undefined,
  context: unknown,
): { name: string; customer: unknown; result: unknown }[] {
  const operation = model.operation;
  if (!model.mapping || !operation || !canonical) return [];
  const validators = requestValidators(model, canonical);
  const plan = mappingPlan(model) as unknown as MappingPlan;
  return Object.entries(customerSamples(canonical))
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

/** Each model's fixtures, made once: `fixtures.ts` and the mock (which imports what it exports) both read them. */
const made = new WeakMap<SpecModel, { canonical: SpecModel | undefined; fixtures: PackageFixtures }>();

function fixturesOf(model: SpecModel, canonical: SpecModel | undefined): PackageFixtures {
  const known = made.get(model);
  if (known && known.canonical === canonical) return known.fixtures;
  const fixtures = makeFixtures(model, canonical);
  made.set(model, { canonical, fixtures });
  return fixtures;
}

function makeFixtures(model: SpecModel, canonical: SpecModel | undefined): PackageFixtures {
  if (model.kind === "canonical") {
    const main = buildFixtures(
      model,
      { $ref: "#/components/schemas/Customer" },
      "/components/schemas/Customer",
      "request",
    );
    reportSampleProblems(model, main.problems);
    return { main, context: undefined, responses: [], mapped: [] };
  }
  const body = model.operation?.requestBody?.schema ?? { type: "object" };
  const bodyPointer = model.operation ? `${model.operation.pointer}/requestBody` : "";
  const examples = (model.operation?.requestBody?.examples ?? [])
    .filter((example) => example.expect !== "invalid")
    .map((example) => example.value);
  const main = buildFixtures(model, body, bodyPointer, "request", "body", examples);
  const problems = [...main.problems];
  // Values that travel in HTTP headers: ASCII only.
  const contextSamples = model.context
    ? validSamples(model, model.context, "request", "/x-context", { ascii: true, path: "/context", modes: ["full"] })
    : undefined;
  problems.push(...(contextSamples?.problems ?? []));
  const context = contextSamples?.valid.full;
  const responses = responseFixtures(model, problems);
  reportSampleProblems(model, problems);
  return { main, context, responses, mapped: mappedSamples(model, canonical, context) };
}

/** The samples the fixtures cannot make of a model's schemas (each left out of the package with a warning): what lint reports. */
export function fixtureProblems(model: SpecModel): SampleProblem[] {
  takeSampleProblems(model);
  makeFixtures(model, undefined);
  return takeSampleProblems(model);
}

/** A fixture file's data with the banner as its `$comment`, in its final layout. */
function dataFile(model: SpecModel, name: string, data: Json): PackageFile {
  const comment = banner(model, "md")
    .replace(/<!--\n|\n-->\n/g, "")
    .replace(/\n/g, " ");
  return { path: `src/fixtures/${name}`, content: printJsonFile({ $comment: comment, ...data }), verbatim: true };
}

/** The success answer `fixtures.ts` exports as `successResponse`: the first documented success with a body, when a sample of it could be made. */
function successFixture(model: SpecModel, responses: ResponseFixture[]) {
  const success = responses.find((response) => isSuccess(String(response.status)));
  // The type is the documented status's (`2XX` too), the first success with a body, as in responseFixtures.
  const documented = model.operation?.responses.find((response) => isSuccess(response.status) && response.body);
  return success && documented ? { success, type: responseTypeName(model, documented.status) } : undefined;
}

/** Which of `context` and `successResponse` the package's `fixtures.ts` exports (a sample that could not be made is left out). */
export function fixtureExports(
  model: SpecModel,
  canonical?: SpecModel,
): { context: boolean; successResponse: boolean } {
  const { context, responses } = fixturesOf(model, canonical);
  return { context: context !== undefined, successResponse: successFixture(model, responses) !== undefined };
}

/**
 * `src/fixtures/*.json` (the data, stored once) and `src/fixtures.ts`, a small
 * module that gives it types: the JSON was checked against the package's
 * own validators when it was generated, which is what the casts rely on.
 */
export function emitFixtures(model: SpecModel, canonical?: SpecModel): PackageFile[] {
  const { main, context, responses, mapped } = fixturesOf(model, canonical);
  const target = model.kind === "canonical" ? "customer" : "request-body";
  const successExport = successFixture(model, responses);
  const success = successExport?.success;
  const errors = responses.filter((response) => !isSuccess(String(response.status)));
  const files = [dataFile(model, `${target}.json`, { valid: main.valid, invalid: main.invalid })];
  if (context !== undefined) files.push(dataFile(model, "context.json", { context }));
  if (responses.length > 0) files.push(dataFile(model, "responses.json", { ...(success ? { success } : {}), errors }));
  if (mapped.length > 0) files.push(dataFile(model, "mapped.json", { mapped }));

  const prefix = model.operation ? typeName(model.operation.id) : "";
  const mainType =
    model.kind === "canonical" ? "Customer" : model.operation?.requestBody ? `${prefix}RequestBody` : "unknown";
  const successType = successExport?.type;
  const contextType = `${prefix}Context`;
  const ownTypes = [
    mainType,
    ...(context !== undefined ? [contextType] : []),
    ...(successType ? [successType] : []),
  ].filter((name) => name !== "unknown");
  const dataName = (file: PackageFile) =>
    `${(file.path.split("/").pop() as string).replace(/\.json$/, "").replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())}File`;
  const statements = [
    importTypes(runtimeModule("validation"), ["InvalidFixture"]),
    ...(mapped.length > 0
      ? [importTypes(runtimeModule("mapping"), ["ToRequestResult"]), importTypes(canonicalModule(model), ["Customer"])]
      : []),
    ...(ownTypes.length > 0 ? [importTypes("./types.js", ownTypes)] : []),
    ...files.map(
      (file) => `import ${dataName(file)} from "./${file.path.slice("src/".length)}" with { type: "json" };`,
    ),
    `${jsDoc(`Valid ${model.kind === "canonical" ? "customers" : "request bodies"}: required fields only, every field, and every limit reached (strings at their maximum length in code points, lists at their maximum count, numbers at their bounds).`)}\n${castTo(
      `export const valid = ${dataName(files[0] as PackageFile)}.valid as unknown as `,
      Object.keys(main.valid).map((mode) => `${mode}: ${mainType}`),
    )}`,
    `${jsDoc("One payload per rule of the schema, each breaking exactly that rule, with the errors the validator reports for it (and the vendor's code where the spec ties the rule to one).")}\nexport const invalid = ${dataName(files[0] as PackageFile)}.invalid as readonly InvalidFixture[];`,
  ];
  if (context !== undefined)
    statements.push(
      `${jsDoc("A context for `toRequest`, with obviously fake credentials.")}\nexport const context = contextFile.context as ${contextType};`,
    );
  if (success && successType)
    statements.push(
      `${jsDoc(`The success answer (${success.status}), as a full sample.`)}\n${castTo("export const successResponse = responsesFile.success as unknown as ", [`status: ${success.status}`, `name: "success"`, `body: ${successType}`])}`,
    );
  if (responses.length > 0)
    statements.push(
      `${jsDoc("One answer per documented vendor error, laid out as the vendor sends it.")}\nexport const errorResponses: readonly { status: number; name: string; body: unknown }[] = responsesFile.errors;`,
    );
  if (mapped.length > 0)
    statements.push(
      `${jsDoc("Canonical customers (the canonical package's minimal and full samples) and what `toRequest` makes of them with `context`: the request, or the errors.")}\n${castTo("export const mapped = mappedFile.mapped as unknown as readonly ", ["name: string", "customer: Customer", `result: ToRequestResult<${mainType}>`], "[];")}`,
    );
  return [...files, { path: "src/fixtures.ts", content: printStatements(statements), verbatim: true }];
}

/** `head` followed by an object type with `members`, on one line when it fits, then `tail`. */
function castTo(head: string, members: string[], tail = ";"): string {
  const type = fitOrBreak(
    "{",
    members,
    "}",
    { indent: "", column: head.length, after: tail.length },
    { separator: ";" },
  );
  return `${head}${type}${tail}`;
}

/** Fixtures: valid and invalid payloads, a fake context, the documented answers and the mapper's output on the canonical samples. */
export const fixturesOutput: OutputKind = {
  name: "fixtures",
  summary:
    "Test data, as JSON and as typed constants: valid payloads (minimal, full, at every limit), one invalid payload per rule with the errors it must give, a context with fake credentials, every documented answer, and what the mapper makes of the canonical samples.",
  optional: true,
  appliesTo: () => true,
  files: ({ model, canonical }) => emitFixtures(model, canonical),
  entries: () => [
    { subpath: "./fixtures", source: "src/fixtures.ts" },
    { subpath: "./fixtures/*.json", source: "src/fixtures/*.json" },
  ],
};
