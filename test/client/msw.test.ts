// The generated msw handlers (`@customer-adapters/<slug>/msw`) under msw's
// setupServer, with the package's own client on the global fetch, sending to
// the vendor's real base URL from its spec: msw intercepts, and an
// unhandled request is an error, so nothing leaves the machine. They answer
// as the mock does: created, invalid (the vendor's error body and code),
// unauthorized, duplicate.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { setupServer } from "msw/node";
import type { HttpHandler } from "msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Customer } from "@customer-adapters/canonical";
import type {
  CreateResult,
  FromResponseResult,
  MappingPlan,
  MockVendor,
  SendOptions,
  ToRequestResult,
  VendorRequest,
} from "@customer-adapters/runtime";
import type { MockHandlerOptions } from "@customer-adapters/runtime/msw";
import { customers } from "../fixtures/customers.js";
import { repoRoot } from "../helpers/cli.js";
import { loadPackage, mappedVendorModels } from "../helpers/package.js";

const vendors = mappedVendorModels();

interface MappedPackage {
  adapter: {
    toRequest(customer: Customer, context: unknown): ToRequestResult<unknown>;
    createCustomer(customer: Customer, context: unknown, options?: SendOptions): Promise<CreateResult>;
    fromResponse(status: number, body: unknown): FromResponseResult;
  };
  fixtures: {
    context: Record<string, unknown>;
    invalid: { name: string; breaks: { path: string }; errors: { vendorCode?: string | number }[]; value: unknown }[];
  };
  mappingPlan: MappingPlan;
  createMock(options?: { context?: Record<string, unknown> }): MockVendor;
  mockDefinition: { credentials: readonly { in: string; name?: string }[] };
}
const load = (slug: string): Promise<MappedPackage> => loadPackage<MappedPackage>(slug);
const loadHandlers = (slug: string): Promise<{ createHandlers(options?: MockHandlerOptions): HttpHandler[] }> =>
  import(`../../generated/${slug}/src/msw.ts`);

/** The spec's first server URL with each variable at its default: where the vendor really answers. */
function specBaseUrl(slug: string): string {
  const spec = parse(readFileSync(join(repoRoot, "specs", `${slug}.yaml`), "utf8")) as {
    servers: { url: string; variables?: Record<string, { default: string }> }[];
  };
  const [server] = spec.servers;
  if (!server) throw new Error(`${slug} has no server`);
  return server.url.replace(/\{([^}]+)\}/g, (_whole, name: string) => server.variables?.[name]?.default ?? "");
}

/** Where the client sends a built request when given `baseUrl`. */
function urlAt(baseUrl: string, request: VendorRequest<unknown>): string {
  const query = new URLSearchParams(request.query).toString();
  return `${baseUrl}${request.path}${query === "" ? "" : `?${query}`}`;
}

const server = setupServer();
const seen: string[] = [];
beforeAll(() => {
  server.events.on("request:start", ({ request }) => seen.push(`${request.method} ${request.url}`));
  // "error": an unhandled request fails (msw prints it) instead of reaching the network.
  server.listen({ onUnhandledRequest: "error" });
});
afterAll(() => server.close());

