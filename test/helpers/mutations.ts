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
  fc.constantFrom(
    "",
    "not an e-mail",
    "1985-01-01",
    "2023-02-30T13:30:00Z",
    "00000000-0000-0000-0000-000000000000",
    "DEU",
    "de",
  ),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 6 }),
  fc.dictionary(fc.constantFrom("__proto__", "constructor", "prototype", "name", "x"), fc.string({ maxLength: 3 }), {
    maxKeys: 2,
  }),
);

/** Every path to a value inside `root` (objects and arrays), the root included. */
export function paths(root: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const found = [prefix];
  if (Array.isArray(root)) root.forEach((item, index) => found.push(...paths(item, [...prefix, index])));
  else if (root !== null && typeof root === "object")
    for (const [key, value] of Object.entries(root)) found.push(...paths(value, [...prefix, key]));
  return found;
}

/** An extra key as long as a declared one and one character off it (guards tell keys apart by length first). */
export const NEAR_MISS = Symbol("a declared key, one character off");

function addKey(target: object, extraKey: string | typeof NEAR_MISS, value: unknown): void {
  let key = extraKey;
  if (key === NEAR_MISS) {
    const declared = Object.keys(target)[0] ?? "x";
    key = `${declared.slice(0, -1)}${declared.endsWith("x") ? "y" : "x"}`;
  }
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

const isRecord = (value: unknown): value is object =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Replaces, removes or adds one value at a path: one mutation of a known payload. */
export function mutate(
  root: unknown,
  path: (string | number)[],
  action: "replace" | "remove" | "add",
  value: unknown,
  extraKey: string | typeof NEAR_MISS,
): unknown {
  const copy = structuredClone(root);
  if (path.length === 0) {
    if (action === "add" && isRecord(copy)) addKey(copy, extraKey, value);
    return action === "replace" ? value : copy;
  }
  const parent = path
    .slice(0, -1)
    .reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], copy) as Record<
    string | number,
    unknown
  >;
  const key = path[path.length - 1] as string | number;
  const target = parent[key];
  if (action === "remove") delete parent[key];
  else if (action === "add" && isRecord(target)) addKey(target, extraKey, value);
  else parent[key] = value;
  return copy;
}

/** Payloads one mutation away from one of \`seeds\`. */
export function mutatedPayloads(seeds: unknown[]): fc.Arbitrary<unknown> {
  return fc
    .constantFrom(...seeds)
    .chain((base) =>
      fc.tuple(
        fc.constant(base),
        fc.constantFrom(...paths(base)),
        fc.constantFrom("replace", "remove", "add") as fc.Arbitrary<"replace" | "remove" | "add">,
        tricky,
        fc.constantFrom<string | typeof NEAR_MISS>("__proto__", "constructor", "unexpected", "name", NEAR_MISS),
      ),
    )
    .map(([base, path, action, value, key]) => mutate(base, path, action, value, key));
}
