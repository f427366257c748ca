// Body fields that carry a credential (`x-credential`), which the mock checks and the client's operation info
// names, read through the schema view: a body composed with allOf, a credential marked on the component.
import { describe, expect, it } from "vitest";
import { credentialChecks } from "../../generator/model/mapping-plan.js";
import type { Schema } from "../../generator/core/schema-walk.js";
import { bodyModelOf, ref } from "../helpers/schema-model.js";

const modelWith = (body: Schema, schemas: Record<string, Schema>) =>
  bodyModelOf(body, schemas, {
    security: [],
    securitySchemes: [],
    mapping: { request: [{ to: "/body/apiKey", context: "apiKey" }], auth: [] },
  });

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
