/**
 * Runs a vendor's mapping plan (its spec's `x-mapping`, checked at generate
 * time and emitted as data) in both directions: a canonical customer to the
 * vendor's request, and the vendor's response to a canonical result.
 *
 * Nothing is lost silently: a value that does not fit the vendor is a
 * `MappingError` naming the canonical field, the vendor field and the rule;
 * values are never truncated or dropped. Errors name fields, never values, so
 * that credentials and personal data stay out of logs.
 */
export { buildRequest } from "./build-request.js";
export * from "./plan.js";
export { readPointer, scopedPointer, writePointer } from "./pointer.js";
export * from "./read-response.js";
