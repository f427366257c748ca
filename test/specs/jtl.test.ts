import { describe, expect, it } from "vitest";
import { at, compileAt, readSpec, type Json, type RuleHit } from "../helpers/spec.js";

const spec = readSpec("jtl");
const operation = at(spec, "/paths/~1v1~1customers/post");

const validateRequest = compileAt("jtl", "/components/schemas/CreateCustomer");
const validateResponse = compileAt("jtl", "/components/schemas/Customer");

/** A property's type as the table below writes it: `string`, `integer|null`, `CreateAddress`, `Address|null`, `Address[]|null`. */
function typeOf(schema: Json): string {
  if (schema === undefined) return "missing";
  if (typeof schema.$ref === "string") return schema.$ref.replace("#/components/schemas/", "");
  if (Array.isArray(schema.anyOf)) return schema.anyOf.map(typeOf).join("|");
  const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.map((type) => (type === "array" ? `${typeOf(schema.items)}[]` : String(type))).join("|");
}

// Written by hand from seeds/jtl.txt and the jtl section of vendor-notes.md, in the documented order.
const address = ["City", "CountryIso", "Company", "Company2", "FormOfAddress", "Title", "FirstName", "LastName", "Street", "Address2"]
  .concat(["PostalCode", "State", "VatID", "PhoneNumber", "MobilePhoneNumber", "EmailAddress", "Fax"]);
const fields: Record<string, [string, string][]> = {
  CreateCustomer: [
    ["Number", "string"],
    ["CustomerGroupId", "integer"],
    ["BillingAddress", "CreateAddress"],
    ["Shipmentaddress", "CreateAddress"],
    ["CustomAddress", "CreateAddress"],
    ["OtherAddresses", "CreateOtherAddresses"],
    ["PaymentSettings", "CreatePaymentSettings"],
    ["CustomerSince", "string"],
    ["LastChange", "string"],
    ["LanguageIso", "string"],
    ["InternalCompanyId", "integer"],
    ["CustomerCategoryId", "integer"],
    ["TaxIdentificationNumber", "string"],
    ["AccountsReceivableNumber", "integer"],
    ["CommercialRegisterNumber", "string"],
    ["Website", "string"],
    ["InitialContact", "string"],
    ["EbayUsername", "string"],
    ["Birthday", "string"],
    ["IsLocked", "boolean"],
    ["IsCashRegisterBased", "boolean"],
  ],
  CreateAddress: address.map((name) => [name, "string"]),
  CreateOtherAddresses: [
    ["OtherBillingAddresses", "CreateAddress[]"],
    ["OtherShippingAddresses", "CreateAddress[]"],
  ],
  CreatePaymentSettings: [
    ["creditLimit", "number"],
    ["paymentDueDateInDays", "integer"],
    ["discount", "number"],
    ["isDunningBlocked", "boolean"],
  ],
  Customer: [
    ["Id", "integer"],
    ["Number", "string|null"],
    ["CustomerGroupId", "integer|null"],
    ["BillingAddress", "Address|null"],
    ["ShippingAddress", "Address|null"],
    ["CustomAddress", "Address|null"],
    ["OtherAddresses", "OtherAddresses|null"],
    ["PaymentSettings", "PaymentSettings|null"],
    ["CustomerSince", "string|null"],
    ["LastChange", "string|null"],
    ["LanguageIso", "string|null"],
    ["InternalCompanyId", "integer|null"],
    ["CustomerCategoryId", "integer|null"],
    ["TaxIdentificationNumber", "string|null"],
    ["AccountReceivableNumber", "integer|null"],
    ["CommercialRegisterNumber", "string|null"],
    ["Website", "string|null"],
    ["InitialContact", "string|null"],
    ["EbayUsername", "string|null"],
    ["Birthday", "string|null"],
    ["IsLocked", "boolean|null"],
    ["IsCashRegisterBased", "boolean|null"],
  ],
  Address: address.map((name) => [name, "string|null"]),
  OtherAddresses: [
    ["OtherBillingAddresses", "Address[]|null"],
    ["OtherShippingAddresses", "Address[]|null"],
  ],
  PaymentSettings: [
    ["creditLimit", "number|null"],
    ["paymentDueDateInDays", "integer|null"],
    ["discount", "number|null"],
    ["isDunningBlocked", "boolean|null"],
  ],
  ProblemDetails: [
    ["type", "string"],
    ["title", "string"],
    ["status", "integer"],
    ["detail", "string"],
    ["instance", "string"],
    ["traceId", "string"],
    ["errors", "object"],
  ],
};
const rows = Object.entries(fields).flatMap(([model, list]) => list.map(([field, type]) => [model, field, type] as const));
const requestModels = ["CreateCustomer", "CreateAddress", "CreateOtherAddresses", "CreatePaymentSettings"];
const responseModels = ["Customer", "Address", "OtherAddresses", "PaymentSettings", "ProblemDetails"];

