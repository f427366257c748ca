// specs/jtl.yaml against seeds/jtl.txt, vendor-notes.md and JTL's own OpenAPI
// document (vendor-sources/jtl/EXTRACT_post_customers_v1.0.json, cut from
// sebastian-jtl_demoApp/_files_wawiApi_openapi.json): models, required
// fields and limits read from the vendor's file itself, the error body as the
// mapper reads it, the auth, the tenant header and the workflow flag as the
// mapper sends them and the mock checks them.
import { describe, expect, it } from "vitest";
import type { Customer } from "@customer-adapters/canonical";
import type { FromResponseResult, MockVendor, ToRequestResult } from "@customer-adapters/runtime";
import { customers } from "../fixtures/customers.js";
import { loadPackage } from "../helpers/package.js";
import { at, compileAt, readSpec, readVendorSource, type Json, type RuleHit } from "../helpers/spec.js";

const EXTRACT = "EXTRACT_post_customers_v1.0.json";
const WHOLE = "sebastian-jtl_demoApp/_files_wawiApi_openapi.json";
const vendor = readVendorSource("jtl", EXTRACT);
const spec = readSpec("jtl");
const operation = at(spec, "/paths/~1v1~1customers/post");

const validateRequest = compileAt("jtl", "/components/schemas/CreateCustomer");
const validateResponse = compileAt("jtl", "/components/schemas/Customer");
const validateError = compileAt("jtl", "/components/schemas/ErrorResponse");
const validateContext = compileAt("jtl", "/x-context");
const hit = (path: string, keyword: string): RuleHit => ({ path, keyword });

interface JtlPackage {
  adapter: {
    toRequest(customer: Customer, context: unknown): ToRequestResult<Json>;
    fromResponse(status: number, body: unknown): FromResponseResult;
  };
  createMock(options?: { context?: Record<string, unknown> }): MockVendor;
}
const load = (): Promise<JtlPackage> => loadPackage<JtlPackage>("jtl");

const context = {
  appId: "CustomerAdapters/1.0.0",
  appVersion: "1.0.0",
  tenantId: "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
  apiKey: "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
  accessToken: "FAKE-TOKEN-0000",
  customerGroupId: 0,
  internalCompanyId: 1,
};
/** The vendor's own example values (EXTRACT_post_customers_v1.0.json), the spec's `fromVendorDocument` example. */
const vendorExample = (): Json =>
  structuredClone(at(operation, "/requestBody/content/application~1json/examples/fromVendorDocument/value"));

