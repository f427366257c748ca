import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { loadSpecWithSource } from "./load/load-spec.js";
import type { SourceDocument } from "./load/read-yaml.js";
import { SpecError, SpecErrors } from "./load/spec-error.js";
import { checkMapping } from "./model/check-mapping.js";
import type { SpecModel } from "./model/model.js";
import { emitPackage, type GeneratedFile } from "./emit/package.js";
import { Formatter } from "./write/format.js";

export const CANONICAL_SPEC = "canonical/customer.yaml";

/** The specs in a folder: every `*.yaml` at the top (vendors) plus the canonical customer, in a fixed order. */
export function findSpecs(specsDir: string): { path: string; slug: string }[] {
  const vendors = readdirSync(specsDir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ path: join(specsDir, name), slug: name.replace(/\.ya?ml$/, "") }));
  const canonical = join(specsDir, CANONICAL_SPEC);
  return [...(existsSync(canonical) ? [{ path: canonical, slug: "canonical" }] : []), ...vendors];
}

/** load → model for every spec; all files' errors are collected before failing. */
export function loadAll(specsDir: string, root: string): SpecModel[] {
  return loadAllWithSources(specsDir, root).map(({ model }) => model);
}

/**
 * `loadAll`, keeping each spec's parsed source for tools that report their
 * own positions. With `only`, just those vendors (and the canonical customer,
 * which every mapping is checked against) are loaded.
 */
export function loadAllWithSources(specsDir: string, root: string, only?: ReadonlySet<string>): { model: SpecModel; source: SourceDocument }[] {
  const loaded: { model: SpecModel; source: SourceDocument }[] = [];
  const errors: SpecError[] = [];
  for (const { path, slug } of findSpecs(specsDir).filter((spec) => !only || spec.slug === "canonical" || only.has(spec.slug))) {
    try {
      loaded.push(loadSpecWithSource(path, { root, slug }));
    } catch (error) {
      if (error instanceof SpecErrors) errors.push(...error.errors);
      else if (error instanceof SpecError) errors.push(error);
      else throw error;
    }
  }
  const models = loaded.map(({ model }) => model);
  // Mappings join two specs, so they are checked once both have loaded.
  const canonical = models.find((model) => model.kind === "canonical");
  for (const model of models)
    if (model.mapping) {
      if (canonical) errors.push(...checkMapping(model, canonical));
      else errors.push(new SpecError(model.mapping.at, `\`x-mapping\` maps from the canonical customer, but ${CANONICAL_SPEC} is missing`));
    }
  if (errors.length > 0) throw new SpecErrors(errors);
  return loaded;
}

/**
 * The whole generated tree, formatted, as files relative to `generated/`; with
 * `only`, the files of just those packages.
 */
export async function generate(specsDir: string, root: string, only?: ReadonlySet<string>): Promise<{ models: SpecModel[]; files: GeneratedFile[] }> {
  // Started first, so that the workers load prettier while the specs load.
  const formatter = new Formatter();
  try {
    const loaded = loadAllWithSources(specsDir, root, only).map(({ model }) => model);
    const canonical = loaded.find((model) => model.kind === "canonical");
    const models = only ? loaded.filter((model) => only.has(model.slug)) : loaded;
    const packages: Promise<GeneratedFile[]>[] = [];
    for (const model of models) {
      packages.push(formatter.format(emitPackage(model, canonical)));
      // Let the worker take this package before the next one is emitted.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const files = (await Promise.all(packages)).flat();
    return { models, files: files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) };
  } finally {
    await formatter.close();
  }
}
