/**
 * The spec review of a pull request: per vendor, every spec change with its
 * classification, and what it does to the generated package (files, exports,
 * mapping rows, fixtures). Breaking changes fail the review unless the head
 * spec says they are intended: a new major `info.version`, or
 * `info.x-breaking-change-acknowledged: <why>`.
 */
import { template as loadTemplate } from "../core/templates.js";
import type { GeneratedFile } from "../emit/package.js";
import type { SpecModel } from "../model/model.js";
import { loadAllWithSources } from "../pipeline.js";
import type { SourceDocument } from "../core/source.js";
import { changeAt, diffComponents, diffOperation, type SpecChange } from "./diff-operation.js";
import { exportedNames } from "./generated-exports.js";
import { generatedForReview } from "./generated-for-review.js";
import { mappingChanges, mappingLines, namingMappings } from "./mapping-changes.js";

interface Side {
  model: SpecModel;
  source: SourceDocument;
}

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
  /** The head spec (the base spec when it was removed), relative to its specs folder. */
  file: string;
  status: "added" | "removed" | "changed" | "unchanged";
  baseVersion: string | undefined;
  headVersion: string | undefined;
  changes: SpecChange[];
  breaking: number;
  /** Why the breaking changes are accepted, when they are. */
  acknowledged: string | undefined;
  generated: GeneratedEffect;
  /** What the review could not look at (a package's fixtures that could not be made), one line each. */
  warnings: string[];
}

export interface ReviewReport {
  vendors: VendorReview[];
  /** Breaking changes that no spec acknowledges: the review fails. */
  unacknowledged: number;
}

const template = loadTemplate("review-report");

const major = (version: string | undefined) => Number(version?.split(".")[0] ?? 0);
const minus = (a: string[], b: string[]) => a.filter((item) => !b.includes(item)).sort();

function fixtureNames(files: GeneratedFile[], slug: string): string[] {
  const file = files.find(
    (candidate) =>
      candidate.path === `${slug}/src/fixtures/request-body.json` ||
      candidate.path === `${slug}/src/fixtures/customer.json`,
  );
  if (!file) return [];
  return ((JSON.parse(file.content) as { invalid?: { name: string }[] }).invalid ?? []).map((fixture) => fixture.name);
}

function effect(
  slug: string,
  base: { models: SpecModel[]; files: GeneratedFile[] },
  head: { models: SpecModel[]; files: GeneratedFile[] },
): GeneratedEffect {
  const own = (files: GeneratedFile[]) =>
    new Map(files.filter((file) => file.path.startsWith(`${slug}/`)).map((file) => [file.path, file.content]));
  const before = own(base.files);
  const after = own(head.files);
  const rows = (models: SpecModel[]) => mappingLines(models.find((candidate) => candidate.slug === slug));
  return {
    filesAdded: minus([...after.keys()], [...before.keys()]),
    filesRemoved: minus([...before.keys()], [...after.keys()]),
    filesChanged: [...after.keys()].filter((path) => before.has(path) && before.get(path) !== after.get(path)).sort(),
    exportsAdded: minus(exportedNames(head.files, slug), exportedNames(base.files, slug)),
    exportsRemoved: minus(exportedNames(base.files, slug), exportedNames(head.files, slug)),
    mappingAdded: minus(rows(head.models), rows(base.models)),
    mappingRemoved: minus(rows(base.models), rows(head.models)),
    fixturesAdded: minus(fixtureNames(head.files, slug), fixtureNames(base.files, slug)),
    fixturesRemoved: minus(fixtureNames(base.files, slug), fixtureNames(head.files, slug)),
  };
}

/** What the spec change does to the package's face: its exports, as findings of the rule table. */
function exportChanges(slug: string, head: SourceDocument, generated: GeneratedEffect): SpecChange[] {
  return [
    ...generated.exportsRemoved.map((name) =>
      changeAt(slug, "generated-export-removed", head, "", `the package no longer exports \`${name}\``),
    ),
    ...generated.exportsAdded.map((name) =>
      changeAt(slug, "generated-export-added", head, "", `the package now exports \`${name}\``),
    ),
  ];
}

/**
 * The canonical customer's schemas, reviewed like a vendor's operation:
 * `Customer` is what `toRequest` takes (read like a request body), the
 * result and error are what `fromResponse` gives (read like responses).
 */
const CANONICAL_SCHEMAS = [
  { name: "Customer", direction: "request" },
  { name: "CreatedCustomer", direction: "response" },
  { name: "VendorError", direction: "response" },
] as const;

