// specs/caliq.yaml against seeds/caliq.txt and the caliq section of
// vendor-notes.md: every body parameter with its type, limit, required rule
// and description, the four content types on one schema, the seed's samples
// (which break the seed's own limits) with every rule they break, the body
// API key, the 200-with-issues failure, the error vocabulary and the context.
import { describe, expect, it } from "vitest";
import { at, compileAt, readSpec, type Json, type RuleHit } from "../helpers/spec.js";

const spec = readSpec("caliq");
const operation = at(spec, "/paths/~1api~1v1~1CustomerCreate/post");
const validateRequest = compileAt("caliq", "/components/schemas/CustomerCreateParams");
const validateResponse = compileAt("caliq", "/components/schemas/CustomerCreateResults");
const validateErrorBody = compileAt("caliq", "/components/schemas/ErrorMessage");
const validateContext = compileAt("caliq", "/x-context");
const hit = (path: string, keyword: string): RuleHit => ({ path, keyword });

/** A property's type as the tables below write it: `string`, `integer|null`, `CustomerCreateData`, `CustomerCreateIssue[]|null`. */
function typeOf(schema: Json): string {
  if (schema === undefined) return "missing";
  if (typeof schema.$ref === "string") return schema.$ref.replace("#/components/schemas/", "");
  const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.map((type) => (type === "array" ? `${typeOf(schema.items)}[]` : String(type))).join("|");
}

// The seed's Body Parameters table, written by hand in its order:
// [name, type, required, max length, description (undefined: the seed gives none)].
const parameters: [string, string, boolean, number | undefined, string | undefined][] = [
  ["apiKey", "string", true, undefined, "Please contact Caliq support to get your key"],
  ["ChannelID", "integer", true, undefined, "List of channels can be retrieved via API"],
  [
    "AccountNo",
    "string",
    true,
    10,
    "User entered unique customer account number. If auto numbering in Caliq is live leave blank",
  ],
  [
    "CompanyName",
    "string",
    false,
    40,
    "Company name. If this is a person leave blank otherwise account will be created as a company",
  ],
  ["Line1", "string", true, 50, undefined],
  ["Line2", "string", false, 50, undefined],
  ["Line3", "string", false, 50, undefined],
  ["Town", "string", false, 50, undefined],
  ["County", "string", false, 25, undefined],
  ["Postcode", "string", false, 15, undefined],
  ["Country", "string", true, 3, "Currency code from the currency list in ISO3 format"],
  ["AllowDeliveries", "boolean", true, undefined, "Can orders be delivered to this address?"],
  ["AllowInvoices", "boolean", true, undefined, "Can invoices be sent to this address?"],
  ["Title", "string", false, 6, "Mr, Mrs etc Can be blank"],
  ["Firstname", "string", true, 20, undefined],
  ["Surname", "string", true, 30, undefined],
  ["TelephoneNo", "string", false, 20, undefined],
  ["MobileNo", "string", false, 20, undefined],
  ["Email", "string", true, 70, "Must correspond to the email used to identify this customer on the web site"],
  ["VATNumber", "string", false, 30, "VAT registration number"],
  ["EORI", "string", false, 20, "Customer EORI number"],
  ["Currency", "string", true, 3, "Currency that the order values are in"],
  // "integer", and its description says "leave null/0 to use default".
  [
    "CustomerServiceLevel",
    "integer|null",
    false,
    undefined,
    "From customer service level API call - leave null/0 to use default else specify ID",
  ],
  [
    "CustomerCategory",
    "string",
    false,
    4,
    "Customer category can be set if required. List can be retrieved via API call",
  ],
];
const names = parameters.map(([name]) => name);
const limited = parameters.filter(
  (row): row is [string, string, boolean, number, string | undefined] => row[3] !== undefined,
);
const requiredNames = parameters.filter(([, , required]) => required).map(([name]) => name);
/** Fields with a rule beyond the seed's (inferred): their values need a shape, not just a length. */
const shaped: Record<string, string> = { Country: "pattern", Currency: "pattern", Email: "format" };

