// The field at fault read from the vendor's answer (`x-error-body`'s
// `field`): a name or a JSON pointer in the body, or in each entry of a list
// (JSON:API's `errors[].source.pointer`), mapped to the canonical field; the
// field of the code's `x-errors` rule only where the answer names none. And
// `x-error-body` refuses a key it does not know, naming the closest one.
import { afterAll, describe, expect, it } from "vitest";
import { readResponse, type MappingPlan } from "@customer-adapters/runtime";
import { barePlan } from "../helpers/bare-plan.js";
import { miniMapping, miniVendor, removeSpecsFolders, specProblems } from "../helpers/mini-vendor.js";

afterAll(removeSpecsFolders);

const plan = (location: MappingPlan["errorLocations"][number]): MappingPlan =>
  barePlan({
    errorLocations: [location],
    errors: [
      {
        code: "invalid_email",
        status: 422,
        message: "The email is invalid.",
        kind: "invalid-field",
        rules: [{ in: "body", path: "/data/attributes/email", keywords: ["format"] }],
        fields: ["/email"],
      },
    ],
    fieldSources: {
      "/locale": "/language",
      "/data/attributes/email": "/email",
      "/data/attributes/name": "/company/name",
    },
  });

describe("the field at fault, from the answer", () => {
  it("a field the body names wins over the code's rule, mapped to the canonical field, both reported", () => {
    const read = readResponse(plan({ status: "422", code: "/code", message: "/detail", field: "/field" }), 422, {
      code: "invalid_email",
      field: "locale",
      detail: "The locale is invalid.",
    });
    expect(read).toEqual({
      ok: false,
      status: 422,
      errors: [
        {
          kind: "invalid-field",
          code: "invalid_email",
          message: "The locale is invalid.",
          vendorField: "locale",
          field: "/language",
        },
      ],
    });
  });

  it("JSON:API: each entry's source.pointer, one error each", () => {
    const location = { status: "422", list: "/errors", code: "/code", message: "/detail", field: "/source/pointer" };
    const read = readResponse(plan(location), 422, {
      errors: [
        { code: "invalid_email", detail: "is invalid", source: { pointer: "/data/attributes/email" } },
        { code: "blank", detail: "can't be blank", source: { pointer: "/data/attributes/name" } },
        { code: "other", detail: "odd", source: { pointer: "/data/attributes/shoe_size" } },
      ],
    });
    expect(!read.ok && read.errors.map(({ field, vendorField }) => ({ field, vendorField }))).toEqual([
      { field: "/email", vendorField: "/data/attributes/email" },
      { field: "/company/name", vendorField: "/data/attributes/name" },
      // A vendor field the mapping does not feed: named, with no canonical field (and not the rule's).
      { field: undefined, vendorField: "/data/attributes/shoe_size" },
    ]);
  });

  it("falls back to the code's rule where the answer names no field", () => {
    const read = readResponse(plan({ status: "422", code: "/code", field: "/field" }), 422, { code: "invalid_email" });
    expect(!read.ok && read.errors[0]).toMatchObject({ code: "invalid_email", field: "/email" });
    expect(!read.ok && read.errors[0]?.vendorField).toBeUndefined();
  });
});

describe("x-error-body keys", () => {
  const withErrorBody = (errorBody: string) =>
    miniVendor(miniMapping).replace(
      `              schema: { $ref: "#/components/schemas/Created" }\n`,
      `              schema: { $ref: "#/components/schemas/Created" }\n        "422":\n          description: Invalid.\n          x-error-body: ${errorBody}\n          content:\n            application/json:\n              schema: { type: object }\n`,
    );

  it("takes field", () => {
    expect(specProblems(withErrorBody("{ code: /code, field: /field }"))).toEqual([]);
  });

  it("refuses a key it does not know, naming the closest known one", () => {
    const [problem, ...rest] = specProblems(withErrorBody("{ code: /code, feild: /field }"));
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^mini\.yaml:\d+:\d+ \/paths\/~1customers\/post\/responses\/422\/x-error-body\/feild: /);
    expect(problem).toContain("did you mean `field`?");
  });
});
