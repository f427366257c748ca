import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../generator/spec.js";
import { createAjv, validationSchema } from "../../generator/model/validation-schema.js";
import { repoRoot } from "../helpers/cli.js";

describe("$ref resolution", () => {
  const model = loadSpec(join(repoRoot, "test/fixtures/cross-file/vendor.yaml"), { root: repoRoot });

  it("brings schemas from another file in under their own names, with their own references", () => {
    expect(model.schemas.map((named) => named.name)).toEqual(["CountryCode", "Customer", "PostalAddress"]);
    const customer = model.schemas.find((named) => named.name === "Customer")?.schema as {
      properties: Record<string, unknown>;
    };
    expect(customer.properties.address).toEqual({ $ref: "#/components/schemas/PostalAddress" });
    const address = model.schemas.find((named) => named.name === "PostalAddress")?.schema as {
      properties: Record<string, unknown>;
    };
    expect(address.properties.country).toEqual({ $ref: "#/components/schemas/CountryCode" });
  });

  it("replaces parameter and response references by what they point to", () => {
    expect(model.operation?.parameters).toEqual([
      {
        name: "x-tenant",
        in: "header",
        required: true,
        deprecated: false,
        description: undefined,
        schema: { type: "string", description: "Tenant id." },
      },
    ]);
    expect(model.operation?.responses).toEqual([
      { status: "201", description: "Created.", body: undefined, errorBody: undefined },
    ]);
  });

  it("validates through the bundled schemas", () => {
    const validate = createAjv(model.schemas).compile(validationSchema({ $ref: "#/components/schemas/Customer" }));
    expect(validate({ name: "A", address: { city: "Wien", country: "AT" } })).toBe(true);
    expect(validate({ address: { city: "Wien", country: "AUT" } })).toBe(false);
    expect(validate.errors?.map((error) => `${error.instancePath} ${error.keyword}`)).toEqual([
      "/address/country pattern",
    ]);
  });
});

describe("references inside one document", () => {
  const spec = (schemas: Record<string, unknown>) =>
    JSON.stringify({ openapi: "3.1.0", info: { title: "Ids", version: "1.0.0" }, components: { schemas } });
  const load = (schemas: Record<string, unknown>) =>
    // A document of schemas only: the canonical kind (kinds go by place, and this one has no place).
    loadSpec("ids.yaml", {
      root: ".",
      kind: "canonical",
      readFile: (file) => (file === "ids.yaml" ? spec(schemas) : undefined),
    });
  const refsOf = (schemas: Record<string, unknown>) => {
    const schema = load(schemas).schemas.find((named) => named.name === "A")?.schema;
    return (schema as { properties: Record<string, unknown> }).properties;
  };

  it("resolve an $anchor, an $id (absolute, relative to its resource, a URN) and a percent-encoded pointer", () => {
    const properties = refsOf({
      A: {
        $id: "https://example.test/a.json",
        properties: {
          byAnchor: { $ref: "#tag" },
          byId: { $ref: "b.json" },
          byUrn: { $ref: "urn:example:c" },
          byPercent: { $ref: "#/$defs/50%25" },
        },
        $defs: {
          tagged: { $anchor: "tag", type: "string" },
          b: { $id: "b.json", type: "integer" },
          c: { $id: "urn:example:c", type: "boolean" },
          "50%": { type: "null" },
        },
      },
    });
    expect(properties).toEqual({
      byAnchor: { $ref: "#/components/schemas/A/$defs/tagged" },
      byId: { $ref: "#/components/schemas/A/$defs/b" },
      byUrn: { $ref: "#/components/schemas/A/$defs/c" },
      byPercent: { $ref: "#/components/schemas/A/$defs/50%25" },
    });
  });

  it("refuse, positioned, an anchor no schema declares", () => {
    const schemas = { A: { $id: "https://example.test/a.json", properties: { x: { $ref: "#missing" } } } };
    expect(() => refsOf(schemas)).toThrow(/^ids\.yaml:\d+:\d+ \/components\/schemas\/A\/properties\/x\/\$ref: /);
    expect(() => refsOf(schemas)).toThrow(/: \$ref `#missing` points to nothing in ids\.yaml$/);
  });
});
