import deepEqual from "fast-deep-equal";

/**
 * Deep equality of JSON values, for `enum`, `const` and `uniqueItems` over
 * objects and arrays: the function ajv's compiled code calls (its own
 * runtime re-exports fast-deep-equal as a CommonJS default, which Node and
 * bundlers import differently).
 */
export const equal: (a: unknown, b: unknown) => boolean = deepEqual;
