// readResponse on error bodies that name the fields at fault (`x-error-body`
// with `fields`, docs/spec-conventions.md), and on answers without a code: a
// hand-written plan (the shared bare one with these errors), so that nothing here depends on one vendor's spec.
import { describe, expect, it } from "vitest";
import { readResponse, vendorFieldPointer } from "../src/mapping.js";
import { barePlan } from "../../../test/helpers/bare-plan.js";

const plan = barePlan({
  response: [{ to: "/id", from: "/id" }],
  errorLocations: [
    { status: "400", code: "/code", message: "/message", fields: "/errors" },
    { status: "422", code: "/code", list: "/problems", fields: "/fields" },
  ],
  errors: [
    { code: "Invalid", status: 400, kind: "invalid-field", message: "The data is invalid.", rules: [], fields: [] },
    { code: "Licence", status: 402, kind: "unauthorized", message: "No licence.", rules: [], fields: [] },
    { code: "Taken", status: 422, kind: "duplicate", message: "Already there.", rules: [], fields: [] },
    { code: "Gone", status: 410, kind: "not-found", message: "Gone.", rules: [], fields: [] },
    { code: "Gone2", status: 410, kind: "not-found", message: "Gone as well.", rules: [], fields: [] },
  ],
  fieldSources: {
    "/Address/City": "/billingAddress/city",
    "/Lines/*/Zip": "/billingAddress/postalCode",
    "/Name": "/person/familyName",
  },
});

describe("error bodies that name fields", () => {
  it("gives one error per named field, with the vendor's name and the canonical field fed into it", () => {
    const result = readResponse(plan, 400, {
      code: "Invalid",
      message: "The data is invalid.",
      errors: { "Address.City": "Required.", "$.Lines[2].Zip": "Too long.", "/Name": "Bad.", Unfed: "No." },
    });
    expect(result).toEqual({
      ok: false,
      status: 400,
      errors: [
        {
          kind: "invalid-field",
          code: "Invalid",
          message: "Required.",
          vendorField: "Address.City",
          field: "/billingAddress/city",
        },
        {
          kind: "invalid-field",
          code: "Invalid",
          message: "Too long.",
          vendorField: "$.Lines[2].Zip",
          field: "/billingAddress/postalCode",
        },
        { kind: "invalid-field", code: "Invalid", message: "Bad.", vendorField: "/Name", field: "/person/familyName" },
        { kind: "invalid-field", code: "Invalid", message: "No.", vendorField: "Unfed" },
      ],
    });
  });

  it("matches field names without regard to case, and joins a list of messages", () => {
    const result = readResponse(plan, 400, {
      code: "Invalid",
      errors: { "address.city": ["Required.", "Too short."] },
    });
    expect(result).toMatchObject({
      errors: [{ message: "Required. Too short.", vendorField: "address.city", field: "/billingAddress/city" }],
    });
  });

  it("falls back to the error itself when the body names no field, or names them in no object", () => {
    for (const errors of [undefined, {}, "Address.City", ["Address.City"]])
      expect(readResponse(plan, 400, { code: "Invalid", message: "Broken.", errors })).toEqual({
        ok: false,
        status: 400,
        errors: [{ kind: "invalid-field", code: "Invalid", message: "Broken." }],
      });
  });

  it("reads the named fields of each item of a list", () => {
    const result = readResponse(plan, 422, { problems: [{ code: "A", fields: { Name: "x" } }, { code: "B" }] });
    expect(result).toMatchObject({
      errors: [
        { code: "A", vendorField: "Name", field: "/person/familyName" },
        { code: "B", kind: "invalid-field" },
      ],
    });
  });

  it("turns the vendor's field names into pointers with list indexes as *", () => {
    expect(
      ["Address.City", "$.Address.City", "$Address.City", "Lines[0].Zip", "/Lines/3/Zip", "Name"].map(
        vendorFieldPointer,
      ),
    ).toEqual(["/Address/City", "/Address/City", "/Address/City", "/Lines/*/Zip", "/Lines/*/Zip", "/Name"]);
  });
});

describe("answers without a code", () => {
  it("are the status's one documented error, in its words when the body has none", () => {
    expect(readResponse(plan, 402, "")).toEqual({
      ok: false,
      status: 402,
      errors: [{ kind: "unauthorized", code: undefined, message: "No licence." }],
    });
  });

  it("are read from the status alone when it has several documented errors, or none", () => {
    expect(readResponse(plan, 410, "")).toEqual({
      ok: false,
      status: 410,
      errors: [{ kind: "unknown", code: undefined, message: "the vendor answered 410" }],
    });
    expect(readResponse(plan, 403, "")).toEqual({
      ok: false,
      status: 403,
      errors: [{ kind: "unauthorized", code: undefined, message: "the vendor answered 403" }],
    });
  });

  it("while an unknown code keeps the status's kind, not that of the status's one documented error", () => {
    expect(readResponse(plan, 422, { problems: [{ code: "Other" }, {}] })).toMatchObject({
      errors: [
        { kind: "invalid-field", code: "Other", message: "the vendor answered 422" },
        { kind: "duplicate", code: undefined, message: "Already there." },
      ],
    });
  });
});
