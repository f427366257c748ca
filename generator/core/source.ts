import type { SpecPosition } from "./spec-error.js";

/** A parsed spec file that still knows where each of its values came from. */
export interface SourceDocument {
  file: string;
  value: unknown;
  /** Position of the value at `pointer`, or of its nearest ancestor that exists. */
  locate(pointer: string): SpecPosition;
}
