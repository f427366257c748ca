import { describe, expect, it } from "vitest";
import ajvUcs2lengthModule from "ajv/dist/runtime/ucs2length.js";
import { passes, runValidator, ucs2length, type CompiledValidator } from "../src/validation.js";

// ajv's own helper, the reference (JSON Schema counts code points); CommonJS, so its default sits one level down under Node.
const ajvModule = ajvUcs2lengthModule as unknown as { default?: (text: string) => number } & ((text: string) => number);
const ajvUcs2length = ajvModule.default ?? ajvModule;

/** A stand-in for an ajv function that fails with the given errors. */
function failingWith(errors: NonNullable<CompiledValidator["errors"]>): CompiledValidator {
  const validate = (() => false) as CompiledValidator;
  validate.errors = errors;
  return validate;
}

describe("runValidator", () => {
  it("points a missing field at the field itself", () => {
    const validate = failingWith([
      {
        instancePath: "/billingAddress",
        keyword: "required",
        params: { missingProperty: "city" },
        message: "must have required property 'city'",
      },
    ]);
    const result = runValidator(validate, {});
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          path: "/billingAddress/city",
          rule: "required",
          message: "/billingAddress/city must have required property 'city'",
        },
      ],
    });
  });

  it("attaches the vendor's code to the rule it reports, whatever the array index", () => {
    const validate = failingWith([
      {
        instancePath: "/contacts/3/name",
        keyword: "maxLength",
        params: { limit: 40 },
        message: "must NOT have more than 40 characters",
      },
    ]);
    const rules = [
      { path: "/contacts/*/name", keywords: ["minLength"], code: 1, message: "too short" },
      { path: "/contacts/*/name", keywords: ["maxLength"], code: 10000589, message: "Invalid contact name." },
    ];
    const result = runValidator(validate, {}, rules);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[0]).toMatchObject({
        path: "/contacts/3/name",
        vendorCode: 10000589,
        vendorMessage: "Invalid contact name.",
      });
  });

  it("lists a rule broken at one place once, although ajv reports it for each oneOf branch it tried", () => {
    // ajv's errors (allErrors) for `{ name: "a very long name" }` against a oneOf whose two branches limit `name`.
    const missing = (name: string) => ({
      instancePath: "",
      keyword: "required",
      params: { missingProperty: name },
      message: `must have required property '${name}'`,
    });
    const tooLong = (limit: number) => ({
      instancePath: "/name",
      keyword: "maxLength",
      params: { limit },
      message: `must NOT have more than ${limit} characters`,
    });
    const validate = failingWith([
      missing("first_name"),
      tooLong(5),
      missing("company_name"),
      tooLong(8),
      {
        instancePath: "",
        keyword: "oneOf",
        params: { passingSchemas: null },
        message: "must match exactly one schema in oneOf",
      },
    ]);
    const rules = [{ path: "/name", keywords: ["maxLength"], code: 1201, message: "Name too long." }];
    const result = runValidator(validate, {}, rules);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map(({ path, rule, vendorCode }) => ({ path, rule, vendorCode }))).toEqual([
        { path: "/first_name", rule: "required", vendorCode: undefined },
        { path: "/name", rule: "maxLength", vendorCode: 1201 },
        { path: "/company_name", rule: "required", vendorCode: undefined },
        { path: "", rule: "oneOf", vendorCode: undefined },
      ]);
    // The first one ajv reported is kept, with its own message.
    if (!result.ok) expect(result.errors[1]?.message).toBe("/name must NOT have more than 5 characters");
  });

  it("leaves vendor fields off when no rule matches", () => {
    const validate = failingWith([{ instancePath: "/name", keyword: "type", params: {}, message: "must be string" }]);
    const result = runValidator(validate, {}, [{ path: "/name", keywords: ["maxLength"], code: 1, message: "x" }]);
    expect(result.ok === false && "vendorCode" in (result.errors[0] ?? {})).toBe(false);
  });

  it("returns a result instead of throwing when the value cannot be read", () => {
    const validate = ((value: { name: string }) => value.name.length > 0) as unknown as CompiledValidator;
    const hostile = Object.defineProperty({}, "name", {
      get: () => {
        throw new Error("boom");
      },
      enumerable: true,
    });
    expect(runValidator(validate, hostile)).toEqual({
      ok: false,
      errors: [{ path: "", rule: "readable", message: "the value could not be read" }],
    });
    expect(passes(validate, hostile)).toBe(false);
  });

  it("passes the value through when it is valid", () => {
    const value = { name: "Ada" };
    expect(runValidator((() => true) as CompiledValidator, value)).toEqual({ ok: true, value });
  });
});

describe("ucs2length", () => {
  it.each([
    ["", 0],
    ["x".repeat(321), 321],
    ["😀", 1],
    ["a😀b", 3],
    ["\uD800", 1],
    ["\uDC00", 1],
    ["\uD800a", 2],
    ["\uDC00\uD800", 2],
    [`${"x".repeat(300)}😀😀\uD83D`, 303],
  ])("counts %j as %i code points, as ajv does", (text, expected) => {
    expect(ucs2length(text)).toBe(expected);
    expect(ajvUcs2length(text)).toBe(expected);
  });
});
