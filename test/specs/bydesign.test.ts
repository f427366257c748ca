// specs/bydesign.yaml against seeds/bydesign.txt and the bydesign section of
// vendor-notes.md: every CustomerCreationViewModel and ICustomer field with
// its documented type, the three documented limits, the five request content
// types, the .NET dates, the seed's samples with their verdicts, and the
// inferred host, auth and ASP.NET Web API error bodies.
import { describe, expect, it } from "vitest";
import { at, compileAt, readSpec, type Json, type RuleHit } from "../helpers/spec.js";

const spec = readSpec("bydesign");
const operation = at(spec, "/paths/~1api~1users~1customer/post");

const validateRequest = compileAt("bydesign", "/components/schemas/CustomerCreationViewModel");
const validateResponse = compileAt("bydesign", "/components/schemas/ICustomer");
const validateError = compileAt("bydesign", "/components/schemas/HttpError");
const validateContext = compileAt("bydesign", "/x-context");
const hit = (path: string, keyword: string): RuleHit => ({ path, keyword });

/** A property's type as the tables below write it: `string`, `integer|null`, `object`. */
function typeOf(schema: Json): string {
  if (schema === undefined) return "missing";
  if (typeof schema.$ref === "string") return schema.$ref.replace("#/components/schemas/", "");
  const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.map(String).join("|");
}

// Written by hand from the seed's Body Parameters table, in its order, with its
// descriptions verbatim (the Email row lost its name in the seed; its samples
// and the public help page call it Email). `date` is the help page's name for a
// .NET DateTime, sent as a string.
const request: [string, string, string][] = [
  ["FirstName", "string", "The First Name of the Customer"],
  ["LastName", "string", "THe Last Name of the Customer"],
  ["Email", "string", "The email of the customer"],
  ["Password", "string", "The password of the customer"],
  ["RepDID", "string", "The RepDID who referred this customer"],
  ["Company", "string", "The Company of the Customer"],
  ["Phone1", "string", "The Phone1 of the Customer"],
  ["Phone2", "string", "The Phone2 of the Customer"],
  ["Phone3", "string", "The Phone3 of the Customer"],
  ["Phone4", "string", "The Phone4 of the Customer"],
  ["ShippingStreet1", "string", "The Shipping Street1 of the Customer"],
  ["ShippingStreet2", "string", "The Shipping Street2 of the Customer"],
  ["ShippingCountry", "string", "The Shipping Country of the Customer"],
  ["ShippingPostalCode", "string", "The Shipping Postal Code of the Customer"],
  ["ShippingCity", "string", "The Shipping City of the Customer"],
  ["ShippingState", "string", "The Shipping State of the Customer"],
  ["ShippingCounty", "string", "The Shipping County of the Customer"],
  ["BillingStreet1", "string", "The Billing Street1 of the Customer"],
  ["BillingStreet2", "string", "The Billing Street2 of the Customer"],
  ["BillingCountry", "string", "The Billing Country of the Customer"],
  ["BillingPostalCode", "string", "The Billing Postal Code of the Customer"],
  ["BillingCity", "string", "The Billing City of the Customer"],
  ["BillingState", "string", "The Billing State of the Customer"],
  ["BillingCounty", "string", "The Billing County of the Customer"],
  ["AgreedToTerms", "boolean", "The Customer agreed to terms"],
  ["ReferralMarketType", "integer", "The Referral Market Type of the Customer"],
  ["ReferralMarketTypeInput", "string", "Additional Referral Market Type Input for the Customer"],
  ["ReferCustomerID", "string", "The CustomerID who referred this customer"],
  ["TaxID", "string", "The TaxID of the Customer"],
  ["TaxID2", "string", "The TaxID2 of the Customer"],
  ["ReplicatedSiteUrl", "string", "The ReplicatedSiteUrl of the Customer"],
  ["CustomerType", "integer", "The CustomerType of the Customer"],
  [
    "SendAutoresponders",
    "boolean",
    "Indicates whether or not to send the AR related to customer signups. Optional. Default is true.",
  ],
  ["DateOfBirth", "string", "The Customer's Date of Birth"],
  [
    "ReciprocalRepDID",
    "string",
    "The RepDID of the Representative this customer account is to be used with for personal purchasing, etc. Requires the setting JSCART_RECIPROCALIDS_INUSE",
  ],
  ["PreferredCulture", "integer", "Prefered locale for the Customer."],
];