describe("jtl models: every documented field with its type", () => {
  it.each(rows)("%s.%s is %s", (model, field, type) => {
    const property = at(spec, `/components/schemas/${model}/properties/${field}`);
    expect(property, `${model}.${field}`).toBeDefined();
    expect(typeOf(property)).toBe(type);
    expect(typeof property.description, `${model}.${field} description`).toBe("string");
  });

  it.each(Object.keys(fields))("%s has exactly the documented fields, in the documented order", (model) => {
    const documented = (fields[model] ?? []).map(([field]) => field);
    expect(Object.keys(at(spec, `/components/schemas/${model}/properties`))).toEqual(documented);
  });

  it("has no schema besides the documented models and the run-as id", () => {
    expect(Object.keys(at(spec, "/components/schemas")).sort()).toEqual([...Object.keys(fields), "RunAsUserId"].sort());
  });

  it.each(requestModels)("request model %s is closed", (model) => {
    expect(at(spec, `/components/schemas/${model}/additionalProperties`)).toBe(false);
  });

  it.each(responseModels)("response model %s is open", (model) => {
    expect(at(spec, `/components/schemas/${model}/additionalProperties`)).toBeUndefined();
  });

  it("requires no request field (the seed marks none)", () => {
    for (const model of requestModels) expect(at(spec, `/components/schemas/${model}/required`), model).toBeUndefined();
  });

  it("sets no length or range limit (none is documented)", () => {
    const found: string[] = [];
    const walk = (node: Json, path: string): void => {
      if (node === null || typeof node !== "object") return;
      for (const [key, value] of Object.entries(node)) {
        if (["maxLength", "minLength", "maximum", "minimum", "maxItems", "minItems"].includes(key)) found.push(`${path}/${key}`);
        walk(value, `${path}/${key}`);
      }
    };
    walk(at(spec, "/components/schemas"), "");
    expect(found).toEqual([]);
  });

  it("marks Id readOnly and the dates as date-time", () => {
    expect(at(spec, "/components/schemas/Customer/properties/Id/readOnly")).toBe(true);
    for (const model of ["CreateCustomer", "Customer"])
      for (const field of ["CustomerSince", "LastChange"])
        expect(at(spec, `/components/schemas/${model}/properties/${field}/format`), `${model}.${field}`).toBe("date-time");
  });

  it("carries the seed's examples", () => {
    const examples: [string, unknown][] = [
      ["Number", "C1005486"],
      ["CustomerSince", "2023-02-01T13:30:00.0000000+00:00"],
      ["LastChange", "2023-02-01T13:30:00.0000000+00:00"],
      ["LanguageIso", "DE"],
      ["TaxIdentificationNumber", "123/123/12345"],
      ["AccountsReceivableNumber", 10000],
      ["CommercialRegisterNumber", "HRB 1234"],
      ["Website", "https://mywebsite.com"],
      ["InitialContact", "Amazon"],
      ["EbayUsername", "eBaybuyer123"],
      ["Birthday", "1985-01-01T"],
      ["IsLocked", false],
      ["IsCashRegisterBased", false],
    ];
    for (const [field, value] of examples) {
      expect(at(spec, `/components/schemas/CreateCustomer/properties/${field}/examples`), field).toEqual([value]);
      const responseField = field === "AccountsReceivableNumber" ? "AccountReceivableNumber" : field;
      expect(at(spec, `/components/schemas/Customer/properties/${responseField}/examples`), responseField).toEqual([value]);
    }
  });

  it("records the request/response spelling conflicts", () => {
    expect(at(spec, "/components/schemas/CreateCustomer/properties/Shipmentaddress/x-conflict/chosen")).toBe("Shipmentaddress");
    expect(at(spec, "/components/schemas/Customer/properties/ShippingAddress/x-conflict/chosen")).toBe("ShippingAddress");
    expect(at(spec, "/components/schemas/Customer/properties/AccountReceivableNumber/x-conflict/chosen")).toBe("AccountReceivableNumber");
  });

  it("marks inferred payment settings and ids with x-source", () => {
    expect(at(spec, "/components/schemas/CreatePaymentSettings/x-source")).toMatch(/^inference: /);
    expect(at(spec, "/components/schemas/CreateCustomer/properties/CustomerGroupId/x-source")).toMatch(/^inference: /);
    expect(at(spec, "/components/schemas/CreateAddress/x-source")).toMatch(/^vendor-notes: /);
  });
});

