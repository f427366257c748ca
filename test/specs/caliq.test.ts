// specs/caliq.yaml against seeds/caliq.txt: every body parameter with its
// limit and required rule, the four content types, the seed's samples (which
// break the seed's own limits), the body API key, and the 200-with-issues
// failure.
import { describe, expect, it } from "vitest";
import { at, compileAt, readSpec, type Json, type RuleHit } from "../helpers/spec.js";

const spec = readSpec("caliq");
const operation = at(spec, "/paths/~1api~1v1~1CustomerCreate/post");
const validate = compileAt("caliq", "/components/schemas/CustomerCreateParams");
const validateResults = compileAt("caliq", "/components/schemas/CustomerCreateResults");
const hit = (path: string, keyword: string): RuleHit => ({ path, keyword });

// The seed's Body Parameters table: [name, type, required, max length].
const parameters: [string, string, boolean, number | undefined][] = [
  ["apiKey", "string", true, undefined], ["ChannelID", "integer", true, undefined], ["AccountNo", "string", true, 10], ["CompanyName", "string", false, 40],
  ["Line1", "string", true, 50], ["Line2", "string", false, 50], ["Line3", "string", false, 50], ["Town", "string", false, 50], ["County", "string", false, 25],
  ["Postcode", "string", false, 15], ["Country", "string", true, 3], ["AllowDeliveries", "boolean", true, undefined], ["AllowInvoices", "boolean", true, undefined],
  ["Title", "string", false, 6], ["Firstname", "string", true, 20], ["Surname", "string", true, 30], ["TelephoneNo", "string", false, 20], ["MobileNo", "string", false, 20],
  ["Email", "string", true, 70], ["VATNumber", "string", false, 30], ["EORI", "string", false, 20], ["Currency", "string", true, 3],
  ["CustomerServiceLevel", "integer|null", false, undefined], ["CustomerCategory", "string", false, 4],
];
const corrected = () => structuredClone(at(operation, "/requestBody/content/application~1json/examples/corrected/value")) as Record<string, Json>;

describe("caliq CustomerCreateParams", () => {
  it.each(parameters)("%s is %s, required %s, max length %s", (name, type, required, max) => {
    const property = at(spec, `/components/schemas/CustomerCreateParams/properties/${name}`);
    expect(Array.isArray(property.type) ? property.type.join("|") : property.type).toBe(type);
    expect(property.maxLength).toBe(max);
    expect(at(spec, "/components/schemas/CustomerCreateParams/required").includes(name)).toBe(required);
  });

  it("has exactly the seed's parameters, in order, and is closed", () => {
    expect(Object.keys(at(spec, "/components/schemas/CustomerCreateParams/properties"))).toEqual(parameters.map(([name]) => name));
    expect(at(spec, "/components/schemas/CustomerCreateParams/additionalProperties")).toBe(false);
  });

  it("keeps the vendor's Country description and records that it is a copy slip", () => {
    const country = at(spec, "/components/schemas/CustomerCreateParams/properties/Country");
    expect(country.description).toBe("Currency code from the currency list in ISO3 format");
    expect(country["x-conflict"].chosen).toBe("ISO 3166-1 alpha-3 country code");
    expect(validate({ ...corrected(), Country: "GBR" })).toEqual([]);
    expect(validate({ ...corrected(), Country: "GB" })).toEqual([hit("/Country", "pattern")]);
  });

  it("carries the API key in the body as a write-only credential, with no security scheme", () => {
    expect(spec.security).toEqual([]);
    expect(at(spec, "/components/schemas/CustomerCreateParams/properties/apiKey")).toMatchObject({ writeOnly: true, "x-credential": true, "x-sensitive": true });
    expect(at(spec, "/x-context/properties/apiKey")).toMatchObject({ "x-credential": true, "x-sensitive": true });
  });
});

describe("caliq samples", () => {
  it("rejects the seed's JSON sample for every value longer than its documented limit", () => {
    const sample = at(operation, "/requestBody/content/application~1json/examples/seedSample");
    const expected = (sample["x-expect-errors"] as Json[]).map((rule) => hit(rule.path, rule.keyword));
    expect(validate(sample.value)).toEqual(expected);
    // Each "sample string N" over its limit is listed: computed here from the table, independently of the spec.
    const tooLong = parameters.filter(([name, , , max]) => max !== undefined && typeof sample.value[name] === "string" && [...(sample.value[name] as string)].length > max).map(([name]) => `/${name}`);
    expect(tooLong).toEqual(expected.filter((error) => error.keyword === "maxLength").map((error) => error.path));
  });

  it("accepts the corrected sample and requires each required parameter", () => {
    expect(validate(corrected())).toEqual([]);
    for (const [name, , required] of parameters) {
      const { [name]: _removed, ...without } = corrected();
      if (required) expect(validate(without), name).toEqual([hit(`/${name}`, "required")]);
    }
  });

  it("documents JSON and XML in both their media types, on one schema", () => {
    expect(Object.keys(operation.requestBody.content)).toEqual(["application/json", "text/json", "application/xml", "text/xml"]);
    for (const media of Object.values(operation.requestBody.content) as Json[]) expect(media.schema.$ref).toBe("#/components/schemas/CustomerCreateParams");
    expect(at(operation, "/requestBody/content/application~1xml/examples/seedSample/value")).toContain("<CustomerCreateParams");
  });
});

describe("caliq responses", () => {
  it("treats a 200 with OK false as an error list, read from CustomerCreateIssues", () => {
    expect(operation.responses["200"]["x-error-body"]).toEqual({
      when: { pointer: "/CustomerCreateData/OK", equals: false },
      list: "/CustomerCreateData/CustomerCreateIssues",
      code: "/ID",
      message: "/Message",
    });
    expect(validateResults(at(operation, "/responses/200/content/application~1json/examples/seedSample/value"))).toEqual([]);
  });

  it("lists the seed's error numbers and statuses", () => {
    const errors = operation["x-errors"] as Json[];
    expect(errors.filter((error) => error.status === 200).map((error) => error.code)).toEqual([1, 9, 29, 30, 31, 32, 34, 35, 37, 38, 39, 40]);
    expect(errors.filter((error) => error.status !== 200).map((error) => [error.status, error.kind])).toEqual([
      [400, "invalid-field"],
      [401, "unauthorized"],
      [503, "unavailable"],
    ]);
    expect(Object.keys(operation.responses)).toEqual(["200", "400", "401", "503"]);
  });
});
