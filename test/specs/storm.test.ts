// specs/storm.yaml against seeds/storm.txt and the storm section of
// vendor-notes.md: the Customer model and its nested models with their
// limits, the query parameters, the obsolete flag, the seed's sample (which
// breaks the documented formats), the invoice/delivery rule and each error key.
// Beyond the seed, against Norce's reference (vendor-sources/storm/VENDOR_DOC_EXCERPTS.md):
// OAuth 2.0 client credentials plus the application id, the Storm and Norce
// Commerce servers with their version segment, the Company and Address limits,
// and CountryId as an alternative to Country.
import { describe, expect, it } from "vitest";
import type { Customer } from "@customer-adapters/canonical";
import type { CreateResult, MockVendor, SendOptions, ToRequestResult } from "@customer-adapters/runtime";
import { customers } from "../fixtures/customers.js";
import { loadPackage } from "../helpers/package.js";
import { at, compileAt, readSpec, readVendorSource, type Json, type RuleHit } from "../helpers/spec.js";

const spec = readSpec("storm");
const operation = at(spec, "/paths/~1RegisterCustomer2/post");
const norce = readVendorSource("storm", "VENDOR_DOC_EXCERPTS.md") as string;
const validate = compileAt("storm", "/components/schemas/Customer");
const hit = (path: string, keyword: string): RuleHit => ({ path, keyword });

// From the seed's Request Body schema, in order: [field, type, maxLength].
const customer: [string, string, number | undefined][] = [
  ["Id", "integer|null", undefined],
  ["Key", "string", undefined],
  ["Code", "string", 50],
  ["Email", "string", 255],
  ["SSN", "string", 50],
  ["FirstName", "string", 50],
  ["LastName", "string", 50],
  ["Phone", "string", 50],
  ["CellPhone", "string", 50],
  ["ReferId", "integer|null", undefined],
  ["ReferUrl", "string", 255],
  ["Account", "Account", undefined],
  ["Companies", "array", undefined],
  ["DeliveryAddresses", "array", undefined],
  ["InvoiceAddress", "Address", undefined],
  ["Flags", "array", undefined],
  ["UseInvoiceAddressAsDeliveryAddress", "boolean", undefined],
  ["Info", "array", undefined],
  ["PricelistIds", "array", undefined],
  ["CrmId", "string", 50],
  ["IsActive", "boolean|null", undefined],
  ["Created", "string|null", undefined],
  ["Updated", "string|null", undefined],
];
// From vendor-notes: model → [field, maxLength] for the limited ones, and the field list.
const nested: Record<string, { fields: string[]; limits: Record<string, number> }> = {
  Address: {
    fields: [
      "Id",
      "CareOf",
      "Line1",
      "Line2",
      "Zip",
      "City",
      "CountryId",
      "Country",
      "Region",
      "IsValidated",
      "GlobalLocationNo",
      "ShippingPhoneNumber",
    ],
    limits: {
      CareOf: 100,
      Line1: 255,
      Line2: 255,
      Zip: 50,
      City: 50,
      Country: 50,
      Region: 50,
      GlobalLocationNo: 50,
      ShippingPhoneNumber: 50,
    },
  },
  Company: {
    fields: [
      "Id",
      "Key",
      "Code",
      "Name",
      "OrgNo",
      "Phone",
      "ReferId",
      "ReferUrl",
      "DeliveryAddresses",
      "InvoiceAddress",
      "UseInvoiceAddressAsDeliveryAddress",
      "Info",
      "PricelistIds",
      "ParentId",
      "DeliveryMethodIds",
      "PaymentMethodIds",
      "Email",
      "Flags",
      "VatNo",
    ],
    limits: { Code: 50, Name: 100, OrgNo: 50 },
  },
  Account: {
    fields: ["Id", "Key", "LoginName", "Name", "Roles", "Authorizations", "IsActive"],
    limits: { LoginName: 255, Name: 100 },
  },
  Flag: { fields: ["Id", "Name", "Group", "IsSelected"], limits: { Name: 50 } },
  IdValue: { fields: ["Id", "Value", "Code"], limits: { Code: 255 } },
};
const typeOf = (schema: Json): string =>
  typeof schema.$ref === "string"
    ? schema.$ref.split("/").pop()
    : Array.isArray(schema.type)
      ? schema.type.join("|")
      : schema.type;
