// specs/jasper.yaml against seeds/jasper.txt and the jasper section of
// vendor-notes.md: every field of the three parameter tables with its type,
// limit and the vendor's own description; the seed's request and response
// examples; the two limit conflicts; the shipping-address and security
// question/answer rules and the four-contact limit, shown with hand-written
// payloads; each error code of the seed's table, tied to the rule the schema
// really reports; the Basic auth and the context. Beyond the seed, against
// vendor-sources/jasper/ (OSGP_open-smart-grid-platform/JasperError.java,
// api-evangelist_rogers/errors_rogers-error-codes.yml, VENDOR_DOC_EXCERPTS.md):
// the generic errors every call can answer, the 401 body without errorCode,
// errorCode as a JSON string (also in what the mock sends) and the access rule.
import { describe, expect, it } from "vitest";
import type { FromResponseResult, MockVendor, ToRequestResult, ValidationResult } from "@customer-adapters/runtime";
import { customers } from "../fixtures/customers.js";
import { loadPackage } from "../helpers/package.js";
import { at, compileAt, readSpec, readVendorSource, type Json, type RuleHit } from "../helpers/spec.js";

const spec = readSpec("jasper");
const operation = at(spec, "/paths/~1rws~1api~1v{apiVersion}~1customers/post");
const validateRequest = compileAt("jasper", "/components/schemas/CreateCustomerRequest");
const validateResponse = compileAt("jasper", "/components/schemas/CreateCustomerResponse");
const validateError = compileAt("jasper", "/components/schemas/ErrorResponse");
const validateUnauthorized = compileAt("jasper", "/components/schemas/UnauthorizedResponse");
const validateApiVersion = compileAt("jasper", "/paths/~1rws~1api~1v{apiVersion}~1customers/post/parameters/0/schema");
const hit = (path: string, keyword: string): RuleHit => ({ path, keyword });

/** A property's type as the table below writes it: `string`, `integer|string`, `Address`, `Contact[]`. */
function typeOf(schema: Json): string {
  if (schema === undefined) return "missing";
  if (typeof schema.$ref === "string") return schema.$ref.replace("#/components/schemas/", "");
  const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.map((type) => (type === "array" ? `${typeOf(schema.items)}[]` : String(type))).join("|");
}

// Written by hand from seeds/jasper.txt, in the documented order: [field, type, minLength, maxLength, the seed's description].
type Row = [string, string, number | undefined, number | undefined, string];
const fields: Record<string, Row[]> = {
  CreateCustomerRequest: [
    [
      "name",
      "string",
      1,
      60,
      "The name of the customer. The string must contain at least one character with a maximum of 60 characters. You can include spaces and special characters in the customer name.",
    ],
    ["accountName", "string", undefined, undefined, "The name of the parent account containing the customer."],
    [
      "securityAnswer",
      "string",
      undefined,
      100,
      "(Optional) The answer to the security question. This field is required if there is a securityQuestion. The string allows a maximum of 100 characters.",
    ],
    [
      "securityQuestion",
      "string",
      undefined,
      100,
      "(Optional) A security question. If a securityAnswer is used, the securityQuestion is required. The string allows a maximum of 100 characters.",
    ],
    [
      "shipToBillAddress",
      "boolean",
      undefined,
      undefined,
      "(Optional) Set this value to true if you want to use the customer's billing address as the shipping address. The default is false.",
    ],
    ["contacts", "Contact[]", undefined, undefined, "(Optional) See the Contact Parameters table below."],
    ["billingAddress", "Address", undefined, undefined, "(Optional) See the Address Parameters table below."],
    [
      "shippingAddress",
      "Address",
      undefined,
      undefined,
      "(Optional) See the Address Parameters table below. This address is required if shipToBillAddress is false.",
    ],
  ],
  Contact: [
    ["name", "string", undefined, 40, "The name of the contact. The string allows 0 to 40 characters."],
    ["title", "string", undefined, 40, "The title of the contact. The string allows 0 to 40 characters."],
    ["phone", "string", undefined, 25, "The phone number of the contact. The string allows 0 to 25 characters."],
    ["mobile", "string", undefined, 25, "The mobile number of the contact. The string allows 0 to 25 characters."],
    ["email", "string", undefined, 320, "The email address of the contact. The string allows 0 to 320 characters."],
  ],
  Address: [
    [
      "addressLine1",
      "string",
      undefined,
      40,
      "The first line of the contact's billing/shipping address. This is typically a street number and a street name. The string allows 0 to 40 characters.",
    ],
    [
      "addressLine2",
      "string",
      undefined,
      40,
      "The second line of the contact's billing/shipping address. The string allows 0 to 40 characters.",
    ],
    ["city", "string", undefined, 40, "The city of the contact. The string allows 0 to 40 characters."],
    ["state", "string", undefined, 40, "The state or province of the contact. The string allows 0 to 40 characters."],
    // The Address table says 150, error 10000598 says 100: the stricter is enforced (see the conflict test).
    ["country", "string", undefined, 100, "The country of the contact. The string allows 0 to 150 characters."],
    ["postalCode", "string", undefined, 15, "The postal code of the contact. The string allows 0 to 15 characters."],
  ],
  CreateCustomerResponse: [
    ["customerId", "integer", undefined, undefined, "The identification number of the customer that was created."],
    [
      "timestamp",
      "integer",
      undefined,
      undefined,
      "The date and time when the customer was created. The timestamp displays in UNIX Epoch clock format. See Date/Time Formats for more information.",
    ],
  ],
  // Not in the seed: the error bodies, from vendor-sources/jasper/.
  ErrorResponse: [
    [
      "errorCode",
      "string",
      undefined,
      undefined,
      "The error code (Error Code column), a string of digits on the wire.",
    ],
    ["errorMessage", "string", undefined, undefined, "The error message (Error Message column)."],
  ],
  UnauthorizedResponse: [
    ["errorCode", "string", undefined, undefined, "The error code, when there is one (10000001)."],
    ["errorMessage", "string", undefined, undefined, "The error message."],
  ],
};
const rows = Object.entries(fields).flatMap(([model, list]) => list.map((row) => [model, ...row] as const));
const requestModels = ["CreateCustomerRequest", "Contact", "Address"];
const responseModels = ["CreateCustomerResponse", "ErrorResponse", "UnauthorizedResponse"];

