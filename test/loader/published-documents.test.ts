// Vendor documents as vendors publish them: OpenAPI 3.0 and Swagger 2.0, JSON, many operations, an overlay
// beside them. Every message still points at the file the user wrote.
import { afterAll, describe, expect, it } from "vitest";
import { loadSpecWithSource } from "../../generator/spec.js";
import { failureFromFiles, loadFromFiles } from "../helpers/in-memory-spec.js";
import { loadAllWithSources } from "../../generator/pipeline.js";
import { miniMapping, miniVendor, removeSpecsFolders, specsFolder } from "../helpers/mini-vendor.js";

afterAll(removeSpecsFolders);

const load = loadFromFiles;
const failure = failureFromFiles;

const customer = { type: "object", properties: { name: { type: "string", maxLength: 60, description: "The name." } } };
const operation = (operationId: string, extra: object = {}) => ({
  operationId,
  requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Customer" } } } },
  responses: { "201": { description: "Created." } },
  ...extra,
});
const openapi30 = (paths: object, schemas: object = { Customer: customer }, info: object = {}) =>
  JSON.stringify(
    {
      openapi: "3.0.3",
      info: { title: "Acme Commerce API", version: "2020-08-27", ...info },
      paths,
      components: { schemas },
    },
    null,
    2,
  );

const swagger = `swagger: "2.0"
info:
  title: Acme
  version: "2.0"
host: api.acme.test
securityDefinitions:
  token: { type: apiKey, in: header, name: X-Token }
paths:
  /customers:
    post:
      operationId: createCustomer
      parameters:
        - { name: X-Tenant, in: header, type: string, required: true }
        - name: customer
          in: body
          schema:
            $ref: "#/definitions/Custmer"
      security:
        - token: []
      responses:
        "201": { description: Created. }
definitions:
  Customer:
    type: object
    properties:
      name: { type: string, x-nullable: true }
`;