// The response models, from the seed's samples, in their order.
const responseFields: Record<string, [string, string][]> = {
  CustomerCreateResults: [["CustomerCreateData", "CustomerCreateData"]],
  CustomerCreateData: [
    ["OK", "boolean"],
    ["AccountID", "integer"],
    ["AccountNo", "string|null"],
    ["AddressID", "integer"],
    ["ContactID", "integer"],
    ["CustomerCreateIssues", "CustomerCreateIssue[]|null"],
  ],
  CustomerCreateIssue: [
    ["ID", "integer"],
    ["Message", "string|null"],
    ["ExtraData", "string|null"],
  ],
  ErrorMessage: [["Message", "string"]],
};

// The seed: "Messages returned for error: 1,9,29,30,31,32,34,35,37,38,39,40".
const issueNumbers = "1,9,29,30,31,32,34,35,37,38,39,40".split(",").map(Number);

const requestMedia = at(operation, "/requestBody/content/application~1json");
const seedSample = requestMedia.examples.seedSample;
const correctedExample = requestMedia.examples.corrected;
const corrected = (): Record<string, Json> => structuredClone(correctedExample.value);
const expectErrors = (example: Json): RuleHit[] =>
  (example["x-expect-errors"] as Json[]).map((rule) => hit(rule.path, rule.keyword));

/** A valid value of `length` code points for a field (multi-byte characters count once), shaped where the field needs it. */
function valueOfLength(name: string, length: number): string {
  if (name === "Email") return `${"a".repeat(length - "@example.com".length)}@example.com`;
  return [..."ÄéЖ漢😀".repeat(length)].slice(0, length).join("");
}

/** The seed's XML sample read as the body it stands for: leaf elements in order, typed as the schema types them. */
function readXmlBody(xml: string): { root: string; elements: string[]; body: Record<string, Json> } {
  const root = /^<(\w+)[\s>]/.exec(xml)?.[1] ?? "";
  const elements: string[] = [];
  const body: Record<string, Json> = {};
  for (const [, element = "", text = ""] of xml.matchAll(/<(\w+)>([^<]*)<\/\1>/g)) {
    elements.push(element);
    const type = typeOf(at(spec, `/components/schemas/CustomerCreateParams/properties/${element}`));
    body[element] = type.startsWith("integer") ? Number(text) : type === "boolean" ? text === "true" : text;
  }
  return { root, elements, body };
}

