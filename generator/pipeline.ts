import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { CANONICAL_PLACE, slugOf } from "./load/load-spec.js";
import { loadSpecWithSource } from "./spec.js";
import type { SourceDocument } from "./core/source.js";
import { SpecError, SpecErrors } from "./core/spec-error.js";
import { checkMapping } from "./model/check-mapping.js";
import { takeSampleProblems } from "./model/fixtures.js";
import { warning } from "./model/check-model.js";
import type { SpecModel } from "./model/model.js";
import { emitPackage, type GeneratedFile } from "./emit/package.js";
import { emitAggregate } from "./emit/aggregate.js";

export { AGGREGATE_SLUG } from "./emit/aggregate.js";
import { selectOutputs } from "./emit/registry.js";
import { applyOutputOptions, type OutputOptions } from "./outputs.js";
import { Formatter } from "./write/format.js";
import { JsLayout } from "./write/layout-js.js";

export const CANONICAL_SPEC = CANONICAL_PLACE;

/**
 * The specs in a folder, in a fixed order: the canonical customer, then every
 * `*.yaml` and `*.json` at the top (vendors; `<slug>.overlay.yaml` is read
 * with its document, not on its own).
 */
export function findSpecs(specsDir: string): { path: string; slug: string }[] {
  const vendors = readdirSync(specsDir)
    .filter((name) => /\.(ya?ml|json)$/.test(name) && !name.endsWith(".overlay.yaml"))
    .sort()
    .map((name) => ({ path: join(specsDir, name), slug: slugOf(name) }));
  const canonical = join(specsDir, CANONICAL_SPEC);
  return [...(existsSync(canonical) ? [{ path: canonical, slug: "canonical" }] : []), ...vendors];
}

/** load → model for every spec; all files' errors are collected before failing. */
export function loadAll(specsDir: string, root: string): SpecModel[] {
  return loadAllWithSources(specsDir, root).map(({ model }) => model);
}

/**
 * The specs one by one, canonical customer first, each loaded and its
 * mapping checked against the canonical customer as soon as it is read.
 * Problems go to `errors` rather than being thrown, so that every file's
 * problems can be reported together; a spec with problems is not yielded.
 */
function* eachSpec(
  specsDir: string,
  root: string,
  errors: SpecError[],
  only?: ReadonlySet<string>,
  sound?: ReadonlySet<string>,
): Generator<{ model: SpecModel; source: SourceDocument }> {
  let canonical: SpecModel | undefined;
  for (const { path, slug } of findSpecs(specsDir).filter(
    (spec) => !only || spec.slug === "canonical" || only.has(spec.slug),
  )) {
    let loaded: { model: SpecModel; source: SourceDocument };
    try {
      loaded = loadSpecWithSource(path, { root, slug, checked: sound?.has(slug) === true });
    } catch (error) {
      if (error instanceof SpecErrors) errors.push(...error.errors);
      else if (error instanceof SpecError) errors.push(error);
      else throw error;
      continue;
    }
    const { model } = loaded;
    if (model.kind === "canonical") canonical = model;
    if (sound?.has(slug)) {
      yield loaded;
      continue;
    }
    // Mappings join two specs; the canonical customer comes first (findSpecs), so it is there to check against.
    const problems = !model.mapping
      ? []
      : canonical
        ? checkMapping(model, canonical)
        : [
            new SpecError(
              model.mapping.at,
              `\`x-mapping\` maps from the canonical customer, but ${CANONICAL_SPEC} is missing`,
            ),
          ];
    errors.push(...problems);
    if (problems.length === 0) yield loaded;
  }
}

/**
 * `loadAll`, keeping each spec's parsed source for tools that report their
 * own positions. With `only`, just those vendors (and the canonical customer,
 * which every mapping is checked against) are loaded.
 */
