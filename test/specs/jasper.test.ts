// specs/jasper.yaml against seeds/jasper.txt: every field with its documented
// limit, the sample payloads, the cross-field rules, and each error code tied
// to the rule that really reports it.
import { describe, expect, it } from "vitest";
import { at, compileAt, readSpec, type Json, type RuleHit } from "../helpers/spec.js";

const spec = readSpec("jasper");
const operation = at(spec, "/paths/~1rws~1api~1v{apiVersion}~1customers/post");
const validateRequest = compileAt("jasper", "/components/schemas/CreateCustomerRequest");
const validateResponse = compileAt("jasper", "/components/schemas/CreateCustomerResponse");
const hit = (path: string, keyword: string): RuleHit => ({ path, keyword });

// Written by hand from the seed's tables: [field, type, maxLength or undefined].
const fields: Record<string, [string, string, number | undefined][]> = {
  CreateCustomerRequest: [
    ["name", "string", 60],
    ["accountName", "string", undefined],
    ["securityAnswer", "string", 100],
    ["securityQuestion", "string", 100],
    ["shipToBillAddress", "boolean", undefined],
    ["contacts", "array", undefined],
    ["billingAddress", "Address", undefined],
    ["shippingAddress", "Address", undefined],
  ],
  Contact: [
    ["name", "string", 40],
    ["title", "string", 40],
    ["phone", "string", 25],
    ["mobile", "string", 25],
    ["email", "string", 320],
  ],
  Address: [
    ["addressLine1", "string", 40],
    ["addressLine2", "string", 40],
    ["city", "string", 40],
    ["state", "string", 40],
    ["country", "string", 100],
    ["postalCode", "string", 15],
  ],
  CreateCustomerResponse: [
    ["customerId", "integer", undefined],
    ["timestamp", "integer", undefined],
  ],
};
const rows = Object.entries(fields).flatMap(([model, list]) => list.map(([field, type, max]) => [model, field, type, max] as const));

/** A valid request to vary: the seed's own example. */
const seedRequest = () => structuredClone(at(operation, "/requestBody/content/application~1json/examples/seedRequest/value")) as Record<string, Json>;

describe("jasper models", () => {
  it.each(rows)("%s.%s is %s with maxLength %s", (model, field, type, max) => {
    const property = at(spec, `/components/schemas/${model}/properties/${field}`);
    expect(property, `${model}.${field}`).toBeDefined();
    expect(typeof property.$ref === "string" ? property.$ref.split("/").pop() : property.type).toBe(type);
    expect(property.maxLength).toBe(max);
    expect(typeof property.description).toBe("string");
  });

  it.each(Object.keys(fields))("%s has exactly the documented fields, in order", (model) => {
    expect(Object.keys(at(spec, `/components/schemas/${model}/properties`))).toEqual((fields[model] ?? []).map(([field]) => field));
  });

  it("requires the name (1..60) and the account; request models are closed, the response is open", () => {
    expect(at(spec, "/components/schemas/CreateCustomerRequest/required")).toEqual(["name", "accountName"]);
    expect(at(spec, "/components/schemas/CreateCustomerRequest/properties/name/minLength")).toBe(1);
    for (const model of ["CreateCustomerRequest", "Contact", "Address"]) expect(at(spec, `/components/schemas/${model}/additionalProperties`)).toBe(false);
    expect(at(spec, "/components/schemas/CreateCustomerResponse/additionalProperties")).toBeUndefined();
  });

  it("records both conflicting limits and enforces the stricter", () => {
    const mobile = at(spec, "/components/schemas/Contact/properties/mobile");
    expect(mobile["x-conflict"].values.map((value: Json) => value.says)).toEqual(["0 to 25 characters", "0 - 40"]);
    expect(mobile["x-conflict"].chosen).toBe(25);
    const country = at(spec, "/components/schemas/Address/properties/country");
    expect(country["x-conflict"].values.map((value: Json) => value.says)).toEqual(["0 to 150 characters", "0 - 100"]);
    expect(country.maxLength).toBe(country["x-conflict"].chosen);
  });

  it("marks the security answer sensitive and write-only", () => {
    expect(at(spec, "/components/schemas/CreateCustomerRequest/properties/securityAnswer")).toMatchObject({ writeOnly: true, "x-sensitive": true });
  });
});

