// Fixtures never block and never lie: each schema below made no fixture (and
// so no package), or a fixture its own validator refuses, before the sampler
// searched (branches merged with their parent, keys from patternProperties,
// optional properties it cannot satisfy left out, every sample checked).
// Each is a minimal reproduction of a published document (issue 25).
import { describe, expect, it } from "vitest";
import { emitPackage } from "../../generator/emit/package.js";
import { compileSchema } from "../../generator/model/validation-schema.js";
import { withSampleWarnings } from "../../generator/pipeline.js";
import { loadSpecWithSource } from "../../generator/spec.js";
import type { Schema } from "../../generator/core/schema-walk.js";

/** A one-operation spec whose body is `Body`, whose 201 answer is `Created`, with `extra` in the document. */
function specWith(schemas: Record<string, Schema>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    openapi: "3.1.0",
    info: { title: "Mini", version: "1.0.0", "x-vendor": { slug: "mini", name: "Mini" } },
    paths: {
      "/contacts": {
        post: {
          operationId: "createContact",
          requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Body" } } } },
          responses: {
            "201": {
              description: "Created.",
              content: { "application/json": { schema: { $ref: "#/components/schemas/Created" } } },
            },
          },
        },
      },
    },
    components: { schemas: { Created: { type: "object" }, ...schemas } },
    ...extra,
  });
}

interface Made {
  warnings: string[];
  files: Map<string, string>;
  valid: Record<string, unknown>;
  invalid: { name: string; errors: unknown[]; value: unknown }[];
  /** Whether the compiled validator of `schema` (a component name or a schema) accepts `value`. */
  accepts(schema: string | Schema, value: unknown): boolean;
}

function generateMini(spec: string): Made {
  const path = "/virtual/specs/mini.json";
  const { model, source } = loadSpecWithSource(path, {
    root: "/virtual",
    slug: "mini",
    readFile: (file) => (file === path ? spec : undefined),
  });
  const files = new Map(
    withSampleWarnings(source, model, () => emitPackage(model)).map((file) => [file.path, file.content]),
  );
  const body = JSON.parse(files.get("mini/src/fixtures/request-body.json") ?? "{}");
  return {
    warnings: model.warnings,
    files,
    valid: body.valid,
    invalid: body.invalid,
    accepts: (schema, value) =>
      compileSchema(
        model.schemas,
        typeof schema === "string" ? { $ref: `#/components/schemas/${schema}` } : schema,
      )(value) as boolean,
  };
}

/** Every valid fixture passes the body's validator, every invalid one fails it. */
function expectHonest(made: Made): void {
  for (const [name, value] of Object.entries(made.valid)) expect(made.accepts("Body", value), name).toBe(true);
  for (const fixture of made.invalid) expect(made.accepts("Body", fixture.value), fixture.name).toBe(false);
}

const person = {
  given_name: { type: "string", maxLength: 40 },
  family_name: { type: "string", maxLength: 40 },
  email: { type: "string", format: "email" },
};

