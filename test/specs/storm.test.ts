// specs/storm.yaml against seeds/storm.txt and the storm section of
// vendor-notes.md: the Customer model and its nested models with their
// limits, the query parameters, the obsolete flag, the seed's sample (which
// breaks the documented formats), the invoice/delivery rule and each error key.
import { describe, expect, it } from "vitest";
import { at, compileAt, readSpec, type Json, type RuleHit } from "../helpers/spec.js";

const spec = readSpec("storm");
const operation = at(spec, "/paths/~1CustomerService.svc~1rest~1RegisterCustomer2/post");
const validate = compileAt("storm", "/components/schemas/Customer");
const hit = (path: string, keyword: string): RuleHit => ({ path, keyword });

// From the seed's Request Body schema, in order: [field, type, maxLength].
const customer: [string, string, number | undefined][] = [
  ["Id", "integer|null", undefined], ["Key", "string", undefined], ["Code", "string", 50], ["Email", "string", 255], ["SSN", "string", 50],
  ["FirstName", "string", 50], ["LastName", "string", 50], ["Phone", "string", 50], ["CellPhone", "string", 50], ["ReferId", "integer|null", undefined],
  ["ReferUrl", "string", 255], ["Account", "Account", undefined], ["Companies", "array", undefined], ["DeliveryAddresses", "array", undefined],
  ["InvoiceAddress", "Address", undefined], ["Flags", "array", undefined], ["UseInvoiceAddressAsDeliveryAddress", "boolean", undefined], ["Info", "array", undefined],
  ["PricelistIds", "array", undefined], ["CrmId", "string", 50], ["IsActive", "boolean|null", undefined], ["Created", "string|null", undefined], ["Updated", "string|null", undefined],
];
// From vendor-notes: model → [field, maxLength] for the limited ones, and the field list.
const nested: Record<string, { fields: string[]; limits: Record<string, number> }> = {
  Address: { fields: ["Id", "CareOf", "Line1", "Line2", "Zip", "City", "CountryId", "Country", "Region", "IsValidated", "GlobalLocationNo", "ShippingPhoneNumber"], limits: { CareOf: 100, Line1: 255, Line2: 255, Zip: 50, City: 50, Country: 50, Region: 50, GlobalLocationNo: 50, ShippingPhoneNumber: 50 } },
  Company: { fields: ["Id", "Key", "Code", "Name", "OrgNo", "Phone", "ReferId", "ReferUrl", "DeliveryAddresses", "InvoiceAddress", "UseInvoiceAddressAsDeliveryAddress", "Info", "PricelistIds", "ParentId", "DeliveryMethodIds", "PaymentMethodIds", "Email", "Flags", "VatNo"], limits: { OrgNo: 50 } },
  Account: { fields: ["Id", "Key", "LoginName", "Name", "Roles", "Authorizations", "IsActive"], limits: { LoginName: 255, Name: 100 } },
  Flag: { fields: ["Id", "Name", "Group", "IsSelected"], limits: { Name: 50 } },
  IdValue: { fields: ["Id", "Value", "Code"], limits: { Code: 255 } },
};
const typeOf = (schema: Json): string => (typeof schema.$ref === "string" ? schema.$ref.split("/").pop() : Array.isArray(schema.type) ? schema.type.join("|") : schema.type);
const corrected = () => structuredClone(at(operation, "/requestBody/content/application~1json/examples/corrected/value")) as Record<string, Json>;

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

  it.each(Object.entries(nested))("%s has the vendor-notes fields and limits, marked as from vendor-notes", (model, { fields, limits }) => {
    const schema = at(spec, `/components/schemas/${model}`);
    expect(Object.keys(schema.properties)).toEqual(fields);
    for (const [field, max] of Object.entries(limits)) expect(schema.properties[field].maxLength, `${model}.${field}`).toBe(max);
    expect(schema["x-source"]).toMatch(/^vendor-notes: /);
    expect(schema.additionalProperties).toBe(false);
  });

  it("types Keys as uuids, ids as int32, and marks what Storm fills as read-only", () => {
    for (const model of ["Customer", "Company", "Account"]) expect(at(spec, `/components/schemas/${model}/properties/Key/format`)).toBe("uuid");
    expect(at(spec, "/components/schemas/Customer/properties/Id")).toMatchObject({ type: ["integer", "null"], format: "int32", readOnly: true });
    for (const field of ["PricelistIds", "Created", "Updated"]) expect(at(spec, `/components/schemas/Customer/properties/${field}/readOnly`)).toBe(true);
    expect(at(spec, "/components/schemas/Company/properties/PricelistIds/readOnly")).toBe(true);
    expect(at(spec, "/components/schemas/Customer/properties/SSN/x-sensitive")).toBe(true);
  });
});

