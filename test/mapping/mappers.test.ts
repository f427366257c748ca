// Behaviour of the generated mappers: every vendor with an `x-mapping` maps
// the canonical customers to a request its own validator accepts (golden
// files under __snapshots__/), reports what does not fit instead of losing
// it, and reads every documented answer back as a canonical result.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Customer } from "@customer-adapters/canonical";
import {
  readPointer,
  type FromResponseResult,
  type MappingPlan,
  type ToRequestResult,
} from "@customer-adapters/runtime";
import { schemasAt } from "../../generator/model/check-model.js";
import { loadAll } from "../../generator/pipeline.js";
import { customers } from "../fixtures/customers.js";
import { repoRoot } from "../helpers/cli.js";
import { loadPackage, mappedVendorModels } from "../helpers/package.js";

const vendors = mappedVendorModels();

interface MappedPackage {
  adapter: {
    isRequest(value: unknown): boolean;
    toRequest(customer: Customer, context: unknown): ToRequestResult<unknown>;
    fromResponse(status: number, body: unknown): FromResponseResult;
  };
  mappingPlan: MappingPlan;
  fixtures: { context?: Record<string, unknown> };
}
const load = (slug: string): Promise<MappedPackage> => loadPackage<MappedPackage>(slug);

/** JTL's context for the detailed tests; every vendor's generic tests use its generated fixture context. */
const jtlContext = {
  appId: "CustomerAdapters/1.0.0",
  appVersion: "1.0.0",
  accessToken: "FAKE-TOKEN-0000",
  apiKey: "00000000-0000-4000-8000-000000000000",
  tenantId: "00000000-0000-4000-8000-000000000001",
  customerGroupId: 0,
  internalCompanyId: 1,
  defaultLanguageIso: "DE",
};

/** Sets `value` at a JSON pointer, creating objects on the way (test data only). */
function put(root: Record<string, unknown>, pointer: string, value: unknown): void {
  const keys = pointer.split("/").slice(1);
  let node = root;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1] as string] = value;
}

it("maps every vendor: each spec declares a mapping", () => {
  const all = loadAll(join(repoRoot, "specs"), repoRoot).filter((model) => model.kind === "vendor");
  expect(vendors.map((model) => model.slug)).toEqual(all.map((model) => model.slug));
});