// The seed's ICustomer table, in its order (the nameless string row between MI
// and Company is Email, as in the XML sample). Fields the seed's JSON response
// sample writes with a value are .NET value types and never null; the rest may be.
const response: [string, string][] = [
  ["CustomerID", "integer"],
  ["CustomerDID", "string|null"],
  ["BCKey", "integer"],
  ["CustomerTypeID", "integer"],
  ["FirstName", "string|null"],
  ["LastName", "string|null"],
  ["MI", "string|null"],
  ["Email", "string|null"],
  ["Company", "string|null"],
  ["PreferredCulture", "integer"],
  ["Password", "string|null"],
  ["BillStreet1", "string|null"],
  ["BillStreet2", "string|null"],
  ["BillCity", "string|null"],
  ["BillState", "string|null"],
  ["BillPostalCode", "string|null"],
  ["BillCountry", "string|null"],
  ["BillCounty", "string|null"],
  ["ShipStreet1", "string|null"],
  ["ShipStreet2", "string|null"],
  ["ShipCity", "string|null"],
  ["ShipState", "string|null"],
  ["ShipPostalCode", "string|null"],
  ["ShipCountry", "string|null"],
  ["ShipCounty", "string|null"],
  ["Phone1", "string|null"],
  ["Phone2", "string|null"],
  ["Phone3", "string|null"],
  ["Phone4", "string|null"],
  ["Phone5", "string|null"],
  ["Phone6", "string|null"],
  ["TaxExemptCodeID", "string|null"],
  ["TaxExempt", "boolean"],
  ["TaxID", "string|null"],
  ["TaxID2", "string|null"],
  ["ReferralMarketTypeID", "integer|null"],
  ["ReferralMarketTypeInput", "string|null"],
  ["ReferCustomerID", "integer|null"],
  ["CreatedBy", "string|null"],
  ["PasswordResetKey", "string|null"],
  ["PasswordResetExpirationDate", "string|null"],
  ["DateOfBirth", "string|null"],
  ["ApplicationDate", "string"],
  ["StatusTypeID", "integer"],
  ["ContactStatusID", "integer"],
  ["RomanizedName", "string|null"],
  ["ReciprocalRepID", "integer|null"],
  ["LastModifiedBy", "string|null"],
  ["DateLastModified", "string|null"],
  ["TaxExemptReasonTypeID", "integer|null"],
  ["UpgradeRepID", "integer|null"],
  ["PhonesComputed", "string|null"],
  ["CreatedDate", "string"],
  ["guid", "string|null"],
  ["AccountNumber", "string|null"],
  ["Gender", "string|null"],
  ["EmailOptOut_Company", "boolean"],
  ["EmailOptOut_Upline", "boolean"],
];

// ASP.NET Web API's HttpError (inferred).
const httpError: [string, string][] = [
  ["Message", "string"],
  ["MessageDetail", "string"],
  ["ModelState", "object"],
  ["ExceptionMessage", "string"],
  ["ExceptionType", "string"],
  ["StackTrace", "string"],
];

// The seed's JSON request sample, verbatim.
const seedRequest = {
  FirstName: "sample string 1",
  LastName: "sample string 2",
  Email: "sample string 3",
  Password: "sample string 4",
  RepDID: "sample string 5",
  Company: "sample string 6",
  Phone1: "sample string 7",
  Phone2: "sample string 8",
  Phone3: "sample string 9",
  Phone4: "sample string 10",
  ShippingStreet1: "sample string 11",
  ShippingStreet2: "sample string 12",
  ShippingCountry: "sample string 13",
  ShippingPostalCode: "sample string 14",
  ShippingCity: "sample string 15",
  ShippingState: "sample string 16",
  ShippingCounty: "sample string 17",
  BillingStreet1: "sample string 18",
  BillingStreet2: "sample string 19",
  BillingCountry: "sample string 20",
  BillingPostalCode: "sample string 21",
  BillingCity: "sample string 22",
  BillingState: "sample string 23",
  BillingCounty: "sample string 24",
  AgreedToTerms: true,
  ReferralMarketType: 1,
  ReferralMarketTypeInput: "sample string 26",
  ReferCustomerID: "sample string 27",
  TaxID: "sample string 28",
  TaxID2: "sample string 29",
  ReplicatedSiteUrl: "sample string 30",
  CustomerType: 31,
  SendAutoresponders: true,
  DateOfBirth: "2025-11-03T07:40:09.7363348-05:00",
  ReciprocalRepDID: "sample string 33",
  PreferredCulture: 34,
};