describe("jtl example payloads", () => {
  const requestMedia = at(operation, "/requestBody/content/application~1json");
  const responseMedia = at(operation, "/responses/201/content/application~1json");

  it("documents only application/json", () => {
    expect(Object.keys(at(operation, "/requestBody/content"))).toEqual(["application/json"]);
    expect(requestMedia.schema.$ref).toBe("#/components/schemas/CreateCustomer");
  });

  it("the request example is valid", () => {
    const example = requestMedia.examples.fromSeedExamples;
    expect(example["x-expect"]).toBe("valid");
    expect(example["x-source"]).toMatch(/^inference: assembled from the seed's per-field examples/);
    expect(validateRequest(example.value)).toEqual([]);
  });

  it("the response example is valid", () => {
    const example = responseMedia.examples.fromSeedExamples;
    expect(example["x-expect"]).toBe("valid");
    expect(validateResponse(example.value)).toEqual([]);
  });

  it.each([
    ["request", "CreateCustomer", () => requestMedia.examples.fromSeedExamples.value],
    ["response", "Customer", () => responseMedia.examples.fromSeedExamples.value],
  ] as const)("the %s example uses only the seed's own example values", (_side, model, value) => {
    for (const [field, fieldValue] of Object.entries(value() as Record<string, unknown>))
      expect(at(spec, `/components/schemas/${model}/properties/${field}/examples`), field).toEqual([fieldValue]);
  });
});

describe("jtl payloads", () => {
  const hit = (path: string, keyword: string): RuleHit => ({ path, keyword });

  it("accepts JTL's seven-digit fractional date-times", () => {
    expect(validateRequest({ CustomerSince: "2023-02-01T13:30:00.0000000+00:00", LastChange: "2024-12-31T23:59:59.1234567Z" })).toEqual([]);
    expect(validateResponse({ CustomerSince: "2023-02-01T13:30:00.0000000+00:00" })).toEqual([]);
  });

  it.each(["1985-01-01T", "1985-01-01", "1985-01-01T00:00:00", "1985-01-01T00:00:00.0000000+01:00"])("accepts the birthday %s", (birthday) => {
    expect(validateRequest({ Birthday: birthday })).toEqual([]);
    expect(validateResponse({ Birthday: birthday })).toEqual([]);
  });

  it.each(["01.01.1985", "1985-13-01T", "1985-01-01X", "85-01-01"])("rejects the birthday %s", (birthday) => {
    expect(validateRequest({ Birthday: birthday })).toEqual([hit("/Birthday", "pattern")]);
  });

  it("rejects malformed date-times", () => {
    expect(validateRequest({ CustomerSince: "01.02.2023 13:30" })).toEqual([hit("/CustomerSince", "format")]);
    expect(validateRequest({ LastChange: "2023-02-30T13:30:00.0000000+00:00" })).toEqual([hit("/LastChange", "format")]);
  });

  it("rejects an unknown property on the request, at any depth", () => {
    expect(validateRequest({ Number: "C1", Nickname: "x" })).toEqual([hit("", "additionalProperties")]);
    expect(validateRequest({ BillingAddress: { City: "Hückelhoven", Street2: "x" } })).toEqual([hit("/BillingAddress", "additionalProperties")]);
    expect(validateRequest({ PaymentSettings: { CreditLimit: 5 } })).toEqual([hit("/PaymentSettings", "additionalProperties")]);
  });

  it("accepts an unknown property on the response", () => {
    expect(validateResponse({ Id: 1, SomethingNew: { a: 1 }, BillingAddress: { City: "Hückelhoven", Extra: 1 } })).toEqual([]);
  });

  it("rejects wrong types on the request", () => {
    expect(validateRequest({ AccountsReceivableNumber: "10000" })).toEqual([hit("/AccountsReceivableNumber", "type")]);
    expect(validateRequest({ CustomerGroupId: 1.5 })).toEqual([hit("/CustomerGroupId", "type")]);
    expect(validateRequest({ IsLocked: "false" })).toEqual([hit("/IsLocked", "type")]);
    expect(validateRequest({ Number: null })).toEqual([hit("/Number", "type")]);
    expect(validateRequest({ OtherAddresses: { OtherBillingAddresses: [{ City: 5 }] } })).toEqual([hit("/OtherAddresses/OtherBillingAddresses/0/City", "type")]);
    expect(validateRequest({ PaymentSettings: { paymentDueDateInDays: 14.5, isDunningBlocked: "no" } })).toEqual([
      hit("/PaymentSettings/paymentDueDateInDays", "type"),
      hit("/PaymentSettings/isDunningBlocked", "type"),
    ]);
  });

  it("rejects wrong types on the response but tolerates null", () => {
    expect(validateResponse({ Id: 1, Number: null, BillingAddress: null, Birthday: null, IsLocked: null })).toEqual([]);
    expect(validateResponse({ Id: "1" })).toEqual([hit("/Id", "type")]);
    expect(validateResponse({ Id: null })).toEqual([hit("/Id", "type")]);
    expect(validateResponse({ AccountReceivableNumber: "10000" })).toEqual([hit("/AccountReceivableNumber", "type")]);
  });

  it("spells the shipping address Shipmentaddress on the request and ShippingAddress on the response", () => {
    expect(validateRequest({ Shipmentaddress: { City: "Hückelhoven" } })).toEqual([]);
    expect(validateRequest({ ShippingAddress: { City: "Hückelhoven" } })).toEqual([hit("", "additionalProperties")]);
    expect(validateResponse({ ShippingAddress: { City: "Hückelhoven" } })).toEqual([]);
    // Only the response spelling is typed there: a wrong type is caught under ShippingAddress, not under Shipmentaddress.
    expect(validateResponse({ ShippingAddress: { City: 5 } })).toContainEqual(hit("/ShippingAddress/City", "type"));
    expect(validateResponse({ Shipmentaddress: { City: 5 } })).toEqual([]);
  });

  it("spells the receivable number with s on the request and without on the response", () => {
    expect(validateRequest({ AccountsReceivableNumber: 10000 })).toEqual([]);
    expect(validateRequest({ AccountReceivableNumber: 10000 })).toEqual([hit("", "additionalProperties")]);
    expect(validateResponse({ AccountReceivableNumber: 10000 })).toEqual([]);
  });

  it("takes the run-as user as an int or a uuid", () => {
    const validateRunAs = compileAt("jtl", "/components/schemas/RunAsUserId");
    expect(validateRunAs("42")).toEqual([]);
    expect(validateRunAs("3f2504e0-4f89-11d3-9a0c-0305e82c3301")).toEqual([]);
    expect(validateRunAs("admin")).toContainEqual(hit("", "anyOf"));
  });
});

describe("jtl operation", () => {
  it("is POST /v1/customers, createCustomer, in the vendor's words", () => {
    expect(Object.keys(spec.paths)).toEqual(["/v1/customers"]);
    expect(Object.keys(spec.paths["/v1/customers"])).toEqual(["post"]);
    expect(operation.operationId).toBe("createCustomer");
    expect(operation.summary).toBe("Create a new customer");
    expect(operation.requestBody.description).toBe("The customer to create.");
    expect(spec.openapi).toBe("3.1.0");
    expect(spec.info["x-vendor"]).toEqual({ slug: "jtl", name: "JTL-Wawi REST API (JTL Software)", seed: "seeds/jtl.txt" });
  });

  it("has a server whose host is a variable", () => {
    expect(spec.servers[0].url).toBe("https://{host}");
    expect(spec.servers[0].variables.host.default).toBe("api.jtl-cloud.com/erp");
    expect(spec.servers[0]["x-source"]).toMatch(/^inference: /);
  });

  it("authenticates with an OAuth 2.0 bearer token, and allows none (the gateway injects it)", () => {
    expect(spec.components.securitySchemes).toEqual({
      oauth2Bearer: expect.objectContaining({ type: "http", scheme: "bearer" }),
    });
    expect(spec.components.securitySchemes.oauth2Bearer.description).toMatch(/^The access token received from the authorization server in the OAuth 2\.0 flow\. Optional: If no token is present, the API Gateway injects it\./);
    expect(spec.security).toEqual([{ oauth2Bearer: [] }, {}]);
    expect(operation.security).toBeUndefined();
  });

  const headers: [string, boolean, string, string][] = [
    ["api-version", false, "string", "Specify the desired API version, e.g. '1.0'. If not provided, the last available version is set."],
    ["x-appid", true, "string", 'This is the name of your application, e.g. "MyApp/1.0.0". It is used to identify your application.'],
    ["x-appversion", true, "string", 'This is where the version number of your application is entered, e.g. "1.0.0".'],
    ["x-runas", false, "RunAsUserId", "The User-Id (int or uuid) on whose behalf the request is executed. Requires scope 'Application.RunAs'."],
    ["x-sessionid", false, "string", "The id of a session in which the call will be executed."],
    ["x-tenant-id", false, "string", "The tenant ID for the target ERP instance."],
    ["x-workflow-disabled", false, "boolean", "If true, the workflows do not trigger automatic."],
  ];

  it("has exactly the documented header parameters, in order", () => {
    expect(operation.parameters.map((parameter: Json) => parameter.name)).toEqual(headers.map(([name]) => name));
  });

  it.each(headers)("header %s (required: %s, %s)", (name, required, type, description) => {
    const parameter = operation.parameters.find((candidate: Json) => candidate.name === name);
    expect(parameter.in).toBe("header");
    expect(parameter.required).toBe(required);
    expect(typeOf(parameter.schema)).toBe(type);
    expect(parameter.description).toBe(description);
    expect(parameter["x-source"]).toMatch(/^(vendor-notes|inference): /);
  });

  it("marks the session id sensitive, and the token in the context as a credential", () => {
    const session = operation.parameters.find((candidate: Json) => candidate.name === "x-sessionid");
    expect(session["x-sensitive"]).toBe(true);
    expect(at(spec, "/x-context/properties/accessToken/x-sensitive")).toBe(true);
    expect(at(spec, "/x-context/properties/accessToken/x-credential")).toBe(true);
    expect(at(spec, "/components/schemas/CreateCustomer/properties/TaxIdentificationNumber/x-sensitive")).toBe(true);
  });

  it("documents 201 with the customer and 400/401/403/500 with problem details", () => {
    expect(Object.keys(operation.responses)).toEqual(["201", "400", "401", "403", "500"]);
    expect(at(operation, "/responses/201/content/application~1json/schema/$ref")).toBe("#/components/schemas/Customer");
    expect(operation.responses["201"].description).toBe("The created customer.");
    expect(operation.responses["201"]["x-error-body"]).toBeUndefined();
    for (const status of ["400", "401", "403", "500"]) {
      expect(at(operation, `/responses/${status}/content/application~1json/schema/$ref`), status).toBe("#/components/schemas/ProblemDetails");
      expect(operation.responses[status]["x-error-body"], status).toEqual({ code: "/type", message: "/title" });
      expect(operation.responses[status]["x-source"], status).toMatch(/^inference: /);
    }
  });

  it("lists the error vocabulary, one entry per error status", () => {
    const errors: Json[] = operation["x-errors"];
    expect(errors.map((error) => [error.status, error.kind])).toEqual([
      [400, "invalid-field"],
      [401, "unauthorized"],
      [403, "unauthorized"],
      [500, "unknown"],
    ]);
    for (const error of errors) {
      expect(typeof error.code).toBe("string");
      expect(error.message.length).toBeGreaterThan(0);
      expect(String(error.status) in operation.responses).toBe(true);
    }
  });

  it("ties the 400 to rules that the request schema really reports", () => {
    const [validation] = operation["x-errors"] as Json[];
    const wrong: Record<string, unknown> = {
      "/CustomerGroupId": "1",
      "/CustomerSince": "yesterday",
      "/LastChange": "yesterday",
      "/InternalCompanyId": "1",
      "/CustomerCategoryId": "1",
      "/AccountsReceivableNumber": "1",
      "/Birthday": "yesterday",
      "/IsLocked": "yes",
      "/IsCashRegisterBased": "yes",
      "/PaymentSettings/paymentDueDateInDays": "14",
    };
    const bodyRules = (validation.rules as Json[]).filter((rule) => rule.in === "body");
    expect(bodyRules.map((rule) => rule.path)).toEqual(Object.keys(wrong));
    for (const rule of bodyRules) {
      const [first, second] = (rule.path as string).split("/").slice(1) as [string, string | undefined];
      const body = second === undefined ? { [first]: wrong[rule.path] } : { [first]: { [second]: wrong[rule.path] } };
      const keywords: string[] = Array.isArray(rule.keyword) ? rule.keyword : [rule.keyword];
      const hits = validateRequest(body);
      expect(hits.length, rule.path).toBeGreaterThan(0);
      for (const found of hits) expect(found.path, rule.path).toBe(rule.path);
      for (const found of hits) expect(keywords, rule.path).toContain(found.keyword);
    }
    const headerRule = (validation.rules as Json[]).find((rule) => rule.in === "header");
    expect(headerRule).toEqual({ in: "header", path: "/x-workflow-disabled", keyword: "type" });
  });
});

describe("jtl x-context", () => {
  const context = at(spec, "/x-context");

  it("is a closed object of every input that is not customer data", () => {
    expect(context.type).toBe("object");
    expect(context.additionalProperties).toBe(false);
    expect(Object.keys(context.properties)).toEqual(["tenantId", "appId", "appVersion", "apiVersion", "runAs", "sessionId", "workflowDisabled", "accessToken", "host"]);
    for (const [name, property] of Object.entries(context.properties as Record<string, Json>))
      expect(typeof property.description, name).toBe("string");
  });

  it("requires exactly the inputs of the required headers", () => {
    expect(context.required).toEqual(["appId", "appVersion"]);
    const requiredHeaders = (operation.parameters as Json[]).filter((parameter) => parameter.required).map((parameter) => parameter.name);
    expect(requiredHeaders).toEqual(["x-appid", "x-appversion"]);
  });

  it("validates a context: the app is needed, the token is not", () => {
    const validateContext = compileAt("jtl", "/x-context");
    expect(validateContext({ appId: "MyApp/1.0.0", appVersion: "1.0.0" })).toEqual([]);
    expect(validateContext({ appId: "MyApp/1.0.0", appVersion: "1.0.0", accessToken: "t", runAs: "42", workflowDisabled: true })).toEqual([]);
    expect(validateContext({ appVersion: "1.0.0" })).toEqual([{ path: "/appId", keyword: "required" }]);
    expect(validateContext({ appId: "a", appVersion: "1", workflowDisabled: "true" })).toEqual([{ path: "/workflowDisabled", keyword: "type" }]);
    expect(validateContext({ appId: "a", appVersion: "1", apiKey: "k" })).toEqual([{ path: "", keyword: "additionalProperties" }]);
  });
});
