import { basename, relative, sep } from "node:path";
import type { SourceDocument } from "../core/source.js";
import { SpecError } from "../core/spec-error.js";
import { checkSchemas } from "./check-schemas.js";
import { checkStructure } from "./check-structure.js";
import { readYaml } from "./read-yaml.js";
import { readFromDisk, resolveRefs, type ReadFile } from "./resolve-refs.js";

/** Largest spec file read; a bigger one is almost certainly not a hand-written spec. */
export const MAX_SPEC_BYTES = 5 * 1024 * 1024;

export interface LoadOptions {
  /** Paths in messages and banners are relative to it (the working directory by default). */
  root?: string;
  readFile?: ReadFile;
  /** The package name; the file name without its extension by default. */
  slug?: string;
}

/** A spec read and checked, its `$ref`s resolved: what the model is built from. */
export interface LoadedSpec {
  /** The file as written, with positions. */
  source: SourceDocument;
  /** The document with every `$ref` resolved. */
  document: Record<string, unknown>;
  /** The file's path relative to the root, with forward slashes. */
  file: string;
  slug: string;
}

/**
 * read → check → resolve, for one spec file. Every problem is a `SpecError`
 * naming file, line, column and JSON pointer.
 */
export function loadDocument(path: string, options: LoadOptions = {}): LoadedSpec {
  const readFile = options.readFile ?? readFromDisk;
  const file = relative(options.root ?? process.cwd(), path).split(sep).join("/");
  const text = readFile(path);
  if (text === undefined) throw new SpecError({ file, line: 1, column: 1, pointer: "" }, "cannot read the file");
  if (Buffer.byteLength(text) > MAX_SPEC_BYTES)
    throw new SpecError(
      { file, line: 1, column: 1, pointer: "" },
      `the file is ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB; specs are limited to ${MAX_SPEC_BYTES / 1024 / 1024} MB`,
    );
  const source = readYaml(file, text);
  checkStructure(source);
  checkSchemas(source);
  const document = resolveRefs(source, path, readFile);
  return { source, document, file, slug: options.slug ?? basename(path).replace(/\.ya?ml$/, "") };
}