/** The spec changes of one vendor (or of the canonical customer, each finding naming the mappings that read it). */
function specChanges(
  slug: string,
  base: Side,
  head: Side,
  baseModels: SpecModel[],
  headModels: SpecModel[],
): SpecChange[] {
  if (head.model.kind === "vendor") {
    const [before, after] = [baseModels, headModels].map((models) => models.find((model) => model.slug === slug));
    return [...diffOperation(base.source, head.source, slug), ...mappingChanges(slug, head.source, before, after)];
  }
  const changes = diffComponents(base.source, head.source, slug, [...CANONICAL_SCHEMAS]);
  return namingMappings(changes, baseModels, headModels);
}

function acknowledgement(base: Side | undefined, head: Side): string | undefined {
  const info = (head.source.value as { info?: Record<string, unknown> }).info ?? {};
  const stated = info["x-breaking-change-acknowledged"];
  if (typeof stated === "string" && stated.trim() !== "") return `acknowledged in the spec: ${stated}`;
  if (base && major(head.model.version) > major(base.model.version))
    return `major version ${base.model.version} → ${head.model.version}`;
  return undefined;
}

/** Compares the specs of two folders (each like `specs/`). */
export async function review(baseDir: string, headDir: string): Promise<ReviewReport> {
  const baseSides = loadAllWithSources(baseDir, baseDir);
  const headSides = loadAllWithSources(headDir, headDir);
  // Generated here rather than by `generate`: the review needs no fixture sample, so a spec none can be made of is still reviewed.
  const [baseGenerated, headGenerated] = generatedForReview(baseSides, headSides);
  const slugs = [...new Set([...baseSides, ...headSides].map(({ model }) => model.slug))].sort();
  const vendors = slugs.map((slug): VendorReview => {
    const base = baseSides.find(({ model }) => model.slug === slug);
    const head = headSides.find(({ model }) => model.slug === slug);
    const generated = effect(slug, baseGenerated, headGenerated);
    const changes =
      base && head
        ? [
            ...specChanges(slug, base, head, baseGenerated.models, headGenerated.models),
            ...exportChanges(slug, head.source, generated),
          ]
        : [];
    const removed = base !== undefined && head === undefined;
    if (removed && base.model.kind === "vendor")
      changes.push(
        changeAt(slug, "vendor-removed", base.source, "", `the vendor spec ${base.source.file} was removed`),
      );
    const breaking = changes.filter((change) => change.breaking).length;
    const touched = Object.values(generated).some((list) => list.length > 0);
    return {
      vendor: slug,
      file: (head ?? base)?.source.file ?? "",
      status: !base ? "added" : removed ? "removed" : changes.length > 0 || touched ? "changed" : "unchanged",
      baseVersion: base?.model.version,
      headVersion: head?.model.version,
      changes,
      breaking,
      acknowledged: head && breaking > 0 ? acknowledgement(base, head) : undefined,
      generated,
      warnings: [
        ...(baseGenerated.warnings.get(slug) ?? []).map((warning) => `base: ${warning}`),
        ...(headGenerated.warnings.get(slug) ?? []).map((warning) => `head: ${warning}`),
      ],
    };
  });
  return {
    vendors,
    unacknowledged: vendors
      .filter((vendor) => vendor.breaking > 0 && vendor.acknowledged === undefined)
      .reduce((sum, vendor) => sum + vendor.breaking, 0),
  };
}

/** The report as Markdown for a pull-request comment, from `templates/review-report.hbs`. */
export function reviewMarkdown(report: ReviewReport): string {
  const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
  return template({
    unacknowledged: report.unacknowledged,
    unchanged: report.vendors
      .filter((vendor) => vendor.status === "unchanged" && vendor.warnings.length === 0)
      .map((vendor) => vendor.vendor),
    changedVendors: report.vendors
      .filter((vendor) => vendor.status !== "unchanged" || vendor.warnings.length > 0)
      .map((vendor) => ({
        ...vendor,
        changes: vendor.changes.map((change) => ({
          ...change,
          message: cell(change.message),
          removed: change.side === "base",
          class: change.breaking ? "**breaking**" : change.severity,
        })),
        // Exports and mapping rows are findings in the table above; the rest is what the files show.
        generatedLines: (Object.entries(vendor.generated) as [string, string[]][])
          .filter(([key, list]) => list.length > 0 && !/^(exports|mapping)/.test(key))
          .map(
            ([key, list]) =>
              `${key.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`)}: ${list.map((item) => `\`${item}\``).join(", ")}`,
          ),
      })),
  });
}
