// The one schema view (generator/model/schema-view.ts): given schemas, the
// merged schema every step reads.
import { describe, expect, it } from "vitest";
import { SchemaViews } from "../../generator/model/schema-view.js";
import type { Schema } from "../../generator/core/schema-walk.js";

const viewsOf = (schemas: Record<string, Schema>) =>
  new SchemaViews(Object.entries(schemas).map(([name, schema]) => ({ name, schema })));
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe("the schema view", () => {
  it("an allOf of a $ref and a description keeps the target's type and enum, and the description", () => {
    const views = viewsOf({ Status: { type: "string", enum: ["active", "inactive"], description: "Status." } });
    const view = views.view({ allOf: [ref("Status"), { description: "Its own." }] });
    expect(view.schema).toEqual({ type: "string", enum: ["active", "inactive"], description: "Status." });
    expect([...(view.types ?? [])]).toEqual(["string"]);
  });

  it("a $ref's siblings apply too, and its own description wins", () => {
    const views = viewsOf({ Name: { type: "string", maxLength: 50, description: "A name." } });
    const view = views.view({ ...ref("Name"), maxLength: 20, description: "The given name." });
    expect(view.schema).toEqual({ type: "string", maxLength: 20, description: "The given name." });
    expect(view.pointer).toBe("/components/schemas/Name");
  });

  it("merges types, required, limits, enums and properties (recursively) where exact", () => {
    const views = viewsOf({
      Base: {
        type: ["number", "string", "null"],
        required: ["a"],
        minimum: 1,
        maximum: 10,
        enum: [1, 2, 3, "x"],
        properties: { a: { type: "string", maxLength: 9 }, b: { type: "integer" } },
      },
    });
    const view = views.view({
      allOf: [
        ref("Base"),
        {
          type: ["integer", "null"],
          required: ["b"],
          minimum: 2,
          maximum: 20,
          enum: [2, 3, 4],
          properties: { a: { minLength: 2, maxLength: 5 } },
        },
      ],
    });
    expect(view.schema).toEqual({
      type: ["integer", "null"],
      required: ["a", "b"],
      minimum: 2,
      maximum: 10,
      enum: [2, 3],
      properties: { a: { type: "string", maxLength: 5, minLength: 2 }, b: { type: "integer" } },
    });
    expect(view.types).toEqual(new Set(["integer", "null"]));
    expect(view.nullable).toBe(true);
  });

  it("keeps as allOf what would not be exact: a second pattern, disjoint types, an object additionalProperties closes", () => {
    const views = viewsOf({});
    expect(views.view({ allOf: [{ pattern: "^a" }, { pattern: "b$" }] }).schema).toEqual({
      pattern: "^a",
      allOf: [{ pattern: "b$" }],
    });
    expect(views.view({ allOf: [{ type: "string" }, { type: "integer" }] }).schema).toEqual({
      type: "string",
      allOf: [{ type: "integer" }],
    });
    const closed = { type: "object", properties: { a: {} }, additionalProperties: false };
    expect(views.view({ allOf: [closed, { properties: { b: {} }, required: ["b"] }] }).schema).toEqual({
      ...closed,
      required: ["b"],
      allOf: [{ properties: { b: {} } }],
    });
    // Two conditions both hold: each `then` stays with its `if`.
    const condition = { if: { required: ["a"] }, then: { required: ["b"] } };
    expect(views.view({ allOf: [condition, { if: { required: ["a"] }, then: { required: ["c"] } }] }).schema).toEqual({
      ...condition,
      allOf: [{ if: { required: ["a"] }, then: { required: ["c"] } }],
    });
    // Two formats both hold.
    expect(views.view({ allOf: [{ format: "email" }, { format: "idn-email" }] }).schema).toEqual({
      format: "email",
      allOf: [{ format: "idn-email" }],
    });
  });

  it("an untyped schema with a null-only branch is nullable; booleans are any value and none", () => {
    const views = viewsOf({ Person: { type: "object" } });
    const view = views.view({ anyOf: [ref("Person"), { type: "null" }] });
    expect(view.nullable).toBe(true);
    expect(view.types).toBeUndefined();
    expect(views.view(true).schema).toEqual({});
    expect(views.view(false).schema).toEqual({ not: {} });
  });

  it("a recursive schema is read without end", () => {
    const views = viewsOf({
      Node: { type: "object", properties: { child: ref("Node") } },
      Tree: { allOf: [ref("Node"), { properties: { child: ref("Node") } }] },
    });
    expect(views.view(ref("Tree")).schema.properties).toEqual({ child: ref("Node") });
  });

  it("knows where each keyword it reads is written: through a $ref, an allOf part, a merged nested property", () => {
    const views = viewsOf({
      Zip: { type: "string", pattern: "^[0-9]{5}$" },
      Address: {
        type: "object",
        properties: { zip: { ...ref("Zip"), maxLength: 5 }, city: { type: "string" } },
        allOf: [{ required: ["zip"] }, { properties: { city: { maxLength: 40 } } }],
      },
    });
    const address = views.view(ref("Address"));
    expect(address.at).toBe("/components/schemas/Address");
    expect(views.keywordAt(ref("Address"), "required")).toBe("/components/schemas/Address/allOf/0/required");
    const properties = address.schema.properties as Record<string, Schema>;
    // The zip's own limit is on its property; its pattern is the target's.
    expect(views.keywordAt(properties.zip as Schema, "maxLength")).toBe(
      "/components/schemas/Address/properties/zip/maxLength",
    );
    expect(views.keywordAt(properties.zip as Schema, "pattern")).toBe("/components/schemas/Zip/pattern");
    // `city` is merged from two places: each keyword is found where it was written.
    expect(views.keywordAt(properties.city as Schema, "type")).toBe("/components/schemas/Address/properties/city/type");
    expect(views.keywordAt(properties.city as Schema, "maxLength")).toBe(
      "/components/schemas/Address/allOf/1/properties/city/maxLength",
    );
  });
});
