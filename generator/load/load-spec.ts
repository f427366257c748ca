import { basename, relative, sep } from "node:path";
import { buildModel } from "../model/build-model.js";
import { checkModel } from "../model/check-model.js";
import type { SpecModel } from "../model/model.js";
import { isSchemaObject } from "../model/schema-walk.js";
import { cutToOperation } from "../model/select-operation.js";
import { checkSchemas } from "./check-schemas.js";
import { checkStructure } from "./check-structure.js";
import { applyOverlay, overlayPathOf } from "./overlay.js";
import { readJson } from "./read-json.js";
import { readYaml, type SourceDocument } from "./read-yaml.js";
import { readFromDisk, resolveRefs, type ReadFile } from "./resolve-refs.js";
import { SpecError } from "./spec-error.js";
import { annotateUnknownFormats } from "./unknown-formats.js";
import { upgradeToThreeOne } from "./upgrade.js";

/** Largest spec file read; a bigger one is almost certainly not a hand-written spec. */
export const MAX_SPEC_BYTES = 5 * 1024 * 1024;

/**
 * load → check → resolve → model, for one spec file. Every problem is a
 * `SpecError` naming file, line, column and JSON pointer.
 */
export function loadSpec(path: string, options: LoadOptions = {}): SpecModel {
  return loadSpecWithSource(path, options).model;
}

export interface LoadOptions {
  root?: string;
  readFile?: ReadFile;
  slug?: string;
  /** What the spec is; by default by place: only `canonical/customer.yaml` is the canonical customer. */
  kind?: SpecModel["kind"];
}

/** The slug a spec file gives its package: its name without the extension. */
export const slugOf = (path: string): string => basename(path).replace(/\.(ya?ml|json)$/, "");

/** A spec file parsed, JSON or YAML by its extension, with positions. */
function readSource(path: string, root: string | undefined, readFile: ReadFile): SourceDocument | undefined {
  const file = relative(root ?? process.cwd(), path).split(sep).join("/");
  const text = readFile(path);
  if (text === undefined) return undefined;
  if (Buffer.byteLength(text) > MAX_SPEC_BYTES)
    throw new SpecError(
      { file, line: 1, column: 1, pointer: "" },
      `the file is ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MB; specs are limited to ${MAX_SPEC_BYTES / 1024 / 1024} MB`,
    );
  return path.endsWith(".json") ? readJson(file, text) : readYaml(file, text);
}

/**
 * `loadSpec`, also giving the source as every check saw it (the overlay
 * applied, upgraded to 3.1, cut to its operation; positions in the files the
 * user wrote), for tools that report positions of their own (lint, review).
 */
export function loadSpecWithSource(path: string, options: LoadOptions = {}): { model: SpecModel; source: SourceDocument } {
  const readFile = options.readFile ?? readFromDisk;
  const published = readSource(path, options.root, readFile);
  if (!published) throw new SpecError({ file: relative(options.root ?? process.cwd(), path), line: 1, column: 1, pointer: "" }, "cannot read the file");
  const overlay = readSource(overlayPathOf(path), options.root, readFile);
  const applied = overlay ? applyOverlay(published, overlay) : published;
  const upgraded = upgradeToThreeOne(applied);
  const source: SourceDocument = isSchemaObject(upgraded.value) ? { ...upgraded, value: cutToOperation(upgraded, upgraded.value) } : upgraded;
  annotateUnknownFormats(source.value);
  checkStructure(source, { published: upgraded !== applied });
  checkSchemas(source);
  const document = resolveRefs(source, path, readFile);
  const kind = options.kind ?? (path.split(sep).join("/").endsWith(CANONICAL_PLACE) ? "canonical" : "vendor");
  const model = buildModel(source, document, published.file, options.slug ?? slugOf(path), kind);
  checkModel(source, model);
  return { model, source };
}

/** Where the canonical customer is, under the specs folder. */
export const CANONICAL_PLACE = "canonical/customer.yaml";