export function loadAllWithSources(
  specsDir: string,
  root: string,
  only?: ReadonlySet<string>,
): { model: SpecModel; source: SourceDocument }[] {
  const errors: SpecError[] = [];
  const loaded = [...eachSpec(specsDir, root, errors, only)];
  if (errors.length > 0) throw new SpecErrors(errors);
  return loaded;
}

/** Runs an emit step; a sample the fixtures could not make (a schema no value satisfies) becomes a positioned warning of the model. */
export function withSampleWarnings<T>(source: SourceDocument, model: SpecModel, emit: () => T): T {
  const result = emit();
  for (const problem of takeSampleProblems(model))
    model.warnings.push(warning(source, problem.pointer, problem.message));
  return result;
}

export interface GenerateOptions extends OutputOptions {
  /** Format the code with Biome (default true). */
  format?: boolean;
  /**
   * Specs known sound, not among `only` (the cache: unchanged since a run that checked them with this very
   * generator): read for the aggregate and the mappings without their checks, which would find nothing.
   */
  sound?: ReadonlySet<string>;
  /** Told as each package is done (emitted and formatted), with the milliseconds it took. */
  onPackage?: (slug: string, milliseconds: number) => void;
}

/**
 * The whole generated tree, formatted, as files relative to `generated/`; with
 * `only`, the files of just those packages. Each package is emitted as soon
 * as its spec has loaded and handed to the formatter, so that loading,
 * emitting and formatting overlap; nothing is returned (or written) unless
 * every spec is sound.
 */
export async function generate(
  specsDir: string,
  root: string,
  only?: ReadonlySet<string>,
  options: GenerateOptions = {},
): Promise<{ models: SpecModel[]; files: GeneratedFile[] }> {
  // Starts its worker (Biome) only for the first file that needs formatting: the emitters lay out the rest.
  const formatter = options.format === false ? undefined : new Formatter();
  const jsLayout = new JsLayout();
  const kinds = selectOutputs(options.outputs);
  try {
    const errors: SpecError[] = [];
    const models: SpecModel[] = [];
    const packages: Promise<GeneratedFile[]>[] = [];
    let canonical: SpecModel | undefined;
    // The aggregate package reads every vendor, so with it every spec is loaded, also with `only`.
    const aggregate = kinds.some((kind) => kind.name === "mapper");
    const all: SpecModel[] = [];
    const sound = only && options.sound ? new Set([...options.sound].filter((slug) => !only.has(slug))) : undefined;
    for (const { model, source } of eachSpec(specsDir, root, errors, aggregate ? undefined : only, sound)) {
      all.push(model);
      if (model.kind === "canonical") canonical = model;
      // Once a spec has failed nothing will be written: the rest are only checked.
      if (errors.length > 0 || (only && !only.has(model.slug))) continue;
      const started = performance.now();
      let files: GeneratedFile[];
      try {
        files = withSampleWarnings(source, model, () => emitPackage(model, canonical, kinds));
      } catch (error) {
        if (!(error instanceof SpecError)) throw error;
        errors.push(error);
        continue;
      }
      models.push(model);
      const selected = applyOutputOptions(files, options);
      const laidOut = jsLayout.layout(selected);
      const done = formatter ? laidOut.then((files) => formatter.format(files)) : laidOut;
      // Told in the order the packages were emitted, whichever finished its layout first.
      const told = Promise.all([done, packages.at(-1)]).then(([formatted]) => {
        options.onPackage?.(model.slug, performance.now() - started);
        return formatted;
      });
      packages.push(told);
      // Let the worker take this package before the next one is emitted.
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (errors.length > 0) {
      // The packages already being formatted are dropped; their outcome no longer matters.
      void Promise.allSettled(packages);
      throw new SpecErrors(errors);
    }
    if (aggregate) {
      const files = applyOutputOptions(emitAggregate(all, canonical), options);
      packages.push(formatter ? formatter.format(files) : Promise.resolve(files));
    }
    const files = (await Promise.all(packages)).flat();
    return { models, files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
  } finally {
    await formatter?.close();
  }
}
