// The README's field table (generator/emit/field-table.ts) reads the schema view: a $ref's siblings tighten its
// target's limits, a readOnly target is not sent, an allOf-composed object has its fields listed.
import { describe, expect, it } from "vitest";
import { fieldRows } from "../../generator/emit/field-table.js";
import { modelOf, ref } from "../helpers/schema-model.js";

describe("the field table", () => {
  const model = modelOf({
    Name: { type: "string", maxLength: 50, description: "A name." },
    Id: { type: "string", readOnly: true, description: "Given by the vendor." },
    Address: { type: "object", required: ["city"], properties: { city: { type: "string", description: "City." } } },
    Body: {
      type: "object",
      properties: {
        name: { ...ref("Name"), maxLength: 80 },
        id: ref("Id"),
        address: { allOf: [ref("Address"), { properties: { zip: { type: "string", maxLength: 10 } } }] },
      },
    },
  });
  const rows = fieldRows(model, ref("Body"));

  it("a $ref with a looser sibling limit keeps the target's tighter one", () => {
    expect(rows.find((row) => row.path === "/name")).toMatchObject({ type: "string", limits: "max length 50" });
  });

  it("a property whose target is readOnly is left out of what is sent", () => {
    expect(rows.map((row) => row.path)).not.toContain("/id");
  });

  it("an allOf of a component and more properties lists every field below it", () => {
    expect(rows.map((row) => row.path)).toEqual(["/name", "/address", "/address/city", "/address/zip"]);
    expect(rows.find((row) => row.path === "/address/city")).toMatchObject({ required: true });
  });
});
