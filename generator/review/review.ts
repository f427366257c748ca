/**
 * The spec review of a pull request: per vendor, every spec change with its
 * classification, and what it does to the generated package (files, exports,
 * mapping rows, fixtures). Breaking changes fail the review unless the head
 * spec says they are intended: a new major `info.version`, or
 * `info.x-breaking-change-acknowledged: <why>`.
 */
import { readFileSync } from "node:fs";
import Handlebars from "handlebars";
import type { GeneratedFile } from "../emit/package.js";
import { requestRows } from "../model/mapping-table.js";
import type { SpecModel } from "../model/model.js";
import { generate, loadAllWithSources } from "../pipeline.js";
import { diffSpecs, type Side, type SpecChange } from "./diff-specs.js";

export interface GeneratedEffect {
  filesAdded: string[];
  filesRemoved: string[];
  filesChanged: string[];
  exportsAdded: string[];
  exportsRemoved: string[];
  mappingAdded: string[];
  mappingRemoved: string[];
  fixturesAdded: string[];
  fixturesRemoved: string[];
}

export interface VendorReview {
  vendor: string;
  status: "added" | "removed" | "changed" | "unchanged";
  baseVersion: string | undefined;
  headVersion: string | undefined;
  changes: SpecChange[];
  breaking: number;
  /** Why the breaking changes are accepted, when they are. */
  acknowledged: string | undefined;
  generated: GeneratedEffect;
}

export interface ReviewReport {
  vendors: VendorReview[];
  /** Breaking changes that no spec acknowledges: the review fails. */
  unacknowledged: number;
}

const template = Handlebars.compile(readFileSync(new URL("../../templates/review-report.hbs", import.meta.url), "utf8"), { noEscape: true, strict: false });

const major = (version: string | undefined) => Number(version?.split(".")[0] ?? 0);
const minus = (a: string[], b: string[]) => a.filter((item) => !b.includes(item)).sort();

function exportsOf(files: GeneratedFile[], slug: string): string[] {
  const names = new Set<string>();
  for (const file of files.filter((candidate) => candidate.path.startsWith(`${slug}/src/`) && /\.(ts)$/.test(candidate.path))) {
    for (const match of file.content.matchAll(/^export (?:declare )?(?:async )?(?:const|function|type|interface|class) (\w+)/gm)) names.add(match[1] as string);
  }
  return [...names];
}

function fixtureNames(files: GeneratedFile[], slug: string): string[] {
  const file = files.find((candidate) => candidate.path === `${slug}/src/fixtures/request-body.json` || candidate.path === `${slug}/src/fixtures/customer.json`);
  if (!file) return [];
  return ((JSON.parse(file.content) as { invalid?: { name: string }[] }).invalid ?? []).map((fixture) => fixture.name);
}

function effect(slug: string, base: { models: SpecModel[]; files: GeneratedFile[] }, head: { models: SpecModel[]; files: GeneratedFile[] }): GeneratedEffect {
  const own = (files: GeneratedFile[]) => new Map(files.filter((file) => file.path.startsWith(`${slug}/`)).map((file) => [file.path, file.content]));
  const before = own(base.files);
  const after = own(head.files);
  const rows = (models: SpecModel[]) => {
    const model = models.find((candidate) => candidate.slug === slug);
    return model ? requestRows(model).map((row) => `${row.vendor} ← ${row.sources.join(" + ") || "constant"} (${row.how})`) : [];
  };
  return {
    filesAdded: minus([...after.keys()], [...before.keys()]),
    filesRemoved: minus([...before.keys()], [...after.keys()]),
    filesChanged: [...after.keys()].filter((path) => before.has(path) && before.get(path) !== after.get(path)).sort(),
    exportsAdded: minus(exportsOf(head.files, slug), exportsOf(base.files, slug)),
    exportsRemoved: minus(exportsOf(base.files, slug), exportsOf(head.files, slug)),
    mappingAdded: minus(rows(head.models), rows(base.models)),
    mappingRemoved: minus(rows(base.models), rows(head.models)),
    fixturesAdded: minus(fixtureNames(head.files, slug), fixtureNames(base.files, slug)),
    fixturesRemoved: minus(fixtureNames(base.files, slug), fixtureNames(head.files, slug)),
  };
}

function acknowledgement(base: Side | undefined, head: Side): string | undefined {
  const info = (head.source.value as { info?: Record<string, unknown> }).info ?? {};
  const stated = info["x-breaking-change-acknowledged"];
  if (typeof stated === "string" && stated.trim() !== "") return `acknowledged in the spec: ${stated}`;
  if (base && major(head.model.version) > major(base.model.version)) return `major version ${base.model.version} → ${head.model.version}`;
  return undefined;
}

/** Compares the specs of two folders (each like `specs/`). */
export async function review(baseDir: string, headDir: string): Promise<ReviewReport> {
  const baseSides = loadAllWithSources(baseDir, baseDir);
  const headSides = loadAllWithSources(headDir, headDir);
  const [baseGenerated, headGenerated] = [await generate(baseDir, baseDir), await generate(headDir, headDir)];
  const slugs = [...new Set([...baseSides, ...headSides].map(({ model }) => model.slug))].sort();
  const vendors = slugs.map((slug): VendorReview => {
    const base = baseSides.find(({ model }) => model.slug === slug);
    const head = headSides.find(({ model }) => model.slug === slug);
    const changes = base && head && head.model.kind === "vendor" ? diffSpecs(base, head) : [];
    const removed = base !== undefined && head === undefined;
    const breaking = changes.filter((change) => change.breaking).length + (removed && base?.model.kind === "vendor" ? 1 : 0);
    const generated = effect(slug, baseGenerated, headGenerated);
    const touched = Object.values(generated).some((list) => list.length > 0);
    return {
      vendor: slug,
      status: !base ? "added" : removed ? "removed" : changes.length > 0 || touched ? "changed" : "unchanged",
      baseVersion: base?.model.version,
      headVersion: head?.model.version,
      changes,
      breaking,
      acknowledged: head && breaking > 0 ? acknowledgement(base, head) : undefined,
      generated,
    };
  });
  return { vendors, unacknowledged: vendors.filter((vendor) => vendor.breaking > 0 && vendor.acknowledged === undefined).reduce((sum, vendor) => sum + vendor.breaking, 0) };
}

/** The report as Markdown for a pull-request comment, from `templates/review-report.hbs`. */
export function reviewMarkdown(report: ReviewReport): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
  return template({
    unacknowledged: report.unacknowledged,
    unchanged: report.vendors.filter((vendor) => vendor.status === "unchanged").map((vendor) => vendor.vendor),
    changedVendors: report.vendors
      .filter((vendor) => vendor.status !== "unchanged")
      .map((vendor) => ({
        ...vendor,
        changes: vendor.changes.map((change) => ({ ...change, message: cell(change.message), class: change.breaking ? "**breaking**" : "non-breaking" })),
        generatedLines: (Object.entries(vendor.generated) as [string, string[]][])
          .filter(([, list]) => list.length > 0)
          .map(([key, list]) => `${key.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`)}: ${list.map((item) => `\`${item}\``).join(", ")}`),
      })),
  });
}