// The seed's Errors table, in order: [code, HTTP code, message verbatim, kind]. Codes are written as the
// strings they are on the wire.
const errorTable: [string, number, string, string][] = (
  [
    [10000004, 400, "Invalid accountId.", "not-found"],
    [10000024, 400, "Invalid apiVersion.", "invalid-field"],
    [10000580, 400, "Customer details required.", "invalid-field"],
    [10000581, 400, "Customer name is required.", "invalid-field"],
    [10000582, 400, "Invalid customer name. Number of characters allowed 1 - 60.", "invalid-field"],
    [10000583, 400, "Account Id is required.", "invalid-field"],
    [10000584, 400, "Security answer missing.", "invalid-field"],
    [10000585, 400, "Security question missing.", "invalid-field"],
    [10000586, 400, "Invalid security question. Number of characters allowed 0 - 100.", "invalid-field"],
    [10000587, 400, "Invalid security answer. Number of characters allowed 0 - 100.", "invalid-field"],
    [10000588, 400, "Maximum 4 contacts can be associated with a customer.", "invalid-field"],
    [10000589, 400, "Invalid contact name. Number of characters allowed 0 - 40.", "invalid-field"],
    [10000590, 400, "Invalid contact title. Number of characters allowed 0 - 40.", "invalid-field"],
    [10000591, 400, "Invalid contact phone. Number of characters allowed 0 - 25.", "invalid-field"],
    [10000592, 400, "Invalid contact mobile. Number of characters allowed 0 - 40.", "invalid-field"],
    [10000593, 400, "Invalid contact email. Number of characters allowed 0 - 320.", "invalid-field"],
    [10000594, 400, "Invalid address line1. Number of characters allowed 0 - 40.", "invalid-field"],
    [10000595, 400, "Invalid address line2. Number of characters allowed 0 - 40.", "invalid-field"],
    [10000596, 400, "Invalid city. Number of characters allowed 0 - 40.", "invalid-field"],
    [10000597, 400, "Invalid state/region. Number of characters allowed 0 - 40.", "invalid-field"],
    [10000598, 400, "Invalid country. Number of characters allowed 0 - 100.", "invalid-field"],
    [10000599, 400, "Invalid postal code. Number of characters allowed 0 - 15.", "invalid-field"],
    [10000602, 400, "Duplicate customer name.", "duplicate"],
    [10000603, 400, "Invalid account. Account erasure request is in progress for the account.", "not-found"],
    [20000003, 404, "Resource not found - Invalid accountId.", "not-found"],
  ] as const
).map(([code, ...rest]) => [String(code), ...rest]);
// The errors every Control Center call can answer (vendor-sources/jasper/OSGP_open-smart-grid-platform/JasperError.java), listed first.
const genericErrors: [string, number, string, string][] = [
  ["10000001", 401, "Invalid credentials", "unauthorized"],
  [
    "10000023",
    400,
    "The JSON in the request is not well formed. Please ensure that commas, colons, braces etc. are formatted properly.",
    "invalid-field",
  ],
  [
    "10000028",
    400,
    "Invalid request. Description: The request contained one or more unrecognized parameters.",
    "invalid-field",
  ],
  ["10000030", 400, "Your role does not have access to this API function.", "unauthorized"],
  ["30000001", 500, "Unknown server error.", "unknown"],
];
const xErrors = (): Json[] => operation["x-errors"] as Json[];

/** A valid request to vary: the seed's own example. */
const seedRequest = () =>
  structuredClone(at(operation, "/requestBody/content/application~1json/examples/seedRequest/value")) as Record<
    string,
    Json
  >;

/** Follows `$ref` to the component. */
const resolve = (schema: Json): Json => (typeof schema?.$ref === "string" ? at(spec, schema.$ref.slice(1)) : schema);

/** The request schema of the value at an instance path such as `/contacts/0/name` or `/contacts/*\/name`. */
function schemaAtPath(path: string): Json {
  let node = at(spec, "/components/schemas/CreateCustomerRequest");
  for (const part of path.split("/").slice(1))
    node = resolve(part === "*" || /^\d+$/.test(part) ? resolve(node).items : resolve(node).properties[part]);
  return resolve(node);
}

/** Writes `value` at an instance path, creating objects and arrays on the way. */
function setAt(root: Record<string, Json>, path: string, value: unknown): void {
  const parts = path.split("/").slice(1);
  let node: Json = root;
  parts.forEach((part, index) => {
    if (index === parts.length - 1) node[part] = value;
    else {
      node[part] ??= /^\d+$/.test(parts[index + 1] ?? "") ? [] : {};
      node = node[part];
    }
  });
}

