// The generated client against the generated mock, over real HTTP on
// 127.0.0.1, for every vendor with a mapping: success, a rejected request,
// bad credentials, a duplicate, every content type the vendor accepts, and
// the network failures a client must survive (closed connection, HTML
// answer, timeout, refused connection).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Customer } from "@customer-adapters/canonical";
import type {
  CreateResult,
  MappingPlan,
  MockVendor,
  RootShape,
  SendOptions,
  ToRequestResult,
} from "@customer-adapters/runtime";
import { parseBody, readXml, sendRequest, serializeBody, writeXml } from "@customer-adapters/runtime";
import { startMockServer, type RunningMock } from "@customer-adapters/runtime/mock-server";
import { customers } from "../fixtures/customers.js";
import { loadPackage, mappedVendorModels } from "../helpers/package.js";

const vendors = mappedVendorModels();

interface Fixtures {
  context: Record<string, unknown>;
  invalid: {
    name: string;
    breaks: { path: string };
    errors: { path: string; rule: string; vendorCode?: string | number }[];
    value: unknown;
  }[];
}
interface MappedPackage {
  adapter: {
    toRequest(customer: Customer, context: unknown): ToRequestResult<unknown>;
    createCustomer(customer: Customer, context: unknown, options?: SendOptions): Promise<CreateResult>;
    operation: { requestContentTypes: readonly string[] };
  };
  fixtures: Fixtures;
  mappingPlan: MappingPlan;
  bodyShape: RootShape | undefined;
  createMock(options?: { context?: Record<string, unknown> }): MockVendor;
  mockDefinition: { credentials: readonly { in: string; name?: string }[] };
}
const load = (slug: string): Promise<MappedPackage> => loadPackage<MappedPackage>(slug);

/** A throwaway HTTP server on 127.0.0.1 that misbehaves as told. */
async function misbehaving(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
const stop = (server: Server) =>
  new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())));