const corrected = () =>
  structuredClone(at(operation, "/requestBody/content/application~1json/examples/corrected/value")) as Record<
    string,
    Json
  >;

describe("storm models", () => {
  it.each(customer)("Customer.%s is %s with maxLength %s", (field, type, max) => {
    const property = at(spec, `/components/schemas/Customer/properties/${field}`);
    expect(typeOf(property)).toBe(type);
    expect(property.maxLength).toBe(max);
    expect(typeof property.description).toBe("string");
  });

  it("Customer has exactly the seed's fields in order", () => {
    expect(Object.keys(at(spec, "/components/schemas/Customer/properties"))).toEqual(customer.map(([field]) => field));
  });

  it.each(Object.entries(nested))(
    "%s has the vendor-notes fields and limits, marked as from vendor-notes",
    (model, { fields, limits }) => {
      const schema = at(spec, `/components/schemas/${model}`);
      expect(Object.keys(schema.properties)).toEqual(fields);
      for (const [field, max] of Object.entries(limits))
        expect(schema.properties[field].maxLength, `${model}.${field}`).toBe(max);
      expect(schema["x-source"]).toMatch(/^vendor-notes: /);
      expect(schema.additionalProperties).toBe(false);
    },
  );

  it("types Keys as uuids, ids as int32, and marks what Storm fills as read-only", () => {
    for (const model of ["Customer", "Company", "Account"])
      expect(at(spec, `/components/schemas/${model}/properties/Key/format`)).toBe("uuid");
    expect(at(spec, "/components/schemas/Customer/properties/Id")).toMatchObject({
      type: ["integer", "null"],
      format: "int32",
      readOnly: true,
    });
    for (const field of ["PricelistIds", "Created", "Updated"])
      expect(at(spec, `/components/schemas/Customer/properties/${field}/readOnly`)).toBe(true);
    expect(at(spec, "/components/schemas/Company/properties/PricelistIds/readOnly")).toBe(true);
    expect(at(spec, "/components/schemas/Customer/properties/SSN/x-sensitive")).toBe(true);
  });
});