describe("jasper models: every documented field with its type, limits and words", () => {
  it.each(rows)("%s.%s is %s (minLength %s, maxLength %s)", (model, field, type, min, max, description) => {
    const property = at(spec, `/components/schemas/${model}/properties/${field}`);
    expect(property, `${model}.${field}`).toBeDefined();
    expect(typeOf(property)).toBe(type);
    expect(property.minLength).toBe(min);
    expect(property.maxLength).toBe(max);
    expect(property.description.startsWith(description), `${model}.${field} description`).toBe(true);
  });

  it.each(Object.keys(fields))("%s has exactly the documented fields, in the documented order", (model) => {
    expect(Object.keys(at(spec, `/components/schemas/${model}/properties`))).toEqual(
      (fields[model] ?? []).map(([field]) => field),
    );
  });

  it("has no schema besides the documented models", () => {
    expect(Object.keys(at(spec, "/components/schemas")).sort()).toEqual(Object.keys(fields).sort());
  });

  it.each(requestModels)("request model %s is closed", (model) => {
    expect(at(spec, `/components/schemas/${model}/additionalProperties`)).toBe(false);
  });

  it.each(responseModels)("response model %s is open", (model) => {
    expect(at(spec, `/components/schemas/${model}/additionalProperties`)).toBeUndefined();
  });

  it("requires the name and the account, and nothing in a contact or an address", () => {
    expect(at(spec, "/components/schemas/CreateCustomerRequest/required")).toEqual(["name", "accountName"]);
    expect(at(spec, "/components/schemas/CreateCustomerRequest/properties/accountName/x-source")).toMatch(
      /^inference: /,
    );
    for (const model of ["Contact", "Address", "CreateCustomerResponse"])
      expect(at(spec, `/components/schemas/${model}/required`), model).toBeUndefined();
  });

  it("holds at most four contacts and defaults shipToBillAddress to false", () => {
    expect(at(spec, "/components/schemas/CreateCustomerRequest/properties/contacts/maxItems")).toBe(4);
    expect(at(spec, "/components/schemas/CreateCustomerRequest/properties/shipToBillAddress/default")).toBe(false);
  });

  it("gives every request string a limit or says why not", () => {
    for (const model of requestModels)
      for (const [field, property] of Object.entries(
        at(spec, `/components/schemas/${model}/properties`) as Record<string, Json>,
      ))
        if (property.type === "string")
          expect(
            property.maxLength !== undefined || typeof property["x-no-limit"] === "string",
            `${model}.${field}`,
          ).toBe(true);
  });

  it("records both conflicting limits and enforces the stricter", () => {
    const mobile = at(spec, "/components/schemas/Contact/properties/mobile");
    expect(mobile["x-conflict"].values).toEqual([
      { says: "0 to 25 characters", where: "Contact Parameters table" },
      { says: "0 - 40", where: "error 10000592 (Invalid contact mobile)" },
    ]);
    expect(mobile["x-conflict"].chosen).toBe(25);
    expect(mobile.maxLength).toBe(25);
    expect(typeof mobile["x-conflict"].reason).toBe("string");
    const country = at(spec, "/components/schemas/Address/properties/country");
    expect(country["x-conflict"].values).toEqual([
      { says: "0 to 150 characters", where: "Address Parameters table" },
      { says: "0 - 100", where: "error 10000598 (Invalid country)" },
    ]);
    expect(country["x-conflict"].chosen).toBe(100);
    expect(country.maxLength).toBe(100);
    expect(typeof country["x-conflict"].reason).toBe("string");
  });

  it("marks the security answer sensitive and write-only, and nothing else in the body", () => {
    expect(at(spec, "/components/schemas/CreateCustomerRequest/properties/securityAnswer")).toMatchObject({
      writeOnly: true,
      "x-sensitive": true,
    });
    const flagged = requestModels.flatMap((model) =>
      Object.entries(at(spec, `/components/schemas/${model}/properties`) as Record<string, Json>)
        .filter(([, property]) => property["x-sensitive"] || property.writeOnly || property["x-credential"])
        .map(([field]) => `${model}.${field}`),
    );
    expect(flagged).toEqual(["CreateCustomerRequest.securityAnswer"]);
  });

  it("marks what Control Center fills as read-only, the timestamp as epoch seconds", () => {
    for (const field of ["customerId", "timestamp"])
      expect(at(spec, `/components/schemas/CreateCustomerResponse/properties/${field}/readOnly`), field).toBe(true);
    expect(at(spec, "/components/schemas/CreateCustomerResponse/properties/timestamp/x-source")).toMatch(
      /^vendor-notes: .*UNIX epoch seconds/,
    );
    expect(at(spec, "/components/schemas/ErrorResponse/x-source")).toMatch(
      /^vendor-sources: jasper\/VENDOR_DOC_EXCERPTS\.md/,
    );
  });

  it("records the error code's conflict: numbers in the seed's table, a JSON string on the wire (chosen)", () => {
    const errorCode = at(spec, "/components/schemas/ErrorResponse/properties/errorCode");
    expect(errorCode["x-conflict"].values.map((value: Json) => value.where)).toEqual([
      expect.stringMatching(/seeds\/jasper\.txt/),
      expect.stringMatching(/VENDOR_DOC_EXCERPTS\.md.*JasperError\.java/),
    ]);
    expect(errorCode["x-conflict"].chosen).toBe("a string of digits");
    expect(readVendorSource("jasper", "VENDOR_DOC_EXCERPTS.md")).toContain(
      '{"errorMessage":"Invalid credentials","errorCode":"10000001"}',
    );
  });

  it("carries the seed's examples", () => {
    const examples: [string, string, unknown][] = [
      ["CreateCustomerRequest", "name", "Acme Customer"],
      ["CreateCustomerRequest", "accountName", "Acme"],
      ["CreateCustomerRequest", "securityAnswer", "Journey"],
      ["CreateCustomerRequest", "securityQuestion", "FirstConcert"],
      ["CreateCustomerRequest", "shipToBillAddress", true],
      ["Address", "addressLine1", "123 Main"],
      ["Address", "addressLine2", "string"],
      ["Address", "city", "Anytown"],
      ["Address", "state", "FLA"],
      ["Address", "country", "USA"],
      ["Address", "postalCode", "36301"],
      ["CreateCustomerResponse", "customerId", 1234],
      ["CreateCustomerResponse", "timestamp", 1527590173],
    ];
    for (const [model, field, value] of examples)
      expect(at(spec, `/components/schemas/${model}/properties/${field}/examples`), `${model}.${field}`).toEqual([
        value,
      ]);
  });
});