describe("the sampler searches for a valid sample", () => {
  it("an anyOf of `required` lists merges each branch with its object (the at-least-one-of idiom)", () => {
    const made = generateMini(
      specWith({
        Body: {
          type: "object",
          additionalProperties: false,
          properties: person,
          anyOf: [{ required: ["given_name"] }, { required: ["family_name"] }],
        },
      }),
    );
    expect(made.warnings).toEqual([]);
    expect(Object.keys(made.valid)).toEqual(["minimal", "full", "boundary"]);
    expect(made.valid.minimal).toEqual({ given_name: expect.any(String) });
    expectHonest(made);
    // Breaking the rule: neither name given.
    expect(made.invalid.map((fixture) => fixture.name)).toContain("anyOf at /");
  });

  it("a oneOf of `required` lists (a person or a company): the full sample holds one branch's keys, not both", () => {
    const made = generateMini(
      specWith({
        Body: {
          type: "object",
          additionalProperties: false,
          required: ["email"],
          properties: {
            email: { type: "string", format: "email" },
            first_name: { type: "string", maxLength: 40 },
            last_name: { type: "string", maxLength: 40 },
            company_name: { type: "string", maxLength: 80 },
            vat_id: { type: "string", maxLength: 20 },
          },
          oneOf: [{ required: ["first_name", "last_name"] }, { required: ["company_name"] }],
        },
      }),
    );
    expect(made.warnings).toEqual([]);
    // Before: every optional key, so both branches matched and the full and boundary samples fell back to the minimal one.
    for (const mode of ["full", "boundary"]) {
      expect(Object.keys(made.valid[mode] as object).sort(), mode).toEqual([
        "email",
        "first_name",
        "last_name",
        "vat_id",
      ]);
      expect(made.valid[mode], mode).not.toEqual(made.valid.minimal);
    }
    expectHonest(made);
  });

  it("a oneOf of a person and a company sharing optional keys, with a discriminator or without: full samples stay full", () => {
    const person = {
      type: "object",
      required: ["first_name", "last_name"],
      properties: {
        kind: { type: "string", enum: ["person"] },
        first_name: { type: "string" },
        last_name: { type: "string" },
        // A person's employer: optional here, what makes a company there.
        company_name: { type: "string" },
        email: { type: "string", format: "email" },
      },
    };
    const company = {
      type: "object",
      required: ["company_name"],
      properties: {
        kind: { type: "string", enum: ["company"] },
        company_name: { type: "string" },
        first_name: { type: "string", description: "The contact person's first name." },
        vat_id: { type: "string" },
      },
    };
    const refs = [{ $ref: "#/components/schemas/Person" }, { $ref: "#/components/schemas/Company" }];
    for (const Body of [
      { oneOf: refs },
      {
        oneOf: refs,
        discriminator: { propertyName: "kind" },
      },
    ]) {
      // With a discriminator each branch names its kind; without one, only the keys tell them apart.
      const kind = ({ required, properties }: { required: string[]; properties: Record<string, Schema> }) => {
        const { kind: _kind, ...keys } = properties;
        return "discriminator" in Body
          ? { type: "object", required: [...required, "kind"], properties }
          : { type: "object", required, properties: keys };
      };
      const made = generateMini(specWith({ Person: kind(person), Company: kind(company), Body }));
      expect(made.warnings).toEqual([]);
      for (const mode of ["full", "boundary"]) {
        const value = made.valid[mode] as Record<string, unknown>;
        expect(made.accepts("Person", value) !== made.accepts("Company", value), mode).toBe(true);
        expect(value, mode).not.toEqual(made.valid.minimal);
        expect(value, mode).toHaveProperty("email");
      }
      expectHonest(made);
    }
  });

  it("an allOf of a $ref and a description keeps the target's type and enum", () => {
    const made = generateMini(
      specWith({
        Status: { type: "string", enum: ["active", "inactive"] },
        Body: {
          type: "object",
          required: ["name", "status"],
          properties: {
            name: { type: "string" },
            status: { allOf: [{ $ref: "#/components/schemas/Status" }, { description: "Its status." }] },
            level: { allOf: [{ $ref: "#/components/schemas/Status" }, { description: "Optional." }] },
          },
        },
      }),
    );
    expect(made.warnings).toEqual([]);
    expect(made.valid.minimal).toMatchObject({ status: "active" });
    expect(made.valid.full).toMatchObject({ status: "active", level: "active" });
    expectHonest(made);
  });

  it("an optional property no sample satisfies (a pattern written with delimiters) is left out of the full sample", () => {
    const made = generateMini(
      specWith({
        Body: {
          type: "object",
          required: ["name"],
          properties: { name: { type: "string" }, code: { type: "string", pattern: "/^[a-z]+$/i" } },
        },
      }),
    );
    expect(made.warnings).toEqual([]);
    expect(made.valid.full).toEqual({ name: expect.any(String) });
    expectHonest(made);
  });

  it("a required key named only by patternProperties gets that pattern's schema", () => {
    const made = generateMini(
      specWith({
        Body: {
          type: "object",
          additionalProperties: false,
          required: ["x-tenant"],
          patternProperties: { "^x-": { type: "integer", minimum: 5 } },
        },
      }),
    );
    expect(made.warnings).toEqual([]);
    expect((made.valid.minimal as Record<string, number>)["x-tenant"]).toBeGreaterThanOrEqual(5);
    expectHonest(made);
  });

  it("minProperties and maxProperties on a body hold in every sample", () => {
    const made = generateMini(
      specWith({
        Body: {
          type: "object",
          minProperties: 2,
          maxProperties: 3,
          properties: { a: { type: "string" }, b: { type: "string" }, c: { type: "string" }, d: { type: "string" } },
        },
      }),
    );
    expect(made.warnings).toEqual([]);
    for (const value of Object.values(made.valid))
      expect(Object.keys(value as object).length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(made.valid.full as object).length).toBeLessThanOrEqual(3);
    expectHonest(made);
  });

  it("a format beside a pattern: both hold (an upper-case UUID), in the success answer too", () => {
    const id = {
      type: "string",
      format: "uuid",
      pattern: "^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$",
    };
    const made = generateMini(
      specWith({
        Body: { type: "object", required: ["ref"], properties: { ref: id } },
        Created: { type: "object", required: ["id"], properties: { id } },
      }),
    );
    expect(made.warnings).toEqual([]);
    const responses = JSON.parse(made.files.get("mini/src/fixtures/responses.json") ?? "{}");
    expect(made.accepts("Created", responses.success.body)).toBe(true);
    expectHonest(made);
  });

  it("the context fixture passes the context's schema (a field that must be an object)", () => {
    const made = generateMini(
      specWith(
        { Body: { type: "object" } },
        {
          "x-context": {
            type: "object",
            required: ["account"],
            properties: {
              // Labels for the account: at least one, each a string (the old sampler gave `{}`).
              account: { type: "object", minProperties: 1, additionalProperties: { type: "string", minLength: 3 } },
            },
          },
        },
      ),
    );
    const context = JSON.parse(made.files.get("mini/src/fixtures/context.json") ?? "{}").context;
    expect(context).toEqual({ account: { extra1: expect.stringMatching(/^.{3,}$/) } });
    expect(made.warnings).toEqual([]);
  });
});

