// The review on real published history: consecutive versions of Square's and
// Stripe's documents, cut to the create-customer operation by
// tools/cut-corpus.ts (test/fixtures/review-corpus/README.md says which
// commits). The findings were checked by hand against the documents' own diff
// once; the golden file keeps them, and the breaking ones are asserted here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readYaml } from "../../generator/load/read-yaml.js";
import { diffOperation } from "../../generator/review/diff-operation.js";
import { repoRoot } from "../helpers/cli.js";

const corpus = join(repoRoot, "test/fixtures/review-corpus");
const PAIRS = [
  ["square-6358932", "square-47d5585"],
  ["square-47d5585", "square-deff4ae"],
  ["stripe-737a5b23", "stripe-52dcb689"],
  ["stripe-ba660069", "stripe-9664a382"],
] as const;

const load = (name: string) => readYaml(`${name}.yaml`, readFileSync(join(corpus, `${name}.yaml`), "utf8"));
const findings = (base: string, head: string) => diffOperation(load(base), load(head), base.replace(/-.*/, ""));

describe("review corpus: real consecutive versions", () => {
  it("gives the golden findings", async () => {
    const text = PAIRS.map(([base, head]) => {
      const lines = findings(base, head).map(
        (change) =>
          `- ${change.severity} \`${change.rule}\` ${change.side} line ${change.line}` +
          ` \`${change.pointer}\`: ${change.message}`,
      );
      return [`## ${base} → ${head}`, "", ...(lines.length > 0 ? lines : ["(none)"]), ""].join("\n");
    }).join("\n");
    await expect(`# Review corpus findings (checked by hand)\n\n${text}`).toMatchFileSnapshot(
      "../fixtures/review-corpus/findings.md",
    );
  });

  it("Square retiring Customer.cards (2025-01-23) breaks readers", () => {
    expect(
      findings("square-6358932", "square-47d5585").map((change) => [change.rule, change.pointer, change.breaking]),
    ).toEqual([["response-optional-property-removed", "/components/schemas/Customer/properties/cards", true]]);
  });

  it("Square's new error codes (2025-02-20) break readers that switch over them", () => {
    const [change, ...rest] = findings("square-47d5585", "square-deff4ae");
    expect(rest).toEqual([]);
    expect(change).toMatchObject({
      rule: "response-property-enum-value-added",
      pointer: "/components/schemas/ErrorCode",
      breaking: true,
    });
    expect(change?.message).toContain('"READER_DECLINED", "REFUND_ERROR_PAYMENT_NEEDS_COMPLETION"');
  });

  it("Stripe withdrawing payment_settings from the create request (2021-07-22) breaks senders", () => {
    expect(findings("stripe-737a5b23", "stripe-52dcb689").map((change) => [change.rule, change.breaking])).toEqual([
      ["request-property-removed", true],
    ]);
  });

  it("Stripe's new tax id types (2022-03-23) break nobody", () => {
    const changes = findings("stripe-ba660069", "stripe-9664a382");
    expect(changes.map((change) => [change.rule, change.breaking])).toEqual([
      ["request-property-enum-value-added", false],
    ]);
    expect(changes[0]?.message).toContain('"bg_uic", "hu_tin", "si_tin"');
  });
});