describe("caliq CustomerCreateParams: every body parameter of the seed", () => {
  const properties = at(spec, "/components/schemas/CustomerCreateParams/properties");

  it.each(parameters)("%s is %s, required %s, max length %s", (name, type, required, max) => {
    const property = properties[name];
    expect(property, name).toBeDefined();
    expect(typeOf(property)).toBe(type);
    expect(property.maxLength).toBe(max);
    expect(at(spec, "/components/schemas/CustomerCreateParams/required").includes(name)).toBe(required);
  });

  it.each(parameters)(
    "%s carries the seed's description, or says where its own comes from",
    (name, _type, _required, _max, description) => {
      const property = properties[name];
      expect(typeof property.description).toBe("string");
      if (description === undefined)
        expect(property["x-source"], name).toMatch(/^inference: the seed gives no description/);
      else expect(property.description).toBe(description);
    },
  );

  it("has exactly the seed's parameters, in the seed's order, and is closed", () => {
    expect(Object.keys(properties)).toEqual(names);
    expect(at(spec, "/components/schemas/CustomerCreateParams/required")).toEqual(requiredNames);
    expect(at(spec, "/components/schemas/CustomerCreateParams/additionalProperties")).toBe(false);
    expect(validateRequest({ ...corrected(), Nickname: "x" })).toEqual([hit("", "additionalProperties")]);
  });

  it("sets no rule the seed does not give, except the marked inferences", () => {
    const found: string[] = [];
    for (const [name, property] of Object.entries(properties as Record<string, Json>))
      for (const keyword of [
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "pattern",
        "format",
        "enum",
        "const",
        "default",
      ])
        if (keyword in property) found.push(`${name}.${keyword}`);
    const expected = [
      ...limited.map(([name]) => `${name}.maxLength`),
      "Country.pattern",
      "Email.format",
      "Currency.pattern",
    ];
    expect(found.sort()).toEqual(expected.sort());
    for (const name of Object.keys(shaped)) expect(properties[name]["x-source"], name).toMatch(/^inference: /);
  });

  it.each(limited)("%s takes %s code points at most", (name, _type, _required, max) => {
    if (name in shaped) return;
    expect(validateRequest({ ...corrected(), [name]: valueOfLength(name, max) })).toEqual([]);
    expect(validateRequest({ ...corrected(), [name]: valueOfLength(name, max + 1) })).toEqual([
      hit(`/${name}`, "maxLength"),
    ]);
  });

  it("holds an e-mail of 70 characters and refuses one of 71 for its length alone", () => {
    expect(validateRequest({ ...corrected(), Email: valueOfLength("Email", 70) })).toEqual([]);
    expect(validateRequest({ ...corrected(), Email: valueOfLength("Email", 71) })).toEqual([
      hit("/Email", "maxLength"),
    ]);
    expect(validateRequest({ ...corrected(), Email: "sample string 19" })).toEqual([hit("/Email", "format")]);
    expect(properties.Email["x-source"]).toMatch(/^inference: `format: email`/);
  });

  it("requires each required parameter, and nothing else", () => {
    expect(validateRequest(corrected())).toEqual([]);
    for (const [name, , required] of parameters) {
      const { [name]: _removed, ...without } = corrected();
      expect(validateRequest(without), name).toEqual(required ? [hit(`/${name}`, "required")] : []);
    }
    const minimal = Object.fromEntries(Object.entries(corrected()).filter(([name]) => requiredNames.includes(name)));
    expect(validateRequest(minimal)).toEqual([]);
  });

  it("takes the blanks the seed asks for: AccountNo under auto numbering, CompanyName for a person, Title", () => {
    expect(validateRequest({ ...corrected(), AccountNo: "", CompanyName: "", Title: "" })).toEqual([]);
  });

  it("takes CustomerServiceLevel as null or 0 for the default, or an id", () => {
    expect(validateRequest({ ...corrected(), CustomerServiceLevel: null })).toEqual([]);
    expect(validateRequest({ ...corrected(), CustomerServiceLevel: 0 })).toEqual([]);
    expect(validateRequest({ ...corrected(), CustomerServiceLevel: 23 })).toEqual([]);
    expect(validateRequest({ ...corrected(), CustomerServiceLevel: "23" })).toEqual([
      hit("/CustomerServiceLevel", "type"),
    ]);
    expect(validateRequest({ ...corrected(), CustomerServiceLevel: 2.5 })).toEqual([
      hit("/CustomerServiceLevel", "type"),
    ]);
  });

  it("refuses values of the wrong type", () => {
    expect(validateRequest({ ...corrected(), ChannelID: "2" })).toEqual([hit("/ChannelID", "type")]);
    expect(validateRequest({ ...corrected(), ChannelID: 2.5 })).toEqual([hit("/ChannelID", "type")]);
    expect(validateRequest({ ...corrected(), AllowDeliveries: "true", AllowInvoices: 1 })).toEqual([
      hit("/AllowDeliveries", "type"),
      hit("/AllowInvoices", "type"),
    ]);
    expect(validateRequest({ ...corrected(), AccountNo: 3 })).toEqual([hit("/AccountNo", "type")]);
    expect(validateRequest({ ...corrected(), Line2: null })).toEqual([hit("/Line2", "type")]);
  });

  it("keeps the vendor's Country description and records the copy slip as a conflict", () => {
    const country = properties.Country;
    expect(country.description).toBe("Currency code from the currency list in ISO3 format");
    expect(country["x-conflict"].values.map((value: Json) => value.where)).toEqual([
      "seed: the description of Country",
      "vendor-notes: the caliq section",
    ]);
    expect(country["x-conflict"].values[0].says).toBe(country.description);
    expect(country["x-conflict"].chosen).toBe("ISO 3166-1 alpha-3 country code");
    expect(country["x-conflict"].reason).toMatch(/copy slip/);
    expect(country["x-source"]).toMatch(/^inference: the pattern .* ISO 3166-1 alpha-3/);
  });

  it.each([
    ["GBR", []],
    ["DEU", []],
    ["GB", [hit("/Country", "pattern")]],
    ["gbr", [hit("/Country", "pattern")]],
    ["826", [hit("/Country", "pattern")]],
    ["GBRX", [hit("/Country", "maxLength"), hit("/Country", "pattern")]],
  ] as const)("Country %s", (country, expected) => {
    expect(validateRequest({ ...corrected(), Country: country })).toEqual(expected);
  });

  it.each([
    ["GBP", []],
    ["EUR", []],
    ["£", [hit("/Currency", "pattern")]],
    ["eur", [hit("/Currency", "pattern")]],
    ["EURO", [hit("/Currency", "maxLength"), hit("/Currency", "pattern")]],
  ] as const)("Currency %s", (currency, expected) => {
    expect(validateRequest({ ...corrected(), Currency: currency })).toEqual(expected);
    expect(properties.Currency["x-source"]).toMatch(/^inference: .*ISO 4217/);
  });

  it("carries the API key in the body as a write-only credential, with no length the seed does not give", () => {
    expect(properties.apiKey).toMatchObject({
      type: "string",
      writeOnly: true,
      "x-credential": true,
      "x-sensitive": true,
    });
    expect(properties.apiKey["x-no-limit"]).toMatch(/no max length/);
    const sensitive = Object.entries(properties as Record<string, Json>).filter(
      ([, property]) => property["x-sensitive"] || property["x-credential"] || property.writeOnly,
    );
    expect(sensitive.map(([name]) => name)).toEqual(["apiKey"]);
    expect(Object.values(properties as Record<string, Json>).some((property) => property.readOnly)).toBe(false);
  });
});

