// Payload mutations for differential fuzzing: near-misses, wrong types,
// extra keys (`__proto__` among them) and unicode that counts differently
// in code units and code points.
import fc from "fast-check";

export const tricky = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 70 }),
  fc.string({ unit: fc.constantFrom("a", "é", "e\u0301", "\u200b", "😀", "\ud800", "漢", "Ж"), maxLength: 70 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom("", "not an e-mail", "1985-01-01", "2023-02-30T13:30:00Z", "00000000-0000-0000-0000-000000000000", "DEU", "de"),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 6 }),
  fc.dictionary(fc.constantFrom("__proto__", "constructor", "prototype", "name", "x"), fc.string({ maxLength: 3 }), { maxKeys: 2 }),
);

/** Every path to a value inside `root` (objects and arrays), the root included. */
export function paths(root: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const found = [prefix];
  if (Array.isArray(root)) root.forEach((item, index) => found.push(...paths(item, [...prefix, index])));
  else if (root !== null && typeof root === "object") for (const [key, value] of Object.entries(root)) found.push(...paths(value, [...prefix, key]));
  return found;
}

/** Replaces, removes or adds one value at a path: one mutation of a known payload. */
export function mutate(root: unknown, path: (string | number)[], action: "replace" | "remove" | "add", value: unknown, extraKey: string): unknown {
  const copy = structuredClone(root);
  if (path.length === 0) return action === "replace" ? value : copy;
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], copy) as Record<string | number, unknown>;
  const key = path[path.length - 1] as string | number;
  const target = parent[key];
  if (action === "remove") delete parent[key];
  else if (action === "add" && target !== null && typeof target === "object" && !Array.isArray(target)) Object.defineProperty(target, extraKey, { value, enumerable: true, configurable: true, writable: true });
  else parent[key] = value;
  return copy;
}

/** Payloads one mutation away from one of \`seeds\`. */
export function mutatedPayloads(seeds: unknown[]): fc.Arbitrary<unknown> {
  return fc
    .constantFrom(...seeds)
    .chain((base) =>
      fc.tuple(fc.constant(base), fc.constantFrom(...paths(base)), fc.constantFrom("replace", "remove", "add") as fc.Arbitrary<"replace" | "remove" | "add">, tricky, fc.constantFrom("__proto__", "constructor", "unexpected", "name")),
    )
    .map(([base, path, action, value, key]) => mutate(base, path, action, value, key));
}