describe("jasper example payloads", () => {
  const requestMedia = at(operation, "/requestBody/content/application~1json");
  const responseMedia = at(operation, "/responses/200/content/application~1json");

  it("documents only application/json, for the request and for every response", () => {
    expect(Object.keys(at(operation, "/requestBody/content"))).toEqual(["application/json"]);
    expect(requestMedia.schema.$ref).toBe("#/components/schemas/CreateCustomerRequest");
    expect(operation.requestBody.required).toBe(true);
    for (const [status, response] of Object.entries(operation.responses as Record<string, Json>))
      expect(Object.keys(response.content), status).toEqual(["application/json"]);
  });

  it("gives every example its verdict, and the verdict holds", () => {
    const media: [Json, (value: unknown) => RuleHit[]][] = [
      [requestMedia, validateRequest],
      [responseMedia, validateResponse],
    ];
    for (const [content, validate] of media)
      for (const [name, example] of Object.entries(content.examples as Record<string, Json>)) {
        expect(["valid", "invalid"], name).toContain(example["x-expect"]);
        const found = validate(example.value);
        if (example["x-expect"] === "valid") expect(found, name).toEqual([]);
        else
          expect(
            [...found].sort((a, b) => (a.path + a.keyword).localeCompare(b.path + b.keyword)),
            name,
          ).toEqual(example["x-expect-errors"]);
      }
  });

  it("keeps the seed's request example verbatim, and it is valid", () => {
    const example = requestMedia.examples.seedRequest;
    expect(example["x-expect"]).toBe("valid");
    expect(example.value).toEqual({
      name: "Acme Customer",
      accountName: "Acme",
      securityQuestion: "FirstConcert",
      securityAnswer: "Journey",
      shipToBillAddress: true,
      billingAddress: {
        addressLine1: "123 Main",
        addressLine2: "string",
        city: "Anytown",
        state: "FLA",
        country: "USA",
        postalCode: "36301",
      },
    });
    expect(validateRequest(example.value)).toEqual([]);
  });

  it("keeps the seed's response example verbatim, and it is valid", () => {
    const example = responseMedia.examples.seedResponse;
    expect(example["x-expect"]).toBe("valid");
    expect(example.value).toEqual({ customerId: 1234, timestamp: 1527590173 });
    expect(validateResponse(example.value)).toEqual([]);
  });
});

