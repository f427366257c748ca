import type { SpecModel } from "../model/model.js";
import { banner } from "./banner.js";
import { emitMainEntry } from "./main-entry.js";
import type { OutputKind, PackageFile } from "./output-kind.js";
import { dependenciesOf, emitPackageJson, emitTsconfig } from "./package-json.js";
import { emitReadme } from "./readme.js";
import { OUTPUT_KINDS } from "./registry.js";

/** One file of a generated package, path relative to `generated/`. */
export interface GeneratedFile {
  path: string;
  content: string;
  /** Already in its final layout (as emitted, or laid out by the emitter): the formatter skips it. */
  verbatim?: boolean;
  /** Plain JavaScript whose statements the write stage lays out (write/layout-js.ts, esbuild) before it is written. */
  layout?: "js";
}

/** Code files start with the banner naming the spec; JSON data carries it as `$comment` itself. */
const withBanner = (model: SpecModel, file: PackageFile): PackageFile =>
  /\.(ts|js)$/.test(file.path) ? { ...file, content: banner(model, "js") + file.content } : file;

/**
 * Every file of one package: the files of each output kind that applies to
 * it (all of the registry's, or those chosen), then the files that describe
 * the package as a whole, which read the kinds as data. Each emitter reads
 * the model; none reads YAML.
 */
export function emitPackage(
  model: SpecModel,
  canonical?: SpecModel,
  kinds: readonly OutputKind[] = OUTPUT_KINDS,
): GeneratedFile[] {
  const applied = kinds.filter((kind) => kind.appliesTo(model));
  const own = applied.flatMap((kind) => kind.files({ model, canonical }));
  const index: PackageFile = { path: "src/index.ts", content: emitMainEntry(model, applied), verbatim: true };
  const code = [...own, index].filter((file) => /\.(ts|js)$/.test(file.path)).map((file) => file.content);
  const files: PackageFile[] = [
    { path: "package.json", content: emitPackageJson(model, applied, dependenciesOf(code, canonical)), verbatim: true },
    { path: "tsconfig.json", content: emitTsconfig(), verbatim: true },
    { path: "README.md", content: emitReadme(model, applied, canonical) },
    ...[...own, index].map((file) => withBanner(model, file)),
  ];
  return files.map((file) => ({ ...file, path: `${model.slug}/${file.path}` }));
}
