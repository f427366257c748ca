// The coverage matrix in the aggregate package's README: one row per
// canonical field, one column per vendor, each cell where the field goes
// with its limit there, or `no place`.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { aggregatedVendors, coverageMatrix, emitAggregate } from "../../generator/emit/aggregate.js";
import { canonicalLeaves } from "../../generator/model/mapping-table.js";
import { loadAll } from "../../generator/pipeline.js";
import { repoRoot } from "../helpers/cli.js";

const models = loadAll(join(repoRoot, "specs"), repoRoot);
const canonical = models.find((model) => model.kind === "canonical");
const matrix = canonical ? coverageMatrix(aggregatedVendors(models), canonical) : "";
const rows = matrix.split("\n");
const canonicalFieldCount = canonical ? canonicalLeaves(canonical).length : 0;
/** A table row's cells (an escaped `\|` inside a cell is not a border). */
const cells = (line: string) => line.slice(2, -2).split(/ (?<!\\)\| /);
const cellOf = (field: string, slug: string) => {
  const row = rows.find((line) => line.startsWith(`| \`${field}\` |`)) ?? "";
  return cells(row)[cells(rows[0] ?? "").indexOf(slug)];
};

describe("the coverage matrix", () => {
  it("has one column per mapped vendor and one row per canonical field", () => {
    expect(rows[0]).toBe("| canonical field | bydesign | caliq | jasper | jtl | storm |");
    expect(rows.filter((line) => line.startsWith("| `/"))).toHaveLength(canonicalFieldCount);
  });

  it("says where a field goes and its limit there, or that it has no place", () => {
    expect(cellOf("/person/familyName", "caliq")).toBe("`/body/Surname` (maxLength 30)");
    expect(cellOf("/email", "jasper")).toBe("no place");
    expect(cellOf("/company/name", "storm")).toBe("`/body/Companies/*/Name` (maxLength 100)");
  });

  it("is the one in generated/vendors/README.md", async () => {
    const { readFileSync } = await import("node:fs");
    expect(readFileSync(join(repoRoot, "generated/vendors/README.md"), "utf8")).toContain(matrix);
  });
});

describe("the aggregate README", () => {
  it("speaks of the vendors of its own folder only, its example included", () => {
    const some = models.filter((model) => model.kind === "canonical" || ["jasper", "storm"].includes(model.slug));
    const readme = emitAggregate(some, canonical).find((file) => file.path.endsWith("/README.md"))?.content ?? "";
    expect(readme).toContain('created: ["jasper", "storm"]');
    for (const other of ["bydesign", "caliq", "jtl"]) expect(readme).not.toContain(`"${other}"`);
  });
});