describe("jasper payloads", () => {
  describe("shippingAddress is required unless shipToBillAddress is true", () => {
    const { shipToBillAddress: _flag, ...withoutFlag } = seedRequest();
    const missing = [hit("/shippingAddress", "required"), hit("", "if")];

    it.each([
      ["true, no shipping address (the seed's request)", seedRequest(), []],
      ["true, with a shipping address", { ...seedRequest(), shippingAddress: { city: "Anytown" } }, []],
      [
        "false, with a shipping address",
        {
          ...seedRequest(),
          shipToBillAddress: false,
          shippingAddress: { addressLine1: "1 Dock Rd", city: "Portsmouth" },
        },
        [],
      ],
      ["absent (default false), with a shipping address", { ...withoutFlag, shippingAddress: { city: "Anytown" } }, []],
      [
        "false, with an empty shipping address (every field is optional)",
        { ...seedRequest(), shipToBillAddress: false, shippingAddress: {} },
        [],
      ],
      ["false, no shipping address", { ...seedRequest(), shipToBillAddress: false }, missing],
      ["absent (default false), no shipping address", withoutFlag, missing],
      ["absent, no addresses at all", { name: "Acme Customer", accountName: "Acme" }, missing],
      ["true, no addresses at all", { name: "Acme Customer", accountName: "Acme", shipToBillAddress: true }, []],
    ] as [string, Json, RuleHit[]][])("shipToBillAddress %s", (_case, body, expected) => {
      expect(validateRequest(body)).toEqual(expected);
    });

    it("a mistyped flag is a type error, not a way round the rule", () => {
      expect(validateRequest({ ...seedRequest(), shipToBillAddress: "true" })).toEqual([
        hit("/shipToBillAddress", "type"),
      ]);
      expect(validateRequest({ ...withoutFlag, shipToBillAddress: "false" })).toEqual([
        hit("/shipToBillAddress", "type"),
      ]);
    });

    it("describes the rule", () => {
      expect(at(spec, "/components/schemas/CreateCustomerRequest/if/description")).toMatch(
        /shippingAddress is required if shipToBillAddress is false/,
      );
      expect(at(spec, "/components/schemas/CreateCustomerRequest/then")).toEqual({ required: ["shippingAddress"] });
    });
  });

  describe("securityQuestion and securityAnswer each require the other", () => {
    const { securityAnswer: _answer, ...questionOnly } = seedRequest();
    const { securityQuestion: _question, ...answerOnly } = seedRequest();
    const { securityAnswer: _a, securityQuestion: _q, ...neither } = seedRequest();

    it.each([
      ["both (the seed's request)", seedRequest(), []],
      ["neither", neither, []],
      ["both empty (0 characters are allowed)", { ...neither, securityQuestion: "", securityAnswer: "" }, []],
      ["the question only", questionOnly, [hit("/securityAnswer", "dependentRequired")]],
      ["the answer only", answerOnly, [hit("/securityQuestion", "dependentRequired")]],
      [
        "the question only, too long",
        { ...questionOnly, securityQuestion: "q".repeat(101) },
        [hit("/securityQuestion", "maxLength"), hit("/securityAnswer", "dependentRequired")],
      ],
    ] as [string, Json, RuleHit[]][])("%s", (_case, body, expected) => {
      expect(validateRequest(body)).toEqual(expected);
    });

    it("is stated as dependentRequired both ways", () => {
      expect(at(spec, "/components/schemas/CreateCustomerRequest/dependentRequired")).toEqual({
        securityQuestion: ["securityAnswer"],
        securityAnswer: ["securityQuestion"],
      });
    });
  });

  describe("a customer has at most four contacts", () => {
    const contact = {
      name: "Jane Roe",
      title: "CTO",
      phone: "+1 555 0100",
      mobile: "+1 555 0101",
      email: "jane@example.com",
    };
    it.each([0, 1, 2, 3, 4])("accepts %i contacts", (count) => {
      expect(
        validateRequest({ ...seedRequest(), contacts: Array.from({ length: count }, () => ({ ...contact })) }),
      ).toEqual([]);
    });
    it.each([5, 6, 10])("refuses %i contacts", (count) => {
      expect(
        validateRequest({ ...seedRequest(), contacts: Array.from({ length: count }, () => ({ ...contact })) }),
      ).toEqual([hit("/contacts", "maxItems")]);
    });
    it("accepts four contacts with every field at its limit, and reports each field one past it", () => {
      const full = {
        name: "n".repeat(40),
        title: "t".repeat(40),
        phone: "1".repeat(25),
        mobile: "2".repeat(25),
        email: "e".repeat(320),
      };
      expect(validateRequest({ ...seedRequest(), contacts: [full, full, full, full] })).toEqual([]);
      const over = {
        name: "n".repeat(41),
        title: "t".repeat(41),
        phone: "1".repeat(26),
        mobile: "2".repeat(26),
        email: "e".repeat(321),
      };
      expect(validateRequest({ ...seedRequest(), contacts: [{}, over] })).toEqual(
        Object.keys(over).map((field) => hit(`/contacts/1/${field}`, "maxLength")),
      );
    });
    it("refuses five contacts and a long field in one report", () => {
      expect(
        validateRequest({ ...seedRequest(), contacts: [contact, contact, contact, contact, { name: "x".repeat(41) }] }),
      ).toEqual([hit("/contacts", "maxItems"), hit("/contacts/4/name", "maxLength")]);
    });
  });

  it("counts the name's limit in characters (code points), 1 to 60", () => {
    expect(validateRequest({ ...seedRequest(), name: "😀".repeat(60) })).toEqual([]);
    expect(validateRequest({ ...seedRequest(), name: "Ä" })).toEqual([]);
    expect(validateRequest({ ...seedRequest(), name: "é".repeat(61) })).toEqual([hit("/name", "maxLength")]);
    expect(validateRequest({ ...seedRequest(), name: "" })).toEqual([hit("/name", "minLength")]);
  });

  it("accepts every address field at its limit and reports each one past it, on both addresses", () => {
    const limits = { addressLine1: 40, addressLine2: 40, city: 40, state: 40, country: 100, postalCode: 15 };
    const atLimit = Object.fromEntries(Object.entries(limits).map(([field, max]) => [field, "a".repeat(max)]));
    const over = Object.fromEntries(Object.entries(limits).map(([field, max]) => [field, "a".repeat(max + 1)]));
    expect(validateRequest({ ...seedRequest(), billingAddress: atLimit, shippingAddress: atLimit })).toEqual([]);
    expect(validateRequest({ ...seedRequest(), billingAddress: over })).toEqual(
      Object.keys(limits).map((field) => hit(`/billingAddress/${field}`, "maxLength")),
    );
    expect(validateRequest({ ...seedRequest(), shippingAddress: over })).toEqual(
      Object.keys(limits).map((field) => hit(`/shippingAddress/${field}`, "maxLength")),
    );
  });

  it("refuses a country of 101 to 150 characters (the table's limit, above the error's)", () => {
    expect(validateRequest({ ...seedRequest(), billingAddress: { country: "c".repeat(150) } })).toEqual([
      hit("/billingAddress/country", "maxLength"),
    ]);
  });

  it("refuses a request without the name or the account", () => {
    const { name: _name, accountName: _account, ...rest } = seedRequest();
    expect(validateRequest(rest)).toEqual([hit("/name", "required"), hit("/accountName", "required")]);
  });

  it("rejects an unknown property on the request, at any depth", () => {
    expect(validateRequest({ ...seedRequest(), accountId: 1 })).toEqual([hit("", "additionalProperties")]);
    expect(validateRequest({ ...seedRequest(), billingAddress: { city: "Anytown", zip: "36301" } })).toEqual([
      hit("/billingAddress", "additionalProperties"),
    ]);
    expect(validateRequest({ ...seedRequest(), contacts: [{ name: "Jane Roe", fax: "1" }] })).toEqual([
      hit("/contacts/0", "additionalProperties"),
    ]);
  });

  it("rejects wrong types on the request", () => {
    expect(validateRequest({ ...seedRequest(), name: 42 })).toEqual([hit("/name", "type")]);
    expect(validateRequest({ ...seedRequest(), accountName: null })).toEqual([hit("/accountName", "type")]);
    expect(validateRequest({ ...seedRequest(), contacts: { name: "Jane Roe" } })).toEqual([hit("/contacts", "type")]);
    expect(validateRequest({ ...seedRequest(), contacts: ["Jane Roe"] })).toEqual([hit("/contacts/0", "type")]);
    expect(validateRequest({ ...seedRequest(), billingAddress: "123 Main, Anytown" })).toEqual([
      hit("/billingAddress", "type"),
    ]);
    expect(validateRequest({ ...seedRequest(), billingAddress: { postalCode: 36301 } })).toEqual([
      hit("/billingAddress/postalCode", "type"),
    ]);
  });

  it("accepts an unknown property on the response and rejects wrong types there", () => {
    expect(validateResponse({ customerId: 1234, timestamp: 1527590173, status: "ok" })).toEqual([]);
    expect(validateResponse({})).toEqual([]);
    expect(validateResponse({ customerId: "1234" })).toEqual([hit("/customerId", "type")]);
    expect(validateResponse({ timestamp: 1527590173.5 })).toEqual([hit("/timestamp", "type")]);
    expect(validateResponse({ timestamp: "2018-05-29T10:36:13Z" })).toEqual([hit("/timestamp", "type")]);
  });

  it("reads an error body whose code is a JSON string of digits (VENDOR_DOC_EXCERPTS.md's captured response), not a number", () => {
    expect(validateError({ errorMessage: "Invalid credentials", errorCode: "10000001" })).toEqual([]);
    expect(validateError({ errorCode: "10000581", errorMessage: "x", traceId: "t" })).toEqual([]);
    expect(validateError({ errorCode: 10000581, errorMessage: "Customer name is required." })).toEqual([
      hit("/errorCode", "type"),
    ]);
    expect(validateError({ errorCode: "E1", errorMessage: "x" })).toEqual([hit("/errorCode", "pattern")]);
    expect(validateError({ errorCode: "10000581", errorMessage: 3 })).toEqual([hit("/errorMessage", "type")]);
  });
});

