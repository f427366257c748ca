import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../generator/spec.js";
import { createAjv, validationSchema } from "../../generator/model/validation-schema.js";
import { repoRoot } from "../helpers/cli.js";

describe("$ref resolution", () => {
  const model = loadSpec(join(repoRoot, "test/fixtures/cross-file/vendor.yaml"), { root: repoRoot });

  it("brings schemas from another file in under their own names, with their own references", () => {
    expect(model.schemas.map((named) => named.name)).toEqual(["CountryCode", "Customer", "PostalAddress"]);
    const customer = model.schemas.find((named) => named.name === "Customer")?.schema as { properties: Record<string, unknown> };
    expect(customer.properties.address).toEqual({ $ref: "#/components/schemas/PostalAddress" });
    const address = model.schemas.find((named) => named.name === "PostalAddress")?.schema as { properties: Record<string, unknown> };
    expect(address.properties.country).toEqual({ $ref: "#/components/schemas/CountryCode" });
  });

  it("replaces parameter and response references by what they point to", () => {
    expect(model.operation?.parameters).toEqual([
      { name: "x-tenant", in: "header", required: true, deprecated: false, description: undefined, schema: { type: "string", description: "Tenant id." } },
    ]);
    expect(model.operation?.responses).toEqual([{ status: "201", description: "Created.", body: undefined, errorBody: undefined }]);
  });

  it("validates through the bundled schemas", () => {
    const validate = createAjv(model.schemas).compile(validationSchema({ $ref: "#/components/schemas/Customer" }));
    expect(validate({ name: "A", address: { city: "Wien", country: "AT" } })).toBe(true);
    expect(validate({ address: { city: "Wien", country: "AUT" } })).toBe(false);
    expect(validate.errors?.map((error) => `${error.instancePath} ${error.keyword}`)).toEqual(["/address/country pattern"]);
  });
});
