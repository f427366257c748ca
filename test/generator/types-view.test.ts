// The types emitter reads the one schema view (generator/model/schema-view.ts): `allOf` merged where
// exact, types as a set, references kept by name. Each case was read wrong from the raw keywords.
import { describe, expect, it } from "vitest";
import { emitTypes } from "../../generator/emit/types.js";
import type { Schema } from "../../generator/core/schema-walk.js";
import { modelOf, ref } from "../helpers/schema-model.js";

const Status: Schema = { type: "string", enum: ["active", "inactive"], description: "The account's state." };

/** The declaration of `name`, with its doc comment (statements are apart by a blank line). */
function declarationOf(code: string, name: string): string {
  const found = code.split("\n\n").find((block) => new RegExp(`export (type|interface) ${name}\\b`).test(block));
  expect(found, `${name} is declared`).toBeDefined();
  return (found as string).trim();
}

describe("types read the schema view", () => {
  it("an allOf of a $ref and a description keeps the enum type by name, and documents the description", () => {
    const code = emitTypes(
      modelOf({
        Status,
        Account: {
          type: "object",
          properties: { status: { allOf: [ref("Status"), { description: "Where the account stands now." }] } },
        },
      }),
    );
    expect(declarationOf(code, "Account")).toContain("status?: Status;");
    expect(declarationOf(code, "Account")).toContain("Where the account stands now.");
  });

  it("an allOf that narrows a $ref's enum gives the values both allow", () => {
    const code = emitTypes(modelOf({ Status, Active: { allOf: [ref("Status"), { enum: ["active", "closed"] }] } }));
    expect(declarationOf(code, "Active")).toContain('export type Active = "active";');
  });

  it("an enum in one allOf part and the type in another give the enum's values", () => {
    const code = emitTypes(modelOf({ Tier: { allOf: [{ type: "string" }, { enum: ["gold", "silver"] }] } }));
    expect(declarationOf(code, "Tier")).toContain('export type Tier = "gold" | "silver";');
  });

  it("a required list in an allOf part makes the property required", () => {
    const code = emitTypes(
      modelOf({
        Person: {
          type: "object",
          properties: { email: { type: "string" }, name: { type: "string" } },
          allOf: [{ required: ["email"] }],
        },
      }),
    );
    const person = declarationOf(code, "Person");
    expect(person).toContain("email: string;");
    expect(person).toContain("name?: string;");
  });

  it("type arrays with null are intersected: [integer, null] and integer is a number, [integer, null] twice stays nullable", () => {
    const code = emitTypes(
      modelOf({
        Count: { type: ["integer", "null"], allOf: [{ type: "integer", minimum: 0 }] },
        Maybe: { type: ["number", "null"], allOf: [{ type: ["integer", "null"] }] },
      }),
    );
    expect(declarationOf(code, "Count")).toContain("export type Count = number;");
    expect(declarationOf(code, "Count")).toContain("@minimum 0");
    expect(declarationOf(code, "Maybe")).toContain("export type Maybe = number | null;");
  });

  it("a readOnly flag in an allOf part hides the property from what is sent", () => {
    const code = emitTypes(
      modelOf({
        Status,
        Account: {
          type: "object",
          properties: { id: { type: "string" }, status: { allOf: [ref("Status"), { readOnly: true }] } },
        },
      }),
    );
    expect(declarationOf(code, "Account")).not.toContain("status");
  });
});

describe("types read the schema view: rules", () => {
  it("an allOf rule's description is said once, as a rule, not taken as the type's own", () => {
    const rule = "A company needs its VAT number.";
    const code = emitTypes(
      modelOf({
        Buyer: {
          type: "object",
          properties: { kind: { type: "string" }, vat: { type: "string" } },
          allOf: [
            { description: rule, if: { properties: { kind: { const: "company" } } }, then: { required: ["vat"] } },
          ],
        },
      }),
    );
    expect(code.split(rule).length - 1).toBe(1);
    expect(declarationOf(code, "Buyer")).toContain(`- ${rule}`);
  });
});

describe("types read the schema view: boolean schemas", () => {
  it("a component that is `true` or `false` is unknown or never", () => {
    const code = emitTypes(modelOf({ Anything: true, Nothing: false } as unknown as Record<string, Schema>));
    expect(declarationOf(code, "Anything")).toContain("export type Anything = unknown;");
    expect(declarationOf(code, "Nothing")).toContain("export type Nothing = never;");
  });
});