describe("published vendor documents", () => {
  it("read .json like .yaml, and a syntax error is positioned", () => {
    const model = load("acme.json", {
      "specs/acme.json": openapi30({ "/customers": { post: operation("createCustomer") } }),
    });
    expect(model).toMatchObject({
      kind: "vendor",
      slug: "acme",
      vendorName: "Acme Commerce API",
      version: "2020-08-27",
    });
    expect(
      failure("acme.json", { "specs/acme.json": '{\n  "openapi": "3.0.3",\n  "info": {\n    "title": "x",,\n' }),
    ).toMatch(/^specs\/acme\.json:4:18 \/: JSON: PropertyNameExpected$/);
  });

  it("upgrade OpenAPI 3.0 (nullable beside $ref and anyOf, nullable enums) and position errors in the 3.0 file", () => {
    const schemas = {
      Customer: {
        type: "object",
        properties: {
          address: { $ref: "#/components/schemas/Address", nullable: true, description: "Where." },
          kind: { type: "string", enum: ["a", "b"], nullable: true },
          source: { anyOf: [{ type: "string" }, { type: "integer" }], nullable: true },
        },
      },
      Address: { type: "object", properties: { city: { type: "string", minLength: 5, maxLength: 2 } } },
    };
    const text = openapi30({ "/customers": { post: operation("createCustomer") } }, schemas);
    const message = failure("acme.json", { "specs/acme.json": text });
    const line = text.split("\n").findIndex((row) => row.includes('"minLength": 5')) + 1;
    expect(message).toBe(
      `specs/acme.json:${line}:26 /components/schemas/Address/properties/city/minLength: minLength 5 is greater than maxLength 2: no value can be valid`,
    );

    schemas.Address.properties.city.minLength = 1;
    const model = load("acme.json", {
      "specs/acme.json": openapi30({ "/customers": { post: operation("createCustomer") } }, schemas),
    });
    const properties = model.schemas.find((named) => named.name === "Customer")?.schema.properties;
    expect(properties).toEqual({
      address: { anyOf: [{ $ref: "#/components/schemas/Address" }, { type: "null" }], description: "Where." },
      kind: { type: ["string", "null"], enum: ["a", "b", null] },
      source: { anyOf: [{ type: "string" }, { type: "integer" }, { type: "null" }] },
    });
  });

  it("upgrade Swagger 2.0: an error in the body parameter is positioned at the body parameter", () => {
    expect(failure("acme.yaml", { "specs/acme.yaml": swagger })).toBe(
      "specs/acme.yaml:17:19 /paths/~1customers/post/parameters/1/schema/$ref: $ref `#/components/schemas/Custmer` points to nothing: specs/acme.yaml has no /components/schemas/Custmer",
    );
    const model = load("acme.yaml", { "specs/acme.yaml": swagger.replace("Custmer", "Customer") });
    expect(model.operation?.parameters.map((parameter) => [parameter.in, parameter.name])).toEqual([
      ["header", "X-Tenant"],
    ]);
    expect(model.operation?.requestBody?.contentTypes).toEqual(["application/json"]);
    // Operation-level security replaces the document's (here: none).
    expect(model.security).toEqual([["token"]]);
    expect(model.servers.map((server) => server.url)).toEqual(["http://api.acme.test"]);
  });

  it("several operations and no name: one positioned error listing the candidates", () => {
    const paths = {
      "/customers": { get: operation("listCustomers"), post: operation("createCustomer") },
      "/orders": { post: operation("createOrder") },
    };
    expect(failure("acme.json", { "specs/acme.json": openapi30(paths) })).toBe(
      "specs/acme.json:7:12 /paths: 3 operations and no `info.x-vendor.operationId` naming the create operation; one of: GET /customers (listCustomers), POST /customers (createCustomer), POST /orders (createOrder)",
    );
  });

  it("the operation named in an overlay: only what it reaches is modelled; a wrong name is an error in the overlay", () => {
    const paths = {
      "/customers": { get: operation("listCustomers"), post: operation("createCustomer") },
      "/orders": {
        post: {
          ...operation("createOrder"),
          requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Order" } } } },
        },
      },
    };
    const schemas = { Customer: customer, Order: { type: "object", properties: { total: { type: "number" } } } };
    const overlay = (operationId: string) => `overlay: 1.0.0
info: { title: Acme as a vendor here, version: 1.0.0 }
actions:
  - target: $.info
    update:
      x-vendor:
        slug: acme
        name: Acme
        operationId: ${operationId}
`;
    const files = {
      "specs/acme.json": openapi30(paths, schemas),
      "specs/acme.overlay.yaml": overlay("createCustomer"),
    };
    const model = load("acme.json", files);
    expect(model.operation).toMatchObject({ id: "createCustomer", method: "POST", path: "/customers" });
    expect(model.schemas.map((named) => named.name)).toEqual(["Customer"]);
    expect(model.vendorName).toBe("Acme");
    expect(failure("acme.json", { ...files, "specs/acme.overlay.yaml": overlay("createCustomr") })).toBe(
      "specs/acme.overlay.yaml:9:22 /info/x-vendor/operationId: no operation has operationId `createCustomr`; one of: GET /customers (listCustomers), POST /customers (createCustomer), POST /orders (createOrder)",
    );
  });

  it("an overlay action that matches nothing is an error at its target in the overlay", () => {
    const files = {
      "specs/acme.json": openapi30({ "/customers": { post: operation("createCustomer") } }),
      "specs/acme.overlay.yaml": `overlay: 1.0.0
info: { title: Acme, version: 1.0.0 }
actions:
  - target: $.info
    update: { x-vendor: { slug: acme } }
  - target: $.paths['/customer'].post
    update: { summary: Create a customer }
`,
    };
    expect(failure("acme.json", files)).toBe(
      "specs/acme.overlay.yaml:6:13 /actions/1/target: `$.paths['/customer'].post` matches nothing in specs/acme.json",
    );
    expect(
      failure("acme.json", {
        ...files,
        "specs/acme.overlay.yaml": "overlay: 2.0.0\ninfo: { title: a, version: b }\nactions: []\n",
      }),
    ).toMatch(/^specs\/acme\.overlay\.yaml:1:10 \/overlay: `overlay: 1\.0\.0` is required/);
  });

  it("an overlay removes every match, array items included, and never the whole document", () => {
    const text = JSON.stringify({
      ...JSON.parse(openapi30({ "/customers": { post: operation("createCustomer") } })),
      tags: [{ name: "a" }, { name: "b" }, { name: "c" }, { name: "d" }],
    });
    const overlay = (target: string) =>
      `overlay: 1.0.0\ninfo: { title: Acme, version: 1.0.0 }\nactions:\n  - target: "${target}"\n    remove: true\n`;
    const files = { "specs/acme.json": text, "specs/acme.overlay.yaml": overlay("$.tags[?(@.name != 'b')]") };
    const { source } = loadSpecWithSource("specs/acme.json", {
      root: ".",
      readFile: (path) => files[path as keyof typeof files],
    });
    expect((source.value as { tags: unknown }).tags).toEqual([{ name: "b" }]);
    expect(failure("acme.json", { ...files, "specs/acme.overlay.yaml": overlay("$") })).toBe(
      "specs/acme.overlay.yaml:4:13 /actions/0/target: `remove` cannot remove the whole document",
    );
  });

  it("an overlay's __proto__ key is data: nothing is polluted", () => {
    const files = {
      "specs/acme.json": openapi30({ "/customers": { post: operation("createCustomer") } }),
      "specs/acme.overlay.yaml": `overlay: 1.0.0
info: { title: Acme, version: 1.0.0 }
actions:
  - target: $.info
    update: { __proto__: { polluted: true }, x-vendor: { slug: acme } }
`,
    };
    load("acme.json", files);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("an unknown format is kept as an annotation, not refused", () => {
    const schemas = {
      Customer: {
        type: "object",
        properties: { created: { type: "integer", format: "unix-time", description: "When." } },
      },
    };
    const model = load("acme.json", {
      "specs/acme.json": openapi30({ "/customers": { post: operation("createCustomer") } }, schemas),
    });
    expect(model.schemas[0]?.schema.properties).toEqual({
      created: { type: "integer", "x-format": "unix-time", description: "When." },
    });
  });

  it("an example without a verdict that its schema refuses is a warning naming it, not an abort", () => {
    const post = operation("createCustomer", {
      requestBody: {
        content: {
          "application/json": { schema: { $ref: "#/components/schemas/Customer" }, example: { name: "x".repeat(61) } },
        },
      },
    });
    const model = load("acme.json", { "specs/acme.json": openapi30({ "/customers": { post } }) });
    expect(model.warnings).toHaveLength(1);
    expect(model.warnings[0]).toMatch(
      // Positioned at the vendor's own `example` (3.0), which the upgrade made `examples.default`.
      /^specs\/acme\.json:17:26 \/paths\/~1customers\/post\/requestBody\/content\/application~1json\/example: example `default` breaks its own schema: \/name maxLength \(specs\/acme\.json:\d+:\d+\) \(warning\)$/,
    );
  });

  it("an example given by `$ref` to components/examples is checked as the example it names (Adyen's were all `type` at the root)", () => {
    const post = operation("createCustomer", {
      requestBody: {
        content: {
          "application/json": {
            schema: { $ref: "#/components/schemas/Customer" },
            examples: {
              short: { $ref: "#/components/examples/short" },
              long: { $ref: "#/components/examples/long" },
            },
          },
        },
      },
    });
    const document = JSON.parse(openapi30({ "/customers": { post } }));
    document.components.examples = {
      short: { summary: "A short name.", value: { name: "Ada" } },
      long: { summary: "A name too long.", value: { name: "x".repeat(61) } },
    };
    const model = load("acme.json", { "specs/acme.json": JSON.stringify(document, null, 2) });
    // The short one passes; the long one breaks its maxLength, not a `type` at the root.
    expect(model.warnings).toHaveLength(1);
    // The broken rule names its own line (the schema view keeps positions).
    expect(model.warnings[0]).toMatch(
      /example `long` breaks its own schema: \/name maxLength \(specs\/acme\.json:\d+:\d+\) \(warning\)$/,
    );
  });

  it("kind by place: a vendor spec without x-vendor is a vendor named from its file and title, never the canonical customer", () => {
    const mini = miniVendor(miniMapping).replace("  x-vendor: { slug: mini, name: Mini, seed: none }\n", "");
    const models = loadAllWithSources(specsFolder(mini), ".").map(({ model }) => [
      model.slug,
      model.kind,
      model.vendorName,
    ]);
    expect(models).toEqual([
      ["canonical", "canonical", expect.any(String)],
      ["mini", "vendor", "Mini vendor"],
    ]);
  });
});
