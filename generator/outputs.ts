/**
 * What the config file chooses about the generated tree, applied in one place
 * to the files the emitters made: which kinds of output are kept, and what
 * the packages are called. Until the emitters are chosen per kind
 * (generator/emit/), a package without some kinds keeps an index that still
 * names them.
 */
import type { OutputKind } from "./config.js";
import type { GeneratedFile } from "./emit/package.js";
import { SCOPE } from "./emit/package-json.js";

/** Each kind of output, by the paths of its files inside a package; any other file is part of every package. */
const KIND_FILES: Record<OutputKind, RegExp> = {
  types: /^src\/types\.ts$/,
  validators: /^src\/(validators\.compiled\.(js|d\.ts)|guards\.ts|validators\.ts)$/,
  mapping: /^src\/mapping\.ts$/,
  mock: /^src\/mock\.ts$/,
  fixtures: /^(src\/fixtures\.ts|fixtures\/.*)$/,
  readme: /^README\.md$/,
};

export const OUTPUT_KINDS = Object.keys(KIND_FILES) as OutputKind[];

export interface OutputOptions {
  /** The kinds to make (default: all). */
  outputs?: readonly OutputKind[];
  /** The npm scope of the packages, `@name` (default `@customer-adapters`). */
  scope?: string;
  /** Package names (without the scope) by spec slug. */
  names?: Readonly<Record<string, string>>;
}

/** The kind of output of a file (path relative to the output folder); undefined for the package's own files. */
export function outputKind(path: string): OutputKind | undefined {
  const inPackage = path.slice(path.indexOf("/") + 1);
  return OUTPUT_KINDS.find((kind) => KIND_FILES[kind].test(inPackage));
}

/** The files `options` asks for, with the packages named as it says. */
export function applyOutputOptions(files: GeneratedFile[], options: OutputOptions): GeneratedFile[] {
  const { outputs, scope = SCOPE, names = {} } = options;
  const kept = outputs
    ? files.filter((file) => {
        const kind = outputKind(file.path);
        return !kind || outputs.includes(kind);
      })
    : files;
  if (scope === SCOPE && Object.keys(names).length === 0) return kept;
  // Every mention of a package (its manifest, imports between packages, READMEs) names it the same way.
  const packageName = new RegExp(`${SCOPE}/([a-z0-9][a-z0-9-]*)(?![a-z0-9-])`, "g");
  return kept.map((file) => ({
    ...file,
    content: file.content.replace(packageName, (_, slug: string) => `${scope}/${names[slug] ?? slug}`),
  }));
}
