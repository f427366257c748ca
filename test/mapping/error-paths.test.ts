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

describe("a vendor's code for an error", () => {
  const listed = compile({
    type: "object",
    required: ["name"],
    properties: {
      name: { type: "string", maxLength: 3 },
      tags: { type: "array", items: { type: "string", maxLength: 2 } },
    },
  });
  const rules: VendorRule[] = [
    { path: "/name", keywords: ["maxLength"], code: "E1", message: "name too long" },
    { path: "/name", keywords: ["required", "maxLength"], code: "E2", message: "name missing" },
    { path: "/tags/*", keywords: ["maxLength"], code: "E3", message: "tag too long" },
  ];
  const codes = (value: unknown) => {
    const result = runValidator(listed, value, rules);
    return result.ok
      ? []
      : result.errors.map(({ path, vendorCode, vendorMessage }) => ({ path, vendorCode, vendorMessage }));
  };

  it("is the first listed rule's for its path and keyword", () => {
    expect(codes({ name: "Acme" })).toEqual([{ path: "/name", vendorCode: "E1", vendorMessage: "name too long" }]);
    expect(codes({})).toEqual([{ path: "/name", vendorCode: "E2", vendorMessage: "name missing" }]);
  });

  it("matches a list item at any index, and no error of another keyword", () => {
    expect(codes({ name: "A", tags: ["ok", "long", 7] })).toEqual([
      { path: "/tags/1", vendorCode: "E3", vendorMessage: "tag too long" },
      { path: "/tags/2", vendorCode: undefined, vendorMessage: undefined },
    ]);
  });

  it("leaves an error without a rule with no vendor fields at all", () => {
    const result = runValidator(listed, { name: 1 }, rules);
    expect(!result.ok && Object.keys(result.errors[0] ?? {})).toEqual(["path", "rule", "message"]);
  });
});
