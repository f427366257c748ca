import { escapePointerPart } from "../core/pointer.js";
import { isSchemaObject } from "../core/schema-walk.js";
import type { SourceDocument } from "../core/source.js";
import { SpecError } from "../core/spec-error.js";

export type Node = Record<string, unknown>;

/** Reads typed values out of the resolved document, failing at the right position. */
export class Reader {
  constructor(private readonly source: SourceDocument) {}

  fail(pointer: string, problem: string): never {
    throw new SpecError(this.source.locate(pointer), problem);
  }

  object(node: Node, key: string, pointer: string): Node | undefined {
    const value = node[key];
    if (value === undefined) return undefined;
    if (!isSchemaObject(value)) this.fail(`${pointer}/${escapePointerPart(key)}`, `\`${key}\` must be a mapping`);
    return value;
  }

  list(node: Node, key: string, pointer: string): unknown[] {
    const value = node[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) this.fail(`${pointer}/${escapePointerPart(key)}`, `\`${key}\` must be a list`);
    return value;
  }

  string(node: Node, key: string, pointer: string): string | undefined {
    const value = node[key];
    if (value === undefined) return undefined;
    if (typeof value !== "string") this.fail(`${pointer}/${escapePointerPart(key)}`, `\`${key}\` must be a string`);
    return value;
  }

  requiredString(node: Node, key: string, pointer: string): string {
    return this.string(node, key, pointer) ?? this.fail(pointer, `\`${key}\` is required here`);
  }
}