describe(`jtl request models against ${EXTRACT}`, () => {
  const models = ["CreateCustomer", "CreateAddress", "CreateOtherAddresses", "CreatePaymentSettings"];

  it("the vendor's own example values make a valid request", () => {
    expect(at(operation, "/requestBody/content/application~1json/examples/fromVendorDocument/x-expect")).toBe("valid");
    expect(validateRequest(vendorExample())).toEqual([]);
  });

  it.each(models)("%s has the vendor's fields, in the vendor's order (plus the seed's LastChange)", (model) => {
    const own = Object.keys(vendor.schemas[model].properties);
    const ours = Object.keys(at(spec, `/components/schemas/${model}/properties`));
    expect(ours.filter((field) => field !== "LastChange")).toEqual(own);
  });

  it("CreateCustomer rejects a request without each field the vendor requires, and the seed's bare examples", () => {
    expect(vendor.schemas.CreateCustomer.required).toEqual([
      "CustomerGroupId",
      "BillingAddress",
      "LanguageIso",
      "InternalCompanyId",
    ]);
    for (const field of vendor.schemas.CreateCustomer.required as string[]) {
      const body = vendorExample();
      delete body[field];
      expect(validateRequest(body), field).toEqual([hit(`/${field}`, "required")]);
    }
    const seedOnly = at(operation, "/requestBody/content/application~1json/examples/fromSeedExamples");
    expect(seedOnly["x-expect"]).toBe("invalid");
    expect(validateRequest(seedOnly.value)).toEqual([
      hit("/CustomerGroupId", "required"),
      hit("/BillingAddress", "required"),
      hit("/InternalCompanyId", "required"),
    ]);
  });

  it("CreateAddress requires City and CountryIso and holds them to the vendor's limits, in every address", () => {
    const { City, CountryIso } = vendor.schemas.CreateAddress.properties;
    expect([City.minLength, City.maxLength, CountryIso.minLength, CountryIso.maxLength]).toEqual([1, 255, 1, 5]);
    const address = (city: string, country: string) => ({ City: city, CountryIso: country });
    const body = (where: string, value: Json) => {
      const request = vendorExample();
      if (where === "BillingAddress") request.BillingAddress = value;
      else if (where.startsWith("Other")) request.OtherAddresses = { [where]: [value] };
      else request[where] = value;
      return request;
    };
    for (const where of [
      "BillingAddress",
      "Shipmentaddress",
      "CustomAddress",
      "OtherBillingAddresses",
      "OtherShippingAddresses",
      "OtherCustomerAddresses",
    ]) {
      const path = where.startsWith("Other") ? `/OtherAddresses/${where}/0` : `/${where}`;
      expect(validateRequest(body(where, address("x".repeat(255), "DEUTS"))), where).toEqual([]);
      expect(validateRequest(body(where, address("x".repeat(256), "DEUTSC"))), where).toEqual([
        hit(`${path}/City`, "maxLength"),
        hit(`${path}/CountryIso`, "maxLength"),
      ]);
      expect(validateRequest(body(where, address("", ""))), where).toEqual([
        hit(`${path}/City`, "minLength"),
        hit(`${path}/CountryIso`, "minLength"),
      ]);
      expect(validateRequest(body(where, { Street: "Main St. 123" })), where).toEqual([
        hit(`${path}/City`, "required"),
        hit(`${path}/CountryIso`, "required"),
      ]);
    }
  });

  it("CreatePaymentSettings takes the vendor's PascalCase fields and types, not the v2 API's camelCase ones", () => {
    const withSettings = (settings: Json) => ({ ...vendorExample(), PaymentSettings: settings });
    expect(
      validateRequest(
        withSettings({
          PaymentMethodId: 123,
          Discount: 2.5,
          PaymentTarget: 3,
          CreditLimit: 100,
          StopPaymentRequest: true,
        }),
      ),
    ).toEqual([]);
    expect(validateRequest(withSettings({ creditLimit: 100 }))).toEqual([
      hit("/PaymentSettings", "additionalProperties"),
    ]);
    // Discount is a .NET decimal (any number); CreditLimit, PaymentTarget and PaymentMethodId are int32.
    expect(
      validateRequest(
        withSettings({ CreditLimit: "100", PaymentTarget: "3", PaymentMethodId: true, StopPaymentRequest: "no" }),
      ),
    ).toEqual([
      hit("/PaymentSettings/PaymentMethodId", "type"),
      hit("/PaymentSettings/PaymentTarget", "type"),
      hit("/PaymentSettings/CreditLimit", "type"),
      hit("/PaymentSettings/StopPaymentRequest", "type"),
    ]);
    expect(validateRequest(withSettings({ CreditLimit: 100.5 }))).toContainEqual(
      hit("/PaymentSettings/CreditLimit", "type"),
    );
    expect(validateRequest(withSettings({ CreditLimit: 2 ** 31 }))).toEqual([
      hit("/PaymentSettings/CreditLimit", "format"),
    ]);
  });

  it("keeps JTL's birthday example 1985-01-01T valid, though the vendor's date-time would refuse it (x-conflict)", () => {
    expect(vendor.schemas.CreateCustomer.properties.Birthday).toMatchObject({
      format: "date-time",
      example: "1985-01-01T",
    });
    expect(validateRequest({ ...vendorExample(), Birthday: "1985-01-01T" })).toEqual([]);
    expect(validateRequest({ ...vendorExample(), Birthday: "01.01.1985" })).toEqual([hit("/Birthday", "pattern")]);
    expect(at(spec, "/components/schemas/CreateCustomer/properties/Birthday/x-conflict/chosen")).toBe("the pattern");
  });

  it("still accepts the seed's LastChange, which the v1.0 document lacks (x-conflict)", () => {
    expect(vendor.schemas.CreateCustomer.properties.LastChange).toBeUndefined();
    expect(validateRequest({ ...vendorExample(), LastChange: "2023-02-01T13:30:00.0000000+00:00" })).toEqual([]);
    expect(at(spec, "/components/schemas/CreateCustomer/properties/LastChange/x-conflict/values/0/where")).toMatch(
      /seeds\/jtl\.txt/,
    );
  });

  it("rejects an unknown property at any depth, and JTL's seven-digit date-times pass", () => {
    expect(validateRequest({ ...vendorExample(), Nickname: "x" })).toEqual([hit("", "additionalProperties")]);
    expect(
      validateRequest({ ...vendorExample(), BillingAddress: { City: "Hückelhoven", CountryIso: "DE", Street2: "x" } }),
    ).toEqual([hit("/BillingAddress", "additionalProperties")]);
    expect(validateRequest({ ...vendorExample(), CustomerSince: "2024-12-31T23:59:59.1234567Z" })).toEqual([]);
    expect(validateRequest({ ...vendorExample(), CustomerSince: "01.02.2023 13:30" })).toEqual([
      hit("/CustomerSince", "format"),
    ]);
  });
});

