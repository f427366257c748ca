/**
 * One spec file through the first two steps of the pipeline: load (read,
 * check, resolve) then model (build, check). The one place that joins them,
 * so that load/ never imports the model and the model never imports a loader.
 */
import type { SourceDocument } from "./core/source.js";
import { loadDocument, type LoadOptions } from "./load/load-spec.js";
import { buildModel } from "./model/build-model.js";
import { checkModel } from "./model/check-model.js";
import type { SpecModel } from "./model/model.js";

/** `loadSpec`, also giving the parsed source, for tools that report positions of their own (lint, review). */
export function loadSpecWithSource(
  path: string,
  options: LoadOptions = {},
): { model: SpecModel; source: SourceDocument } {
  const { source, document, file, slug, kind } = loadDocument(path, options);
  const model = buildModel(source, document, file, slug, kind);
  if (!options.checked) checkModel(source, model);
  return { model, source };
}

/** The model of one spec file. Every problem is a `SpecError` naming file, line, column and JSON pointer. */
export function loadSpec(path: string, options: LoadOptions = {}): SpecModel {
  return loadSpecWithSource(path, options).model;
}