describe("caliq seed samples", () => {
  // Every "sample string N" of the seed's JSON sample that is longer than its field's max length.
  const tooLong: [string, string, number, number][] = [
    ["AccountNo", "sample string 3", 15, 10],
    ["Postcode", "sample string 10", 16, 15],
    ["Country", "sample string 11", 16, 3],
    ["Title", "sample string 14", 16, 6],
    ["Currency", "sample string 22", 16, 3],
    ["CustomerCategory", "sample string 24", 16, 4],
  ];

  it("keeps the seed's JSON sample verbatim: value N at the Nth parameter", () => {
    const value = seedSample.value as Record<string, Json>;
    expect(Object.keys(value)).toEqual(names);
    names.forEach((name, index) => {
      const type = typeOf(at(spec, `/components/schemas/CustomerCreateParams/properties/${name}`));
      const expected =
        type === "boolean" ? true : type.startsWith("integer") ? index + 1 : `sample string ${index + 1}`;
      expect(value[name], name).toBe(expected);
    });
  });

  it.each(tooLong)("lists %s = %j (%s characters, max %s) as too long", (name, value, length, max) => {
    expect(seedSample.value[name]).toBe(value);
    expect([...value].length).toBe(length);
    expect(at(spec, `/components/schemas/CustomerCreateParams/properties/${name}/maxLength`)).toBe(max);
    expect(expectErrors(seedSample)).toContainEqual(hit(`/${name}`, "maxLength"));
  });

  it("finds no other sample string over its limit (computed from the seed's table)", () => {
    const computed = limited
      .filter(([name, , , max]) => [...String(seedSample.value[name])].length > max)
      .map(([name]) => name);
    expect(computed).toEqual(tooLong.map(([name]) => name));
    // The longest strings that still fit: 15 characters in County (25), 16 in Firstname and EORI (20).
    expect(
      validateRequest({
        ...corrected(),
        County: seedSample.value.County,
        Firstname: seedSample.value.Firstname,
        EORI: seedSample.value.EORI,
      }),
    ).toEqual([]);
  });

  it("lists every rule the JSON sample breaks, exactly as ajv reports them", () => {
    expect(seedSample["x-expect"]).toBe("invalid");
    const expected = names.flatMap((name) => {
      const rules: RuleHit[] = [];
      if (tooLong.some(([field]) => field === name)) rules.push(hit(`/${name}`, "maxLength"));
      if (shaped[name] !== undefined) rules.push(hit(`/${name}`, shaped[name] as string));
      return rules;
    });
    expect(expectErrors(seedSample)).toEqual(expected);
    expect(validateRequest(seedSample.value)).toEqual(expected);
  });

  it.each(Object.keys(shaped))("the sample's %s breaks only its inferred shape and its length", (name) => {
    const errors = validateRequest({ ...corrected(), [name]: seedSample.value[name] });
    expect(errors).toEqual(expectErrors(seedSample).filter((rule) => rule.path === `/${name}`));
  });

  it("keeps the seed's XML sample as a string: the same values, in the same order, breaking the same rules", () => {
    const example = at(operation, "/requestBody/content/application~1xml/examples/seedSample");
    expect(typeof example.value).toBe("string");
    const { root, elements, body } = readXmlBody(example.value);
    expect(root).toBe(at(spec, "/components/schemas/CustomerCreateParams/xml/name"));
    expect(example.value).toContain(
      'xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    );
    expect(elements).toEqual(names);
    expect(body).toEqual(seedSample.value);
    expect(example["x-expect"]).toBe("invalid");
    expect(expectErrors(example)).toEqual(expectErrors(seedSample));
    expect(validateRequest(body)).toEqual(expectErrors(example));
  });

  it("has a corrected sample that is valid and differs from the seed's only where the seed breaks a rule", () => {
    expect(correctedExample["x-expect"]).toBe("valid");
    expect(correctedExample["x-source"]).toMatch(/^inference: /);
    expect(validateRequest(corrected())).toEqual([]);
    expect(Object.keys(corrected())).toEqual(names);
    const changed = names.filter((name) => corrected()[name] !== seedSample.value[name]);
    expect(changed).toEqual([...new Set(expectErrors(seedSample).map((rule) => rule.path.slice(1)))]);
  });

  it("has the seed's JSON response sample, valid, and its XML one with the same values", () => {
    const json = at(operation, "/responses/200/content/application~1json/examples/seedSample");
    expect(json["x-expect"]).toBe("valid");
    expect(validateResponse(json.value)).toEqual([]);
    expect(json.value.CustomerCreateData).toEqual({
      OK: true,
      AccountID: 2,
      AccountNo: "sample string 3",
      AddressID: 4,
      ContactID: 5,
      CustomerCreateIssues: [
        { ID: 1, Message: "sample string 2", ExtraData: "sample string 3" },
        { ID: 1, Message: "sample string 2", ExtraData: "sample string 3" },
      ],
    });
    const leaves = (node: Json): [string, string][] =>
      Object.entries(node as Record<string, Json>).flatMap(([key, value]) =>
        Array.isArray(value)
          ? value.flatMap(leaves)
          : typeof value === "object"
            ? leaves(value)
            : [[key, String(value)] as [string, string]],
      );
    const xml: string = at(operation, "/responses/200/content/application~1xml/examples/seedSample/value");
    expect([...xml.matchAll(/<(\w+)>([^<]*)<\/\1>/g)].map(([, element, text]) => [element, text])).toEqual(
      leaves(json.value),
    );
    expect(xml).toMatch(/^<CustomerCreateResults /);
    expect((xml.match(/<CustomerCreateIssue>/g) ?? []).length).toBe(2);
  });

  it("has an inferred refused answer that validates and reads as a failure", () => {
    const example = at(operation, "/responses/200/content/application~1json/examples/unsuccessful");
    expect(example["x-expect"]).toBe("valid");
    expect(example["x-source"]).toMatch(/^inference: /);
    expect(validateResponse(example.value)).toEqual([]);
    const errorBody = operation.responses["200"]["x-error-body"];
    expect(at(example.value, errorBody.when.pointer)).toBe(errorBody.when.equals);
    const issues = at(example.value, errorBody.list) as Json[];
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issueNumbers).toContain(at(issue, errorBody.code));
      expect(typeof at(issue, errorBody.message)).toBe("string");
    }
  });
});

