import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { SpecError, SpecErrors, type SpecPosition } from "./spec-error.js";

/** A parsed spec file that still knows where each of its values came from. */
export interface SourceDocument {
  file: string;
  value: unknown;
  /** Position of the value at `pointer`, or of its nearest ancestor that exists. */
  locate(pointer: string): SpecPosition;
}

export function splitPointer(pointer: string): string[] {
  if (pointer === "" || pointer === "/") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The value at `pointer` in a plain JSON value, or undefined. */
export function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const key of splitPointer(pointer)) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

export function joinPointer(parts: readonly (string | number)[]): string {
  return parts.map((part) => `/${String(part).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

function childNode(node: Node, key: string): Node | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
    return (pair?.value ?? undefined) as Node | undefined;
  }
  if (isSeq(node) && /^\d+$/.test(key)) return node.items[Number(key)] as Node | undefined;
  return undefined;
}

/**
 * Parses YAML (JSON is YAML too) with duplicate keys, tabs and other syntax
 * problems reported at their position. `file` is the name used in messages.
 */
export function readYaml(file: string, text: string): SourceDocument {
  const lineCounter = new LineCounter();
  const at = (offset: number, pointer: string): SpecPosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: Math.max(line, 1), column: Math.max(col, 1), pointer };
  };
  if (text.trim() === "") throw new SpecError(at(0, ""), "the file is empty; expected an OpenAPI 3.1 document");

  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  if (document.errors.length > 0)
    throw new SpecErrors(
      document.errors.map((error) => new SpecError(at(error.pos[0], ""), `YAML: ${error.message.split("\n")[0]}`)),
    );

  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new SpecError(at(0, ""), `YAML: ${(error as Error).message}`);
  }

  const root = document.contents as Node | null;
  return {
    file,
    value,
    locate(pointer) {
      let node = root;
      for (const key of splitPointer(pointer)) {
        const next = node ? childNode(node, key) : undefined;
        if (!next) break;
        node = next;
      }
      return at(node?.range?.[0] ?? 0, pointer);
    },
  };
}