describe("jasper operation", () => {
  it("is POST rws/api/v{apiVersion}/customers, createCustomer, in the vendor's words", () => {
    expect(spec.openapi).toBe("3.1.0");
    expect(spec.info.version).toBe("2.0.0");
    expect(spec.info["x-vendor"]).toEqual({
      slug: "jasper",
      name: "Cisco IoT Control Center (formerly Jasper) REST API",
      seed: "seeds/jasper.txt",
    });
    expect(Object.keys(spec.paths)).toEqual(["/rws/api/v{apiVersion}/customers"]);
    expect(Object.keys(spec.paths["/rws/api/v{apiVersion}/customers"])).toEqual(["post"]);
    expect(operation.operationId).toBe("createCustomer");
    expect(operation.summary).toBe("Create Customer");
    expect(operation.description).toMatch(
      /^Creates a new customer\. In general a user creates a customer in their own account\./,
    );
    expect(operation.deprecated).toBeUndefined();
  });

  it("has a server whose host is a variable defaulting to the seed's host", () => {
    expect(spec.servers).toHaveLength(1);
    expect(spec.servers[0].url).toBe("https://{host}");
    expect(spec.servers[0].variables.host.default).toBe("rws-jpotest.jasper.com");
    expect(spec.servers[0]["x-source"]).toMatch(
      /^vendor-sources: jasper\/VENDOR_DOC_EXCERPTS\.md: rws-jpotest\.jasper\.com .* is the sandbox/,
    );
  });

  it("authenticates with HTTP Basic only", () => {
    expect(spec.components.securitySchemes).toEqual({
      basicAuth: expect.objectContaining({ type: "http", scheme: "basic" }),
    });
    expect(spec.components.securitySchemes.basicAuth.description).toMatch(
      /Authorization: Basic <YOUR-ENCRYPTED-CREDENTIALS>/,
    );
    expect(spec.security).toEqual([{ basicAuth: [] }]);
    expect(operation.security).toBeUndefined();
  });

  it("takes apiVersion as a required path parameter whose only value is 1", () => {
    expect(operation.parameters).toHaveLength(1);
    expect(operation.parameters[0]).toMatchObject({
      name: "apiVersion",
      in: "path",
      required: true,
      description: "The version number for this API. The current version for all functions is 1.",
      schema: { type: "string", enum: ["1"] },
    });
    expect(validateApiVersion("1")).toEqual([]);
    expect(validateApiVersion("2")).toEqual([hit("", "enum")]);
    expect(validateApiVersion("v1")).toEqual([hit("", "enum")]);
  });

  it("documents 200 with the customer id, 400/404/500 with the error body and 401 with a body that may lack the code", () => {
    expect(Object.keys(operation.responses)).toEqual(["200", "400", "401", "404", "500"]);
    expect(at(operation, "/responses/200/content/application~1json/schema/$ref")).toBe(
      "#/components/schemas/CreateCustomerResponse",
    );
    expect(operation.responses["200"]["x-error-body"]).toBeUndefined();
    expect(operation.responses["200"]["x-source"]).toMatch(/^inference: /);
    expect(operation.responses["401"]["x-source"]).toMatch(/JasperError\.java.*errors_rogers-error-codes\.yml/s);
    expect(at(operation, "/responses/401/content/application~1json/schema/$ref")).toBe(
      "#/components/schemas/UnauthorizedResponse",
    );
    for (const status of ["400", "404", "500"])
      expect(at(operation, `/responses/${status}/content/application~1json/schema/$ref`), status).toBe(
        "#/components/schemas/ErrorResponse",
      );
    for (const status of ["400", "401", "404", "500"])
      expect(operation.responses[status]["x-error-body"], status).toEqual({
        code: "/errorCode",
        message: "/errorMessage",
      });
  });

  it("lists the generic errors first, then the seed's error table in order, verbatim; every code a string", () => {
    expect(xErrors().map((error) => [error.code, error.status, error.message, error.kind])).toEqual([
      ...genericErrors,
      ...errorTable,
    ]);
    for (const error of xErrors()) expect(String(error.status) in operation.responses, String(error.code)).toBe(true);
    for (const error of xErrors()) expect(typeof error.code, String(error.code)).toBe("string");
    for (const error of xErrors().slice(0, genericErrors.length))
      expect(error["x-source"], String(error.code)).toMatch(
        /^vendor-sources: jasper\/OSGP_open-smart-grid-platform\/JasperError\.java/,
      );
  });

  it("ties the field errors to rules and leaves the others without", () => {
    const withRules = xErrors()
      .filter((error) => Array.isArray(error.rules))
      .map((error) => error.code);
    expect(withRules).toEqual([
      "10000028",
      "10000024",
      ...Array.from({ length: 19 }, (_unused, index) => String(10000581 + index)),
    ]);
    for (const error of xErrors()) if (error.rules) expect(error.kind, String(error.code)).toBe("invalid-field");
  });

  it("ties each x-errors rule to a rule the schema really reports", () => {
    let checked = 0;
    for (const error of xErrors())
      for (const rule of (error.rules ?? []) as Json[]) {
        const keywords: string[] = Array.isArray(rule.keyword) ? rule.keyword : [rule.keyword];
        for (const keyword of keywords) {
          const label = `${error.code} ${rule.in} ${rule.path} ${keyword}`;
          checked++;
          if (rule.in === "path") {
            expect(rule.path, label).toBe("/apiVersion");
            expect(validateApiVersion("2"), label).toEqual([hit("", keyword)]);
            continue;
          }
          expect(rule.in, label).toBe("body");
          const path = (rule.path as string).replace("*", "0");
          const schema = schemaAtPath(rule.path as string);
          const body = seedRequest();
          if (keyword === "required") delete body[path.slice(1)];
          else if (keyword === "dependentRequired") delete body[path.slice(1)];
          else if (keyword === "maxLength") setAt(body, path, "x".repeat(schema.maxLength + 1));
          else if (keyword === "minLength") setAt(body, path, "x".repeat(schema.minLength - 1));
          else if (keyword === "maxItems")
            setAt(
              body,
              path,
              Array.from({ length: schema.maxItems + 1 }, () => ({})),
            );
          else if (keyword === "additionalProperties")
            setAt(body, path === "" ? "/unknownKey" : `${path}/unknownKey`, "x");
          else throw new Error(`no breaker for ${label}`);
          expect(validateRequest(body), label).toEqual([hit(path, keyword)]);
        }
      }
    expect(checked).toBe(4 + 1 + 1 + 2 + 1 + 2 + 2 + 1 + 5 + 2 * 6);
  });

  it("has the schema enforce each length error's limit, or a stricter one where the tables disagree", () => {
    for (const error of xErrors()) {
      const range = /Number of characters allowed (\d+) - (\d+)\.$/.exec(error.message as string);
      if (!range) continue;
      const [, low, high] = range.map(Number) as [number, number, number];
      for (const rule of error.rules as Json[]) {
        const schema = schemaAtPath(rule.path as string);
        expect(schema.minLength ?? 0, `${error.code} ${rule.path}`).toBe(low);
        const conflict = schema["x-conflict"];
        expect(schema.maxLength, `${error.code} ${rule.path}`).toBeLessThanOrEqual(high);
        if (conflict) {
          expect(
            conflict.values.map((value: Json) => value.says),
            String(error.code),
          ).toContain(`0 - ${high}`);
          expect(schema.maxLength, `${error.code} ${rule.path}`).toBe(conflict.chosen);
        } else expect(schema.maxLength, `${error.code} ${rule.path}`).toBe(high);
      }
    }
  });

  it("covers every request rule by an error code, except the shipping-address rule (the seed's table has none)", () => {
    const reported = new Set(
      xErrors().flatMap((error) =>
        ((error.rules ?? []) as Json[]).flatMap((rule) =>
          (Array.isArray(rule.keyword) ? rule.keyword : [rule.keyword]).map(
            (keyword: string) => `${rule.path} ${keyword}`,
          ),
        ),
      ),
    );
    const rules: string[] = [];
    const walk = (schema: Json, path: string): void => {
      const node = resolve(schema);
      for (const keyword of ["minLength", "maxLength", "maxItems"])
        if (node[keyword] !== undefined) rules.push(`${path} ${keyword}`);
      for (const name of (node.required ?? []) as string[]) rules.push(`${path}/${name} required`);
      for (const needs of Object.values((node.dependentRequired ?? {}) as Record<string, string[]>))
        for (const name of needs) rules.push(`${path}/${name} dependentRequired`);
      for (const name of (node.then?.required ?? []) as string[]) rules.push(`${path}/${name} if`);
      for (const [name, property] of Object.entries((node.properties ?? {}) as Record<string, Json>))
        walk(property, `${path}/${name}`);
      if (node.items) walk(node.items, `${path}/*`);
    };
    walk(at(spec, "/components/schemas/CreateCustomerRequest"), "");
    expect(rules.filter((rule) => !reported.has(rule))).toEqual(["/shippingAddress if"]);
  });
});

