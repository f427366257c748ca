// Every error path is a JSON pointer: an undeclared property is named by its
// own pointer (`/shoe_size`, escaped as RFC 6901 says), and a join's error
// carries each canonical field as its own pointer.
import { describe, expect, it } from "vitest";
import { buildRequest, runValidator, type CompiledValidator, type VendorRule } from "@customer-adapters/runtime";
import { createAjv } from "../../generator/model/validation-schema.js";
import { person } from "../fixtures/customers.js";
import { barePlan } from "../helpers/bare-plan.js";

const compile = (schema: object) => createAjv([]).compile(schema) as unknown as CompiledValidator;

describe("an undeclared property", () => {
  const closed = compile({
    type: "object",
    additionalProperties: false,
    properties: { name: { type: "string" } },
  });

  it("is named by its own pointer, and keeps the vendor code of the rule on its object", () => {
    const rules: VendorRule[] = [{ path: "", keywords: ["additionalProperties"], code: "E1", message: "unknown key" }];
    const result = runValidator(closed, { name: "Acme", shoe_size: 44, "a/b~c": 1 }, rules);
    expect(!result.ok && result.errors.map(({ path, rule, vendorCode }) => ({ path, rule, vendorCode }))).toEqual([
      { path: "/shoe_size", rule: "additionalProperties", vendorCode: "E1" },
      { path: "/a~1b~0c", rule: "additionalProperties", vendorCode: "E1" },
    ]);
  });
});

describe("a join's error", () => {
  it("carries each canonical field as its own pointer", () => {
    const plan = barePlan({
      request: [{ to: "/body/name", from: ["/person/givenName", "/person/familyName"], transform: "join" }],
    });
    const body = compile({ type: "object", properties: { name: { type: "string", maxLength: 3 } } });
    const result = buildRequest(
      plan,
      { customer: (value) => ({ ok: true, value }), context: undefined, body, parameters: {} },
      person,
      {},
    );
    expect(result.ok).toBe(false);
    const [error] = result.ok ? [] : result.errors;
    expect(error).toMatchObject({
      kind: "does-not-fit",
      field: "/person/givenName",
      fields: ["/person/givenName", "/person/familyName"],
      vendorField: "/body/name",
      rule: "maxLength",
    });
    for (const pointer of [error?.field, ...(error?.fields ?? [])]) expect(pointer).toMatch(/^(\/[^/ +]+)+$/);
  });
});