describe(`jtl response models against ${EXTRACT}`, () => {
  it.each(["Customer", "Address", "OtherAddresses", "PaymentSettings"])(
    "%s has the vendor's key names, in order (plus the seed's LastChange)",
    (model) => {
      const ours = Object.keys(at(spec, `/components/schemas/${model}/properties`)).filter(
        (field) => field !== "LastChange",
      );
      expect(ours).toEqual(Object.keys(vendor.schemas[model].properties));
    },
  );

  it("types the vendor's keys Shipmentaddress and AccountsReceivableNumber, and stays open for others", () => {
    expect(validateResponse({ Id: 1, Shipmentaddress: { Id: 7, City: 5 } })).toEqual([
      hit("/Shipmentaddress/City", "type"),
      hit("/Shipmentaddress", "type"),
      hit("/Shipmentaddress", "anyOf"),
    ]);
    expect(validateResponse({ Id: 1, AccountsReceivableNumber: "10000" })).toEqual([
      hit("/AccountsReceivableNumber", "type"),
    ]);
    // The spellings of an earlier public client are not the vendor's: they pass untyped, as any unknown key.
    expect(validateResponse({ Id: 1, ShippingAddress: { City: 5 }, AccountReceivableNumber: "x" })).toEqual([]);
    expect(validateResponse({ Id: 1, OtherAddresses: { OtherCustomerAddresses: [{ Id: "7" }] } })).toContainEqual(
      hit("/OtherAddresses/OtherCustomerAddresses/0/Id", "type"),
    );
    expect(
      validateResponse({
        Id: 1,
        PaymentSettings: {
          PaymentMethodId: 123,
          Discount: 5.5,
          PaymentTarget: 3,
          CreditLimit: 100,
          StopPaymentRequest: false,
        },
      }),
    ).toEqual([]);
  });

  it("reads the vendor's Address Id and the seed's example response", () => {
    expect(validateResponse({ Id: 123, BillingAddress: { Id: 100, City: "Example City", CountryIso: "DE" } })).toEqual(
      [],
    );
    expect(
      validateResponse(at(operation, "/responses/201/content/application~1json/examples/fromSeedExamples/value")),
    ).toEqual([]);
    expect(validateResponse({ Id: "1" })).toEqual([hit("/Id", "type")]);
  });
});

describe(`jtl errors: 400 ErrorResponse, 401 and 402 (${EXTRACT})`, () => {
  const jtlBody = {
    ErrorCode: "ValidationFailed",
    ErrorMessage: "The sent data is invalid.",
    ValidationErrors: {
      "BillingAddress.City": "The City field is required.",
      LanguageIso: "The LanguageIso field is required.",
      CustomerGroupId: "Unknown customer group.",
    },
    Stacktrace: "at Jtl.Wawi...",
  };

  it("documents exactly the vendor's statuses, the 400 with its ErrorResponse", () => {
    expect(Object.keys(operation.responses)).toEqual(Object.keys(vendor.paths["/customers"].post.responses));
    expect(Object.keys(at(spec, "/components/schemas/ErrorResponse/properties"))).toEqual(
      Object.keys(vendor.schemas.ErrorResponse.properties),
    );
    expect(validateError(jtlBody)).toEqual([]);
    expect(validateError({ ...jtlBody, ValidationErrors: { City: ["a list"] } })).toEqual([
      hit("/ValidationErrors/City", "type"),
    ]);
  });

  it("the mapper reads each ValidationErrors entry as an error naming the vendor's field and the canonical one", async () => {
    const { adapter } = await load();
    expect(adapter.fromResponse(400, jtlBody)).toEqual({
      ok: false,
      status: 400,
      errors: [
        {
          kind: "invalid-field",
          code: "ValidationFailed",
          message: "The City field is required.",
          vendorField: "BillingAddress.City",
          field: "/billingAddress/city",
        },
        {
          kind: "invalid-field",
          code: "ValidationFailed",
          message: "The LanguageIso field is required.",
          vendorField: "LanguageIso",
          field: "/language",
        },
        // Fed from the context, not from the customer: the vendor's name only.
        {
          kind: "invalid-field",
          code: "ValidationFailed",
          message: "Unknown customer group.",
          vendorField: "CustomerGroupId",
        },
      ],
    });
  });

  it("the mapper reads a 400 without ValidationErrors as one error with the vendor's message", async () => {
    const { adapter } = await load();
    expect(adapter.fromResponse(400, { ErrorCode: "X", ErrorMessage: "Customer group 9 does not exist." })).toEqual({
      ok: false,
      status: 400,
      errors: [{ kind: "invalid-field", code: "X", message: "Customer group 9 does not exist." }],
    });
  });

  it("the mapper reads the bodiless 401 and 402 as unauthorized, the 402 in the vendor's words", async () => {
    const { adapter } = await load();
    expect(vendor.paths["/customers"].post.responses["402"].description).toBe(
      "No licence available or the app has not been authorised by JTL.",
    );
    expect(adapter.fromResponse(401, "")).toEqual({
      ok: false,
      status: 401,
      errors: [{ kind: "unauthorized", code: undefined, message: "Unauthorized" }],
    });
    expect(adapter.fromResponse(402, "")).toEqual({
      ok: false,
      status: 402,
      errors: [
        {
          kind: "unauthorized",
          code: undefined,
          message: "No licence available or the app has not been authorised by JTL.",
        },
      ],
    });
  });

  it("the mock answers a request breaking the vendor's rules with an ErrorResponse", async () => {
    const { adapter, createMock } = await load();
    const built = adapter.toRequest(customers.person, context);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const { BillingAddress: _dropped, ...body } = built.request.body;
    const answer = createMock({ context }).handle({
      method: "POST",
      url: built.request.url,
      headers: built.request.headers,
      body: JSON.stringify(body),
    });
    expect(answer.status).toBe(400);
    expect(validateError(JSON.parse(answer.body))).toEqual([]);
    expect(JSON.parse(answer.body)).toMatchObject({
      ErrorCode: "InvalidRequest",
      ErrorMessage: "The sent data is invalid.",
    });
  });
});