describe("jasper x-context", () => {
  const context = at(spec, "/x-context");
  const validateContext = compileAt("jasper", "/x-context");

  it("is a closed object of every input that is not customer data, each described", () => {
    expect(context.type).toBe("object");
    expect(context.additionalProperties).toBe(false);
    expect(Object.keys(context.properties)).toEqual(["username", "apiKey", "accountName", "apiVersion", "host"]);
    for (const [name, property] of Object.entries(context.properties as Record<string, Json>))
      expect(typeof property.description, name).toBe("string");
  });

  it("requires the Basic credentials and the account, and marks the credentials", () => {
    expect(context.required).toEqual(["username", "apiKey", "accountName"]);
    for (const name of ["username", "apiKey"])
      expect(context.properties[name], name).toMatchObject({ "x-credential": true, "x-sensitive": true });
    for (const name of ["accountName", "apiVersion", "host"])
      expect(context.properties[name]["x-sensitive"], name).toBeUndefined();
  });

  it("describes the account that the body also carries, and the version and host the URL needs", () => {
    expect(at(spec, "/components/schemas/CreateCustomerRequest/properties/accountName")).toBeDefined();
    expect(context.properties.accountName.description).toMatch(
      /^The name of the parent account containing the customer\./,
    );
    expect(context.properties.apiVersion).toMatchObject({ type: "string", enum: ["1"], default: "1" });
    expect(context.properties.host.description).toMatch(/server variable `host`/);
  });

  it("validates a context", () => {
    expect(validateContext({ username: "jdoe", apiKey: "k-123", accountName: "Acme" })).toEqual([]);
    expect(
      validateContext({
        username: "jdoe",
        apiKey: "k-123",
        accountName: "Acme",
        apiVersion: "1",
        host: "restapi1.jasper.com",
      }),
    ).toEqual([]);
    expect(validateContext({ username: "jdoe", apiKey: "k-123" })).toEqual([hit("/accountName", "required")]);
    expect(validateContext({ accountName: "Acme" })).toEqual([
      hit("/username", "required"),
      hit("/apiKey", "required"),
    ]);
    expect(validateContext({ username: "jdoe", apiKey: "k-123", accountName: "Acme", apiVersion: "2" })).toEqual([
      hit("/apiVersion", "enum"),
    ]);
    expect(validateContext({ username: "jdoe", apiKey: "k-123", accountName: "Acme", password: "p" })).toEqual([
      hit("", "additionalProperties"),
    ]);
  });

  it("feeds the Basic scheme, the path, the host and the account from the context", () => {
    const mapping = at(spec, "/x-mapping");
    expect(mapping.auth).toEqual({ basicAuth: { username: "username", password: "apiKey" } });
    const fromContext = (mapping.request as Json[])
      .filter((declaration) => declaration.context !== undefined)
      .map((declaration) => [declaration.to, declaration.context]);
    expect(fromContext).toEqual([
      ["/server/host", "host"],
      ["/path/apiVersion", "apiVersion"],
      ["/body/accountName", "accountName"],
    ]);
  });
});

