// specs/bydesign.yaml against seeds/bydesign.txt and the bydesign section of
// vendor-notes.md: every CustomerCreationViewModel and ICustomer field, the
// three documented limits, the five content types, the .NET dates, and the
// samples with their verdicts.
import { describe, expect, it } from "vitest";
import { at, compileAt, readSpec, type Json, type RuleHit } from "../helpers/spec.js";

const spec = readSpec("bydesign");
const operation = at(spec, "/paths/~1api~1users~1customer/post");
const validate = compileAt("bydesign", "/components/schemas/CustomerCreationViewModel");
const validateCustomer = compileAt("bydesign", "/components/schemas/ICustomer");
const hit = (path: string, keyword: string): RuleHit => ({ path, keyword });

// The seed's Body Parameters table, in order, with its types (the Email row has no name; the samples call it Email).
const request: [string, string][] = [
  ["FirstName", "string"], ["LastName", "string"], ["Email", "string"], ["Password", "string"], ["RepDID", "string"], ["Company", "string"],
  ["Phone1", "string"], ["Phone2", "string"], ["Phone3", "string"], ["Phone4", "string"],
  ["ShippingStreet1", "string"], ["ShippingStreet2", "string"], ["ShippingCountry", "string"], ["ShippingPostalCode", "string"], ["ShippingCity", "string"], ["ShippingState", "string"], ["ShippingCounty", "string"],
  ["BillingStreet1", "string"], ["BillingStreet2", "string"], ["BillingCountry", "string"], ["BillingPostalCode", "string"], ["BillingCity", "string"], ["BillingState", "string"], ["BillingCounty", "string"],
  ["AgreedToTerms", "boolean"], ["ReferralMarketType", "integer"], ["ReferralMarketTypeInput", "string"], ["ReferCustomerID", "string"], ["TaxID", "string"], ["TaxID2", "string"],
  ["ReplicatedSiteUrl", "string"], ["CustomerType", "integer"], ["SendAutoresponders", "boolean"], ["DateOfBirth", "string"], ["ReciprocalRepDID", "string"], ["PreferredCulture", "integer"],
];
// The seed's ICustomer table, in order (the nameless string row is Email, as in the XML sample).
const response = ["CustomerID", "CustomerDID", "BCKey", "CustomerTypeID", "FirstName", "LastName", "MI", "Email", "Company", "PreferredCulture", "Password",
  "BillStreet1", "BillStreet2", "BillCity", "BillState", "BillPostalCode", "BillCountry", "BillCounty", "ShipStreet1", "ShipStreet2", "ShipCity", "ShipState", "ShipPostalCode", "ShipCountry", "ShipCounty",
  "Phone1", "Phone2", "Phone3", "Phone4", "Phone5", "Phone6", "TaxExemptCodeID", "TaxExempt", "TaxID", "TaxID2", "ReferralMarketTypeID", "ReferralMarketTypeInput", "ReferCustomerID", "CreatedBy",
  "PasswordResetKey", "PasswordResetExpirationDate", "DateOfBirth", "ApplicationDate", "StatusTypeID", "ContactStatusID", "RomanizedName", "ReciprocalRepID", "LastModifiedBy", "DateLastModified",
  "TaxExemptReasonTypeID", "UpgradeRepID", "PhonesComputed", "CreatedDate", "guid", "AccountNumber", "Gender", "EmailOptOut_Company", "EmailOptOut_Upline"];
const corrected = () => structuredClone(at(operation, "/requestBody/content/application~1json/examples/corrected/value")) as Record<string, Json>;

