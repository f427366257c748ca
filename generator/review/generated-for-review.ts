/**
 * The generated packages the review compares, emitted from specs already
 * loaded. Fixture samples are the one output a sound spec can fail to give
 * (a schema no generated value satisfies); the review never depends on
 * them: such a package is compared without the kinds that need samples, and
 * a warning says so. Nothing is formatted: the review compares what the
 * files say, and two versions emitted alike compare alike.
 */
import type { SourceDocument } from "../core/source.js";
import { SpecError } from "../core/spec-error.js";
import type { OutputKind } from "../emit/output-kind.js";
import { emitPackage, type GeneratedFile } from "../emit/package.js";
import { OUTPUT_KINDS } from "../emit/registry.js";
import { takeSampleProblems } from "../model/fixtures.js";
import type { SpecModel } from "../model/model.js";

export interface ReviewedPackages {
  models: SpecModel[];
  files: GeneratedFile[];
  /** By slug: what could not be emitted, one positioned line each. */
  warnings: ReadonlyMap<string, string[]>;
}

/** The kinds that make samples (`fixtures`) and every kind that requires one of those. */
function sampleKinds(): Set<string> {
  const found = new Set(["fixtures"]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const kind of OUTPUT_KINDS)
      if (!found.has(kind.name) && (kind.requires ?? []).some((name) => found.has(name))) {
        found.add(kind.name);
        grown = true;
      }
  }
  return found;
}

type Sides = { model: SpecModel; source: SourceDocument }[];

/** The packages of one specs folder; those in `withoutSamples` (and any whose samples fail) without the sample kinds. */
function emitted(sides: Sides, withoutSamples: ReadonlySet<string>): ReviewedPackages {
  const needSamples = sampleKinds();
  const sampleless: OutputKind[] = OUTPUT_KINDS.filter((kind) => !needSamples.has(kind.name));
  const warnings = new Map<string, string[]>();
  const reviewed: ReviewedPackages = { models: [], files: [], warnings };
  let canonical: SpecModel | undefined;
  for (const { model, source } of sides) {
    if (model.kind === "canonical") canonical = model;
    reviewed.models.push(model);
    if (withoutSamples.has(model.slug)) {
      reviewed.files.push(...emitPackage(model, canonical, sampleless));
      continue;
    }
    const files = emitPackage(model, canonical);
    const [problem] = takeSampleProblems(model);
    if (problem === undefined) {
      reviewed.files.push(...files);
      continue;
    }
    const { message } = new SpecError(source.locate(problem.pointer), problem.message);
    warnings.set(model.slug, [`${message} (reviewed without its ${[...needSamples].join(", ")})`]);
    reviewed.files.push(...emitPackage(model, canonical, sampleless));
  }
  return reviewed;
}

/**
 * The base's and the head's packages. A package whose samples fail on one
 * side is emitted without the sample kinds on both, so that what the
 * review compares differs only by the change (its fixtures are not
 * reported as removed exports).
 */
export function generatedForReview(base: Sides, head: Sides): [ReviewedPackages, ReviewedPackages] {
  const first: [ReviewedPackages, ReviewedPackages] = [emitted(base, new Set()), emitted(head, new Set())];
  const failed = new Set(first.flatMap((side) => [...side.warnings.keys()]));
  if (failed.size === 0) return first;
  // The warnings say why; the second pass, told which, has none of its own.
  return [
    { ...emitted(base, failed), warnings: first[0].warnings },
    { ...emitted(head, failed), warnings: first[1].warnings },
  ];
}
