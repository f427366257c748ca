import { statSync } from "node:fs";
import { basename, relative, sep } from "node:path";
import { isSchemaObject } from "../core/schema-walk.js";
import type { SourceDocument } from "../core/source.js";
import { SpecError } from "../core/spec-error.js";
import { checkExtensions } from "./check-extensions.js";
import { checkSchemas } from "./check-schemas.js";
import { resolveStaticDynamicRefs } from "./dynamic-refs.js";
import { checkStructure } from "./check-structure.js";
import { applyOverlay, overlayPathOf } from "./overlay.js";
import { readAsPublished } from "./published.js";
import { readJson } from "./read-json.js";
import { readYaml } from "./read-yaml.js";
import { readFromDisk, resolveRefs, type ReadFile } from "./resolve-refs.js";
import { cutToOperation } from "./select-operation.js";
import { annotateUnknownFormats } from "./unknown-formats.js";
import { upgradeSchemaFromThreeZero, upgradeToThreeOne } from "./upgrade.js";

/**
 * Largest document read. Generation costs what the operation reaches, not the
 * file's size (a 47 MB published document generates in seconds); the limit
 * only keeps a file that is no API document at all from filling memory, and
 * is checked before the file is read.
 */
export const MAX_SPEC_BYTES = 256 * 1024 * 1024;

/** Where the canonical customer is, under the specs folder. */
export const CANONICAL_PLACE = "canonical/customer.yaml";

export type SpecKind = "vendor" | "canonical";

export interface LoadOptions {
  /** Paths in messages and banners are relative to it (the working directory by default). */
  root?: string;
  readFile?: ReadFile;
  /** The package name; the file name without its extension by default. */
  slug?: string;
  /** What the spec is; by default by place: only `canonical/customer.yaml` is the canonical customer. */
  kind?: SpecKind;
  /** Known sound (checked before, unchanged since): the checks that can only find problems are skipped. */
  checked?: boolean;
}

/** A spec read and checked, its `$ref`s resolved: what the model is built from. */
export interface LoadedSpec {
  /**
   * The document as every check saw it (the overlay applied, upgraded to 3.1, cut to its operation),
   * with positions in the files the user wrote.
   */
  source: SourceDocument;
  /** The document with every `$ref` resolved. */
  document: Record<string, unknown>;
  /** The file's path relative to the root, with forward slashes. */
  file: string;
  slug: string;
  kind: SpecKind;
}

/** The slug a spec file gives its package: its name without the extension. */
export const slugOf = (path: string): string => basename(path).replace(/\.(ya?ml|json)$/, "");

const relativeFile = (path: string, root: string | undefined) =>
  relative(root ?? process.cwd(), path)
    .split(sep)
    .join("/");

/** A file's size in bytes, read from the disk without reading the file; undefined when there is no such file. */
function sizeOnDisk(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}

/** A spec file parsed, JSON or YAML by its extension, with positions; undefined when there is no such file. */
function readSource(path: string, root: string | undefined, readFile: ReadFile): SourceDocument | undefined {
  const file = relativeFile(path, root);
  const tooLarge = (bytes: number) =>
    new SpecError(
      { file, line: 1, column: 1, pointer: "" },
      `the file is ${(bytes / 1024 / 1024).toFixed(1)} MB; documents are limited to ${MAX_SPEC_BYTES / 1024 / 1024} MB`,
    );
  const size = readFile === readFromDisk ? sizeOnDisk(path) : undefined;
  if (size !== undefined && size > MAX_SPEC_BYTES) throw tooLarge(size);
  const text = readFile(path);
  if (text === undefined) return undefined;
  if (size === undefined && Buffer.byteLength(text) > MAX_SPEC_BYTES) throw tooLarge(Buffer.byteLength(text));
  return path.endsWith(".json") ? readJson(file, text) : readYaml(file, text);
}

/**
 * read → overlay → upgrade → cut → check (structure, our extensions, schemas) → resolve, for one spec file. Every
 * problem is a `SpecError` naming file, line, column and JSON pointer.
 */
export function loadDocument(path: string, options: LoadOptions = {}): LoadedSpec {
  const readFile = options.readFile ?? readFromDisk;
  const file = relativeFile(path, options.root);
  const published = readSource(path, options.root, readFile);
  if (!published) throw new SpecError({ file, line: 1, column: 1, pointer: "" }, "cannot read the file");
  const overlay = readSource(overlayPathOf(path), options.root, readFile);
  const applied = overlay ? applyOverlay(published, overlay) : published;
  const upgraded = upgradeToThreeOne(applied);
  const source: SourceDocument = isSchemaObject(upgraded.value)
    ? { ...upgraded, value: cutToOperation(upgraded, upgraded.value) }
    : upgraded;
  // A vendor's document as published: upgraded from 3.0 or 2.0, or (3.1 too) read with an overlay beside it.
  const asPublished = upgraded !== applied || overlay !== undefined;
  if (asPublished && isSchemaObject(source.value)) readAsPublished(source.value);
  annotateUnknownFormats(source.value);
  resolveStaticDynamicRefs(source.value);
  if (!options.checked) {
    checkStructure(source, { published: asPublished });
    checkExtensions(source);
    checkSchemas(source, { published: asPublished });
  }
  const document = resolveRefs(source, path, readFile, upgraded !== applied ? upgradeSchemaFromThreeZero : undefined);
  const kind = options.kind ?? (path.split(sep).join("/").endsWith(CANONICAL_PLACE) ? "canonical" : "vendor");
  return { source, document, file, slug: options.slug ?? slugOf(path), kind };
}
