/**
 * JSON pointers into the values the mapper reads and writes: split once and
 * cached, read and written over own properties only (an inherited
 * `__proto__` or `constructor` is never walked into).
 */
export type Json = Record<string, unknown>;

export const hasOwn = (object: object, key: string): boolean => Object.hasOwn(object, key);
export const isRecord = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);
export const isIndex = (key: string | undefined): key is string => key !== undefined && /^\d+$/.test(key);

/** Split pointers, by pointer: a mapping reads the same few hundred pointers for every customer. */
const splitPointers = new Map<string, readonly string[]>();

export function segments(pointer: string): readonly string[] {
  let parts = splitPointers.get(pointer);
  if (parts === undefined) {
    parts =
      pointer === ""
        ? []
        : pointer
            .split("/")
            .slice(1)
            .map((part) => (part.includes("~") ? part.replace(/~1/g, "/").replace(/~0/g, "~") : part));
    // Pointers into customer arrays carry indexes: the cache is bounded, not a leak.
    if (splitPointers.size >= 4096) splitPointers.clear();
    splitPointers.set(pointer, parts);
  }
  return parts;
}

/** A `from` pointer inside a `map` is relative to the mapped object; `#/...` reaches from the customer's root. */
export function scopedPointer(scope: string, pointer: string): string {
  return pointer.startsWith("#") ? pointer.slice(1) : scope + pointer;
}

/** Reads a pointer from plain data, own properties only: `__proto__` and friends are never followed. */
export function readPointer(root: unknown, pointer: string): unknown {
  return readPath(root, segments(pointer));
}

export function readPath(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) {
    if (Array.isArray(node) && isIndex(key)) node = node[Number(key)];
    else if (isRecord(node) && hasOwn(node, key)) node = node[key];
    else return undefined;
  }
  return node;
}

/** Writes `value` at a JSON pointer under `root`, creating objects (or arrays, before an index) on the way. */
export function writePointer(root: Record<string, unknown> | unknown[], pointer: string, value: unknown): void {
  writePath(root, segments(pointer), value);
}

/** Sets an own property; `__proto__` as a key is data, never the prototype (assignment would set the prototype). */
function setOwn(node: Json | unknown[], key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
  else (node as Json)[key] = value;
}

/** Writes `value` at `path` under `root`, creating objects, or arrays where the next key is an index. */
export function writePath(root: Json | unknown[], path: readonly string[], value: unknown): void {
  let node: Json | unknown[] = root;
  for (const [position, key] of path.entries()) {
    const last = position === path.length - 1;
    const next = path[position + 1];
    // Own properties only: an inherited `__proto__` or `constructor` is never walked into.
    const slot = hasOwn(node, key) ? (node as Json)[key] : undefined;
    if (last) {
      setOwn(node, key, value);
      return;
    }
    if (slot === null || typeof slot !== "object") {
      const created = isIndex(next) ? [] : {};
      setOwn(node, key, created);
      node = created;
    } else node = slot as Json;
  }
}

/** What `errorPointer` reads of an ajv error. */
export type ErrorLike = { instancePath: string; keyword: string; params: Record<string, unknown> };
const escapeKey = (key: string) => (/[~/]/.test(key) ? key.replace(/~/g, "~0").replace(/\//g, "~1") : key);

/** The first of the params that name a property: read one by one, as `validateX` maps every error through here. */
function namedProperty(params: Record<string, unknown>): string | undefined {
  const { missingProperty, additionalProperty, unevaluatedProperty, propertyName } = params;
  if (typeof missingProperty === "string") return missingProperty;
  if (typeof additionalProperty === "string") return additionalProperty;
  if (typeof unevaluatedProperty === "string") return unevaluatedProperty;
  return typeof propertyName === "string" ? propertyName : undefined;
}

/** Where an ajv error is, as a JSON pointer: a missing, extra or misnamed property's own (`/shoe_size`), else the value's. */
export function errorPointer(error: ErrorLike): string {
  const key = namedProperty(error.params);
  return key === undefined ? error.instancePath : `${error.instancePath}/${escapeKey(key)}`;
}
