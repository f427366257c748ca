/**
 * What the packages are called, as the config file says (scope and names),
 * where they live (the output folder, as the package READMEs name it) and
 * the command that regenerates them (as every banner names it), applied in
 * one place to the files the emitters made. Which kinds of output
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
  /** The output folder, relative to the repository's root, as the READMEs' workspace lines name it (default `generated`). */
  folder?: string;
  /** The command that regenerates the packages in the repository, as the banners name it (default `npm run generate`). */
  command?: string;
}

/** What the emitters write, before the options apply (templates/banner.hbs, templates/package-readme.hbs). */
const DEFAULT_COMMAND = "`npm run generate`";
const DEFAULT_FOLDER = /(\["|--workspace )generated\//g;

/** The files with the packages named as `options` says. */
export function applyOutputOptions(files: GeneratedFile[], options: OutputOptions): GeneratedFile[] {
  const { scope = SCOPE, names = {}, folder, command } = options;
  const placed = folder === undefined && command === undefined ? files : files.map((file) => placeFile(file, options));
  if (scope === SCOPE && Object.keys(names).length === 0) return placed;
  // Every mention of a package (its manifest, imports between packages, READMEs) names it the same way.
  const packageName = new RegExp(`${SCOPE}/([a-z0-9][a-z0-9-]*)(?![a-z0-9-])`, "g");
  // The runtime takes the scope too: in a user's repository it is a package of the output folder like the others.
  const rename = (slug: string) => `${scope}/${slug === "runtime" ? slug : (names[slug] ?? slug)}`;
  return placed.map((file) => ({
    ...file,
    content: file.content.replace(packageName, (_, slug: string) => rename(slug)),
  }));
}

/** A file with the banner's command and the README's workspace folder as `options` say. */
function placeFile(file: GeneratedFile, { folder, command }: OutputOptions): GeneratedFile {
  let content = command === undefined ? file.content : file.content.replaceAll(DEFAULT_COMMAND, `\`${command}\``);
  if (folder !== undefined && file.path.endsWith("/README.md"))
    content = content.replace(DEFAULT_FOLDER, (_, lead: string) => `${lead}${folder}/`);
  return { ...file, content };
}
