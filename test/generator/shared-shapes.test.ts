// A shape the request body reaches several times is written once in the
// generated mapping.ts and referenced by name (issue 28: JTL's CreateAddress
// was written out six times).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { BodyShape, RootShape } from "@customer-adapters/runtime/wire";
import { bodyShapeCode } from "../../generator/emit/shared-shapes.js";
import { repoRoot } from "../helpers/cli.js";

const text: BodyShape = { kind: "value", type: "string" };
const address: BodyShape = {
  kind: "object",
  properties: ["Street", "City", "PostalCode", "Country", "State"].map((name) => ({
    name,
    element: name,
    shape: text,
  })),
};
const root: RootShape = {
  element: "Customer",
  shape: {
    kind: "object",
    properties: [
      { name: "Name", element: "Name", shape: text },
      { name: "Billing", element: "Billing", shape: address },
      { name: "Others", element: "Others", shape: { kind: "array", element: "PostalAddress", items: address } },
    ],
  },
};

/** The code's value, its constants declared first. */
const evaluate = ({ constants, value }: { constants: string[]; value: string }): unknown =>
  new Function(`${constants.join("\n").replace(/: BodyShape/g, "")}\nreturn ${value};`)();

describe("the body shape as code", () => {
  it("writes a repeated object shape once, named after the list element that holds it", () => {
    const code = bodyShapeCode(root);
    expect(code.constants).toHaveLength(1);
    expect(code.constants[0]).toContain("const postalAddressShape: BodyShape = {");
    expect(code.value.match(/postalAddressShape/g)).toHaveLength(2);
    expect(code.value).not.toContain('"Street"');
    expect(evaluate(code)).toEqual(root);
  });

  it("writes a shape that appears once, or a small one, in place", () => {
    const once: RootShape = { element: "Customer", shape: address };
    expect(bodyShapeCode(once).constants).toEqual([]);
    expect(evaluate(bodyShapeCode(once))).toEqual(once);
    const small: BodyShape = { kind: "object", properties: [{ name: "A", element: "A", shape: text }] };
    const twice: RootShape = {
      element: "Customer",
      shape: { kind: "object", properties: ["X", "Y"].map((name) => ({ name, element: name, shape: small })) },
    };
    expect(bodyShapeCode(twice).constants).toEqual([]);
    expect(evaluate(bodyShapeCode(twice))).toEqual(twice);
  });

  it("is written once in JTL's mapping.ts", () => {
    const mapping = readFileSync(join(repoRoot, "generated/jtl/src/mapping.ts"), "utf8");
    expect(mapping.match(/name: "Street"/g)).toHaveLength(1);
    expect(mapping).toContain("const createAddressShape: BodyShape = {");
  });
});
