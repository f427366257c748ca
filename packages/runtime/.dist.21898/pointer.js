const hasOwn = (object, key) => Object.hasOwn(object, key);
const isRecord = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
const isIndex = (key) => key !== void 0 && /^\d+$/.test(key);
const splitPointers = /* @__PURE__ */ new Map();
function segments(pointer) {
  let parts = splitPointers.get(pointer);
  if (parts === void 0) {
    parts = pointer === "" ? [] : pointer.split("/").slice(1).map((part) => part.includes("~") ? part.replace(/~1/g, "/").replace(/~0/g, "~") : part);
    if (splitPointers.size >= 4096) splitPointers.clear();
    splitPointers.set(pointer, parts);
  }
  return parts;
}
function scopedPointer(scope, pointer) {
  return pointer.startsWith("#") ? pointer.slice(1) : scope + pointer;
}
function readPointer(root, pointer) {
  return readPath(root, segments(pointer));
}
function readPath(root, path) {
  let node = root;
  for (const key of path) {
    if (Array.isArray(node) && isIndex(key)) node = node[Number(key)];
    else if (isRecord(node) && hasOwn(node, key)) node = node[key];
    else return void 0;
  }
  return node;
}
function writePointer(root, pointer, value) {
  writePath(root, segments(pointer), value);
}
function setOwn(node, key, value) {
  if (key === "__proto__")
    Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
  else node[key] = value;
}
function writePath(root, path, value) {
  let node = root;
  for (const [position, key] of path.entries()) {
    const last = position === path.length - 1;
    const next = path[position + 1];
    const slot = hasOwn(node, key) ? node[key] : void 0;
    if (last) {
      setOwn(node, key, value);
      return;
    }
    if (slot === null || typeof slot !== "object") {
      const created = isIndex(next) ? [] : {};
      setOwn(node, key, created);
      node = created;
    } else node = slot;
  }
}
export {
  hasOwn,
  isIndex,
  isRecord,
  readPath,
  readPointer,
  scopedPointer,
  segments,
  writePath,
  writePointer
};
//# sourceMappingURL=pointer.js.map