describe("caliq content types", () => {
  it("accepts the seed's request formats, JSON and XML in both their media types, on one schema", () => {
    const content = at(operation, "/requestBody/content");
    expect(Object.keys(content)).toEqual(["application/json", "text/json", "application/xml", "text/xml"]);
    for (const media of Object.values(content) as Json[])
      expect(media.schema).toEqual({ $ref: "#/components/schemas/CustomerCreateParams" });
    expect(Object.keys(content["application/json"].examples)).toEqual(["seedSample", "corrected"]);
    expect(Object.keys(content["application/xml"].examples)).toEqual(["seedSample"]);
    expect(content["text/json"].examples).toBeUndefined();
    expect(content["text/xml"].examples).toBeUndefined();
  });

  it("answers in the seed's response formats, on one schema", () => {
    const content = at(operation, "/responses/200/content");
    expect(Object.keys(content)).toEqual(["application/json", "text/json", "application/xml", "text/xml"]);
    for (const media of Object.values(content) as Json[])
      expect(media.schema).toEqual({ $ref: "#/components/schemas/CustomerCreateResults" });
  });

  it("names the XML elements as the seed's samples do", () => {
    expect(at(spec, "/components/schemas/CustomerCreateParams/xml")).toEqual({ name: "CustomerCreateParams" });
    expect(at(spec, "/components/schemas/CustomerCreateResults/xml")).toEqual({ name: "CustomerCreateResults" });
    expect(at(spec, "/components/schemas/CustomerCreateData/properties/CustomerCreateIssues/xml")).toEqual({
      wrapped: true,
    });
    expect(at(spec, "/components/schemas/CustomerCreateIssue/xml")).toEqual({ name: "CustomerCreateIssue" });
  });
});