describe("storm payloads", () => {
  it("rejects the seed's sample for exactly its placeholder Key and Email and its empty invoice address", () => {
    const sample = at(operation, "/requestBody/content/application~1json/examples/seedSample");
    expect(sample["x-expect"]).toBe("invalid");
    expect(validate(sample.value)).toEqual([hit("/Key", "format"), hit("/Email", "format"), hit("/InvoiceAddress/Zip", "required"), hit("/InvoiceAddress/City", "required"), hit("/InvoiceAddress/Country", "required")]);
    expect(validate(corrected())).toEqual([]);
  });

  it("needs both addresses when the invoice address is not also the delivery address", () => {
    const address = { Zip: "11122", City: "Stockholm", Country: "SE" };
    expect(validate({ ...corrected(), UseInvoiceAddressAsDeliveryAddress: false })).toEqual([hit("/DeliveryAddresses", "required"), hit("", "if")]);
    expect(validate({ ...corrected(), UseInvoiceAddressAsDeliveryAddress: false, DeliveryAddresses: [address] })).toEqual([]);
    expect(validate({ DeliveryAddresses: [address] })).toEqual([]);
  });

  it.each([
    ["DeliveryAddressZipMissing", { DeliveryAddresses: [{ City: "Stockholm", Country: "SE" }] }, hit("/DeliveryAddresses/0/Zip", "required")],
    ["DeliveryAddressCityMissing", { DeliveryAddresses: [{ Zip: "11122", Country: "SE" }] }, hit("/DeliveryAddresses/0/City", "required")],
    ["DeliveryAddressCountryMissing", { DeliveryAddresses: [{ Zip: "11122", City: "Stockholm" }] }, hit("/DeliveryAddresses/0/Country", "required")],
    ["InvoiceAddressZipMissing", { InvoiceAddress: { City: "Stockholm", Country: "SE" } }, hit("/InvoiceAddress/Zip", "required")],
    ["InvoiceAddressCityMissing", { InvoiceAddress: { Zip: "11122", Country: "SE" } }, hit("/InvoiceAddress/City", "required")],
    ["InvoiceAddressCountryMissing", { InvoiceAddress: { Zip: "11122", City: "Stockholm" } }, hit("/InvoiceAddress/Country", "required")],
    ["InvalidCompanyName", { Companies: [{ OrgNo: "556000-0000" }] }, hit("/Companies/0/Name", "required")],
    ["InvalidEmail", { Email: "not an email" }, hit("/Email", "format")],
  ])("%s: its payload breaks exactly the rule the key's x-errors entry names", (key, body, expected) => {
    expect(validate(body)).toEqual([expected]);
    const entry = (operation["x-errors"] as Json[]).find((error) => error.code === key);
    expect(entry.rules).toEqual([{ in: "body", path: expected.path.replace(/\/0\//, "/*/"), keyword: expected.keyword }]);
  });
});

describe("storm operation", () => {
  it("is the obsolete POST CustomerService.svc/rest/RegisterCustomer2", () => {
    expect(operation).toMatchObject({ operationId: "createCustomer", deprecated: true });
    expect(operation.description).toContain('[Obsolete("Use RegisterCustomer3")]');
  });

  it("takes password, updatedBy (required int32) and cultureCode in the query", () => {
    expect(operation.parameters.map((parameter: Json) => [parameter.name, parameter.in, parameter.required, parameter.schema.type])).toEqual([
      ["password", "query", false, "string"],
      ["updatedBy", "query", true, "integer"],
      ["cultureCode", "query", false, "string"],
    ]);
    expect(operation.parameters[0]["x-sensitive"]).toBe(true);
  });

  it("lists the seed's eleven error keys in order, on 400", () => {
    expect((operation["x-errors"] as Json[]).map((error) => error.code)).toEqual([
      "AccountAlreadyExists", "CompanyAlreadyExists", "CustomerAlreadyExists", "InvalidCompanyName", "InvalidEmail",
      "DeliveryAddressZipMissing", "DeliveryAddressCityMissing", "DeliveryAddressCountryMissing",
      "InvoiceAddressZipMissing", "InvoiceAddressCityMissing", "InvoiceAddressCountryMissing",
    ]);
    expect(Object.keys(operation.responses)).toEqual(["200", "400", "500"]);
  });

  it("authenticates with a client certificate, marked as an inference", () => {
    expect(spec.components.securitySchemes.clientCertificate).toMatchObject({ type: "mutualTLS" });
    expect(spec.components.securitySchemes.clientCertificate["x-source"]).toMatch(/^inference: /);
  });

  it("has a context whose updatedBy defaults to the default account", () => {
    const validateContext = compileAt("storm", "/x-context");
    expect(at(spec, "/x-context/properties/updatedBy/default")).toBe(1);
    expect(validateContext({ updatedBy: 1 })).toEqual([]);
    expect(validateContext({})).toEqual([hit("/updatedBy", "required")]);
    expect(validateContext({ updatedBy: "1" })).toEqual([hit("/updatedBy", "type")]);
  });
});