describe.each(vendors.map((model) => [model.slug] as const))("%s client and mock", (slug) => {
  let pkg: MappedPackage;
  let mock: MockVendor;
  let running: RunningMock;

  beforeAll(async () => {
    pkg = await load(slug);
    mock = pkg.createMock();
    running = await startMockServer(mock, { quiet: true });
  });
  afterAll(() => running.close());

  it("creates a customer and reads back the mock's new id", async () => {
    const result = await pkg.adapter.createCustomer(customers.person, pkg.fixtures.context, { baseUrl: running.url });
    expect(result).toMatchObject({ ok: true, sent: true });
    if (result.ok) expect(result.id).toMatch(/^\d+$/);
  });

  it("answers a second create of the same customer with the vendor's duplicate error, where it documents one", async () => {
    const again = () => pkg.adapter.createCustomer(customers.company, pkg.fixtures.context, { baseUrl: running.url });
    expect((await again()).ok).toBe(true);
    const second = await again();
    const documented = pkg.mappingPlan.errors.some((error) => error.kind === "duplicate");
    if (documented) expect(second).toMatchObject({ ok: false, errors: [{ kind: "duplicate" }] });
    else expect(second.ok).toBe(true);
  });

  it("answers a request that breaks a vendor rule with the vendor's own error for it", async () => {
    const built = pkg.adapter.toRequest(customers.person, pkg.fixtures.context);
    if (!built.ok) throw new Error("the person maps");
    // A broken credential is answered as unauthorized, not as a field error: pick a rule on customer data.
    const credentials = pkg.mockDefinition.credentials
      .filter((check) => check.in === "body")
      .map((check) => check.name);
    const broken =
      pkg.fixtures.invalid.find(
        (fixture) => fixture.errors.length === 1 && fixture.errors[0]?.vendorCode !== undefined,
      ) ?? pkg.fixtures.invalid.find((fixture) => !credentials.includes(fixture.breaks.path));
    if (!broken) throw new Error("no invalid fixture");
    const code = broken.errors[0]?.vendorCode;
    const expected =
      pkg.mappingPlan.errors.find((error) => String(error.code) === String(code)) ??
      pkg.mappingPlan.errors.find((error) => error.kind === "invalid-field");
    const result = await sendRequest(
      pkg.mappingPlan,
      pkg.bodyShape,
      { ...built.request, body: broken.value },
      { baseUrl: running.url },
    );
    expect(result.ok, broken.name).toBe(false);
    if (!result.ok && result.sent) {
      expect(result.errors[0]?.kind, broken.name).toBe(expected?.kind ?? "invalid-field");
      if (expected?.fields?.length === 1) expect(result.errors[0]?.field).toBe(expected.fields[0]);
    }
  });

  it("answers bad credentials as unauthorized", async () => {
    const strict = await startMockServer(
      pkg.createMock({
        context: Object.fromEntries(Object.keys(pkg.fixtures.context).map((key) => [key, `EXPECTED-${key}`])),
      }),
      { quiet: true },
    );
    try {
      const result = await pkg.adapter.createCustomer(customers.person, pkg.fixtures.context, { baseUrl: strict.url });
      // A vendor whose credentials the mock cannot see (Storm's client certificate) has nothing to refuse here.
      if (pkg.mockDefinition.credentials.length > 0)
        expect(result).toMatchObject({ ok: false, errors: [{ kind: "unauthorized" }] });
      else expect(result.ok).toBe(true);
    } finally {
      await strict.close();
    }
  });

  it("reads every accepted content type back to the same body", async () => {
    const built = pkg.adapter.toRequest(customers.full, pkg.fixtures.context);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    for (const contentType of pkg.adapter.operation.requestContentTypes) {
      const text = serializeBody(built.request.body, pkg.bodyShape, contentType, writeXml);
      expect(parseBody(text, pkg.bodyShape, contentType, readXml), contentType).toEqual(built.request.body);
      // A fresh mock each time, so that the same customer is not a duplicate; the package passes the XML writer itself.
      const fresh = pkg.createMock();
      const result = await pkg.adapter.createCustomer(customers.full, pkg.fixtures.context, {
        fetch: fresh.fetch,
        contentType,
      });
      expect(result.ok, contentType).toBe(true);
      expect(fresh.created, contentType).toEqual([built.request.body]);
    }
  });

  it("refuses, before sending, an XML body the vendor does not take", async () => {
    const takesXml = pkg.adapter.operation.requestContentTypes.some((type) => /xml/i.test(type));
    const fresh = pkg.createMock();
    const result = await pkg.adapter.createCustomer(customers.full, pkg.fixtures.context, {
      fetch: fresh.fetch,
      contentType: "application/xml",
    });
    if (takesXml) expect(result.ok).toBe(true);
    else {
      expect(result).toEqual({
        ok: false,
        sent: false,
        errors: [
          {
            kind: "invalid-options",
            field: "options/contentType",
            message: "options.contentType is XML, which this vendor does not take",
          },
        ],
      });
      expect(fresh.created).toEqual([]);
    }
  });

  it("turns a closed connection, an HTML error page, a timeout and a refused connection into canonical errors", async () => {
    const closing = await misbehaving((request) => request.socket.destroy());
    const html = await misbehaving(
      (_request, response) => (
        response.writeHead(502, { "content-type": "text/html" }), response.end("<html><body>Bad gateway</body></html>")
      ),
    );
    const silent = await misbehaving(() => undefined);
    try {
      const send = (baseUrl: string, extra: SendOptions = {}) =>
        pkg.adapter.createCustomer(customers.person, pkg.fixtures.context, { baseUrl, ...extra });
      // Closed, timed out or cancelled once the request left: the vendor may have made the customer.
      expect(await send(closing.url)).toMatchObject({ ok: false, errors: [{ kind: "unknown" }] });
      expect(await send(html.url)).toMatchObject({ ok: false, status: 502, errors: [{ kind: "unavailable" }] });
      const late = await send(silent.url, { timeoutMs: 200 });
      expect(late).toMatchObject({ ok: false, errors: [{ kind: "unknown" }] });
      expect(!late.ok && late.errors[0]?.message).toMatch(/^timed out/);
      const controller = new AbortController();
      const cancelled = send(silent.url, { signal: controller.signal });
      controller.abort();
      const result = await cancelled;
      expect(result).toMatchObject({ ok: false, errors: [{ kind: "unknown" }] });
      expect(!result.ok && result.errors[0]?.message).toMatch(/^cancelled/);
    } finally {
      await Promise.all([stop(closing.server), stop(html.server), stop(silent.server)]);
    }
    // The port is closed now: the request provably never left, so it is retried, then reported.
    let attempts = 0;
    const refused = await pkg.adapter.createCustomer(customers.person, pkg.fixtures.context, {
      baseUrl: closing.url,
      fetch: (url, init) => (attempts++, fetch(url, init as RequestInit)),
    });
    expect(refused).toMatchObject({ ok: false, errors: [{ kind: "unavailable", message: "connection refused" }] });
    expect(attempts).toBe(3);
  });

  it("keeps credentials out of every error it returns", async () => {
    const secrets = Object.values(pkg.fixtures.context).filter(
      (value): value is string => typeof value === "string" && value.startsWith("FAKE"),
    );
    const strict = await startMockServer(
      pkg.createMock({
        context: Object.fromEntries(Object.keys(pkg.fixtures.context).map((key) => [key, `EXPECTED-${key}`])),
      }),
      { quiet: true },
    );
    try {
      const results = [
        await pkg.adapter.createCustomer(customers.person, pkg.fixtures.context, { baseUrl: strict.url }),
        await pkg.adapter.createCustomer(customers.person, pkg.fixtures.context, { baseUrl: "http://127.0.0.1:9" }),
      ];
      for (const secret of secrets) expect(JSON.stringify(results)).not.toContain(secret);
    } finally {
      await strict.close();
    }
  });
});