describe(`jtl auth, tenant and workflow flag (${EXTRACT}, seeds/jtl.txt)`, () => {
  const post = vendor.paths["/customers"].post;

  it("sends the OAuth 2.0 token with the Wawi API key in x-api-key, and the tenant in x-tenant-id", async () => {
    expect(post.security).toEqual([
      { "oauth2-cloud-id-accessCode": [], Wawi: ["customer.createcustomer"] },
      { "oauth2-application": [], Wawi: ["customer.createcustomer"] },
    ]);
    expect(vendor.securitySchemes.Wawi).toMatchObject({ type: "apiKey", in: "header", name: "x-api-key" });
    const { adapter } = await load();
    const built = adapter.toRequest(customers.person, context);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    expect(built.request.headers).toMatchObject({
      authorization: "Bearer FAKE-TOKEN-0000",
      "x-api-key": context.apiKey,
      "x-tenant-id": context.tenantId,
    });
    expect(built.request.body).toMatchObject({
      CustomerGroupId: 0,
      InternalCompanyId: 1,
      LanguageIso: "de",
      BillingAddress: { City: "Hückelhoven", CountryIso: "DE" },
    });
  });

  it("the API key is required, the token is not (the seed: the gateway injects a missing one); the mock agrees", async () => {
    const { accessToken: _token, ...withoutToken } = context;
    const { apiKey: _key, ...withoutKey } = context;
    expect(validateContext(withoutToken)).toEqual([]);
    expect(validateContext(withoutKey)).toEqual([hit("/apiKey", "required")]);
    expect(validateContext({ ...context, apiKey: "FAKE-KEY" })).toEqual([hit("/apiKey", "format")]);
    const { adapter, createMock } = await load();
    const mock = createMock({ context });
    const built = adapter.toRequest(customers.person, withoutToken);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    expect(built.request.headers.authorization).toBeUndefined();
    const send = (headers: Record<string, string>) =>
      mock.handle({ method: "POST", url: built.request.url, headers, body: JSON.stringify(built.request.body) }).status;
    expect(send(built.request.headers)).toBe(201);
    const { "x-api-key": _sent, ...keyless } = built.request.headers;
    expect(send(keyless)).toBe(401);
  });

  it("requires the tenant id as a uuid, in the seed's header name x-tenant-id (x-conflict with v1.0's tenant-id)", async () => {
    expect(post.parameters.find((parameter: Json) => parameter.name === "tenant-id")).toMatchObject({
      required: true,
      schema: { format: "uuid" },
    });
    expect(validateContext({ ...context, tenantId: "tenant-test" })).toEqual([hit("/tenantId", "format")]);
    const { tenantId: _tenant, ...withoutTenant } = context;
    expect(validateContext(withoutTenant)).toEqual([hit("/tenantId", "required")]);
    const tenant = operation.parameters.find(
      (parameter: Json) => parameter.in === "header" && /tenant/.test(parameter.name),
    );
    expect(tenant).toMatchObject({
      name: "x-tenant-id",
      required: true,
      schema: { format: "uuid", "x-conflict": { chosen: expect.stringContaining("x-tenant-id") } },
    });
    const { adapter, createMock } = await load();
    const built = adapter.toRequest(customers.person, context);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const { "x-tenant-id": _sent, ...untenanted } = built.request.headers;
    expect(
      createMock({ context }).handle({
        method: "POST",
        url: built.request.url,
        headers: untenanted,
        body: JSON.stringify(built.request.body),
      }).status,
    ).toBe(400);
  });

  it("sends the workflow flag as the query parameter disableAutomaticWorkflows, not as a header", async () => {
    expect(post.parameters[0]).toMatchObject({
      name: "disableAutomaticWorkflows",
      in: "query",
      schema: { type: "boolean" },
    });
    const { adapter, createMock } = await load();
    const built = adapter.toRequest(customers.person, { ...context, disableAutomaticWorkflows: true });
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    expect(built.request.query).toEqual({ disableAutomaticWorkflows: "true" });
    expect(Object.keys(built.request.headers).filter((name) => /workflow/i.test(name))).toEqual([]);
    const mock = createMock({ context });
    const send = (flag: string) =>
      mock.handle({
        method: "POST",
        url: `${built.request.url}?disableAutomaticWorkflows=${flag}`,
        headers: built.request.headers,
        body: JSON.stringify(built.request.body),
      }).status;
    expect(send("true")).toBe(201);
    expect(send("maybe")).toBe(400);
  });

  it("keeps the seed's headers the v1.0 document lacks, and its /v1/ path", () => {
    expect(post.parameters.map((parameter: Json) => parameter.name)).not.toContain("x-sessionid");
    expect(operation.parameters.map((parameter: Json) => [parameter.name, parameter.in, parameter.required])).toEqual([
      ["api-version", "header", false],
      ["x-appid", "header", true],
      ["x-appversion", "header", true],
      ["x-runas", "header", false],
      ["x-sessionid", "header", false],
      ["x-tenant-id", "header", true],
      ["disableAutomaticWorkflows", "query", false],
    ]);
    expect(Object.keys(spec.paths)).toEqual(["/v1/customers"]);
    expect(Object.keys(vendor.paths)).toEqual(["/customers"]);
  });

  it("takes the run-as user as an int or a uuid", () => {
    const validateRunAs = compileAt("jtl", "/components/schemas/RunAsUserId");
    expect(validateRunAs("42")).toEqual([]);
    expect(validateRunAs("3f2504e0-4f89-11d3-9a0c-0305e82c3301")).toEqual([]);
    expect(validateRunAs("admin")).toContainEqual(hit("", "anyOf"));
  });
});

