import type { BodyShape, RootShape } from "@customer-adapters/runtime/wire";
import { Code, printCode } from "./final-layout.js";
import { jsDoc } from "./source-file.js";
import { typeName } from "./type-expression.js";

/** Object shapes smaller than this are written in place: a name would save little. */
const MIN_SHARED_LENGTH = 200;

/** Plain data with each node `nameOf` names replaced by that name, as code for `printCode`. */
function named(value: unknown, nameOf: (node: object) => string | undefined): unknown {
  if (value === null || typeof value !== "object") return value;
  const name = nameOf(value);
  if (name !== undefined) return new Code(name);
  if (Array.isArray(value)) return value.map((item) => named(item, nameOf));
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => [key, named(item, nameOf)]),
  );
}

/** A JavaScript literal of plain data after `head` (a declaration's start), in its final layout. */
function literal(value: unknown, nameOf: (node: object) => string | undefined, head: string): string {
  return printCode(named(value, nameOf), { indent: "", column: head.length, after: 1 });
}

/**
 * The request body's shape as code: each object shape the body reaches
 * more than once (JTL's `CreateAddress`, for the billing address, the
 * shipping address and both address lists) is a constant written once,
 * named after its XML element or property, and referenced by that name.
 */
export function bodyShapeCode(root: RootShape | undefined): { constants: string[]; value: string } {
  if (root === undefined) return { constants: [], value: "undefined" };
  const seen = new Map<string, { count: number; hint: string; element: boolean }>();
  // Named after a list's element where one holds it (the XML element of its type), else the first property.
  const visit = (shape: BodyShape, hint: string, element: boolean) => {
    if (shape.kind === "array") return visit(shape.items, shape.element, true);
    if (shape.kind !== "object") return;
    const key = JSON.stringify(shape);
    const entry = seen.get(key);
    if (entry !== undefined) {
      // Its inside is counted once: where it repeats, the name stands for all of it.
      entry.count++;
      if (element && !entry.element) Object.assign(entry, { hint, element });
      return;
    }
    seen.set(key, { count: 1, hint, element });
    for (const property of shape.properties) visit(property.shape, property.name, false);
  };
  visit(root.shape, root.element, true);
  const taken = new Set(["bodyShape"]);
  const names = new Map<string, { name: string; doc: string }>();
  for (const [key, { count, hint }] of seen) {
    if (count < 2 || key.length < MIN_SHARED_LENGTH) continue;
    const base = `${typeName(hint).replace(/^./, (first) => first.toLowerCase())}Shape`;
    let name = base;
    for (let suffix = 2; taken.has(name); suffix++) name = `${base}${suffix}`;
    taken.add(name);
    names.set(key, { name, doc: jsDoc(`The shape of \`${hint}\`, which ${count} places in the body have.`) });
  }
  const constants: string[] = [];
  const declared = new Set<string>();
  // A constant is declared before the first one that references it: the body's order, innermost first.
  const nameOf = (node: object): string | undefined => {
    const key = JSON.stringify(node);
    const shared = names.get(key);
    if (shared !== undefined && !declared.has(key)) {
      declared.add(key);
      const head = `const ${shared.name}: BodyShape = `;
      const value = literal(node, (inner) => (inner === node ? undefined : nameOf(inner)), head);
      constants.push(`${shared.doc}\n${head}${value};`);
    }
    return shared?.name;
  };
  return { constants, value: literal(root, nameOf, "export const bodyShape: RootShape | undefined = ") };
}