// The seed's JSON response sample, verbatim.
const seedResponse = {
  CustomerID: 0,
  BCKey: 0,
  CustomerTypeID: 0,
  PreferredCulture: 0,
  TaxExempt: false,
  ApplicationDate: "0001-01-01T00:00:00",
  StatusTypeID: 0,
  ContactStatusID: 0,
  CreatedDate: "0001-01-01T00:00:00",
  EmailOptOut_Company: false,
  EmailOptOut_Upline: false,
};

const requestProperty = (name: string): Json =>
  at(spec, `/components/schemas/CustomerCreationViewModel/properties/${name}`);
const responseProperty = (name: string): Json => at(spec, `/components/schemas/ICustomer/properties/${name}`);
const xmlElements = (xml: string): string[] =>
  [...xml.matchAll(/<([A-Za-z_0-9]+)(?: \/)?>/g)].map((match) => match[1] as string);

describe("bydesign CustomerCreationViewModel", () => {
  it.each(request)("%s is %s, described in the seed's words", (name, type, description) => {
    const property = requestProperty(name);
    expect(property, name).toBeDefined();
    expect(typeOf(property)).toBe(type);
    expect(property.description).toContain(description);
  });

  it("has exactly the seed's fields, in the seed's order", () => {
    expect(Object.keys(at(spec, "/components/schemas/CustomerCreationViewModel/properties"))).toEqual(
      request.map(([name]) => name),
    );
  });

  it("is closed and requires nothing (the seed marks no field Required)", () => {
    const schema = at(spec, "/components/schemas/CustomerCreationViewModel");
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toBeUndefined();
    expect(validateRequest({})).toEqual([]);
    expect(validateRequest({ FirstName: "Ann", Nickname: "x" })).toEqual([hit("", "additionalProperties")]);
    expect(validateRequest({ firstName: "Ann" })).toEqual([hit("", "additionalProperties")]);
  });

  it("limits FirstName and LastName to 50 and Email to 100 characters, and sets no other limit", () => {
    const properties = at(spec, "/components/schemas/CustomerCreationViewModel/properties") as Record<string, Json>;
    const limits = [
      "maxLength",
      "minLength",
      "maximum",
      "minimum",
      "exclusiveMaximum",
      "exclusiveMinimum",
      "enum",
      "format",
    ];
    const found = Object.entries(properties).flatMap(([name, property]) =>
      limits.filter((keyword) => keyword in property).map((keyword) => [name, keyword, property[keyword]]),
    );
    expect(found).toEqual([
      ["FirstName", "maxLength", 50],
      ["LastName", "maxLength", 50],
      ["Email", "maxLength", 100],
    ]);
    expect(at(spec, "/components/schemas/CustomerCreationViewModel/x-no-limit")).toMatch(
      /FirstName, LastName and Email only/,
    );
  });

  it.each([
    ["FirstName", 50],
    ["LastName", 50],
    ["Email", 100],
  ] as const)("%s takes %i characters (counted as characters, not bytes) and refuses one more", (name, limit) => {
    expect(validateRequest({ [name]: "x".repeat(limit) })).toEqual([]);
    expect(validateRequest({ [name]: "é".repeat(limit) })).toEqual([]);
    expect(validateRequest({ [name]: "😀".repeat(limit) })).toEqual([]);
    expect(validateRequest({ [name]: "x".repeat(limit + 1) })).toEqual([hit(`/${name}`, "maxLength")]);
  });

  it("leaves the undocumented text fields unlimited", () => {
    const long = "x".repeat(5000);
    expect(
      validateRequest({ Company: long, ShippingStreet1: long, Password: long, RepDID: long, TaxID: long }),
    ).toEqual([]);
  });

  it("takes Email as the seed documents it: text up to 100, no e-mail format", () => {
    const email = requestProperty("Email");
    expect(email.format).toBeUndefined();
    expect(email["x-source"]).toMatch(
      /^vendor-notes: FirstName and LastName max 50, Email max 100 \(seed, confirmed by the public help page\)/,
    );
    expect(validateRequest({ Email: "sample string 3" })).toEqual([]);
    expect(validateRequest({ Email: `${"a".repeat(88)}@example.com` })).toEqual([]);
    expect(validateRequest({ Email: `${"a".repeat(89)}@example.com` })).toEqual([hit("/Email", "maxLength")]);
  });

  it("says that ReciprocalRepDID only applies when JSCART_RECIPROCALIDS_INUSE is on", () => {
    const description: string = requestProperty("ReciprocalRepDID").description;
    expect(description).toContain("Requires the setting JSCART_RECIPROCALIDS_INUSE");
    expect(description).toMatch(/only applies when that setting is on/);
  });

  it("keeps the password write-only and sensitive, and the tax ids sensitive", () => {
    expect(requestProperty("Password")).toMatchObject({ writeOnly: true, "x-sensitive": true });
    for (const name of ["TaxID", "TaxID2"]) {
      expect(requestProperty(name)["x-sensitive"], name).toBe(true);
      expect(requestProperty(name)["x-source"], name).toMatch(/^inference: /);
      expect(responseProperty(name)["x-sensitive"], name).toBe(true);
    }
    const sensitive = Object.entries(
      at(spec, "/components/schemas/CustomerCreationViewModel/properties") as Record<string, Json>,
    )
      .filter(([, property]) => property["x-sensitive"] === true)
      .map(([name]) => name);
    expect(sensitive).toEqual(["Password", "TaxID", "TaxID2"]);
  });

  it("defaults SendAutoresponders to true, as the seed says", () => {
    expect(requestProperty("SendAutoresponders").default).toBe(true);
    const defaults = request.map(([name]) => name).filter((name) => requestProperty(name).default !== undefined);
    expect(defaults).toEqual(["SendAutoresponders"]);
  });

  it("records that ReferCustomerID is a string on the request but an integer on the response", () => {
    const conflict = requestProperty("ReferCustomerID")["x-conflict"];
    expect(conflict.values.map((value: Json) => value.says)).toEqual(["string", "integer"]);
    expect(conflict.chosen).toBe("string");
    expect(validateRequest({ ReferCustomerID: "C-27" })).toEqual([]);
    expect(validateRequest({ ReferCustomerID: 27 })).toEqual([hit("/ReferCustomerID", "type")]);
    expect(validateResponse({ ...seedResponse, ReferCustomerID: 27 })).toEqual([]);
    expect(validateResponse({ ...seedResponse, ReferCustomerID: "C-27" })).toEqual([hit("/ReferCustomerID", "type")]);
  });

  it.each([
    ["AgreedToTerms", "true"],
    ["AgreedToTerms", 1],
    ["SendAutoresponders", "false"],
    ["ReferralMarketType", 1.5],
    ["ReferralMarketType", "1"],
    ["CustomerType", "31"],
    ["PreferredCulture", 34.2],
    ["FirstName", 1],
    ["Phone1", 5551234],
    ["DateOfBirth", 19850101],
  ] as const)("refuses %s = %j (wrong type)", (name, value) => {
    expect(validateRequest({ [name]: value })).toEqual([hit(`/${name}`, "type")]);
  });

  it("refuses null on request fields (the seed shows none nullable)", () => {
    for (const [name] of request) expect(validateRequest({ [name]: null }), name).toEqual([hit(`/${name}`, "type")]);
  });
});