describe.each(vendors.map((model) => [model.slug] as const))("%s msw handlers", (slug) => {
  let pkg: MappedPackage;
  let handlers: Awaited<ReturnType<typeof loadHandlers>>;
  const baseUrl = specBaseUrl(slug);
  /** Fresh handlers, so that no test sees another's customers. */
  const use = (options?: MockHandlerOptions) => server.resetHandlers(...handlers.createHandlers(options));

  beforeAll(async () => {
    [pkg, handlers] = await Promise.all([load(slug), loadHandlers(slug)]);
  });

  it("answer the client at the vendor's base URL from the spec with a created customer", async () => {
    use();
    seen.length = 0;
    const result = await pkg.adapter.createCustomer(customers.person, pkg.fixtures.context, { baseUrl });
    expect(result).toMatchObject({ ok: true, sent: true });
    if (result.ok) expect(result.id).toMatch(/^\d+$/);
    const built = pkg.adapter.toRequest(customers.person, pkg.fixtures.context);
    if (!built.ok) throw new Error("the person maps");
    expect(seen).toEqual([`${pkg.mappingPlan.method} ${urlAt(baseUrl, built.request)}`]);
  });

  it("answer a body that breaks a vendor rule with the vendor's own error body, as the mock does", async () => {
    use();
    const built = pkg.adapter.toRequest(customers.person, pkg.fixtures.context);
    if (!built.ok) throw new Error("the person maps");
    const credentials = pkg.mockDefinition.credentials
      .filter((check) => check.in === "body")
      .map((check) => check.name);
    const broken =
      pkg.fixtures.invalid.find(
        (fixture) => fixture.errors.length === 1 && fixture.errors[0]?.vendorCode !== undefined,
      ) ?? pkg.fixtures.invalid.find((fixture) => !credentials.includes(fixture.breaks.path));
    if (!broken) throw new Error("no invalid fixture");
    const request = {
      method: built.request.method,
      url: urlAt(baseUrl, built.request),
      headers: { ...built.request.headers, "content-type": "application/json" },
      body: JSON.stringify(broken.value),
    };
    const answer = await fetch(request.url, request);
    const expected = pkg.createMock().handle(request);
    expect(answer.status, broken.name).toBe(expected.status);
    expect(answer.headers.get("content-type")).toBe(expected.headers["content-type"]);
    const body = await answer.text();
    expect(body).toBe(expected.body);
    const code = broken.errors[0]?.vendorCode;
    const documented =
      pkg.mappingPlan.errors.find((error) => String(error.code) === String(code)) ??
      pkg.mappingPlan.errors.find((error) => error.kind === "invalid-field");
    if (!documented) throw new Error(`${slug} documents no error for ${broken.name}`);
    expect(body, "the vendor's error code is in its error body").toContain(String(documented.code));
    expect(pkg.adapter.fromResponse(answer.status, JSON.parse(body))).toMatchObject({
      ok: false,
      errors: [{ kind: documented.kind }],
    });
  });

  it("answer bad credentials as unauthorized, where the mock can see them", async () => {
    use({ context: Object.fromEntries(Object.keys(pkg.fixtures.context).map((key) => [key, `EXPECTED-${key}`])) });
    const result = await pkg.adapter.createCustomer(customers.person, pkg.fixtures.context, { baseUrl });
    // Storm's client certificate is not something a mock sees.
    if (pkg.mockDefinition.credentials.length > 0)
      expect(result).toMatchObject({ ok: false, sent: true, errors: [{ kind: "unauthorized" }] });
    else expect(result.ok).toBe(true);
  });

  it("answer a second create of a customer with the vendor's duplicate error, where it documents one", async () => {
    use();
    const create = () => pkg.adapter.createCustomer(customers.company, pkg.fixtures.context, { baseUrl });
    expect((await create()).ok).toBe(true);
    const second = await create();
    if (pkg.mappingPlan.errors.some((error) => error.kind === "duplicate"))
      expect(second).toMatchObject({ ok: false, errors: [{ kind: "duplicate" }] });
    else expect(second.ok).toBe(true);
  });

  it("answer at options.baseUrl when given, and leave other methods and hosts unhandled", async () => {
    const elsewhere = "https://tenant.example.test/api";
    use({ baseUrl: elsewhere });
    expect(
      await pkg.adapter.createCustomer(customers.person, pkg.fixtures.context, { baseUrl: elsewhere }),
    ).toMatchObject({ ok: true });
    // Unhandled requests are errors under onUnhandledRequest: "error": the client reports them as it reports any
    // fetch failure it cannot prove came before sending (unknown).
    expect(await pkg.adapter.createCustomer(customers.full, pkg.fixtures.context, { baseUrl })).toMatchObject({
      ok: false,
      errors: [{ kind: "unknown" }],
    });
    const built = pkg.adapter.toRequest(customers.person, pkg.fixtures.context);
    if (!built.ok) throw new Error("the person maps");
    await expect(fetch(`${elsewhere}${built.request.path}`, { method: "GET" })).rejects.toThrow();
  });
});