describe("jasper payloads", () => {
  it("accepts the seed's request and response examples", () => {
    expect(validateRequest(seedRequest())).toEqual([]);
    expect(validateResponse(at(operation, "/responses/200/content/application~1json/examples/seedResponse/value"))).toEqual([]);
  });

  it("requires a shipping address unless shipToBillAddress is true", () => {
    const { shipToBillAddress: _ship, ...withoutFlag } = seedRequest();
    expect(validateRequest(withoutFlag)).toEqual([hit("/shippingAddress", "required"), hit("", "if")]);
    expect(validateRequest({ ...seedRequest(), shipToBillAddress: false })).toEqual([hit("/shippingAddress", "required"), hit("", "if")]);
    expect(validateRequest({ ...seedRequest(), shipToBillAddress: false, shippingAddress: { city: "Anytown" } })).toEqual([]);
    expect(validateRequest({ ...seedRequest(), shipToBillAddress: true })).toEqual([]);
  });

  it("requires the security question and answer together", () => {
    const { securityAnswer: _answer, ...questionOnly } = seedRequest();
    const { securityQuestion: _question, ...answerOnly } = seedRequest();
    expect(validateRequest(questionOnly)).toEqual([hit("/securityAnswer", "dependentRequired")]);
    expect(validateRequest(answerOnly)).toEqual([hit("/securityQuestion", "dependentRequired")]);
    const { securityAnswer: _a, securityQuestion: _q, ...neither } = seedRequest();
    expect(validateRequest(neither)).toEqual([]);
  });

  it("holds at most four contacts", () => {
    const contact = { name: "Jane Roe" };
    expect(validateRequest({ ...seedRequest(), contacts: Array(4).fill(contact) })).toEqual([]);
    expect(validateRequest({ ...seedRequest(), contacts: Array(5).fill(contact) })).toEqual([hit("/contacts", "maxItems")]);
  });

  it("counts the name's limit in characters (code points), 1 to 60", () => {
    expect(validateRequest({ ...seedRequest(), name: "😀".repeat(60) })).toEqual([]);
    expect(validateRequest({ ...seedRequest(), name: "é".repeat(61) })).toEqual([hit("/name", "maxLength")]);
    expect(validateRequest({ ...seedRequest(), name: "" })).toEqual([hit("/name", "minLength")]);
  });
});

describe("jasper operation", () => {
  it("is POST rws/api/v{apiVersion}/customers with Basic auth and version 1", () => {
    expect(operation.operationId).toBe("createCustomer");
    expect(spec.security).toEqual([{ basicAuth: [] }]);
    expect(spec.components.securitySchemes.basicAuth).toMatchObject({ type: "http", scheme: "basic" });
    expect(operation.parameters).toEqual([expect.objectContaining({ name: "apiVersion", in: "path", required: true, schema: { type: "string", enum: ["1"] } })]);
  });

  it("lists the seed's error table in order, each with its status", () => {
    const codes = (operation["x-errors"] as Json[]).map((error) => error.code);
    expect(codes).toEqual([10000004, 10000024, ...Array.from({ length: 20 }, (_unused, index) => 10000580 + index), 10000602, 10000603]);
    for (const error of operation["x-errors"] as Json[]) expect(error.status).toBe(400);
    expect(operation.responses["400"]["x-error-body"]).toEqual({ code: "/errorCode", message: "/errorMessage" });
  });

  it("ties each length error to a rule the schema really reports", () => {
    const tooLong = (max: number) => "x".repeat(max + 1);
    for (const error of operation["x-errors"] as Json[])
      for (const rule of (error.rules ?? []) as Json[]) {
        if (rule.in !== "body" || rule.keyword === "required" || rule.keyword === "dependentRequired") continue;
        const keywords = Array.isArray(rule.keyword) ? rule.keyword : [rule.keyword];
        if (!keywords.includes("maxLength")) continue;
        const parts = (rule.path as string).split("/").slice(1);
        const body = seedRequest();
        const [first, second, third] = parts;
        const max = Number(/(\d+)\.$/.exec(error.message as string)?.[1]);
        const limit = first === "contacts" ? at(spec, `/components/schemas/Contact/properties/${third}/maxLength`) : second ? at(spec, `/components/schemas/Address/properties/${second}/maxLength`) : at(spec, `/components/schemas/CreateCustomerRequest/properties/${first}/maxLength`);
        expect(limit, rule.path).toBeLessThanOrEqual(max);
        if (first === "contacts") body.contacts = [{ [third as string]: tooLong(limit) }];
        else if (second) body[first as string] = { [second]: tooLong(limit) };
        else body[first as string] = tooLong(limit);
        if (first === "shippingAddress") body.shipToBillAddress = false;
        expect(validateRequest(body), `${error.code} ${rule.path}`).toEqual([hit((rule.path as string).replace("*", "0"), "maxLength")]);
      }
  });

  it("has a context with the Basic credentials and the account", () => {
    const validateContext = compileAt("jasper", "/x-context");
    expect(at(spec, "/x-context/required")).toEqual(["username", "apiKey", "accountName"]);
    expect(validateContext({ username: "u", apiKey: "k", accountName: "Acme" })).toEqual([]);
    expect(validateContext({ username: "u", apiKey: "k" })).toEqual([hit("/accountName", "required")]);
    expect(at(spec, "/x-context/properties/apiKey")).toMatchObject({ "x-credential": true, "x-sensitive": true });
  });
});