describe.each(vendors.map((model) => [model.slug, model] as const))("%s mapper", async (slug, model) => {
  const context = slug === "jtl" ? jtlContext : ((await load(slug)).fixtures.context ?? {});

  it.each(Object.entries(customers))(
    "maps the %s customer to a request its own validator accepts (golden file)",
    async (name, customer) => {
      const { adapter } = await load(slug);
      const result = adapter.toRequest(customer, context);
      // Credentials stay out of snapshots, even fake ones.
      const redacted = JSON.stringify(
        result,
        (key, value) => (/^(authorization|password|apikey|x-api-key|token)$/i.test(key) ? "[redacted]" : value),
        2,
      );
      await expect(`${redacted}\n`).toMatchFileSnapshot(`__snapshots__/${slug}/${name}.json`);
      if (result.ok) {
        expect(adapter.isRequest(result.request.body)).toBe(true);
        expect(result.request.method).toBe(model.operation?.method);
      } else for (const error of result.errors) expect(["does-not-fit", "no-place"]).toContain(error.kind);
    },
  );

  it("rejects a customer that breaks the canonical schema, naming the canonical field", async () => {
    const { adapter } = await load(slug);
    const result = adapter.toRequest({ ...customers.person, email: "not an e-mail" }, context);
    expect(result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ kind: "invalid-customer", field: "/email", rule: "format" })],
    });
  });

  it("rejects a context that breaks the vendor's x-context", async () => {
    const { adapter } = await load(slug);
    const result = adapter.toRequest(customers.person, { ...context, notAContextField: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((error) => [error.kind, error.rule])).toEqual([
        ["invalid-context", "additionalProperties"],
      ]);
  });

  it("never throws, whatever it is given", async () => {
    const { adapter } = await load(slug);
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error("boom");
        },
        ownKeys: () => {
          throw new Error("boom");
        },
      },
    );
    for (const input of [
      null,
      undefined,
      42,
      "x",
      [],
      hostile,
      JSON.parse('{"__proto__": {"polluted": true}, "kind": "person"}'),
    ]) {
      const result = adapter.toRequest(input as Customer, context);
      expect(result.ok).toBe(false);
      expect(adapter.fromResponse(200, input).ok).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reads each documented vendor error as its canonical kind", async () => {
    const { adapter, mappingPlan } = await load(slug);
    for (const error of mappingPlan.errors) {
      const location = mappingPlan.errorLocations.find((candidate) => candidate.status === String(error.status));
      if (!location) continue;
      const item: Record<string, unknown> = {};
      put(item, location.code, error.code);
      // ASP.NET's error body has only a message, which is also its code.
      const ownMessage = location.message !== undefined && location.message !== location.code;
      if (ownMessage && location.message) put(item, location.message, "the vendor's message");
      const body: Record<string, unknown> = location.list ? {} : item;
      if (location.list) put(body, location.list, [item]);
      if (location.when) put(body, location.when.pointer, location.when.equals);
      const result = adapter.fromResponse(error.status, body);
      expect(result.ok, String(error.code)).toBe(false);
      if (!result.ok) {
        expect(result.errors[0]).toMatchObject({
          kind: error.kind,
          code: error.code,
          message: ownMessage ? "the vendor's message" : String(error.code),
        });
        if (error.fields?.length === 1) expect(result.errors[0]?.field).toBe(error.fields[0]);
      }
    }
  });

  it("reads an unexpected answer as an error, never as a success", async () => {
    const { adapter } = await load(slug);
    expect(adapter.fromResponse(503, "<html>Service Unavailable</html>")).toMatchObject({
      ok: false,
      status: 503,
      errors: [{ kind: "unavailable" }],
    });
    expect(adapter.fromResponse(418, null)).toMatchObject({ ok: false, errors: [{ kind: "unknown" }] });
    expect(adapter.fromResponse(201, {})).toMatchObject({ ok: false });
  });

  it("round trip: customer → request → the success answer the vendor documents → canonical id", async () => {
    const { adapter, mappingPlan } = await load(slug);
    const built = adapter.toRequest(customers.person, context);
    expect(built.ok).toBe(true);
    const success = model.operation?.responses.find((response) => response.status.startsWith("2"));
    const idField = mappingPlan.response.find((mapping) => mapping.to === "/id")?.from as string;
    const documented = success?.body?.examples.find((example) => example.expect !== "invalid")?.value ?? {};
    const answer = structuredClone(documented) as Record<string, unknown>;
    if (readPointer(answer, idField) === undefined) put(answer, idField, 4711);
    const result = adapter.fromResponse(Number(success?.status), answer);
    expect(result).toMatchObject({ ok: true, id: String(readPointer(answer, idField)) });
  });
});

