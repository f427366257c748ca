import { buildRequest } from "./build-request.js";
export * from "./plan.js";
import { readPointer, scopedPointer, writePointer } from "./pointer.js";
export * from "./read-response.js";
export {
  buildRequest,
  readPointer,
  scopedPointer,
  writePointer
};
//# sourceMappingURL=mapping.js.map
