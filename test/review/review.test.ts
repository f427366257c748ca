// The whole review: what it misses no more (real specs, each edit a change a
// consumer feels), the rules that read the generated package (exports,
// mapping rows, a removed vendor), the verdict (breaking fails unless the head
// spec acknowledges it) and the Markdown report as a file snapshot. The
// differ's rules one by one are in rules.test.ts.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { review, reviewMarkdown } from "../../generator/review/review.js";
import { repoRoot, runCommand } from "../helpers/cli.js";
import { miniMapping, miniVendor, removeSpecsFolders, specsFolder } from "../helpers/mini-vendor.js";
import { editedSpec, remove, rename, set } from "../helpers/spec-edits.js";

const base = miniVendor(miniMapping);
const folder = specsFolder;
const scratch: string[] = [];
afterAll(() => {
  removeSpecsFolders();
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const swap = (from: string, to: string) => {
  expect(base).toContain(from);
  return base.replace(from, to);
};

/** A specs folder with the canonical customer and the given vendor specs (slug → text). */
function realSpecs(specs: Record<string, string>): string {
  const dir = join(mkdtempSync(join(tmpdir(), "review-real-")), "specs");
  scratch.push(join(dir, ".."));
  mkdirSync(dir);
  cpSync(join(repoRoot, "specs/canonical"), join(dir, "canonical"), { recursive: true });
  for (const [slug, text] of Object.entries(specs)) writeFileSync(join(dir, `${slug}.yaml`), text);
  return dir;
}

const rulesOf = (report: Awaited<ReturnType<typeof review>>, vendor: string) =>
  report.vendors.find((entry) => entry.vendor === vendor)?.changes.map((change) => [change.rule, change.severity]) ??
  [];

describe("review: the changes it used to pass as harmless, in real specs", () => {
  const op = ["paths", "/v1/customers", "post"];
  const jtl = editedSpec("jtl", [
    set([...op, "parameters", 1, "schema", "enum"], ["MyApp/1.0.0"]),
    set([...op, "parameters", 2, "schema", "maxLength"], 10),
    rename([...op, "responses"], "201", "200"),
    set(["components", "securitySchemes", "oauth2AccessCode"], { type: "apiKey", in: "header", name: "X-Api-Key" }),
  ]);
  const bydesign = editedSpec("bydesign", [
    remove(["paths", "/api/users/customer", "post", "requestBody", "content", "application/x-www-form-urlencoded"]),
  ]);
  // One review of both edited specs (generating is the slow part); each miss is its own test.
  let report: Awaited<ReturnType<typeof review>>;
  beforeAll(async () => {
    report = await review(
      realSpecs({ jtl: editedSpec("jtl"), bydesign: editedSpec("bydesign") }),
      realSpecs({ jtl, bydesign }),
    );
  }, 300_000);

  it.each([
    ["JTL's required x-appid header narrowed to an enum", "jtl", "request-parameter-became-enum"],
    ["JTL's required x-appversion header gains a maxLength", "jtl", "request-parameter-max-length-set"],
    ["JTL's success status 201 becomes 200", "jtl", "response-success-status-removed"],
    ["JTL's OAuth2 access-token scheme becomes an API key", "jtl", "api-security-component-type-changed"],
    ["ByDesign's form body no longer accepted", "bydesign", "request-body-media-type-removed"],
  ])("%s", (_name, vendor, rule) => {
    expect(rulesOf(report, vendor)).toContainEqual([rule, "breaking"]);
    expect(report.unacknowledged).toBeGreaterThanOrEqual(5);
  });
});

describe("review: the rules that read the generated package", () => {
  // Without its one query parameter, the package has no parameter type, and the mapping no row for it.
  const withoutParameter = swap(
    "      parameters:\n" +
      "        - { name: account, in: query, required: true, schema: { type: string }, description: Account. }\n",
    "",
  ).replace("    - { to: /query/account, context: account }\n", "");

  it("a removed export and mapping row, and added ones the other way round", async () => {
    const removed = rulesOf(await review(folder(base), folder(withoutParameter)), "mini");
    expect(removed).toEqual(
      expect.arrayContaining([
        ["request-parameter-removed", "breaking"],
        ["generated-export-removed", "breaking"],
        ["x-mapping-row-removed", "info"],
      ]),
    );
    const added = rulesOf(await review(folder(withoutParameter), folder(base)), "mini");
    expect(added).toEqual(
      expect.arrayContaining([
        ["new-required-request-parameter", "breaking"],
        ["generated-export-added", "info"],
        ["x-mapping-row-added", "info"],
      ]),
    );
  });

  it("a removed vendor is breaking", async () => {
    const report = await review(folder(base), folder(undefined));
    expect(rulesOf(report, "mini")).toEqual([["vendor-removed", "breaking"]]);
    expect(report.unacknowledged).toBe(1);
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
    expect(rulesOf(report, "mini")).toEqual([["request-property-max-length-decreased", "breaking"]]);
    const [change] = report.vendors.find((vendor) => vendor.vendor === "mini")?.changes ?? [];
    expect(change).toMatchObject({ breaking: true, pointer: "/components/schemas/Body/properties/name" });
  });
});

describe("review: the report and its verdict", () => {
  const tightened = swap("maxLength: 60", "maxLength: 40");

  it("fails on an unacknowledged breaking change, and names where it is", async () => {
    const report = await review(folder(base), folder(tightened));
    expect(report.unacknowledged).toBe(1);
    const [change] = report.vendors.find((vendor) => vendor.vendor === "mini")?.changes ?? [];
    expect(change).toMatchObject({
      rule: "request-property-max-length-decreased",
      pointer: "/components/schemas/Body/properties/name",
      breaking: true,
      side: "head",
    });
    expect(change?.line).toBeGreaterThan(10);
    expect(change?.headLine).toBe(change?.line);
  });

  it("accepts it after a major version bump or an acknowledgement in the spec", async () => {
    const bumped = tightened.replace("  version: 1.0.0", "  version: 2.0.0");
    const acknowledged = tightened.replace(
      "  version: 1.0.0",
      "  version: 1.1.0\n  x-breaking-change-acknowledged: the vendor shortened names on 2026-11-01",
    );
    expect((await review(folder(base), folder(bumped))).unacknowledged).toBe(0);
    const report = await review(folder(base), folder(acknowledged));
    expect(report.unacknowledged).toBe(0);
    expect(report.vendors.find((vendor) => vendor.vendor === "mini")?.acknowledged).toContain(
      "the vendor shortened names",
    );
  });

  it("reports a new vendor and what it adds to the generated tree", async () => {
    const report = await review(folder(undefined), folder(base));
    const mini = report.vendors.find((vendor) => vendor.vendor === "mini");
    expect(mini).toMatchObject({ status: "added", breaking: 0, file: "mini.yaml" });
    expect(mini?.generated.filesAdded).toContain("mini/src/index.ts");
    expect(mini?.generated.exportsAdded).toContain("toRequest");
    expect(mini?.generated.mappingAdded.length).toBeGreaterThan(0);
  });

  it("writes the Markdown report (file snapshot)", async () => {
    const head = tightened
      .replace("        phone: { type: string, description: Phone. }\n", "")
      .replace("description: Name. }", "description: The customer's name. }");
    const markdown = reviewMarkdown(await review(folder(base), folder(head)));
    await expect(markdown).toMatchFileSnapshot("__snapshots__/review.md");
  });
});

describe("review: what this project generates (the mapping, the canonical customer)", () => {
  const companyName = "    - { to: /body/name, from: /company/name, when: { /kind: company } }\n";
  const withCompanyName = miniVendor(
    miniMapping.replace("    - { to: /body/name,", `${companyName}    - { to: /body/name,`),
  );

  it("a removed mapping row that fed a required vendor field is breaking: `toRequest` fails for the customers it mapped", async () => {
    const report = await review(folder(withCompanyName), folder(base));
    const changes = report.vendors.find((vendor) => vendor.vendor === "mini")?.changes ?? [];
    expect(changes.map((change) => [change.rule, change.severity])).toEqual([
      ["x-mapping-required-row-removed", "breaking"],
    ]);
    expect(changes[0]?.message).toContain("/body/name ← /company/name");
    expect(report.unacknowledged).toBe(1);
  });

  it("a removed mapping row that fed an optional vendor field stays info", async () => {
    const withPhone = miniVendor(
      `${miniMapping.replace("  auth:", "    - { to: /body/phone, from: /phones/0/number }\n  auth:")}`,
    );
    const changes = rulesOf(await review(folder(withPhone), folder(base)), "mini");
    expect(changes).toEqual([["x-mapping-row-removed", "info"]]);
  });

  it("a removed row of the result mapping is breaking: `fromResponse` no longer gives the field", async () => {
    const numbered = (mapping: string) =>
      miniVendor(mapping).replace(
        "        customerId: { type: integer, description: Id. }\n",
        "        customerId: { type: integer, description: Id. }\n        customerNumber: { type: string, description: Number. }\n",
      );
    const withNumber = numbered(
      miniMapping.replace(
        "    - { to: /id, from: /customerId }",
        "    - { to: /id, from: /customerId }\n    - { to: /number, from: /customerNumber }",
      ),
    );
    expect(rulesOf(await review(folder(withNumber), folder(numbered(miniMapping))), "mini")).toEqual([
      ["x-mapping-result-row-removed", "breaking"],
    ]);
    expect(rulesOf(await review(folder(numbered(miniMapping)), folder(withNumber)), "mini")).toEqual([
      ["x-mapping-result-row-added", "info"],
    ]);
  });

  it("the canonical customer is reviewed like a request, each finding naming the mappings that read the field", async () => {
    const head = folder(base);
    const canonical = join(head, "canonical/customer.yaml");
    const text = readFileSync(canonical, "utf8");
    const familyName = /( {8}familyName:\n(?: {10}.*\n)*?)( {10}maxLength: )(\d+)/;
    expect(text).toMatch(familyName);
    writeFileSync(
      canonical,
      text.replace(familyName, (_, start: string, key: string) => `${start}${key}20`),
    );
    const report = await review(folder(base), head);
    const changes = report.vendors.find((vendor) => vendor.vendor === "canonical")?.changes ?? [];
    expect(changes.map((change) => [change.rule, change.breaking])).toEqual([
      ["request-property-max-length-decreased", true],
    ]);
    expect(changes[0]?.mappings).toEqual(["mini /body/name"]);
    expect(changes[0]?.message).toContain("read by mini /body/name");
    expect(report.unacknowledged).toBe(1);
  });

  it("a property added to the closed canonical result breaks the packages already deployed", async () => {
    const head = folder(base);
    const canonical = join(head, "canonical/customer.yaml");
    const text = readFileSync(canonical, "utf8");
    const createdAt = "          description: When the vendor created the customer.\n";
    expect(text).toContain(createdAt);
    writeFileSync(
      canonical,
      text.replace(createdAt, `${createdAt}        updatedAt:\n          type: string\n          description: When.\n`),
    );
    const changes = rulesOf(await review(folder(base), head), "canonical");
    expect(changes).toEqual([["response-property-added-to-closed-model", "breaking"]]);
  });
});

describe("review: the canonical customer with the real vendor specs", () => {
  it("a canonical field's limit tightened names every vendor mapping that reads it", async () => {
    const specs = { jtl: editedSpec("jtl"), storm: editedSpec("storm") };
    const head = realSpecs(specs);
    const canonical = join(head, "canonical/customer.yaml");
    const limit = "          maxLength: 50\n          description: The seller's own customer number";
    const text = readFileSync(canonical, "utf8");
    expect(text).toContain(limit);
    writeFileSync(canonical, text.replace(limit, limit.replace("50", "20")));
    const report = await review(realSpecs(specs), head);
    const [change, ...rest] = report.vendors.find((vendor) => vendor.vendor === "canonical")?.changes ?? [];
    expect(rest).toEqual([]);
    expect(change).toMatchObject({
      rule: "request-property-max-length-decreased",
      breaking: true,
      pointer: "/components/schemas/Customer/properties/customerNumber",
      mappings: ["jtl /body/Number", "storm /body/Code"],
    });
  }, 300_000);
});

describe("review: never depends on fixture samples", () => {
  it("reviews a spec no fixture sample can be made of, with a warning instead of exit 2", async () => {
    // More properties required than the closed body declares: no sample can be made (generate leaves the fixtures out).
    const crowded = swap("      required: [name]\n", "      required: [name]\n      minProperties: 60\n");
    const report = await review(folder(base), folder(crowded));
    const mini = report.vendors.find((vendor) => vendor.vendor === "mini");
    expect(mini?.changes.map((change) => [change.rule, change.severity])).toEqual([
      ["request-body-min-properties-set", "breaking"],
    ]);
    expect(mini?.warnings).toEqual([expect.stringMatching(/^head: mini\.yaml:\d+:\d+ .*sample.*reviewed without/)]);
    // Its fixtures are left out on both sides: no export is reported removed for them.
    expect(mini?.generated.exportsRemoved).toEqual([]);
  });

  it("the command reviews it too: exit 1 for the breaking change (not 2), the warning on stderr", () => {
    const crowded = swap("      required: [name]\n", "      required: [name]\n      minProperties: 60\n");
    const head = folder(crowded);
    const out = join(head, "..", ".review");
    const result = runCommand(["review", "--base-dir", folder(base), "--head-dir", head, "--out", out], {
      cwd: join(head, ".."),
    });
    expect(result.stderr).toMatch(/^warning: head: mini\.yaml:\d+:\d+ .*no valid .*sample/m);
    expect(result.stdout).toContain("request-body-min-properties-set");
    expect(result.status).toBe(1);
  }, 120_000);
});