describe("bydesign .NET dates", () => {
  const datePointers = [
    "/components/schemas/CustomerCreationViewModel/properties/DateOfBirth",
    "/components/schemas/ICustomer/properties/PasswordResetExpirationDate",
    "/components/schemas/ICustomer/properties/DateOfBirth",
    "/components/schemas/ICustomer/properties/ApplicationDate",
    "/components/schemas/ICustomer/properties/DateLastModified",
    "/components/schemas/ICustomer/properties/CreatedDate",
  ];

  it("checks every date of the seed with one pattern, not format date-time, and says why", () => {
    const patterns = new Set(datePointers.map((pointer) => at(spec, pointer).pattern));
    expect(patterns.size).toBe(1);
    for (const pointer of datePointers) {
      expect(at(spec, pointer).format, pointer).toBeUndefined();
      expect(at(spec, pointer).description, pointer).toMatch(/offset/);
    }
    const withPattern = Object.keys(at(spec, "/components/schemas/ICustomer/properties")).filter(
      (name) => responseProperty(name).pattern !== undefined,
    );
    expect(withPattern).toEqual([
      "PasswordResetExpirationDate",
      "DateOfBirth",
      "ApplicationDate",
      "DateLastModified",
      "CreatedDate",
    ]);
  });

  it.each([
    "2025-11-03T07:40:09.7363348-05:00",
    "0001-01-01T00:00:00",
    "1985-01-01T00:00:00",
    "1985-01-01T00:00:00.1",
    "1985-01-01T00:00:00Z",
    "1985-01-01T23:59:59.9999999+14:00",
    "1985-12-31T12:00:00-12:00",
  ])("accepts the .NET date-time %s", (date) => {
    expect(validateRequest({ DateOfBirth: date })).toEqual([]);
    expect(validateResponse({ ...seedResponse, DateOfBirth: date, CreatedDate: date })).toEqual([]);
  });

  it.each([
    "11/03/2025 07:40:09",
    "1985-01-01",
    "1985-01-01T",
    "1985-13-01T00:00:00",
    "1985-01-32T00:00:00",
    "1985-01-01T24:00:00",
    "1985-01-01T00:60:00",
    "1985-01-01T00:00:00.12345678",
    "1985-01-01T00:00:00+15:00",
    "1985-01-01T00:00:00+0100",
    "yesterday",
  ])("refuses %s", (date) => {
    expect(validateRequest({ DateOfBirth: date })).toEqual([hit("/DateOfBirth", "pattern")]);
    expect(validateResponse({ ...seedResponse, CreatedDate: date })).toEqual([hit("/CreatedDate", "pattern")]);
  });

  it("takes the date the mapping writes (midnight without an offset)", () => {
    const declaration = (at(spec, "/x-mapping/request") as Json[]).find((entry) => entry.to === "/body/DateOfBirth");
    expect(declaration.transform).toBe("local-date-time");
    expect(validateRequest({ DateOfBirth: "1970-12-31T00:00:00" })).toEqual([]);
  });
});

