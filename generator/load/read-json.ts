import { createRequire } from "node:module";
import type * as JsoncParser from "jsonc-parser";
import { splitPointer } from "../core/pointer.js";
import type { SourceDocument } from "../core/source.js";
import { SpecError, type SpecPosition } from "../core/spec-error.js";

let jsoncModule: typeof JsoncParser | undefined;
/**
 * jsonc-parser, loaded when a JSON spec is first read (most runs read YAML only). Its ES module build imports
 * without file extensions, which Node refuses; its CommonJS build is fine.
 */
const jsonc = (): typeof JsoncParser => {
  jsoncModule ??= createRequire(import.meta.url)("jsonc-parser") as typeof JsoncParser;
  return jsoncModule;
};

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let at = text.indexOf("\n"); at !== -1 && at < offset; at = text.indexOf("\n", at + 1)) {
    line += 1;
    start = at + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * Reads a JSON spec. `JSON.parse` gives the value (a multi-megabyte vendor
 * document in milliseconds, where a YAML parser takes seconds); the syntax
 * tree with offsets is built only when a position is asked for, that is when
 * something is wrong.
 */
export function readJson(file: string, text: string): SourceDocument {
  const at = (offset: number, pointer: string): SpecPosition => ({ file, ...lineColumn(text, offset), pointer });
  if (text.trim() === "") throw new SpecError(at(0, ""), "the file is empty; expected an OpenAPI document");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const errors: JsoncParser.ParseError[] = [];
    jsonc().parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
    const [first] = errors;
    throw new SpecError(
      at(first?.offset ?? 0, ""),
      `JSON: ${first ? jsonc().printParseErrorCode(first.error) : "not valid JSON"}`,
    );
  }
  let tree: JsoncParser.Node | undefined;
  return {
    file,
    value,
    locate(pointer) {
      tree ??= jsonc().parseTree(text);
      let node = tree;
      for (const key of splitPointer(pointer)) {
        const next = node && jsonc().findNodeAtLocation(node, [node.type === "array" ? Number(key) : key]);
        if (!next) break;
        node = next;
      }
      return at(node?.offset ?? 0, pointer);
    },
  };
}