describe("jasper against vendor-sources/jasper/: generic errors, the 401 body, errorCode on the wire, the access rule", () => {
  interface JasperPackage {
    adapter: {
      toRequest(customer: unknown, context: unknown): ToRequestResult<Json>;
      fromResponse(status: number, body: unknown): FromResponseResult;
      validateRequest(body: unknown): ValidationResult<unknown>;
    };
    createMock(options?: { context?: Record<string, unknown> }): MockVendor;
    fixtures: { context: Record<string, unknown> };
  }
  const load = (): Promise<JasperPackage> => loadPackage<JasperPackage>("jasper");
  /** The enum entries of JasperError.java: code → [HTTP status, message]. */
  const javaErrors = new Map(
    [
      ...(readVendorSource("jasper", "OSGP_open-smart-grid-platform", "JasperError.java") as string).matchAll(
        /"(\d{8})",\s*HttpStatus\.(\w+),\s*"([^"]*)"/g,
      ),
    ].map(
      ([, code, status, message]) =>
        [
          code,
          [{ BAD_REQUEST: 400, UNAUTHORIZED: 401, INTERNAL_SERVER_ERROR: 500 }[status as string], message],
        ] as const,
    ),
  );
  /** A request the mock accepts, and a way to send a variant of it. */
  async function mockAndRequest() {
    const { adapter, createMock, fixtures } = await load();
    const built = adapter.toRequest(customers.company, fixtures.context);
    if (!built.ok) throw new Error(JSON.stringify(built.errors));
    const mock = createMock();
    const send = (body: string, headers = built.request.headers) => {
      const answer = mock.handle({ method: "POST", url: built.request.url, headers, body });
      return { status: answer.status, body: JSON.parse(answer.body) };
    };
    return { adapter, built: built.request, send };
  }

  it("lists the generic errors with JasperError.java's codes, statuses and (but for 10000001) messages", () => {
    for (const [code, status, message] of genericErrors) {
      const [javaStatus, javaMessage] = javaErrors.get(code) ?? [];
      expect(status, code).toBe(javaStatus);
      if (code === "10000001")
        expect(javaMessage).toMatch(/^Invalid credentials\. .*IP address is not within the allowed range/);
      else expect(message, code).toBe(javaMessage);
    }
  });

  it("the mapper reads each generic error as its kind, the role without access as unauthorized", async () => {
    const { adapter } = await load();
    const read = (status: number, code: string) => adapter.fromResponse(status, { errorCode: code, errorMessage: "m" });
    expect(read(400, "10000023")).toEqual({
      ok: false,
      status: 400,
      errors: [{ kind: "invalid-field", code: "10000023", message: "m" }],
    });
    expect(read(400, "10000028")).toEqual({
      ok: false,
      status: 400,
      errors: [{ kind: "invalid-field", code: "10000028", message: "m" }],
    });
    expect(read(400, "10000030")).toEqual({
      ok: false,
      status: 400,
      errors: [{ kind: "unauthorized", code: "10000030", message: "m" }],
    });
    expect(read(500, "30000001")).toEqual({
      ok: false,
      status: 500,
      errors: [{ kind: "unknown", code: "30000001", message: "m" }],
    });
  });

  it("ties an unrecognized parameter to 10000028 in the validator, and the mock answers it so", async () => {
    const { adapter, built, send } = await mockAndRequest();
    const result = adapter.validateRequest({ ...built.body, accountId: 1 });
    expect(result).toMatchObject({
      ok: false,
      errors: [{ path: "/accountId", rule: "additionalProperties", vendorCode: "10000028" }],
    });
    expect(send(JSON.stringify({ ...built.body, accountId: 1 }))).toEqual({
      status: 400,
      body: { errorCode: "10000028", errorMessage: genericErrors[2]?.[2] },
    });
  });

  it("the mock answers malformed JSON with 10000023", async () => {
    const { send } = await mockAndRequest();
    expect(send('{"name": "Acme",')).toEqual({
      status: 400,
      body: { errorCode: "10000023", errorMessage: genericErrors[1]?.[2] },
    });
  });

  it("the mock sends errorCode as a JSON string, as Control Center does", async () => {
    const { built, send } = await mockAndRequest();
    const tooLong = send(JSON.stringify({ ...built.body, name: "x".repeat(61) }));
    expect(tooLong).toEqual({
      status: 400,
      body: { errorCode: "10000582", errorMessage: "Invalid customer name. Number of characters allowed 1 - 60." },
    });
    expect(validateError(tooLong.body)).toEqual([]);
    const wrong = send(JSON.stringify(built.body), { ...built.headers, authorization: "Basic d3Jvbmc6d3Jvbmc=" });
    expect(wrong).toEqual({ status: 401, body: { errorCode: "10000001", errorMessage: "Invalid credentials" } });
  });

  it("reads the 401 without credentials, which has no errorCode (errors_rogers-error-codes.yml)", async () => {
    const rogers = readVendorSource("jasper", "api-evangelist_rogers", "errors_rogers-error-codes.yml") as string;
    expect(rogers).toContain("message: Full authentication is required to access this resource");
    const body = { errorMessage: "Full authentication is required to access this resource" };
    expect(validateUnauthorized(body)).toEqual([]);
    expect(validateUnauthorized({ errorCode: "10000001", errorMessage: "Invalid credentials" })).toEqual([]);
    expect(validateUnauthorized({})).toEqual([hit("/errorMessage", "required")]);
    expect(validateError(body)).toEqual([hit("/errorCode", "required")]);
    const { adapter } = await load();
    expect(adapter.fromResponse(401, body)).toEqual({
      ok: false,
      status: 401,
      errors: [{ kind: "unauthorized", code: undefined, message: body.errorMessage }],
    });
  });

  it("states the access rule, Advantage account and AccountAdmin role, from VENDOR_DOC_EXCERPTS.md", () => {
    const excerpts = readVendorSource("jasper", "VENDOR_DOC_EXCERPTS.md") as string;
    expect(excerpts).toMatch(/Create a Customer.*Advantage account type only.*AccountAdmin/);
    expect(operation.description).toMatch(
      /only an Advantage account \(not an Essential one\)\s+may call Create Customer, and only a user with the AccountAdmin role/,
    );
    expect(operation["x-source"]).toMatch(/^vendor-sources: jasper\/VENDOR_DOC_EXCERPTS\.md/);
    expect(operation.description).toContain("10000030");
  });
});