describe("jtl spec: sources", () => {
  it(`says why it is hand-written rather than ${WHOLE} plus an overlay`, () => {
    expect(spec.info.description).toMatch(/stays hand-written rather than\s+being JTL's document plus an overlay/);
    expect(spec.info.description).toMatch(/seed comes first/);
    expect(readVendorSource("jtl", WHOLE).info).toMatchObject({ title: "JTL-WAWI API (Cloud)", version: "1.0" });
  });

  it("gives every fact from the vendor's document an x-source naming the file", () => {
    for (const pointer of [
      "/components/schemas/CreateCustomer",
      "/components/schemas/CreateAddress",
      "/components/schemas/CreateOtherAddresses",
      "/components/schemas/CreatePaymentSettings",
      "/components/schemas/Customer",
      "/components/schemas/Address",
      "/components/schemas/ErrorResponse",
      "/components/securitySchemes/Wawi",
      "/paths/~1v1~1customers/post/responses/400",
      "/paths/~1v1~1customers/post/responses/402",
    ])
      expect(at(spec, `${pointer}/x-source`), pointer).toMatch(
        new RegExp(`^vendor-sources: jtl/${EXTRACT.replace(/\./g, "\\.")}`),
      );
  });

  it("marks the secrets: the session id, the token and the API key", () => {
    expect(operation.parameters.find((parameter: Json) => parameter.name === "x-sessionid")["x-sensitive"]).toBe(true);
    for (const name of ["accessToken", "apiKey"])
      expect(at(spec, `/x-context/properties/${name}`), name).toMatchObject({
        "x-credential": true,
        "x-sensitive": true,
      });
  });
});
