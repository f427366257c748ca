/**
 * What the packages are called, as the config file says (scope and names),
 * applied in one place to the files the emitters made. Which kinds of output
 * are made is the registry's (generator/emit/registry.ts, `selectOutputs`).
 */
import type { GeneratedFile } from "./emit/package.js";
import { SCOPE } from "./emit/package-json.js";

export interface OutputOptions {
  /** The names of the output kinds to make (default: all). */
  outputs?: readonly string[];
  /** The npm scope of the packages, `@name` (default `@customer-adapters`). */
  scope?: string;
  /** Package names (without the scope) by spec slug. */
  names?: Readonly<Record<string, string>>;
}

/** The files with the packages named as `options` says. */
export function applyOutputOptions(files: GeneratedFile[], options: OutputOptions): GeneratedFile[] {
  const { scope = SCOPE, names = {} } = options;
  if (scope === SCOPE && Object.keys(names).length === 0) return files;
  // Every mention of a package (its manifest, imports between packages, READMEs) names it the same way.
  const packageName = new RegExp(`${SCOPE}/([a-z0-9][a-z0-9-]*)(?![a-z0-9-])`, "g");
  // The runtime takes the scope too: in a user's repository it is a package of the output folder like the others.
  const rename = (slug: string) => `${scope}/${slug === "runtime" ? slug : (names[slug] ?? slug)}`;
  return files.map((file) => ({
    ...file,
    content: file.content.replace(packageName, (_, slug: string) => rename(slug)),
  }));
}
