/** JSON Pointers (RFC 6901), the one way every part of the generator names a place in a spec. */

export function escapePointerPart(part: string): string {
  return part.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function unescapePointerPart(part: string): string {
  return part.replace(/~1/g, "/").replace(/~0/g, "~");
}

export function splitPointer(pointer: string): string[] {
  if (pointer === "" || pointer === "/") return [];
  return pointer.slice(1).split("/").map(unescapePointerPart);
}

export function joinPointer(parts: readonly (string | number)[]): string {
  return parts.map((part) => `/${escapePointerPart(String(part))}`).join("");
}

/** The value at `pointer` in a plain JSON value (own properties only), or undefined. */
export function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const key of splitPointer(pointer)) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
