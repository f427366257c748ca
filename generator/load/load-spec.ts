import { basename, relative, sep } from "node:path";
import { buildModel } from "../model/build-model.js";
import { checkModel } from "../model/check-model.js";
import type { SpecModel } from "../model/model.js";
import { checkSchemas } from "./check-schemas.js";
import { checkStructure } from "./check-structure.js";
import { readYaml, type SourceDocument } from "./read-yaml.js";
import { readFromDisk, resolveRefs, type ReadFile } from "./resolve-refs.js";
import { SpecError } from "./spec-error.js";

/** Largest spec file read; a bigger one is almost certainly not a hand-written spec. */
export const MAX_SPEC_BYTES = 5 * 1024 * 1024;

/**
 * load → check → resolve → model, for one spec file. Every problem is a
 * `SpecError` naming file, line, column and JSON pointer.
 */
export function loadSpec(path: string, options: { root?: string; readFile?: ReadFile; slug?: string } = {}): SpecModel {
  return loadSpecWithSource(path, options).model;
}

/** `loadSpec`, also giving the parsed source, for tools that report positions of their own (lint, review). */
export function loadSpecWithSource(path: string, options: { root?: string; readFile?: ReadFile; slug?: string } = {}): { model: SpecModel; source: SourceDocument } {
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
  const model = buildModel(source, document, file, options.slug ?? basename(path).replace(/\.ya?ml$/, ""));
  checkModel(source, model);
  return { model, source };
}