describe("caliq responses", () => {
  const rows = Object.entries(responseFields).flatMap(([model, list]) =>
    list.map(([field, type]) => [model, field, type] as const),
  );

  it.each(rows)("%s.%s is %s", (model, field, type) => {
    const property = at(spec, `/components/schemas/${model}/properties/${field}`);
    expect(typeOf(property)).toBe(type);
    expect(typeof property.description).toBe("string");
  });

  it.each(Object.keys(responseFields))("%s has exactly the sample's fields, in order, and is open", (model) => {
    expect(Object.keys(at(spec, `/components/schemas/${model}/properties`))).toEqual(
      (responseFields[model] ?? []).map(([field]) => field),
    );
    expect(at(spec, `/components/schemas/${model}/additionalProperties`)).toBeUndefined();
  });

  it("has no schema besides the request, the answer and the error body", () => {
    expect(Object.keys(at(spec, "/components/schemas"))).toEqual([
      "CustomerCreateParams",
      ...Object.keys(responseFields).filter((model) => model !== "ErrorMessage"),
      "ErrorMessage",
    ]);
  });

  it("marks the inferred descriptions and nulls of the answer", () => {
    for (const model of ["CustomerCreateData", "CustomerCreateIssue", "ErrorMessage"])
      expect(at(spec, `/components/schemas/${model}/x-source`), model).toMatch(/^inference: /);
    expect(at(spec, "/components/schemas/CustomerCreateData/x-source")).toMatch(/null/);
  });

  it("reads answers tolerantly: unknown fields and the inferred nulls pass, wrong types do not", () => {
    expect(
      validateResponse({ CustomerCreateData: { OK: false, AccountNo: null, CustomerCreateIssues: null }, Extra: 1 }),
    ).toEqual([]);
    expect(
      validateResponse({
        CustomerCreateData: {
          OK: false,
          CustomerCreateIssues: [{ ID: 29, Message: null, ExtraData: null, More: "x" }],
        },
      }),
    ).toEqual([]);
    expect(validateResponse({ CustomerCreateData: { OK: "false" } })).toEqual([hit("/CustomerCreateData/OK", "type")]);
    expect(validateResponse({ CustomerCreateData: { OK: true, AccountID: "2" } })).toEqual([
      hit("/CustomerCreateData/AccountID", "type"),
    ]);
    expect(validateResponse({ CustomerCreateData: { OK: true, AccountID: null } })).toEqual([
      hit("/CustomerCreateData/AccountID", "type"),
    ]);
    expect(validateResponse({ CustomerCreateData: { OK: false, CustomerCreateIssues: [{ ID: "29" }] } })).toEqual([
      hit("/CustomerCreateData/CustomerCreateIssues/0/ID", "type"),
    ]);
  });

  it("documents 200, 400, 401 and 503 in the seed's words", () => {
    expect(Object.keys(operation.responses)).toEqual(["200", "400", "401", "503"]);
    expect(operation.responses["200"].description).toBe(
      "OK Returns account id and account number of the customer created and address id, or error list if failed",
    );
    expect(operation.responses["400"].description).toBe(
      "Bad Request - parameters supplied cannot be properly interpreted",
    );
    expect(operation.responses["401"].description).toBe("Not Authorised if supplied api key is not valid");
    expect(operation.responses["503"].description).toBe("Service Unavailable");
  });

  it("treats a 200 with OK false as an error list, read from CustomerCreateIssues", () => {
    expect(operation.responses["200"]["x-error-body"]).toEqual({
      when: { pointer: "/CustomerCreateData/OK", equals: false },
      list: "/CustomerCreateData/CustomerCreateIssues",
      code: "/ID",
      message: "/Message",
    });
    expect(operation.responses["200"]["x-source"]).toBeUndefined();
  });

  it.each(["400", "401", "503"])("%s has an inferred open body whose message stands for its code", (status) => {
    const response = operation.responses[status];
    expect(response["x-source"]).toMatch(/^inference: the seed documents the status, not its body/);
    expect(response["x-error-body"]).toEqual({ code: "/Message", message: "/Message" });
    expect(Object.keys(response.content)).toEqual(["application/json", "text/json", "application/xml", "text/xml"]);
    for (const media of Object.values(response.content) as Json[])
      expect(media.schema).toEqual({ $ref: "#/components/schemas/ErrorMessage" });
    expect(validateErrorBody({ Message: response.description })).toEqual([]);
    expect(validateErrorBody({ Message: "x", MessageDetail: "y" })).toEqual([]);
    expect(validateErrorBody({ Message: 401 })).toEqual([hit("/Message", "type")]);
  });
});

