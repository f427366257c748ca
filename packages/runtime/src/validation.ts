/**
 * Validation results shared by every generated package
 * (`@customer-adapters/runtime/validation`). Generated code imports the
 * narrower subpaths (`./checks`, `./formats`, `./format-set`, `./equal`),
 * so that it loads only what it calls.
 */

export * from "./checks.js";
export { formats, isIri, isIriReference, isUri } from "./format-set.js";
export { EMAIL, IDN_EMAIL, isDate, isDateTime, isInt32, UUID } from "./formats.js";
// In a module of its own: a bundle that never compares values leaves fast-deep-equal out.
export { equal } from "./equal.js";
export { errorPointer } from "./pointer.js";