describe("bydesign ICustomer", () => {
  it.each(response)("%s is %s", (name, type) => {
    const property = responseProperty(name);
    expect(property, name).toBeDefined();
    expect(typeOf(property)).toBe(type);
    expect(typeof property.description, name).toBe("string");
  });

  it("has exactly the seed's fields, in the seed's order", () => {
    expect(Object.keys(at(spec, "/components/schemas/ICustomer/properties"))).toEqual(response.map(([name]) => name));
  });

  it("is open, as a response model must be, and requires nothing", () => {
    expect(at(spec, "/components/schemas/ICustomer/additionalProperties")).toBeUndefined();
    expect(at(spec, "/components/schemas/ICustomer/required")).toBeUndefined();
    expect(validateResponse({ ...seedResponse, SomethingNew: { a: 1 } })).toEqual([]);
  });

  it("marks what Freedom fills itself readOnly", () => {
    const readOnly = response.map(([name]) => name).filter((name) => responseProperty(name).readOnly === true);
    expect(readOnly).toEqual([
      "CustomerID",
      "CustomerDID",
      "CreatedBy",
      "PasswordResetKey",
      "PasswordResetExpirationDate",
      "ApplicationDate",
      "LastModifiedBy",
      "DateLastModified",
      "PhonesComputed",
      "CreatedDate",
      "guid",
    ]);
    expect(response.map(([name]) => name).filter((name) => responseProperty(name).writeOnly !== undefined)).toEqual([]);
  });

  it("never takes null for the value types the JSON sample writes, and tolerates it elsewhere", () => {
    const notNull = response.filter(([, type]) => !type.endsWith("|null")).map(([name]) => name);
    expect(notNull).toEqual(Object.keys(seedResponse));
    for (const name of notNull)
      expect(validateResponse({ ...seedResponse, [name]: null }), name).toEqual([hit(`/${name}`, "type")]);
    const nulls = Object.fromEntries(
      response.filter(([, type]) => type.endsWith("|null")).map(([name]) => [name, null]),
    );
    expect(validateResponse({ ...seedResponse, ...nulls })).toEqual([]);
  });

  it("refuses wrong types", () => {
    expect(validateResponse({ ...seedResponse, CustomerID: "1" })).toEqual([hit("/CustomerID", "type")]);
    expect(validateResponse({ ...seedResponse, TaxExempt: "False" })).toEqual([hit("/TaxExempt", "type")]);
    expect(validateResponse({ ...seedResponse, ReciprocalRepID: 1.5 })).toEqual([hit("/ReciprocalRepID", "type")]);
    expect(validateResponse({ ...seedResponse, Phone6: 5551234 })).toEqual([hit("/Phone6", "type")]);
  });

  it("keeps the password and reset key sensitive", () => {
    for (const name of ["Password", "PasswordResetKey"]) expect(responseProperty(name)["x-sensitive"], name).toBe(true);
  });

  it("marks its descriptions and nullability as inferences (the seed gives names and types only)", () => {
    expect(at(spec, "/components/schemas/ICustomer/x-source")).toMatch(
      /^inference: the seed gives each field's name and type only/,
    );
  });
});

