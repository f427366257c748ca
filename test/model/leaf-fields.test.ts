// Leaf fields (generator/model/mapping-table.ts: the coverage matrix's canonical leaves, lint's request leaves)
// read the schema view: an allOf-composed object has leaves below it, a readOnly target is not sent.
import { describe, expect, it } from "vitest";
import { canonicalLeaves, leafFields, requestRows } from "../../generator/model/mapping-table.js";
import { bodyModelOf, modelOf, ref } from "../helpers/schema-model.js";

describe("leaf fields", () => {
  const model = modelOf({
    Address: {
      type: "object",
      properties: { city: { type: "string" }, lines: { type: "array", items: { type: "string" } } },
    },
    Stamp: { type: "string", readOnly: true },
    Customer: {
      type: "object",
      properties: {
        name: { type: "string" },
        address: { allOf: [ref("Address"), { description: "Where the customer lives." }] },
        tags: { type: ["array", "null"], items: { type: "string" } },
        created: ref("Stamp"),
      },
    },
  });

  it("go through allOf and type arrays: every leaf below, lists as /*", () => {
    expect(canonicalLeaves(model)).toEqual(["/name", "/address/city", "/address/lines/*", "/tags/*", "/created"]);
  });

  it("of what is sent leave out a field whose target is readOnly", () => {
    expect(leafFields(model, ref("Customer"), "/body", true)).toEqual([
      "/body/name",
      "/body/address/city",
      "/body/address/lines/*",
      "/body/tags/*",
    ]);
  });

  it("a map into a nullable list maps its items", () => {
    const vendor = bodyModelOf(
      { type: "object", properties: { tags: { type: ["array", "null"], items: { type: "object" } } } },
      {},
      { mapping: { request: [{ to: "/body/tags", from: "/tags", map: [{ to: "/label", from: "/name" }] }] } },
    );
    expect(requestRows(vendor).map((row) => `${row.vendor} <- ${row.sources.join()}`)).toEqual([
      "/body/tags/*/label <- /tags/*/name",
    ]);
  });
});