describe("a sample that cannot be made", () => {
  it("is the vendor's own example of the body when that one is valid", () => {
    const spec = JSON.parse(
      specWith({
        Body: {
          type: "object",
          required: ["site"],
          properties: { site: { type: "string", format: "uri", minLength: 4, maxLength: 5 } },
        },
      }),
    );
    spec.paths["/contacts"].post.requestBody.content["application/json"].examples = {
      short: { value: { site: "a:bc" } },
    };
    const made = generateMini(JSON.stringify(spec));
    expect(made.warnings).toEqual([]);
    expect(made.valid).toEqual({ minimal: { site: "a:bc" }, full: { site: "a:bc" }, boundary: { site: "a:bc" } });
    expectHonest(made);
  });

  it("is a warning at the rule the sample breaks, naming the schema; the fixture is left out and the package is made", () => {
    // A URI of at most 5 characters exists ("a:b"), but no sample the generator makes is one.
    const made = generateMini(
      specWith({
        Body: {
          type: "object",
          required: ["site"],
          properties: { site: { type: "string", format: "uri", minLength: 4, maxLength: 5 } },
        },
      }),
    );
    expect(made.warnings).toEqual([
      expect.stringMatching(
        /^specs\/mini\.json:\d+:\d+ \/components\/schemas\/Body\/properties\/site\/maxLength: no valid minimal sample could be made of the schema at \/paths\/~1contacts\/post\/requestBody \(the generated one breaks \/site maxLength\): the fixture is left out.*\(warning\)$/,
      ),
      expect.stringMatching(/no valid full sample/),
      expect.stringMatching(/no valid boundary sample/),
    ]);
    expect(made.valid).toEqual({});
    expect(made.invalid).toEqual([]);
    expect(made.files.get("mini/src/fixtures.ts")).toContain("valid as unknown as {}");
    expect(made.files.has("mini/src/validators.ts")).toBe(true);
  });
});

describe("invalid fixtures", () => {
  it("a nullable body (anyOf of an object and null) gets invalid fixtures, through its object", () => {
    const made = generateMini(
      specWith({
        Person: {
          type: "object",
          additionalProperties: false,
          required: ["name"],
          properties: { name: { type: "string", maxLength: 5 } },
        },
        Body: { anyOf: [{ $ref: "#/components/schemas/Person" }, { type: "null" }] },
      }),
    );
    expect(made.warnings).toEqual([]);
    expect(made.invalid.map((fixture) => fixture.name).sort()).toEqual([
      "additionalProperties at /",
      "maxLength at /name",
      "required at /name",
      "type at /name",
    ]);
    expectHonest(made);
  });

  it("break maxItems with the smallest item repeated, not max+1 full items", () => {
    const item = {
      type: "object",
      required: ["name"],
      properties: { name: { type: "string" }, note: { type: "string" } },
    };
    const made = generateMini(
      specWith({ Body: { type: "object", properties: { contacts: { type: "array", maxItems: 3, items: item } } } }),
    );
    const tooMany = made.invalid.find((fixture) => fixture.name === "maxItems at /contacts");
    const contacts = (tooMany?.value as { contacts?: unknown[] } | undefined)?.contacts ?? [];
    expect(contacts).toHaveLength(4);
    for (const contact of contacts) expect(Object.keys(contact as object)).toEqual(["name"]);
    expectHonest(made);
  });
});
