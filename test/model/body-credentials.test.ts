// Body fields that carry a credential (`x-credential`), which the mock checks and the client's operation info
// names, read through the schema view: a body composed with allOf, a credential marked on the component.
import { describe, expect, it } from "vitest";
import { credentialChecks } from "../../generator/model/mapping-plan.js";
import type { Schema } from "../../generator/core/schema-walk.js";
import type { SpecModel } from "../../generator/model/model.js";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const modelWith = (body: Schema, schemas: Record<string, Schema>): SpecModel =>
  ({
    schemas: Object.entries(schemas).map(([name, schema]) => ({ name, schema })),
    security: [],
    securitySchemes: [],
    mapping: { request: [{ to: "/body/apiKey", context: "apiKey" }], auth: [] },
    operation: {
      pointer: "/paths/~1customers/post",
      requestBody: { contentTypes: ["application/json"], schema: body, examples: [], required: true },
      responses: [],
    },
  }) as unknown as SpecModel;

describe("body credentials", () => {
  const check = { in: "body", name: "/apiKey", context: ["apiKey"], optional: false };

  it("are found in a body composed with allOf", () => {
    const body = { allOf: [ref("Base"), { properties: { apiKey: { type: "string", "x-credential": true } } }] };
    expect(credentialChecks(modelWith(body, { Base: { type: "object" } }))).toEqual([check]);
  });

  it("are found where the component a property refers to is marked", () => {
    const body = { type: "object", properties: { apiKey: ref("ApiKey") } };
    expect(credentialChecks(modelWith(body, { ApiKey: { type: "string", "x-credential": true } }))).toEqual([check]);
  });
});
