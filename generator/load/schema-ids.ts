import { isSchemaObject, walkSchema } from "../core/schema-walk.js";
import { splitPointer, valueAt } from "../core/pointer.js";

/** The base URI of the spec document itself: any absolute URI would do, refs only resolve against it. */
const DOCUMENT_BASE = "https://spec.invalid/document";

/**
 * The schema resources (`$id`) and anchors (`$anchor`) of one document, so
 * that a `$ref` to either, or a JSON pointer percent-encoded as a URI
 * fragment, resolves to a plain document pointer.
 */
export class SchemaIds {
  /** Absolute URI without fragment -> pointer of the schema that has it as `$id`. */
  private readonly resources = new Map<string, string>([[DOCUMENT_BASE, ""]]);
  /** `resource#anchor` -> pointer of the schema with that `$anchor`. */
  private readonly anchors = new Map<string, string>();
  /** Schema pointer -> the base URI its refs resolve against. */
  private readonly bases = new Map<string, string>();

  constructor(document: unknown, roots: Iterable<string>) {
    for (const root of roots) {
      const schema = valueAt(document, root);
      if (!isSchemaObject(schema)) continue;
      walkSchema(schema, root, (node, pointer) => {
        const parent = this.baseAbove(pointer);
        const base = typeof node.$id === "string" ? absolute(node.$id, parent) : parent;
        if (base === undefined) return;
        this.bases.set(pointer, base);
        if (typeof node.$id === "string" && !this.resources.has(base)) this.resources.set(base, pointer);
        // A `$dynamicAnchor` is a plain anchor too (JSON Schema 2020-12, 8.2.2).
        for (const anchor of [node.$anchor, node.$dynamicAnchor])
          if (typeof anchor === "string") this.anchors.set(`${base}#${anchor}`, pointer);
      });
    }
  }

  /**
   * The document pointer a `$ref` (at `refPointer`, ending in `/$ref`)
   * names, or undefined when it names another document (a file, a URL).
   */
  resolve(ref: string, refPointer: string): string | undefined {
    const target = absolute(ref, this.baseAbove(refPointer.replace(/\/\$ref$/, ""))) ?? "";
    const hash = target.indexOf("#");
    const resource = hash < 0 ? target : target.slice(0, hash);
    const fragment = hash < 0 ? "" : safeDecode(target.slice(hash + 1));
    const start = this.resources.get(resource);
    if (start === undefined) return undefined;
    if (fragment === "" || fragment.startsWith("/")) return start + fragment;
    return this.anchors.get(`${resource}#${fragment}`) ?? `${start}#${fragment}`;
  }

  /** The base URI in force at `pointer` (the nearest schema at or above it that has one). */
  private baseAbove(pointer: string): string {
    const parts = splitPointer(pointer);
    for (let length = parts.length; length >= 0; length--) {
      const prefix = parts
        .slice(0, length)
        .map((part) => `/${part.replace(/~/g, "~0").replace(/\//g, "~1")}`)
        .join("");
      const base = this.bases.get(prefix);
      if (base !== undefined) return base;
    }
    return DOCUMENT_BASE;
  }
}

/** `ref` resolved against `base`, fragment kept; undefined when it is no URI reference. */
function absolute(ref: string, base: string): string | undefined {
  try {
    const url = new URL(ref, base);
    return url.href.replace(/#$/, "");
  } catch {
    return undefined;
  }
}

const safeDecode = (fragment: string) => {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
};

/** A document pointer as a URI fragment: characters a fragment cannot hold percent-encoded. */
export const pointerFragment = (pointer: string) =>
  pointer.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/]/g, (character) => encodeURIComponent(character));