describe("jtl mapping in detail", () => {
  const context = jtlContext;

  it("sends the app headers, the bearer token, the API key and the body to the default host", async () => {
    const { adapter } = await load("jtl");
    const result = adapter.toRequest(customers.person, context);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.request).toMatchObject({
      method: "POST",
      url: "https://{host}/v1/customers".replace("{host}", "api.jtl-cloud.com/erp"),
      headers: {
        "x-appid": "CustomerAdapters/1.0.0",
        "x-appversion": "1.0.0",
        "x-tenant-id": jtlContext.tenantId,
        "x-api-key": jtlContext.apiKey,
        authorization: "Bearer FAKE-TOKEN-0000",
        "content-type": "application/json",
      },
      query: {},
    });
    expect(result.request.body).toMatchObject({
      BillingAddress: {
        FormOfAddress: "Frau",
        FirstName: "Anna",
        LastName: "Müller",
        Street: "Hauptstraße 1",
        City: "Hückelhoven",
        PostalCode: "41836",
        CountryIso: "DE",
        MobilePhoneNumber: "+4915550000001",
        EmailAddress: "anna.mueller@example.com",
      },
      Birthday: "1985-01-01",
      LanguageIso: "de",
    });
  });

  it("takes the host from the context when given", async () => {
    const { adapter } = await load("jtl");
    const result = adapter.toRequest(customers.person, { ...context, host: "erp.example.test" });
    expect(result.ok && result.request.url).toBe("https://erp.example.test/v1/customers");
  });

  it("reports a third address line and a phone type it has no field for, instead of dropping them", async () => {
    const { adapter } = await load("jtl");
    const customer: Customer = {
      ...customers.person,
      phones: [
        { type: "mobile", number: "+4915550000001" },
        { type: "other", number: "+4930555000002" },
      ],
      billingAddress: { lines: ["Hauptstraße 1", "Hinterhaus", "3. OG"], city: "Berlin", country: "DE" },
    };
    const result = adapter.toRequest(customer, context);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((error) => [error.kind, error.field])).toEqual([
        ["no-place", "/billingAddress/lines/2"],
        ["no-place", "/phones/1"],
      ]);
  });

  it("uses a work number where there is no landline, and keeps the landline first when both exist", async () => {
    const { adapter } = await load("jtl");
    const work = adapter.toRequest(
      { ...customers.person, phones: [{ type: "work", number: "+4930555000003" }] },
      context,
    );
    expect(
      work.ok && (work.request.body as { BillingAddress: { PhoneNumber: string } }).BillingAddress.PhoneNumber,
    ).toBe("+4930555000003");
    const both = adapter.toRequest(
      {
        ...customers.person,
        phones: [
          { type: "work", number: "+4930555000003" },
          { type: "landline", number: "+4930555000004" },
        ],
      },
      context,
    );
    // Both are phones JTL has one field for: the work number has no place once the landline took it.
    expect(both.ok).toBe(false);
    if (!both.ok) expect(both.errors.map((error) => error.field)).toEqual(["/phones/0"]);
  });

  it("reads the created customer back", async () => {
    const { adapter } = await load("jtl");
    expect(
      adapter.fromResponse(201, { Id: 42, Number: "C1005486", CustomerSince: "2023-02-01T13:30:00.0000000+00:00" }),
    ).toEqual({
      ok: true,
      id: "42",
      number: "C1005486",
      createdAt: "2023-02-01T13:30:00.0000000+00:00",
    });
    expect(adapter.fromResponse(201, { Id: 42, Number: null })).toEqual({ ok: true, id: "42" });
  });

  it("names the fields of JTL's ValidationErrors, the vendor's and the canonical one", async () => {
    const { adapter } = await load("jtl");
    const result = adapter.fromResponse(400, {
      ErrorCode: "E1",
      ErrorMessage: "The sent data is invalid.",
      ValidationErrors: { "Shipmentaddress.PostalCode": "Too long." },
    });
    expect(result).toEqual({
      ok: false,
      status: 400,
      errors: [
        {
          kind: "invalid-field",
          code: "E1",
          message: "Too long.",
          vendorField: "Shipmentaddress.PostalCode",
          field: "/shippingAddress/postalCode",
        },
      ],
    });
  });

  it("sends the context's language when the customer has none", async () => {
    const { adapter } = await load("jtl");
    const { language: _none, ...customer } = customers.person;
    const result = adapter.toRequest(customer, context);
    expect(result.ok && (result.request.body as { LanguageIso: string }).LanguageIso).toBe("DE");
  });
});

describe("caliq mapping in detail", () => {
  it("sends the API key in the body, the country as ISO alpha-3, and a blank account number for Caliq to fill", async () => {
    const { adapter, fixtures } = await load("caliq");
    const result = adapter.toRequest(customers.person, fixtures.context);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.request.headers.authorization).toBeUndefined();
    expect(result.request.body).toMatchObject({
      apiKey: fixtures.context?.apiKey,
      Country: "DEU",
      AccountNo: "",
      AllowInvoices: true,
      AllowDeliveries: true,
      Firstname: "Anna",
      Surname: "Müller",
    });
  });

  it("reports a name longer than Caliq holds, naming both fields and the limit", async () => {
    const { adapter, fixtures } = await load("caliq");
    const long: Customer = {
      ...customers.person,
      person: { givenName: "Maximiliane-Alexandra", familyName: "Müller" },
    };
    const result = adapter.toRequest(long, fixtures.context);
    expect(result).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          kind: "does-not-fit",
          field: "/person/givenName",
          vendorField: "/body/Firstname",
          rule: "maxLength",
          limit: 20,
        }),
      ],
    });
  });

  it("needs a currency, from the customer or the context's default", async () => {
    const { adapter, fixtures } = await load("caliq");
    const { defaultCurrency: _unused, ...withoutDefault } = fixtures.context ?? {};
    const missing = adapter.toRequest(customers.person, withoutDefault);
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.errors).toEqual([expect.objectContaining({ vendorField: "/body/Currency", rule: "required" })]);
    expect(adapter.toRequest({ ...customers.person, currency: "EUR" }, withoutDefault).ok).toBe(true);
  });

  it("reads a 200 with OK false as a failure, one error per issue", async () => {
    const { adapter } = await load("caliq");
    const failed = adapter.fromResponse(200, {
      CustomerCreateData: {
        OK: false,
        CustomerCreateIssues: [
          { ID: 29, Message: "Account number in use" },
          { ID: 40, Message: "Bad e-mail" },
        ],
      },
    });
    expect(failed).toEqual({
      ok: false,
      status: 200,
      errors: [
        { kind: "invalid-field", code: 29, message: "Account number in use" },
        { kind: "invalid-field", code: 40, message: "Bad e-mail" },
      ],
    });
    expect(adapter.fromResponse(200, { CustomerCreateData: { OK: true, AccountID: 77, AccountNo: "ACC77" } })).toEqual({
      ok: true,
      id: "77",
      number: "ACC77",
    });
    expect(adapter.fromResponse(401, { Message: "Not Authorised" })).toMatchObject({
      ok: false,
      errors: [{ kind: "unauthorized" }],
    });
  });
});

