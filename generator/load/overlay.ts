import { JSONPath } from "jsonpath-plus";
import { joinPointer, splitPointer, valueAt } from "../core/pointer.js";
import { isSchemaObject } from "../core/schema-walk.js";
import type { SourceDocument } from "../core/source.js";
import { SpecError } from "../core/spec-error.js";

/** The overlay beside a vendor's document: `specs/<slug>.overlay.yaml` next to `specs/<slug>.yaml` or `.json`. */
export const overlayPathOf = (specPath: string): string => specPath.replace(/\.(ya?ml|json)$/, ".overlay.yaml");

type Json = Record<string, unknown>;

/** A value the overlay wrote: where it lands in the document and where it is written in the overlay. */
interface Written {
  pointer: string;
  overlayPointer: string;
}

/**
 * Objects merge key by key (recursively); anything else replaces what was
 * there. Records where each value came from.
 */
function merge(target: Json, update: Json, pointer: string, overlayPointer: string, written: Written[]): void {
  for (const [key, value] of Object.entries(update)) {
    const at = `${pointer}${joinPointer([key])}`;
    const from = `${overlayPointer}${joinPointer([key])}`;
    written.push({ pointer: at, overlayPointer: from });
    // Own keys only, and defined rather than assigned: an overlay's `__proto__` is a key like any other,
    // never a prototype.
    const current = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isSchemaObject(current) && isSchemaObject(value)) merge(current, value, at, from, written);
    else
      Object.defineProperty(target, key, {
        value: structuredClone(value),
        writable: true,
        enumerable: true,
        configurable: true,
      });
  }
}

function parentOf(document: unknown, pointer: string): { parent: unknown; key: string } {
  const parts = splitPointer(pointer);
  const key = parts.pop() as string;
  return { parent: valueAt(document, joinPointer(parts)), key };
}

function checkOverlay(overlay: SourceDocument): Json[] {
  const root = overlay.value;
  const fail = (pointer: string, problem: string): never => {
    throw new SpecError(overlay.locate(pointer), problem);
  };
  if (!isSchemaObject(root)) return fail("", "an overlay must be a mapping with `overlay`, `info` and `actions`");
  if (typeof root.overlay !== "string" || !/^1\.0\.\d+$/.test(root.overlay))
    fail(root.overlay === undefined ? "" : "/overlay", "`overlay: 1.0.0` is required (OpenAPI Overlay 1.0)");
  if (!isSchemaObject(root.info) || typeof root.info.title !== "string" || typeof root.info.version !== "string")
    fail(root.info === undefined ? "" : "/info", "`info` with a `title` and a `version` is required");
  if (!Array.isArray(root.actions) || root.actions.length === 0)
    return fail("/actions", "`actions` must be a non-empty list");
  return root.actions.map((action, index) => {
    const at = `/actions/${index}`;
    if (!isSchemaObject(action) || typeof action.target !== "string")
      return fail(at, "an action needs a `target` (a JSONPath expression)");
    if (action.remove !== true && action.update === undefined) fail(at, "an action needs `update` or `remove: true`");
    return action;
  });
}

/**
 * Applies an OpenAPI Overlay 1.0 document to a vendor's document, before
 * anything else reads it: the vendor's file stays as published. Each
 * action's `target` is a JSONPath expression (jsonpath-plus); an action that
 * matches nothing is an error in the overlay. Positions of what the overlay
 * wrote are in the overlay file; everything else is where the vendor wrote it.
 */
export function applyOverlay(source: SourceDocument, overlay: SourceDocument): SourceDocument {
  const document = structuredClone(source.value);
  const written: Written[] = [];
  checkOverlay(overlay).forEach((action, index) => {
    const at = `/actions/${index}`;
    let matches: string[];
    try {
      matches = JSONPath({
        path: action.target as string,
        json: document as object,
        resultType: "pointer",
        wrap: true,
      }) as string[];
    } catch (error) {
      throw new SpecError(
        overlay.locate(`${at}/target`),
        `\`target\` is not a JSONPath expression: ${(error as Error).message}`,
      );
    }
    if (!Array.isArray(matches) || matches.length === 0)
      throw new SpecError(
        overlay.locate(`${at}/target`),
        `\`${String(action.target)}\` matches nothing in ${source.file}`,
      );
    if (action.remove === true) {
      // Last match first, so that removing an array item does not move the items still to be removed.
      for (const pointer of [...matches].reverse()) {
        if (pointer === "")
          throw new SpecError(overlay.locate(`${at}/target`), "`remove` cannot remove the whole document");
        const { parent, key } = parentOf(document, pointer);
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else if (isSchemaObject(parent)) delete parent[key];
      }
      return;
    }
    for (const pointer of matches) {
      const target = valueAt(document, pointer);
      if (Array.isArray(target)) {
        written.push({ pointer: `${pointer}/${target.length}`, overlayPointer: `${at}/update` });
        target.push(structuredClone(action.update));
      } else if (isSchemaObject(target) && isSchemaObject(action.update))
        merge(target, action.update, pointer, `${at}/update`, written);
      else
        throw new SpecError(
          overlay.locate(`${at}/update`),
          `\`update\` must be a mapping to merge into ${pointer || "the document"}`,
        );
    }
  });

  return {
    file: source.file,
    value: document,
    locate(pointer) {
      // The deepest value the overlay wrote that holds `pointer`; the later action where two wrote the same.
      let best: Written | undefined;
      for (const entry of written)
        if (
          (pointer === entry.pointer || pointer.startsWith(`${entry.pointer}/`)) &&
          entry.pointer.length >= (best?.pointer.length ?? 0)
        )
          best = entry;
      if (!best) return source.locate(pointer);
      const position = overlay.locate(best.overlayPointer + pointer.slice(best.pointer.length));
      return { ...position, pointer };
    },
  };
}