describe("caliq x-errors", () => {
  const errors: Json[] = operation["x-errors"];

  it("lists the statuses, then the seed's system message numbers, in the seed's order", () => {
    expect(errors.map((error) => [error.code, error.status, error.kind])).toEqual([
      ["Bad Request", 400, "invalid-field"],
      ["Not Authorised", 401, "unauthorized"],
      ["Service Unavailable", 503, "unavailable"],
      ...issueNumbers.map((number) => [number, 200, "invalid-field"]),
    ]);
  });

  it("gives each error a message and a documented response that says where its code is", () => {
    for (const error of errors) {
      expect(error.message.length, String(error.code)).toBeGreaterThan(0);
      expect(operation.responses[String(error.status)]?.["x-error-body"], String(error.code)).toBeDefined();
      expect(error["x-source"], String(error.code)).toMatch(/^inference: /);
    }
    for (const status of ["400", "401", "503"])
      expect(errors.find((error) => String(error.status) === status)?.message).toBe(
        operation.responses[status].description,
      );
  });

  it("says where the system messages' texts are, and ties none to a rule (the seed names none)", () => {
    const issues = errors.filter((error) => error.status === 200);
    for (const issue of issues) {
      expect(issue.message).toBe(`System message ${issue.code} (its text is retrieved with POST api/v1/Message).`);
      expect(issue.rules).toBeUndefined();
      expect(issue["x-source"]).toContain("Messages returned for error:");
    }
    expect(errors.filter((error) => error.rules !== undefined).map((error) => error.code)).toEqual(["Bad Request"]);
  });

  it("ties the 400 to rules that the request schema really reports", () => {
    const [badRequest] = errors;
    const wrong: Record<string, Json> = {
      "/ChannelID": "two",
      "/AllowDeliveries": "yes",
      "/AllowInvoices": 1,
      "/CustomerServiceLevel": "23",
    };
    const rules = badRequest.rules as Json[];
    expect(rules.map((rule) => rule.path)).toEqual(Object.keys(wrong));
    for (const rule of rules) {
      expect(rule.in).toBe("body");
      expect(names).toContain(rule.path.slice(1));
      const keywords: string[] = Array.isArray(rule.keyword) ? rule.keyword : [rule.keyword];
      const found = validateRequest({ ...corrected(), [rule.path.slice(1)]: wrong[rule.path] });
      expect(found.length, rule.path).toBeGreaterThan(0);
      for (const error of found) {
        expect(error.path, rule.path).toBe(rule.path);
        expect(keywords, rule.path).toContain(error.keyword);
      }
    }
  });
});

