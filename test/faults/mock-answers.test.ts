// Every answer a vendor's mock gives at its endpoint is one the vendor
// documents: a status its spec lists, a body its own response validator
// passes for that status, in the content type the spec gives it. Driven by
// the package's own fixtures: the success, one invalid body per rule, a body
// that is not JSON, wrong credentials and a second create of one customer.
import { describe, expect, it } from "vitest";
import type { Customer } from "@customer-adapters/canonical";
import { createMockVendor } from "@customer-adapters/runtime";
import type {
  InvalidFixture,
  MockDefinition,
  MockOptions,
  MockResponse,
  MockVendor,
  ToRequestResult,
  ValidationResult,
} from "@customer-adapters/runtime";
import { customers } from "../fixtures/customers.js";
import { barePlan } from "../helpers/bare-plan.js";
import { loadPackage, mappedVendorModels } from "../helpers/package.js";

interface MappedPackage {
  toRequest(customer: Customer, context: unknown): ToRequestResult<unknown>;
  validateResponse(status: number, body: unknown): ValidationResult<unknown>;
  fixtures: { context: Record<string, unknown>; invalid: readonly InvalidFixture[] };
  createMock(options?: MockOptions): MockVendor;
  mockDefinition: MockDefinition;
}

const models = mappedVendorModels();

/** The media type of a content-type header. */
const mediaType = (contentType: string | undefined) => (contentType ?? "").split(";")[0]?.trim().toLowerCase();

describe.each(models.map((model) => [model.slug, model] as const))("%s: every mock answer", (slug, model) => {
  it("has a documented status, passes the response validator for it and comes in its content type", async () => {
    const pkg = await loadPackage<MappedPackage>(slug);
    const built = pkg.toRequest(customers.person, pkg.fixtures.context);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const query = new URLSearchParams(built.request.query).toString();
    const base = {
      method: built.request.method,
      url: `${built.request.path}${query ? `?${query}` : ""}`,
      headers: built.request.headers,
      body: JSON.stringify(built.request.body),
    };
    const answers: [string, MockResponse][] = [];
    const mock = pkg.createMock();
    answers.push(["success", mock.handle(base)]);
    answers.push(["duplicate", mock.handle(base)]);
    if (pkg.mockDefinition.credentials.some((check) => !check.optional))
      answers.push(["credentials", pkg.createMock({ context: wrongCredentials(pkg) }).handle(base)]);
    if (built.request.body !== undefined) {
      answers.push(["not JSON", pkg.createMock().handle({ ...base, body: "{not json" })]);
      for (const fixture of pkg.fixtures.invalid)
        answers.push([fixture.name, pkg.createMock().handle({ ...base, body: JSON.stringify(fixture.value) })]);
    }
    const problems: string[] = [];
    for (const [name, answer] of answers) {
      const body = answer.body === "" ? undefined : JSON.parse(answer.body);
      const checked = pkg.validateResponse(answer.status, body);
      // Only the answer HTTP requires to wrong credentials (401) may have a status the vendor does not document.
      const undocumented = !checked.ok && checked.errors[0]?.rule === "status";
      if (!checked.ok && !(undocumented && name === "credentials" && answer.status === 401))
        problems.push(`${name}: ${answer.status} ${JSON.stringify(checked.errors[0])}`);
      const documented = model.operation?.responses.find((response) => response.status === String(answer.status));
      const types = documented?.body?.contentTypes ?? [];
      if (types.length > 0 && !types.includes(mediaType(answer.headers["content-type"]) ?? ""))
        problems.push(`${name}: ${answer.status} in ${answer.headers["content-type"]}, documented ${types.join(", ")}`);
    }
    expect(problems).toEqual([]);
  });
});

/** The fixture context with every credential changed: what the mock must refuse. */
function wrongCredentials(pkg: MappedPackage): Record<string, unknown> {
  const names = pkg.mockDefinition.credentials.flatMap((check) => check.context);
  return Object.fromEntries(names.map((name) => [name, `other-${String(pkg.fixtures.context[name])}`]));
}

describe("a vendor that documents its validation error as a 422 in application/hal+json whose schema requires status", () => {
  const location = { status: "422", code: "/code", message: "/detail" };
  const plan = barePlan({
    response: [{ to: "/id", from: "/id" }],
    errorLocations: [location],
    errors: [
      {
        code: "name_too_long",
        status: 422,
        message: "The name is too long.",
        kind: "invalid-field",
        rules: [{ in: "body", path: "/name", keywords: ["maxLength"] }],
      },
      {
        code: "country_unknown",
        status: 422,
        message: "The country is unknown.",
        kind: "invalid-field",
        rules: [{ in: "body", path: "/country", keywords: ["enum"] }],
      },
      { code: "email_taken", status: 422, message: "The email is taken.", kind: "duplicate", rules: [] },
    ],
  });
  const sample = { status: 422, title: "Unprocessable Entity", code: "validation_failed", detail: "text" };
  const definition = (errorAnswers?: MockDefinition["errorAnswers"]): MockDefinition => ({
    plan,
    shape: undefined,
    credentials: [],
    contentTypes: ["application/json"],
    validateBody: (value) =>
      typeof (value as { email?: unknown }).email === "string"
        ? { ok: true, value }
        : { ok: false, errors: [{ path: "/email", rule: "required", message: "must have required property 'email'" }] },
    validateParameters: {},
    success: { status: 201, body: { id: 1 } },
    context: {},
    ...(errorAnswers === undefined ? {} : { errorAnswers }),
  });
  const request = { method: "POST", url: "/customers", headers: { "content-type": "application/json" }, body: "{}" };

  it("answers a rule no x-errors entry names with its 422, in its shape and content type, never an invented 400", () => {
    const answer = createMockVendor(
      definition({ "422": { contentType: "application/hal+json", body: sample } }),
    ).handle(request);
    expect(answer.status).toBe(422);
    expect(answer.headers["content-type"]).toMatch(/^application\/hal\+json/);
    expect(JSON.parse(answer.body)).toEqual({ ...sample, detail: "must have required property 'email'" });
  });

  it("writes a documented error's code and message into the documented shape", () => {
    const mock = createMockVendor(definition({ "422": { contentType: "application/hal+json", body: sample } }));
    const body = JSON.stringify({ email: "a@b.test" });
    expect(mock.handle({ ...request, body }).status).toBe(201);
    const duplicate = mock.handle({ ...request, body });
    expect(duplicate.status).toBe(422);
    expect(JSON.parse(duplicate.body)).toEqual({ ...sample, code: "email_taken", detail: "The email is taken." });
  });
});
