// The spec review: a before/after pair for each rule, asserting how the change
// is classified, plus the Markdown report as a file snapshot and the exit rule
// (breaking fails unless the head spec acknowledges it).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { review, reviewMarkdown } from "../../generator/review/review.js";
import { miniMapping, miniVendor, removeSpecsFolders, specsFolder } from "../helpers/mini-vendor.js";

const base = miniVendor(miniMapping);
const folder = specsFolder;
afterAll(removeSpecsFolders);

const swap = (from: string, to: string) => {
  expect(base).toContain(from);
  return base.replace(from, to);
};

/** A head spec whose mapping also feeds a newly required field (the generator insists). */
const feed = (spec: string, to: string) => spec.replace("  auth:\n", `    - { to: ${to}, value: "x" }\n  auth:\n`);

async function changesFor(head: string) {
  const report = await review(folder(base), folder(head));
  return report.vendors.find((vendor) => vendor.vendor === "mini")?.changes.map((change) => [change.rule, change.breaking]) ?? [];
}

describe("review: each rule classified for consumers", () => {
  const cases: [string, string, [string, boolean][]][] = [
    ["request field removed", swap("        phone: { type: string, description: Phone. }\n", ""), [["request-property-removed", true]]],
    ["optional request field added", swap("        phone: { type: string, description: Phone. }", "        phone: { type: string, description: Phone. }\n        fax: { type: string, description: Fax. }"), [["request-property-added", false]]],
    ["required request field added", feed(swap("      required: [name]", "      required: [name, fax]").replace("        phone: { type: string, description: Phone. }", "        phone: { type: string, description: Phone. }\n        fax: { type: string, description: Fax. }"), "/body/fax"), [["request-property-added-required", true]]],
    ["request field became required", feed(swap("      required: [name]", "      required: [name, phone]"), "/body/phone"), [["request-property-became-required", true]]],
    ["request limit tightened", swap("maxLength: 60", "maxLength: 40"), [["request-maxLength-tightened", true]]],
    ["request limit loosened", swap("maxLength: 60", "maxLength: 80"), [["request-maxLength-loosened", false]]],
    ["request enum narrowed", swap("enum: [1, 2]", "enum: [1]"), [["request-enum-narrowed", true]]],
    ["request enum widened", swap("enum: [1, 2]", "enum: [1, 2, 3]"), [["request-enum-widened", false]]],
    ["request type changed", swap("phone: { type: string, description: Phone. }", "phone: { type: integer, description: Phone. }"), [["request-type-changed", true]]],
    ["request format changed", swap("format: date-time", "format: date"), [["request-format-changed", true]]],
    ["description changed", swap("description: Name. }", "description: The name. }"), [["description-changed", false]]],
    ["response enum widened", swap("        customerId: { type: integer, description: Id. }", "        customerId: { type: integer, description: Id. }\n        state: { type: string, enum: [new], description: State. }"), [["response-property-added", false]]],
    ["parameter made required", swap("- { name: account, in: query, required: true", "- { name: account, in: query, required: false"), [["parameter-became-optional", false]]],
    ["required parameter added", feed(swap("      parameters:\n", "      parameters:\n        - { name: tenant, in: header, required: true, schema: { type: string }, description: Tenant. }\n"), "/header/tenant"), [["parameter-added-required", true]]],
  ];

  it.each(cases)("%s", async (_name, head, expected) => {
    expect(await changesFor(head)).toEqual(expected);
  });

  it("response field removed, response enum widened, error code removed: breaking for readers", async () => {
    const withState = swap("        customerId: { type: integer, description: Id. }", "        customerId: { type: integer, description: Id. }\n        state: { type: string, enum: [new], description: State. }");
    const withStateWider = withState.replace("enum: [new]", "enum: [new, merged]");
    const withErrors = (codes: number[]) =>
      withState.replace("      responses:\n", `      x-errors:\n${codes.map((code) => `        - { code: ${code}, status: 400, message: Bad., kind: invalid-field }`).join("\n")}\n      responses:\n`);
    const report = async (before: string, after: string) => (await review(folder(before), folder(after))).vendors[1]?.changes.map((change) => [change.rule, change.breaking]);
    expect(await report(withState, base)).toEqual([["response-property-removed", true]]);
    expect(await report(withState, withStateWider)).toEqual([["response-enum-widened", true]]);
    expect(await report(withErrors([1, 2]), withErrors([1]))).toEqual([["error-code-removed", true]]);
    expect(await report(withErrors([1]), withErrors([1, 2]))).toEqual([["error-code-added", false]]);
  });
});

describe("review: a published document and its overlay", () => {
  it("compares the applied result: a change made by the overlay is reviewed like a change of the spec", async () => {
    const head = folder(base);
    writeFileSync(
      join(head, "mini.overlay.yaml"),
      "overlay: 1.0.0\ninfo: { title: Mini, version: 1.0.0 }\nactions:\n  - target: $.components.schemas.Body.properties.name\n    update: { maxLength: 40 }\n",
    );
    const report = await review(folder(base), head);
    const change = report.vendors.find((vendor) => vendor.vendor === "mini")?.changes[0];
    expect(change).toMatchObject({ rule: "request-maxLength-tightened", breaking: true, pointer: "/components/schemas/Body/properties/name" });
  });
});

describe("review: the report and its verdict", () => {
  const tightened = swap("maxLength: 60", "maxLength: 40");

  it("fails on an unacknowledged breaking change, and names where it is", async () => {
    const report = await review(folder(base), folder(tightened));
    expect(report.unacknowledged).toBe(1);
    const [change] = report.vendors.find((vendor) => vendor.vendor === "mini")?.changes ?? [];
    expect(change).toMatchObject({ pointer: "/components/schemas/Body/properties/name", breaking: true });
    expect(change?.line).toBeGreaterThan(10);
  });

  it("accepts it after a major version bump or an acknowledgement in the spec", async () => {
    const bumped = tightened.replace("  version: 1.0.0", "  version: 2.0.0");
    const acknowledged = tightened.replace("  version: 1.0.0", "  version: 1.1.0\n  x-breaking-change-acknowledged: the vendor shortened names on 2026-11-01");
    expect((await review(folder(base), folder(bumped))).unacknowledged).toBe(0);
    const report = await review(folder(base), folder(acknowledged));
    expect(report.unacknowledged).toBe(0);
    expect(report.vendors.find((vendor) => vendor.vendor === "mini")?.acknowledged).toContain("the vendor shortened names");
  });

  it("reports a new vendor and what it adds to the generated tree", async () => {
    const report = await review(folder(undefined), folder(base));
    const mini = report.vendors.find((vendor) => vendor.vendor === "mini");
    expect(mini).toMatchObject({ status: "added", breaking: 0 });
    expect(mini?.generated.filesAdded).toContain("mini/src/index.ts");
    expect(mini?.generated.exportsAdded).toContain("toRequest");
    expect(mini?.generated.mappingAdded.length).toBeGreaterThan(0);
  });

  it("writes the Markdown report (file snapshot)", async () => {
    const head = tightened.replace("        phone: { type: string, description: Phone. }\n", "").replace("description: Name. }", "description: The customer's name. }");
    const markdown = reviewMarkdown(await review(folder(base), folder(head)));
    await expect(markdown).toMatchFileSnapshot("__snapshots__/review.md");
  });
});