describe("bydesign CustomerCreationViewModel", () => {
  it.each(request)("%s is %s with the seed's description", (name, type) => {
    const property = at(spec, `/components/schemas/CustomerCreationViewModel/properties/${name}`);
    expect(property.type).toBe(type);
    expect(property.description.length).toBeGreaterThan(10);
  });

  it("has exactly the seed's fields, in order, closed, none required", () => {
    const schema = at(spec, "/components/schemas/CustomerCreationViewModel");
    expect(Object.keys(schema.properties)).toEqual(request.map(([name]) => name));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toBeUndefined();
  });

  it("limits FirstName and LastName to 50 and Email to 100 characters, and nothing else", () => {
    const properties = at(spec, "/components/schemas/CustomerCreationViewModel/properties") as Record<string, Json>;
    const limited = Object.entries(properties).filter(([, property]) => property.maxLength !== undefined).map(([name, property]) => [name, property.maxLength]);
    expect(limited).toEqual([["FirstName", 50], ["LastName", 50], ["Email", 100]]);
    expect(validate({ FirstName: "é".repeat(50), LastName: "😀".repeat(50) })).toEqual([]);
    expect(validate({ FirstName: "x".repeat(51), Email: `${"a".repeat(89)}@example.com` })).toEqual([hit("/FirstName", "maxLength"), hit("/Email", "maxLength")]);
  });

  it("says when ReciprocalRepDID applies, keeps the password write-only, and defaults SendAutoresponders to true", () => {
    expect(at(spec, "/components/schemas/CustomerCreationViewModel/properties/ReciprocalRepDID/description")).toContain("JSCART_RECIPROCALIDS_INUSE");
    expect(at(spec, "/components/schemas/CustomerCreationViewModel/properties/Password")).toMatchObject({ writeOnly: true, "x-sensitive": true });
    expect(at(spec, "/components/schemas/CustomerCreationViewModel/properties/SendAutoresponders/default")).toBe(true);
  });

  it.each(["2025-11-03T07:40:09.7363348-05:00", "1985-01-01T00:00:00", "1985-01-01", "1985-01-01T00:00:00Z"])("accepts the .NET date %s", (date) => {
    expect(validate({ ...corrected(), DateOfBirth: date })).toEqual([]);
  });

  it.each(["11/03/2025 07:40:09", "1985-13-01", "1985-01-01T25:00:00", "yesterday"])("rejects %s as a date of birth", (date) => {
    expect(validate({ ...corrected(), DateOfBirth: date })).toEqual([hit("/DateOfBirth", "pattern")]);
  });
});

describe("bydesign samples and answers", () => {
  it("rejects the seed's JSON sample only for its Email, and accepts it corrected", () => {
    const sample = at(operation, "/requestBody/content/application~1json/examples/seedSample");
    expect(validate(sample.value)).toEqual([hit("/Email", "format")]);
    expect(validate({ ...sample.value, Email: "sample@example.com" })).toEqual([]);
    expect(validate(corrected())).toEqual([]);
  });

  it("documents JSON, XML and form bodies on one schema, with the XML sample", () => {
    expect(Object.keys(operation.requestBody.content)).toEqual(["application/json", "text/json", "application/xml", "text/xml", "application/x-www-form-urlencoded"]);
    for (const media of Object.values(operation.requestBody.content) as Json[]) expect(media.schema.$ref).toBe("#/components/schemas/CustomerCreationViewModel");
    expect(at(operation, "/requestBody/content/application~1xml/examples/seedSample/value")).toMatch(/^<CustomerCreationViewModel>.*<PreferredCulture>34<\/PreferredCulture> <\/CustomerCreationViewModel>$/);
  });

  it("has every ICustomer field, open to new ones, and accepts the seed's response sample", () => {
    expect(Object.keys(at(spec, "/components/schemas/ICustomer/properties"))).toEqual(response);
    expect(at(spec, "/components/schemas/ICustomer/additionalProperties")).toBeUndefined();
    expect(validateCustomer(at(operation, "/responses/200/content/application~1json/examples/seedSample/value"))).toEqual([]);
    expect(validateCustomer({ CustomerID: 1, ApplicationDate: "01/01/0001 00:00:00" })).toEqual([hit("/ApplicationDate", "pattern")]);
  });

  it("marks what the seed does not say (auth, statuses, error bodies) as inferences", () => {
    expect(spec.components.securitySchemes.basicAuth["x-source"]).toMatch(/^inference: /);
    for (const status of ["200", "400", "401", "500"]) expect(operation.responses[status]["x-source"], status).toMatch(/^inference: /);
    for (const error of operation["x-errors"] as Json[]) expect(error["x-source"]).toMatch(/^inference: /);
  });

  it("ties the 400 to the rules the schema reports", () => {
    const [validation] = operation["x-errors"] as Json[];
    const paths = (validation.rules as Json[]).map((rule) => rule.path);
    expect(paths).toEqual(["/FirstName", "/LastName", "/Email", "/DateOfBirth"]);
    expect(validate({ FirstName: 1, LastName: "x".repeat(51), Email: "nope", DateOfBirth: "soon" })).toEqual([
      hit("/FirstName", "type"),
      hit("/LastName", "maxLength"),
      hit("/Email", "format"),
      hit("/DateOfBirth", "pattern"),
    ]);
  });

  it("has a context with the Basic credentials and the referring rep", () => {
    const validateContext = compileAt("bydesign", "/x-context");
    expect(at(spec, "/x-context/required")).toEqual(["username", "password", "repDid"]);
    expect(validateContext({ username: "api", password: "p", repDid: "12345" })).toEqual([]);
    expect(validateContext({ username: "api", password: "p" })).toEqual([hit("/repDid", "required")]);
  });
});
