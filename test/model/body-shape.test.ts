// The request body's shape (generator/model/body-shape.ts), for the XML and form wire formats, read through
// the schema view: a body written as an allOf of a component and more properties is an object with them all.
import { describe, expect, it } from "vitest";
import { requestShape } from "../../generator/model/body-shape.js";
import type { Schema } from "../../generator/core/schema-walk.js";
import { bodyModelOf, ref } from "../helpers/schema-model.js";

const modelWith = (body: Schema, schemas: Record<string, Schema>) => bodyModelOf(body, schemas, {}, "application/xml");

describe("the request body's shape", () => {
  it("an allOf of a $ref and more properties is one object with the component's properties, then the added ones", () => {
    const model = modelWith(
      { allOf: [ref("Base"), { properties: { note: { type: "string" }, id: { type: "integer", readOnly: true } } }] },
      { Base: { type: "object", properties: { name: { type: "string" }, age: { type: "integer" } } } },
    );
    expect(requestShape(model)?.shape).toEqual({
      kind: "object",
      properties: [
        { name: "name", element: "name", shape: { kind: "value", type: "string" } },
        { name: "age", element: "age", shape: { kind: "value", type: "integer" } },
        { name: "note", element: "note", shape: { kind: "value", type: "string" } },
      ],
    });
  });

  it("a nullable leaf (type [integer, null], or anyOf with null) keeps its value's type", () => {
    const model = modelWith(
      {
        type: "object",
        properties: {
          count: { type: ["integer", "null"] },
          rank: { anyOf: [{ type: "null" }, ref("Rank")] },
          flag: { allOf: [{ type: ["boolean", "null"] }, { type: "boolean" }] },
        },
      },
      { Rank: { type: "number" } },
    );
    expect(requestShape(model)?.shape).toEqual({
      kind: "object",
      properties: [
        { name: "count", element: "count", shape: { kind: "value", type: "integer" } },
        { name: "rank", element: "rank", shape: { kind: "value", type: "number" } },
        { name: "flag", element: "flag", shape: { kind: "value", type: "boolean" } },
      ],
    });
  });
});