describe("caliq operation", () => {
  it("is POST api/v1/CustomerCreate, createCustomer, in the seed's words", () => {
    expect(spec.openapi).toBe("3.1.0");
    expect(spec.info.version).toBe("1.0.0");
    expect(spec.info["x-vendor"]).toEqual({ slug: "caliq", name: "Caliq API", seed: "seeds/caliq.txt" });
    expect(Object.keys(spec.paths)).toEqual(["/api/v1/CustomerCreate"]);
    expect(Object.keys(spec.paths["/api/v1/CustomerCreate"])).toEqual(["post"]);
    expect(operation.operationId).toBe("createCustomer");
    expect(operation.summary).toBe("Create a new customer account");
    expect(operation.description).toMatch(/^Create a new customer account\. URI Parameters: None\./);
    expect(operation.deprecated).toBeUndefined();
  });

  it("has no URI parameters and a required CustomerCreateParams body", () => {
    expect(operation.parameters).toBeUndefined();
    expect(operation.requestBody.required).toBe(true);
    expect(operation.requestBody.description).toBe("CustomerCreateParams");
  });

  it("has a server whose host is a variable, defaulting to the host of the seed's page", () => {
    expect(spec.servers).toHaveLength(1);
    expect(spec.servers[0].url).toBe("https://{host}");
    expect(spec.servers[0].variables.host.default).toBe("api.caliq.com");
    expect(spec.servers[0]["x-source"]).toMatch(
      /^inference: .*https:\/\/api\.caliq\.com\/Help\/Api\/POST-api-v1-CustomerCreate/,
    );
  });

  it("declares no security scheme: the key travels in the body", () => {
    expect(spec.security).toEqual([]);
    expect(operation.security).toBeUndefined();
    expect(spec.components.securitySchemes).toBeUndefined();
    expect(at(spec, "/components/schemas/CustomerCreateParams/properties/apiKey/x-credential")).toBe(true);
  });
});

describe("caliq x-context", () => {
  const context = at(spec, "/x-context");

  it("is a closed object of every input that is not customer data", () => {
    expect(context.type).toBe("object");
    expect(context.additionalProperties).toBe(false);
    expect(Object.keys(context.properties)).toEqual([
      "apiKey",
      "channelId",
      "defaultCurrency",
      "customerServiceLevel",
      "host",
    ]);
    for (const [name, property] of Object.entries(context.properties as Record<string, Json>))
      expect(typeof property.description, name).toBe("string");
    expect(context.required).toEqual(["apiKey", "channelId"]);
  });

  it("holds the API key as a credential and feeds the body's key, channel and service level and the host", () => {
    expect(context.properties.apiKey).toMatchObject({ type: "string", "x-credential": true, "x-sensitive": true });
    const fed = (spec["x-mapping"].request as Json[])
      .filter((row) => row.context !== undefined)
      .map((row) => [row.to, row.context]);
    expect(fed).toEqual([
      ["/server/host", "host"],
      ["/body/apiKey", "apiKey"],
      ["/body/ChannelID", "channelId"],
      ["/body/Currency", "defaultCurrency"],
      ["/body/CustomerServiceLevel", "customerServiceLevel"],
    ]);
    // Each context value fits the body field it feeds.
    expect(typeOf(context.properties.channelId)).toBe("integer");
    expect(context.properties.defaultCurrency.pattern).toBe(
      at(spec, "/components/schemas/CustomerCreateParams/properties/Currency/pattern"),
    );
  });

  it("validates a context: the key and the channel are needed", () => {
    expect(validateContext({ apiKey: "FAKE-KEY", channelId: 2 })).toEqual([]);
    expect(
      validateContext({
        apiKey: "FAKE-KEY",
        channelId: 2,
        defaultCurrency: "GBP",
        customerServiceLevel: 23,
        host: "api.caliq.com",
      }),
    ).toEqual([]);
    expect(validateContext({ channelId: 2 })).toEqual([hit("/apiKey", "required")]);
    expect(validateContext({ apiKey: "FAKE-KEY" })).toEqual([hit("/channelId", "required")]);
    expect(validateContext({ apiKey: "FAKE-KEY", channelId: "2" })).toEqual([hit("/channelId", "type")]);
    expect(validateContext({ apiKey: "FAKE-KEY", channelId: 2, defaultCurrency: "gbp" })).toEqual([
      hit("/defaultCurrency", "pattern"),
    ]);
    expect(validateContext({ apiKey: "FAKE-KEY", channelId: 2, ChannelID: 2 })).toEqual([
      hit("", "additionalProperties"),
    ]);
  });

  it("feeds every required body field from the customer or the context", () => {
    const targets = new Set((spec["x-mapping"].request as Json[]).map((row) => row.to));
    for (const name of requiredNames) expect(targets.has(`/body/${name}`), name).toBe(true);
    const unmapped = (spec["x-mapping"].unmapped as Json[]).map((row) => row.field);
    for (const name of names)
      expect(targets.has(`/body/${name}`) || unmapped.includes(`/body/${name}`), name).toBe(true);
  });
});
