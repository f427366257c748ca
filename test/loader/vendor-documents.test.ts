// What vendors publish, in minimal reproductions of real documents (corpus/ holds the documents
// themselves): each case was refused, or made a wrong package, before the loader took it.
import { describe, expect, it } from "vitest";
import { emitFixtures } from "../../generator/emit/fixtures.js";
import { failureFromFiles, loadFromFiles } from "../helpers/in-memory-spec.js";

const load = loadFromFiles;
const failure = failureFromFiles;

const overlay = (operationId: string) => `overlay: 1.0.0
info: { title: Acme as a vendor here, version: 1.0.0 }
actions:
  - target: $.info
    update:
      x-vendor: { slug: acme, operationId: "${operationId}" }
`;

const created = { "201": { description: "Created." } };
const json = (value: object) => JSON.stringify(value, null, 2);

/** An OpenAPI 3.0 document whose one operation is `POST /contacts` (createContact), with `post` and `extra` merged in. */
const contactsDocument = (post: object, extra: object = {}) =>
  json({
    openapi: "3.0.3",
    info: { title: "Acme", version: "1" },
    paths: { "/contacts": { post: { operationId: "createContact", responses: created, ...post } } },
    ...extra,
  });

describe("documents as vendors publish them", () => {
  it('an operation without operationId is named by "METHOD /path", which becomes its operationId', () => {
    const document = json({
      openapi: "3.0.3",
      info: { title: "Acme", version: "1" },
      paths: {
        "/contacts": { get: { responses: created }, put: { responses: created } },
        "/invoices": { put: { responses: created } },
      },
    });
    const model = load("acme.json", {
      "specs/acme.json": document,
      "specs/acme.overlay.yaml": overlay("PUT /contacts"),
    });
    expect(model.operation).toMatchObject({ id: "PUT /contacts", method: "PUT", path: "/contacts" });
    expect(
      failure("acme.json", { "specs/acme.json": document, "specs/acme.overlay.yaml": overlay("PUT /contact") }),
    ).toMatch(
      /^specs\/acme\.overlay\.yaml:6:\d+ \/info\/x-vendor\/operationId: no operation has operationId `PUT \/contact`/,
    );
  });

  it("a `2XX` success is the success fixture, answered with 200", () => {
    const model = load("acme.json", {
      "specs/acme.json": contactsDocument({
        parameters: [{ name: "email", in: "query", required: true, schema: { type: "string" } }],
        responses: {
          "2XX": {
            description: "Created.",
            content: { "application/json": { schema: { type: "object", properties: { id: { type: "string" } } } } },
          },
        },
      }),
    });
    const responses = emitFixtures(model).find((file) => file.path.endsWith("responses.json"));
    const data = JSON.parse(responses?.content ?? "{}") as { success?: { status: number }; errors: unknown[] };
    expect(data.success?.status).toBe(200);
    expect(data.errors).toEqual([]);
    const typed = emitFixtures(model).find((file) => file.path === "src/fixtures.ts")?.content ?? "";
    expect(typed).toMatch(/status: 200;\s+name: "success";\s+body: CreateContactResponse2XX;/);
  });

  it("a document of several MB is read: generation costs what the operation reaches, not the file's size", () => {
    const padding = Object.fromEntries(
      Array.from({ length: 3200 }, (_, index) => [`Unused${index}`, { type: "object", description: "x".repeat(2000) }]),
    );
    const document = contactsDocument({}, { components: { schemas: padding } });
    expect(document.length).toBeGreaterThan(6 * 1024 * 1024);
    expect(load("acme.json", { "specs/acme.json": document }).operation?.id).toBe("createContact");
  });

  it("a 3.0 document in several files: a shared response's schema in another file, whole files named after them, upgraded", () => {
    const model = load("acme.json", {
      "specs/acme.json": json({
        openapi: "3.0.3",
        info: { title: "Acme", version: "1" },
        paths: {
          "/clients": {
            post: {
              operationId: "createClient",
              requestBody: { content: { "application/json": { schema: { $ref: "./models/Client.yaml" } } } },
              responses: { "200": { $ref: "#/components/responses/Created" } },
            },
          },
        },
        components: {
          responses: {
            Created: {
              description: "Created.",
              content: { "application/json": { schema: { $ref: "./models/CreateClientResponse.yaml" } } },
            },
          },
        },
      }),
      "specs/models/Client.yaml": "type: object\nproperties:\n  name: { type: string, nullable: true }\n",
      "specs/models/CreateClientResponse.yaml":
        "type: object\nproperties:\n  data:\n    $ref: ./Client.yaml\n    nullable: true\n",
    });
    const schemas = Object.fromEntries(model.schemas.map(({ name, schema }) => [name, schema]));
    expect(Object.keys(schemas).sort()).toEqual(["Client", "CreateClientResponse"]);
    expect(schemas.Client).toEqual({ type: "object", properties: { name: { type: ["string", "null"] } } });
    expect(schemas.CreateClientResponse?.properties).toEqual({
      data: { anyOf: [{ $ref: "#/components/schemas/Client" }, { type: "null" }] },
    });
  });

  it("`info.license` with a name only is valid (the 2021-09-28 revision of the 3.1 schema); identifier and url together are not", () => {
    const document = (license: object) =>
      json({
        openapi: "3.1.0",
        info: { title: "Acme", version: "1", license },
        paths: { "/contacts": { post: { operationId: "createContact", responses: created } } },
      });
    expect(load("acme.json", { "specs/acme.json": document({ name: "MIT" }) }).operation?.id).toBe("createContact");
    expect(
      failure("acme.json", {
        "specs/acme.json": document({ name: "MIT", identifier: "MIT", url: "https://opensource.org/licenses/MIT" }),
      }),
    ).toMatch(/^specs\/acme\.json:\d+:\d+ \/info\/license: OpenAPI 3\.1: /);
  });

  it("a pattern whose ReDoS analysis runs out of its step budget is no error (lint warns); one it proves unsafe is", () => {
    const document = (pattern: string) =>
      contactsDocument({
        parameters: [{ name: "X-Code", in: "header", schema: { type: "string", maxLength: 20, pattern } }],
      });
    expect(load("acme.json", { "specs/acme.json": document("^(a|b|ab)*c$") }).operation?.id).toBe("createContact");
    expect(failure("acme.json", { "specs/acme.json": document("^(\\w+\\s?)*$") })).toMatch(
      /\/paths\/~1contacts\/post\/parameters\/0\/schema\/pattern: the pattern can backtrack catastrophically/,
    );
  });

  it("a published 3.1 document (an overlay beside it) is read as meant; the same hand-written spec is refused", () => {
    const document = json({
      openapi: "3.1.0",
      info: { title: "Acme", version: "1" },
      paths: {
        "/contacts": {
          post: {
            operationId: "createContact",
            parameters: [{ name: "X-Origin", in: "header", $ref: "#/components/parameters/Origin", required: false }],
            requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Contact" } } } },
            responses: created,
          },
        },
      },
      components: {
        parameters: { Origin: { name: "X-Origin", in: "header", schema: { type: "string", maxLength: 20 } } },
        schemas: {
          Contact: {
            type: "object",
            definitions: { Phone: { type: "string", pattern: "^[\\+0-9\\#\\,]+$", maxLength: 20 } },
            properties: {
              note: { type: "string", maxLength: 80, pattern: "^[a-zA-Z0-9_'\\-., :;\\!?\"]*$" },
              phone: { $ref: "#/components/schemas/Contact/definitions/Phone" },
              taxAbsent: { type: "boolean", nullable: true },
            },
          },
        },
      },
    });
    const model = load("acme.json", {
      "specs/acme.json": document,
      "specs/acme.overlay.yaml": overlay("createContact"),
    });
    const contact = model.schemas.find(({ name }) => name === "Contact")?.schema as {
      properties: Record<string, { pattern?: string; type?: unknown }>;
    };
    expect(contact.properties.note?.pattern).toBe("^[a-zA-Z0-9_'\\-., :;!?\"]*$");
    expect(contact.properties.taxAbsent?.type).toEqual(["boolean", "null"]);
    expect(model.operation?.parameters.map(({ name }) => name)).toEqual(["X-Origin"]);
    expect(failure("acme.json", { "specs/acme.json": document })).toMatch(
      /^specs\/acme\.json:\d+:\d+ \/paths\/~1contacts\/post\/parameters\/0\/name: OpenAPI 3\.1: unknown field `name` here$/,
    );
  });

  it("Swagger 2.0: document-level responses and body parameters, and names 3.x does not allow, all with their refs", () => {
    const swagger = (nameLimit: number) => `swagger: "2.0"
info: { title: Acme, version: "1" }
host: api.acme.test
produces: [application/json]
securityDefinitions:
  Api Key: { type: apiKey, in: header, name: X-Key }
security:
  - Api Key: []
parameters:
  page: { name: page, in: query, type: integer }
  contact: { name: contact, in: body, schema: { $ref: "#/definitions/Contact Model" } }
responses:
  trait:globalErrors:401:
    description: Not signed in.
    schema: { $ref: "#/definitions/Error" }
paths:
  /contacts:
    put:
      parameters:
        - $ref: "#/parameters/page"
        - $ref: "#/parameters/contact"
      responses:
        "200": { description: Created., schema: { $ref: "#/definitions/Contact Model" } }
        "401": { $ref: "#/responses/trait:globalErrors:401" }
    get:
      responses:
        "200": { description: Listed. }
definitions:
  Contact Model:
    type: object
    properties:
      name: { type: string, minLength: ${nameLimit}, maxLength: 40 }
  Error:
    type: object
    properties:
      message: { type: string }
`;
    const files = (nameLimit: number) => ({
      "specs/acme.yaml": swagger(nameLimit),
      "specs/acme.overlay.yaml": overlay("PUT /contacts"),
    });
    const model = load("acme.yaml", files(1));
    expect(model.securitySchemes.map((scheme) => scheme.name)).toEqual(["Api_Key"]);
    expect(model.security).toEqual([["Api_Key"]]);
    expect(model.operation?.parameters.map(({ name }) => name)).toEqual(["page"]);
    expect(model.operation?.requestBody?.schema).toEqual({ $ref: "#/components/schemas/Contact_Model" });
    expect(model.operation?.responses.map(({ status, body }) => [status, body?.schema])).toEqual([
      ["200", { $ref: "#/components/schemas/Contact_Model" }],
      ["401", { $ref: "#/components/schemas/Error" }],
    ]);
    // A problem in a renamed definition is positioned where the document wrote it.
    expect(failure("acme.yaml", files(50))).toMatch(
      /^specs\/acme\.yaml:32:\d+ \/definitions\/Contact Model\/properties\/name\/minLength: minLength 50 is greater than maxLength 40/,
    );
  });

  it("YAML that libyaml and js-yaml read: a quoted value's continuation line indented no deeper than its key", () => {
    const document = (limit: number) => `openapi: 3.0.3
info: { title: Acme, version: "1" }
paths:
  /contacts:
    post:
      operationId: createContact
      requestBody:
        content:
          application/json:
            schema:
              type: object
              description: "Where the contact is kept,
              and what a team sees of it."
              properties:
                name: { type: string, minLength: ${limit}, maxLength: 40 }
      responses:
        "201": { description: Created. }
`;
    const model = load("acme.yaml", { "specs/acme.yaml": document(1) });
    expect(model.operation?.requestBody?.schema.description).toBe(
      "Where the contact is kept, and what a team sees of it.",
    );
    expect(failure("acme.yaml", { "specs/acme.yaml": document(50) })).toMatch(
      /^specs\/acme\.yaml:15:\d+ \/paths\/~1contacts\/post\/requestBody\/content\/application~1json\/schema\/properties\/name\/minLength: /,
    );
  });

  it("the cut to one operation leaves nothing dangling: refs in tags' x- extensions, the document's security", () => {
    const bill = { type: "object", properties: { total: { type: "number" } } };
    const document = json({
      openapi: "3.0.3",
      info: { title: "Acme", version: "1" },
      tags: [{ name: "Bills", "x-model": { $ref: "#/components/schemas/Bill" } }, { name: "Contacts" }],
      security: [{ oauth: [] }],
      paths: {
        "/contacts": { post: { operationId: "createContact", tags: ["Contacts"], security: [], responses: created } },
        "/bills": {
          post: {
            operationId: "createBill",
            tags: ["Bills"],
            requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Bill" } } } },
            responses: created,
          },
        },
      },
      components: {
        schemas: { Bill: bill },
        securitySchemes: {
          oauth: { type: "oauth2", flows: { clientCredentials: { tokenUrl: "https://a.test/t", scopes: {} } } },
        },
      },
    });
    const model = load("acme.json", {
      "specs/acme.json": document,
      "specs/acme.overlay.yaml": overlay("createContact"),
    });
    expect(model.schemas).toEqual([]);
    expect(model.securitySchemes).toEqual([]);
    expect(model.security).toEqual([]);
  });

  it("a body whose content types have different schemas (JSON and text/csv): the JSON one is the body's", () => {
    const model = load("acme.json", {
      "specs/acme.json": contactsDocument({
        requestBody: {
          content: {
            "text/csv": { schema: { type: "string" } },
            "application/json": { schema: { type: "object", properties: { name: { type: "string" } } } },
            "text/json": { schema: { type: "object", properties: { name: { type: "string" } } } },
          },
        },
      }),
    });
    expect(model.operation?.requestBody).toMatchObject({
      contentTypes: ["application/json", "text/json"],
      schema: { type: "object", properties: { name: { type: "string" } } },
    });
  });
});
