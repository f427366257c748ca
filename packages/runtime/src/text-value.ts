/**
 * A leaf of a body read back from text (XML or a form), by the type its
 * shape expects: one module for `./wire` and `./xml`.
 */
import type { BodyShape } from "./wire.js";

/** A value read from text, by the type the shape expects; text that is not one stays text, for the validator to reject. */
export function fromText(text: unknown, shape: BodyShape): unknown {
  if (shape.kind !== "value" || typeof text !== "string") return text;
  if ((shape.type === "integer" || shape.type === "number") && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text.trim()))
    return Number(text);
  if (shape.type === "boolean" && (text === "true" || text === "false")) return text === "true";
  return text;
}