/** Vendor fields with a length limit that one canonical text field feeds as it is. */
async function limitedFields(slug: string) {
  const { mappingPlan } = await load(slug);
  const model = vendors.find((candidate) => candidate.slug === slug);
  if (!model) return [];
  const body = model.operation?.requestBody?.schema ?? {};
  const fields = ["/person/givenName", "/person/familyName", "/person/title", "/email", "/customerNumber"];
  return mappingPlan.request
    .filter(
      (mapping) =>
        typeof mapping.from === "string" &&
        fields.includes(mapping.from) &&
        mapping.transform === undefined &&
        mapping.when === undefined &&
        mapping.to.startsWith("/body/"),
    )
    .map((mapping) => ({
      mapping,
      limit: schemasAt(model, body, mapping.to.slice("/body".length))
        .map((schema) => schema.maxLength)
        .find((max): max is number => typeof max === "number"),
    }))
    .filter((entry): entry is { mapping: (typeof entry)["mapping"]; limit: number } => entry.limit !== undefined);
}

/** A text of a length, in code points; an e-mail keeps its reserved domain. */
const textOf = (field: string, length: number) =>
  field === "/email" ? `${"a".repeat(length - 12)}@example.com` : "é".repeat(length);

function customerWith(field: string, value: string): Customer {
  const customer = structuredClone(customers.person);
  if (field === "/email") return { ...customer, email: value };
  if (field === "/customerNumber") return { ...customer, customerNumber: value };
  const person = customer.person ?? { givenName: "x", familyName: "x" };
  return { ...customer, person: { ...person, [field.slice("/person/".length)]: value } };
}

/** The canonical schema's own limits: a vendor limit at or above them cannot be passed by a valid customer. */
const CANONICAL_LIMITS: Record<string, number> = {
  "/email": 320,
  "/person/title": 50,
  "/customerNumber": 50,
  "/person/givenName": 100,
  "/person/familyName": 100,
};

it("finds vendor limits on mapped canonical fields to test", async () => {
  const counts = await Promise.all(vendors.map((model) => limitedFields(model.slug).then((list) => list.length)));
  expect(counts.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(5);
});

describe.each(vendors.map((model) => [model.slug] as const))("%s at its limits", (slug) => {
  it("maps a value exactly at each limit, and reports one past it naming both fields and the limit", async () => {
    const { adapter, fixtures } = await load(slug);
    const context = slug === "jtl" ? jtlContext : (fixtures.context ?? {});
    for (const { mapping, limit } of await limitedFields(slug)) {
      const field = mapping.from as string;
      if (limit >= (CANONICAL_LIMITS[field] ?? 0)) continue;
      expect(
        adapter.toRequest(customerWith(field, textOf(field, limit)), context).ok,
        `${slug} ${field} at ${limit}`,
      ).toBe(true);
      expect(
        adapter.toRequest(customerWith(field, textOf(field, limit + 1)), context),
        `${slug} ${field} at ${limit + 1}`,
      ).toEqual({
        ok: false,
        errors: [
          expect.objectContaining({ kind: "does-not-fit", field, vendorField: mapping.to, rule: "maxLength", limit }),
        ],
      });
    }
  });
});