describe("bydesign samples", () => {
  const content = at(operation, "/requestBody/content") as Record<string, Json>;

  it("accepts JSON, XML and form bodies, all with the one CustomerCreationViewModel", () => {
    expect(Object.keys(content)).toEqual([
      "application/json",
      "text/json",
      "application/xml",
      "text/xml",
      "application/x-www-form-urlencoded",
    ]);
    for (const [type, media] of Object.entries(content))
      expect(media.schema, type).toEqual({ $ref: "#/components/schemas/CustomerCreationViewModel" });
    expect(operation.requestBody.required).toBe(true);
  });

  it("carries the seed's JSON request sample verbatim, valid", () => {
    const example = content["application/json"].examples.seedSample;
    expect(example.value).toEqual(seedRequest);
    expect(Object.keys(example.value)).toEqual(request.map(([name]) => name));
    expect(example["x-expect"]).toBe("valid");
    expect(example["x-expect-errors"]).toBeUndefined();
    expect(validateRequest(example.value)).toEqual([]);
  });

  it("would refuse the sample had it broken a documented limit", () => {
    expect(validateRequest({ ...seedRequest, FirstName: "sample string ".repeat(4), Email: "e".repeat(101) })).toEqual([
      hit("/FirstName", "maxLength"),
      hit("/Email", "maxLength"),
    ]);
  });

  it("carries the seed's XML request sample as a string, with every field in the seed's order", () => {
    const example = content["application/xml"].examples.seedSample;
    expect(typeof example.value).toBe("string");
    expect(xmlElements(example.value)).toEqual(["CustomerCreationViewModel", ...request.map(([name]) => name)]);
    expect(example.value).toContain("<DateOfBirth>11/03/2025 07:40:09</DateOfBirth>");
    expect(at(spec, "/components/schemas/CustomerCreationViewModel/xml/name")).toBe("CustomerCreationViewModel");
  });

  it("carries the seed's JSON response sample verbatim, valid", () => {
    const example = at(operation, "/responses/200/content/application~1json/examples/seedSample");
    expect(example.value).toEqual(seedResponse);
    expect(example["x-expect"]).toBe("valid");
    expect(validateResponse(example.value)).toEqual([]);
  });

  it("carries the seed's XML response sample, naming every ICustomer field", () => {
    const xml: string = at(operation, "/responses/200/content/application~1xml/examples/seedSample/value");
    const [root, ...fields] = xmlElements(xml);
    expect(root).toBe("Customer");
    expect(at(spec, "/components/schemas/ICustomer/xml/name")).toBe("Customer");
    expect([...fields].sort()).toEqual(response.map(([name]) => name).sort());
  });

  it("answers in the seed's four response formats", () => {
    const formats = at(operation, "/responses/200/content") as Record<string, Json>;
    expect(Object.keys(formats)).toEqual(["application/json", "text/json", "application/xml", "text/xml"]);
    for (const [type, media] of Object.entries(formats))
      expect(media.schema, type).toEqual({ $ref: "#/components/schemas/ICustomer" });
  });

  it("gives a valid, inferred 400 example in ASP.NET Web API's shape", () => {
    const example = at(operation, "/responses/400/content/application~1json/examples/maxLength");
    expect(example["x-expect"]).toBe("valid");
    expect(example["x-source"]).toMatch(/^inference: /);
    expect(validateError(example.value)).toEqual([]);
    expect(example.value.Message).toBe("The request is invalid.");
  });
});

