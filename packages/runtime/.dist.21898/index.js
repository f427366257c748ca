export * from "./client.js";
export * from "./mapping.js";
export * from "./mock.js";
export * from "./redact.js";
export * from "./standard-schema.js";
export * from "./validation.js";
export * from "./wire.js";
//# sourceMappingURL=index.js.map
