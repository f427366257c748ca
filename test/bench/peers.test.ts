// The bench's peers are only fair if they are given the same rules: the
// typia types carry the schema's limits, and schemasafe loses int32 alone.
import { describe, expect, it } from "vitest";
import { typiaType } from "../../bench/peers/typia.js";
import { schemasafeValidator, withoutInt32 } from "../../bench/peers/schemasafe.js";

describe("typiaType", () => {
  it("carries lengths, patterns, formats, integer kinds and nullability as typia tags", () => {
    const gaps = new Set<string>();
    const type = typiaType(
      {
        type: "object",
        additionalProperties: false,
        required: ["id"],
        properties: {
          id: { type: "integer", format: "int32" },
          name: { type: ["string", "null"], maxLength: 40, pattern: "^[a-z]+$" },
          at: { type: "string", format: "date-time" },
          tags: { type: "array", maxItems: 3, items: { $ref: "components#/$defs/Tag" } },
        },
      },
      gaps,
    );
    expect(type).toBe(
      '({ "id": (number & tags.Type<"int32">); "name"?: (string & tags.MaxLength<40> & tags.Pattern<"^[a-z]+$"> | null); ' +
        '"at"?: (string & tags.Format<"date-time">); "tags"?: (Array<D_Tag> & tags.MaxItems<3>); })',
    );
    expect([...gaps]).toEqual([]);
  });

  it("gives open objects an index signature, and lists what a type cannot say", () => {
    const gaps = new Set<string>();
    const type = typiaType(
      { type: "object", properties: { a: { const: false } }, if: {}, dependentRequired: {} },
      gaps,
    );
    expect(type).toBe('({ "a"?: false; [key: string]: unknown; })');
    expect([...gaps].sort()).toEqual(["dependentRequired", "if"]);
  });
});

describe("schemasafe peer", () => {
  it("drops format int32 only, and then compiles a schema its default mode refuses", () => {
    const schema = {
      type: "object",
      properties: { id: { type: ["integer", "null"], format: "int32" }, mail: { type: "string", format: "email" } },
    };
    expect(withoutInt32(schema)).toEqual({
      type: "object",
      properties: { id: { type: ["integer", "null"] }, mail: { type: "string", format: "email" } },
    });
    const check = schemasafeValidator("components", schema, {});
    expect(check({ id: 1, mail: "a@example.com" })).toBe(true);
    expect(check({ mail: "not an address" })).toBe(false);
  });
});