describe("bydesign operation", () => {
  it("is POST api/users/customer, createCustomer, in the vendor's words", () => {
    expect(spec.openapi).toBe("3.1.0");
    expect(spec.info.version).toBe("1.0.0");
    expect(spec.info["x-vendor"]).toEqual({
      slug: "bydesign",
      name: 'ByDesign Technologies "Freedom" direct-selling back office (ASP.NET Web API)',
      seed: "seeds/bydesign.txt",
    });
    expect(Object.keys(spec.paths)).toEqual(["/api/users/customer"]);
    expect(Object.keys(spec.paths["/api/users/customer"])).toEqual(["post"]);
    expect(operation.operationId).toBe("createCustomer");
    expect(operation.description).toContain("Allows for creation of a new customer for a given representative.");
    expect(operation.requestBody.description).toBe("CustomerCreationViewModel");
    expect(operation.deprecated).toBeUndefined();
  });

  it("has no parameters (URI Parameters: None.)", () => {
    expect(operation.parameters).toBeUndefined();
    expect(spec.paths["/api/users/customer"].parameters).toBeUndefined();
  });

  it("has a server whose host (with the company's path segment) is a variable, marked as inference", () => {
    expect(spec.servers).toHaveLength(1);
    expect(spec.servers[0].url).toBe("https://{host}");
    expect(spec.servers[0].variables.host.default).toMatch(/\.invalid$/);
    expect(spec.servers[0]["x-source"]).toMatch(/^inference: /);
  });

  it("authenticates with HTTP Basic, marked as inference", () => {
    expect(spec.components.securitySchemes).toEqual({
      basicAuth: expect.objectContaining({ type: "http", scheme: "basic" }),
    });
    expect(spec.components.securitySchemes.basicAuth["x-source"]).toMatch(/^inference: /);
    expect(spec.security).toEqual([{ basicAuth: [] }]);
    expect(operation.security).toBeUndefined();
  });

  it("documents 200 with ICustomer and 400/401/500 with HttpError, each status an inference", () => {
    expect(Object.keys(operation.responses)).toEqual(["200", "400", "401", "500"]);
    expect(operation.responses["200"]["x-error-body"]).toBeUndefined();
    for (const status of ["200", "400", "401", "500"])
      expect(operation.responses[status]["x-source"], status).toMatch(/^inference: /);
    for (const status of ["400", "401", "500"]) {
      const media = operation.responses[status].content as Record<string, Json>;
      expect(Object.keys(media), status).toEqual(["application/json", "application/xml"]);
      for (const entry of Object.values(media))
        expect(entry.schema, status).toEqual({ $ref: "#/components/schemas/HttpError" });
      expect(operation.responses[status]["x-error-body"], status).toEqual({ code: "/Message", message: "/Message" });
    }
  });

  it("has HttpError with ASP.NET Web API's fields, open, ModelState as lists of messages", () => {
    expect(Object.keys(at(spec, "/components/schemas/HttpError/properties"))).toEqual(httpError.map(([name]) => name));
    for (const [name, type] of httpError)
      expect(typeOf(at(spec, `/components/schemas/HttpError/properties/${name}`)), name).toBe(type);
    expect(at(spec, "/components/schemas/HttpError/additionalProperties")).toBeUndefined();
    expect(at(spec, "/components/schemas/HttpError/x-source")).toMatch(/^inference: /);
    expect(validateError({ Message: "An error has occurred.", ExceptionMessage: "x", Extra: 1 })).toEqual([]);
    expect(validateError({ Message: "The request is invalid.", ModelState: { "model.Email": "too long" } })).toEqual([
      hit("/ModelState/model.Email", "type"),
    ]);
  });

  it("has no schema besides the request, the response and the error body", () => {
    expect(Object.keys(at(spec, "/components/schemas"))).toEqual([
      "CustomerCreationViewModel",
      "ICustomer",
      "HttpError",
    ]);
  });

  it("lists the error vocabulary, one entry per error status, each an inference", () => {
    const errors = operation["x-errors"] as Json[];
    expect(errors.map((error) => [error.status, error.code, error.kind])).toEqual([
      [400, "The request is invalid.", "invalid-field"],
      [401, "Authorization has been denied for this request.", "unauthorized"],
      [500, "An error has occurred.", "unknown"],
    ]);
    for (const error of errors) {
      expect(error.message).toBe(error.code);
      expect(error["x-source"]).toMatch(/^inference: /);
      expect(String(error.status) in operation.responses).toBe(true);
    }
    expect(errors[1].rules).toBeUndefined();
    expect(errors[2].rules).toBeUndefined();
  });

  it("ties the 400 to rules that the request schema really reports", () => {
    const [validation] = operation["x-errors"] as Json[];
    const wrong: Record<string, unknown> = {
      "/FirstName": "x".repeat(51),
      "/LastName": "x".repeat(51),
      "/Email": "x".repeat(101),
      "/AgreedToTerms": "yes",
      "/ReferralMarketType": "one",
      "/CustomerType": 1.5,
      "/SendAutoresponders": "no",
      "/DateOfBirth": "11/03/2025 07:40:09",
      "/PreferredCulture": "en-US",
    };
    const rules = validation.rules as Json[];
    expect(rules.map((rule) => rule.path)).toEqual(Object.keys(wrong));
    for (const rule of rules) {
      expect(rule.in).toBe("body");
      const keywords: string[] = Array.isArray(rule.keyword) ? rule.keyword : [rule.keyword];
      const hits = validateRequest({ [(rule.path as string).slice(1)]: wrong[rule.path] });
      expect(hits.length, rule.path).toBe(1);
      expect(hits[0]?.path, rule.path).toBe(rule.path);
      expect(keywords, rule.path).toContain(hits[0]?.keyword);
    }
    expect(validateRequest({ DateOfBirth: 19850101 })).toEqual([hit("/DateOfBirth", "type")]);
  });

  it("has a 400 rule for every documented limit and every non-text field, and none for required", () => {
    const rules = (operation["x-errors"][0].rules as Json[]).map((rule) => [
      rule.path,
      ([] as string[]).concat(rule.keyword),
    ]);
    const limited = request
      .filter(([name]) => requestProperty(name).maxLength !== undefined)
      .map(([name]) => `/${name}`);
    for (const path of limited) expect(rules, path).toContainEqual([path, ["maxLength"]]);
    const typed = request
      .filter(([name, type]) => type !== "string" || name === "DateOfBirth")
      .map(([name]) => `/${name}`);
    for (const path of typed) expect(rules.find(([rulePath]) => rulePath === path)?.[1], path).toContain("type");
    expect(rules.flatMap(([, keywords]) => keywords)).not.toContain("required");
  });
});