describe("storm payloads", () => {
  it("rejects the seed's sample for exactly its placeholder Key and Email and its empty invoice address", () => {
    const sample = at(operation, "/requestBody/content/application~1json/examples/seedSample");
    expect(sample["x-expect"]).toBe("invalid");
    expect(validate(sample.value)).toEqual([
      hit("/Key", "format"),
      hit("/Email", "format"),
      hit("/InvoiceAddress/Country", "required"),
      hit("/InvoiceAddress", "if"),
      hit("/InvoiceAddress/Zip", "required"),
      hit("/InvoiceAddress/City", "required"),
    ]);
    expect(validate(corrected())).toEqual([]);
  });

  it("needs both addresses when the invoice address is not also the delivery address", () => {
    const address = { Zip: "11122", City: "Stockholm", Country: "SE" };
    expect(validate({ ...corrected(), UseInvoiceAddressAsDeliveryAddress: false })).toEqual([
      hit("/DeliveryAddresses", "required"),
      hit("", "if"),
    ]);
    expect(
      validate({ ...corrected(), UseInvoiceAddressAsDeliveryAddress: false, DeliveryAddresses: [address] }),
    ).toEqual([]);
    expect(validate({ DeliveryAddresses: [address] })).toEqual([]);
  });

  it.each([
    [
      "DeliveryAddressZipMissing",
      { DeliveryAddresses: [{ City: "Stockholm", Country: "SE" }] },
      hit("/DeliveryAddresses/0/Zip", "required"),
    ],
    [
      "DeliveryAddressCityMissing",
      { DeliveryAddresses: [{ Zip: "11122", Country: "SE" }] },
      hit("/DeliveryAddresses/0/City", "required"),
    ],
    [
      "DeliveryAddressCountryMissing",
      { DeliveryAddresses: [{ Zip: "11122", City: "Stockholm" }] },
      hit("/DeliveryAddresses/0/Country", "required"),
    ],
    [
      "InvoiceAddressZipMissing",
      { InvoiceAddress: { City: "Stockholm", Country: "SE" } },
      hit("/InvoiceAddress/Zip", "required"),
    ],
    [
      "InvoiceAddressCityMissing",
      { InvoiceAddress: { Zip: "11122", Country: "SE" } },
      hit("/InvoiceAddress/City", "required"),
    ],
    [
      "InvoiceAddressCountryMissing",
      { InvoiceAddress: { Zip: "11122", City: "Stockholm" } },
      hit("/InvoiceAddress/Country", "required"),
    ],
    ["InvalidCompanyName", { Companies: [{ OrgNo: "556000-0000" }] }, hit("/Companies/0/Name", "required")],
    ["InvalidEmail", { Email: "not an email" }, hit("/Email", "format")],
  ])("%s: its payload breaks exactly the rule the key's x-errors entry names", (key, body, expected) => {
    // A missing country also fails the CountryId-or-Country condition around it.
    const condition = expected.path.endsWith("/Country") ? [hit(expected.path.slice(0, -"/Country".length), "if")] : [];
    expect(validate(body)).toEqual([expected, ...condition]);
    const entry = (operation["x-errors"] as Json[]).find((error) => error.code === key);
    expect(entry.rules).toEqual([
      { in: "body", path: expected.path.replace(/\/0\//, "/*/"), keyword: expected.keyword },
    ]);
  });
});

describe("storm operation", () => {
  it("is the obsolete POST CustomerService.svc/rest/RegisterCustomer2", () => {
    expect(operation).toMatchObject({ operationId: "createCustomer", deprecated: true });
    expect(operation.description).toContain('[Obsolete("Use RegisterCustomer3")]');
  });

  it("takes the application id in a header, and password, updatedBy (required int32) and cultureCode in the query", () => {
    expect(
      operation.parameters.map((parameter: Json) => [
        parameter.name,
        parameter.in,
        parameter.required,
        parameter.schema.type,
      ]),
    ).toEqual([
      ["applicationId", "header", true, "integer"],
      ["password", "query", false, "string"],
      ["updatedBy", "query", true, "integer"],
      ["cultureCode", "query", false, "string"],
    ]);
    expect(operation.parameters[1]["x-sensitive"]).toBe(true);
  });

  it("lists the seed's eleven error keys in order, on 400", () => {
    expect((operation["x-errors"] as Json[]).map((error) => error.code)).toEqual([
      "AccountAlreadyExists",
      "CompanyAlreadyExists",
      "CustomerAlreadyExists",
      "InvalidCompanyName",
      "InvalidEmail",
      "DeliveryAddressZipMissing",
      "DeliveryAddressCityMissing",
      "DeliveryAddressCountryMissing",
      "InvoiceAddressZipMissing",
      "InvoiceAddressCityMissing",
      "InvoiceAddressCountryMissing",
    ]);
    expect(Object.keys(operation.responses)).toEqual(["200", "400", "500"]);
  });

  it("has a context whose updatedBy defaults to the default account, and that carries the token and the application id", () => {
    const validateContext = compileAt("storm", "/x-context");
    const credentials = { applicationId: 1234, accessToken: "FAKE-TOKEN-0000" };
    expect(at(spec, "/x-context/properties/updatedBy/default")).toBe(1);
    expect(validateContext({ updatedBy: 1, ...credentials })).toEqual([]);
    expect(validateContext({})).toEqual([
      hit("/updatedBy", "required"),
      hit("/applicationId", "required"),
      hit("/accessToken", "required"),
    ]);
    expect(validateContext({ updatedBy: "1", ...credentials })).toEqual([hit("/updatedBy", "type")]);
    expect(at(spec, "/x-context/properties/accessToken")).toMatchObject({ "x-credential": true, "x-sensitive": true });
  });
});

describe("storm against Norce's reference (vendor-sources/storm/VENDOR_DOC_EXCERPTS.md)", () => {
  interface StormPackage {
    adapter: {
      toRequest(customer: Customer, context: unknown): ToRequestResult<Json>;
      createCustomer(customer: Customer, context: unknown, options?: SendOptions): Promise<CreateResult>;
    };
    createMock(options?: { context?: Record<string, unknown> }): MockVendor;
    fixtures: { context: Record<string, unknown> };
  }
  const load = (): Promise<StormPackage> => loadPackage<StormPackage>("storm");
  const context = { updatedBy: 1, applicationId: 1234, accessToken: "FAKE-TOKEN-0000" };
  /** The URL of a server with its variables' defaults filled. */
  const serverUrl = (index: number) =>
    (spec.servers[index].url as string).replace(
      /\{(\w+)\}/g,
      (_whole, name: string) => spec.servers[index].variables[name].default,
    );

  it("authenticates with an OAuth 2.0 client-credentials token from the identity service", () => {
    expect(norce).toContain(
      "Grant Type Client Credentials; Access Token URL https://identity.storm.io/1.0/connect/token",
    );
    expect(spec.components.securitySchemes).toEqual({
      oauth2ClientCredentials: expect.objectContaining({ type: "oauth2" }),
    });
    expect(spec.components.securitySchemes.oauth2ClientCredentials.flows).toEqual({
      clientCredentials: { tokenUrl: "https://identity.storm.io/1.0/connect/token", scopes: {} },
    });
    expect(spec.components.securitySchemes.oauth2ClientCredentials.description).toContain(
      "[clientname].api-[region].[environment].norce.tech/identity/1.0/connect/token",
    );
    expect(spec.security).toEqual([{ oauth2ClientCredentials: [] }]);
  });

  it("sends the token as a bearer and the application id in a header; the mock refuses a call without either", async () => {
    expect(norce).toContain("make sure to send the application ID in your request header");
    const { adapter, createMock } = await load();
    const built = adapter.toRequest(customers.person, context);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    expect(built.request.headers).toMatchObject({ authorization: "Bearer FAKE-TOKEN-0000", applicationId: "1234" });
    const mock = createMock({ context });
    const send = (headers: Record<string, string>) =>
      mock.handle({
        method: "POST",
        url: `${built.request.url}?updatedBy=1`,
        headers,
        body: JSON.stringify(built.request.body),
      }).status;
    expect(send(built.request.headers)).toBe(200);
    const { authorization: _token, ...tokenless } = built.request.headers;
    expect(send(tokenless)).toBe(401);
    const { applicationId: _application, ...applicationless } = built.request.headers;
    expect(send(applicationless)).toBe(400);
  });

  it("calls Storm under /api/1.1/CustomerService.svc/rest/", async () => {
    expect(norce).toContain("curl -i -X POST 'https://demo.storm.io/api/1.1/CustomerService.svc/rest/ActivateCustomer");
    const { adapter } = await load();
    const built = adapter.toRequest(customers.person, context);
    expect(built.ok && built.request.url).toBe(
      "https://demo.storm.io/api/1.1/CustomerService.svc/rest/RegisterCustomer2",
    );
    const other = adapter.toRequest(customers.person, { ...context, host: "shop.storm.test" });
    expect(other.ok && other.request.url).toBe(
      "https://shop.storm.test/api/1.1/CustomerService.svc/rest/RegisterCustomer2",
    );
  });

  it("reaches Norce Commerce under /commerce/customer/1.1/, without the CustomerService.svc/rest segment", async () => {
    expect(norce).toContain("curl 'https://customer-slug.api-se.norce.tech/commerce/customer/1.1/ActivateCustomer");
    expect(serverUrl(1)).toBe("https://customer-slug.api-se.norce.tech/commerce/customer/1.1");
    const { adapter } = await load();
    const urls: string[] = [];
    const fetch = async (url: string) => {
      urls.push(url);
      return {
        status: 200,
        text: async () => JSON.stringify({ Id: 4711 }),
        headers: { get: () => "application/json" },
      };
    };
    const result = await adapter.createCustomer(customers.person, context, { fetch, baseUrl: serverUrl(1) });
    expect(result).toMatchObject({ ok: true, id: "4711" });
    expect(urls).toEqual([
      "https://customer-slug.api-se.norce.tech/commerce/customer/1.1/RegisterCustomer2?updatedBy=1",
    ]);
  });

  it("holds a company's Code to 50 and Name to 100 characters, as the Company schema page says", () => {
    expect(norce).toMatch(
      /"Code string The external code\. Usually the id in the erp system\. MaxLength: 50\.", "Name string The Name of the Company\. MaxLength: 100\."/,
    );
    const company = (fields: Json) => ({ Companies: [{ Name: "Acme", ...fields }] });
    expect(validate(company({ Code: "c".repeat(50), Name: "n".repeat(100) }))).toEqual([]);
    expect(validate(company({ Code: "c".repeat(51), Name: "n".repeat(101) }))).toEqual([
      hit("/Companies/0/Code", "maxLength"),
      hit("/Companies/0/Name", "maxLength"),
    ]);
  });

  it("reports a company name longer than Storm holds, naming both fields and the limit", async () => {
    const { adapter } = await load();
    const long = { ...customers.company, company: { name: "n".repeat(101) } };
    expect(adapter.toRequest(long, context)).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          kind: "does-not-fit",
          field: "/company/name",
          vendorField: "/body/Companies/0/Name",
          rule: "maxLength",
          limit: 100,
        }),
      ],
    });
  });

  it("takes CountryId instead of Country, and needs one of them", () => {
    expect(norce).toContain("either specify the CountryId or just the Country string");
    const address = { Zip: "11122", City: "Stockholm" };
    expect(validate({ InvoiceAddress: { ...address, CountryId: 752 } })).toEqual([]);
    expect(validate({ InvoiceAddress: { ...address, Country: "SE" } })).toEqual([]);
    expect(validate({ InvoiceAddress: { ...address, CountryId: 752, Country: "SE" } })).toEqual([]);
    expect(validate({ DeliveryAddresses: [{ ...address, CountryId: 752 }] })).toEqual([]);
    expect(validate({ InvoiceAddress: address })).toEqual([
      hit("/InvoiceAddress/Country", "required"),
      hit("/InvoiceAddress", "if"),
    ]);
    expect(validate({ InvoiceAddress: { ...address, CountryId: "SE" } })).toEqual([
      hit("/InvoiceAddress/CountryId", "type"),
    ]);
    const country = at(spec, "/components/schemas/Address/properties/Country");
    expect(country["x-conflict"]).toMatchObject({ chosen: "Country or CountryId is required" });
    expect(country["x-conflict"].values.map((value: Json) => value.where)).toEqual([
      "seeds/storm.txt",
      expect.stringMatching(/^vendor-sources: storm\/VENDOR_DOC_EXCERPTS\.md/),
    ]);
  });

  it("gives the reference's facts an x-source naming the file", () => {
    for (const pointer of [
      "/servers/0",
      "/servers/1",
      "/components/securitySchemes/oauth2ClientCredentials",
      "/components/schemas/Company/properties/Code",
      "/components/schemas/Company/properties/Name",
      "/components/schemas/Address/properties/CountryId",
      "/paths/~1RegisterCustomer2/post/parameters/0",
    ])
      expect(at(spec, `${pointer}/x-source`), pointer).toMatch(/^vendor-sources: storm\/VENDOR_DOC_EXCERPTS\.md/);
  });
});
