/**
 * Everything a generated package runs, in one import. Generated packages
 * import the subpaths instead (`./validation`, `./mapping`, `./client`,
 * `./mock`), so that validating loads no mapping, XML or client code.
 */
export type * from "./adapter.js";
export * from "./client.js";
export * from "./mapping.js";
export * from "./mock.js";
export * from "./redact.js";
export * from "./standard-schema.js";
export * from "./validation.js";
export * from "./wire.js";
export * from "./xml.js";