describe("bydesign x-context", () => {
  const context = at(spec, "/x-context");

  it("is a closed object of the inputs that are not customer data", () => {
    expect(context.type).toBe("object");
    expect(context.additionalProperties).toBe(false);
    expect(Object.keys(context.properties)).toEqual([
      "username",
      "password",
      "repDid",
      "reciprocalRepDid",
      "customerType",
      "sendAutoresponders",
      "host",
    ]);
    for (const [name, property] of Object.entries(context.properties as Record<string, Json>)) {
      expect(typeof property.type, name).toBe("string");
      expect(typeof property.description, name).toBe("string");
    }
  });

  it("holds the Basic credentials as sensitive credentials, and nothing else as one", () => {
    const credentials = Object.entries(context.properties as Record<string, Json>)
      .filter(([, property]) => property["x-credential"] === true)
      .map(([name]) => name);
    expect(credentials).toEqual(["username", "password"]);
    for (const name of credentials) expect(context.properties[name]["x-sensitive"], name).toBe(true);
    expect(at(spec, "/x-mapping/auth")).toEqual({ basicAuth: { username: "username", password: "password" } });
  });

  it("requires the credentials, the representative and the host", () => {
    expect(context.required).toEqual(["username", "password", "repDid", "host"]);
    expect(context.properties.repDid["x-source"]).toMatch(/^inference: .*for a given representative/);
    expect(context.properties.reciprocalRepDid.description).toMatch(
      /only applies when the setting JSCART_RECIPROCALIDS_INUSE is on/,
    );
  });

  it("validates a context", () => {
    const minimal = { username: "api", password: "p", repDid: "12345", host: "webapi.securefreedom.com/Company" };
    expect(validateContext(minimal)).toEqual([]);
    expect(
      validateContext({ ...minimal, reciprocalRepDid: "777", customerType: 1, sendAutoresponders: false }),
    ).toEqual([]);
    expect(validateContext({ username: "api", password: "p", host: "h" })).toEqual([hit("/repDid", "required")]);
    expect(validateContext({ username: "api", password: "p", repDid: "1" })).toEqual([hit("/host", "required")]);
    expect(validateContext({ ...minimal, customerType: "1" })).toEqual([hit("/customerType", "type")]);
    expect(validateContext({ ...minimal, apiKey: "k" })).toEqual([hit("", "additionalProperties")]);
  });

  it("feeds every context property into the request, and every request field is mapped or said unmapped", () => {
    const declarations = at(spec, "/x-mapping/request") as Json[];
    const fromContext = declarations
      .filter((entry) => entry.context !== undefined)
      .map((entry) => entry.context as string);
    const auth = Object.values(at(spec, "/x-mapping/auth/basicAuth") as Record<string, string>);
    expect([...fromContext, ...auth].sort()).toEqual(Object.keys(context.properties).sort());
    const fed = declarations
      .map((entry) => entry.to as string)
      .filter((to) => to.startsWith("/body/"))
      .map((to) => to.slice("/body/".length));
    const unmapped = (at(spec, "/x-mapping/unmapped") as Json[]).map((entry) =>
      (entry.field as string).slice("/body/".length),
    );
    expect([...new Set([...fed, ...unmapped])].sort()).toEqual(request.map(([name]) => name).sort());
    expect(fed.filter((name) => unmapped.includes(name))).toEqual([]);
  });
});
