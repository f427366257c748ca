import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { splitPointer } from "../core/pointer.js";
import type { SourceDocument } from "../core/source.js";
import { SpecError, SpecErrors, type SpecPosition } from "../core/spec-error.js";

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
