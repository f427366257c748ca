import { createRequire } from "node:module";
import { CORE_SCHEMA, load } from "js-yaml";
import type { LineCounter, Node } from "yaml";
import { splitPointer } from "../core/pointer.js";
import type { SourceDocument } from "../core/source.js";
import { SpecError, SpecErrors, type SpecPosition } from "../core/spec-error.js";

type Yaml = typeof import("yaml");
let yamlModule: Yaml | undefined;
/** The positioned parser (a few hundred files to load), loaded the first time a position or a YAML error is needed. */
const yaml = (): Yaml => {
  yamlModule ??= createRequire(import.meta.url)("yaml") as Yaml;
  return yamlModule;
};

function childNode(node: Node, key: string): Node | undefined {
  const { isMap, isScalar, isSeq } = yaml();
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
    return (pair?.value ?? undefined) as Node | undefined;
  }
  if (isSeq(node) && /^\d+$/.test(key)) return node.items[Number(key)] as Node | undefined;
  return undefined;
}

/** The most nodes a document may expand to through its aliases before the full parse (and its alias limit) decides. */
const MAX_EXPANDED = 1_000_000;

/**
 * How many nodes a value spans with every alias expanded, counted once per
 * distinct object (aliases share theirs), up to `limit`: a document of a few
 * lines can alias its way to billions.
 */
function expandedSize(value: unknown, limit: number): number {
  const sizes = new Map<object, number>();
  const size = (node: unknown): number => {
    if (node === null || typeof node !== "object") return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    sizes.set(node, limit); // a cycle counts as too large
    let total = 1;
    for (const child of Object.values(node)) {
      total += size(child);
      if (total >= limit) break;
    }
    sizes.set(node, Math.min(total, limit));
    return Math.min(total, limit);
  };
  return size(value);
}

/**
 * The value of a document by js-yaml (YAML 1.2 core schema, duplicate keys
 * refused), four to forty times faster than the positioned parse below,
 * which was the largest part of loading a spec; `undefined` when js-yaml
 * refuses it or its aliases expand it too far, so that the full parse
 * reports the problem as before.
 */
function fastValue(text: string): { value: unknown } | undefined {
  let value: unknown;
  try {
    value = load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  return expandedSize(value, MAX_EXPANDED) < MAX_EXPANDED ? { value } : undefined;
}

/**
 * A double-quoted value that runs over several lines, with a continuation
 * line indented no deeper than its key (commercetools' descriptions): YAML
 * requires more, mainstream parsers (libyaml, js-yaml) read it anyway. Those
 * lines get the one space more they need; nothing else changes.
 */
function indentQuotedContinuations(text: string): string {
  const lines = text.split("\n");
  for (let index = 0; index < lines.length; index += 1) {
    const opening = /^(\s*)(?:- )?[^\s#"'][^:"]*:\s+"/.exec(lines[index] as string);
    if (!opening) continue;
    const keyIndent = (opening[1] as string).length;
    let rest = (lines[index] as string).slice(opening[0].length);
    let line = index;
    // Until the closing quote (an escaped one, `\"`, does not close it).
    while (!/(^|[^\\])(\\\\)*"/.test(rest) && line + 1 < lines.length) {
      line += 1;
      const current = lines[line] as string;
      const indent = /^ */.exec(current)?.[0].length ?? 0;
      if (current.trim() !== "" && indent <= keyIndent) lines[line] = " ".repeat(keyIndent + 1 - indent) + current;
      rest = current;
    }
    index = line;
  }
  return lines.join("\n");
}

/**
 * Parses YAML (JSON is YAML too) with duplicate keys, tabs and other syntax
 * problems reported at their position. `file` is the name used in messages.
 * Positions come from a full parse (the `yaml` library), made only when a
 * message needs one, or when the fast reading fails (then its errors are the
 * ones reported).
 */
export function readYaml(file: string, text: string): SourceDocument {
  // Made by the positioned parse; before it, the only position asked for is the start of the file.
  let lineCounter: LineCounter | undefined;
  const at = (offset: number, pointer: string): SpecPosition => {
    const { line, col } = lineCounter?.linePos(offset) ?? { line: 1, col: 1 };
    return { file, line: Math.max(line, 1), column: Math.max(col, 1), pointer };
  };
  if (text.trim() === "") throw new SpecError(at(0, ""), "the file is empty; expected an OpenAPI 3.1 document");

  let root: Node | null | undefined;
  const parse = (source: string, counter: LineCounter) =>
    yaml().parseDocument(source, { lineCounter: counter, uniqueKeys: true, prettyErrors: false, strict: true });
  const positioned = () => {
    lineCounter = new (yaml().LineCounter)();
    let document = parse(text, lineCounter);
    if (document.errors.length > 0) {
      // What libyaml and js-yaml read, and `yaml` refuses: retried with those lines indented (line numbers unchanged).
      const repaired = indentQuotedContinuations(text);
      const counter = new (yaml().LineCounter)();
      const retried = repaired === text ? undefined : parse(repaired, counter);
      if (retried && retried.errors.length === 0) [document, lineCounter] = [retried, counter];
    }
    root = document.contents as Node | null;
    return document;
  };

  let value: unknown;
  const fast = fastValue(text);
  if (fast) value = fast.value;
  else {
    const document = positioned();
    if (document.errors.length > 0)
      throw new SpecErrors(
        document.errors.map((error) => new SpecError(at(error.pos[0], ""), `YAML: ${error.message.split("\n")[0]}`)),
      );
    try {
      value = document.toJS({ maxAliasCount: 100 });
    } catch (error) {
      throw new SpecError(at(0, ""), `YAML: ${(error as Error).message}`);
    }
  }

  return {
    file,
    value,
    // Lazily: the model keeps a position for every mapping declaration, and most are never shown.
    locate(pointer) {
      let position: SpecPosition | undefined;
      const resolved = () => {
        if (position) return position;
        if (root === undefined) positioned();
        let node = root ?? null;
        for (const key of splitPointer(pointer)) {
          const next = node ? childNode(node, key) : undefined;
          if (!next) break;
          node = next;
        }
        position = at(node?.range?.[0] ?? 0, pointer);
        return position;
      };
      return {
        file,
        get line() {
          return resolved().line;
        },
        get column() {
          return resolved().column;
        },
        pointer,
      };
    },
  };
}
