import deepEqual from "fast-deep-equal";
const equal = deepEqual;
export {
  equal
};
//# sourceMappingURL=equal.js.map
