// The types emitter, given a schema, wants its doc comment: each fact once.
import { describe, expect, it } from "vitest";
import { emitTypes } from "../../generator/emit/types.js";
import { modelOf } from "../helpers/schema-model.js";

describe("types.ts doc comments", () => {
  it("say a top-level if/then's description once, not again as a rule", () => {
    const description = "An address. Its country is either CountryId or Country.";
    const code = emitTypes(
      modelOf({
        Address: {
          type: "object",
          description,
          properties: { CountryId: { type: "integer" }, Country: { type: "string" } },
          if: { required: ["CountryId"] },
          then: { required: [] },
          else: { required: ["Country"] },
        },
      }),
    );
    expect(code.split(description).length - 1).toBe(1);
    expect(code).not.toContain("Rules:");
  });

  it("list dependentRequired as rules", () => {
    const code = emitTypes(
      modelOf({
        Login: {
          type: "object",
          properties: { a: { type: "string" }, b: { type: "string" } },
          dependentRequired: { a: ["b"] },
        },
      }),
    );
    expect(code).toContain("Rules:");
    expect(code).toContain("- `a` requires `b`.");
  });
});
