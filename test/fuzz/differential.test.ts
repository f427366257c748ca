// Differential fuzzing: the validators compiled at generate time must give the
// same verdict and the same errors as ajv compiling the same schema at run
// time, on payloads fast-check derives from each package's fixtures: values
// swapped for near-misses at the limits, wrong types, extra keys (`__proto__`
// among them) and unicode that counts differently in code units and code
// points (surrogate pairs, combining marks, zero-width characters).
// `npm test` runs a small seeded sample; `npm run fuzz` runs 100,000 cases per
// package. A disagreement fails with fast-check's seed and counterexample.
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ErrorObject } from "ajv";
import { loadAll } from "../../generator/pipeline.js";
import { createAjv, ruleOf, validationSchema } from "../../generator/model/validation-schema.js";
import { repoRoot } from "../helpers/cli.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const models = loadAll(join(repoRoot, "specs"), repoRoot);

interface Package {
  fixtures: { valid: Record<string, unknown>; invalid: { value: unknown }[] };
  validateCustomer?(value: unknown): { ok: boolean; errors?: { path: string; rule: string }[] };
  adapter?: { validateRequest(value: unknown): { ok: boolean; errors?: { path: string; rule: string }[] } };
}

const tricky = fc.oneof(
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
function paths(root: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const found = [prefix];
  if (Array.isArray(root)) root.forEach((item, index) => found.push(...paths(item, [...prefix, index])));
  else if (root !== null && typeof root === "object") for (const [key, value] of Object.entries(root)) found.push(...paths(value, [...prefix, key]));
  return found;
}

/** Replaces, removes or adds one value at a path: one mutation of a known payload. */
function mutate(root: unknown, path: (string | number)[], action: "replace" | "remove" | "add", value: unknown, extraKey: string): unknown {
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

const ruleKeys = (rules: { path: string; keyword?: string; rule?: string }[]) => [...new Set(rules.map((rule) => `${rule.path} ${rule.keyword ?? rule.rule}`))].sort();

describe.each(models.map((model) => [model.slug, model] as const))("%s validators agree with ajv compiled at run time", (slug, model) => {
  const root = model.kind === "canonical" ? { $ref: "#/components/schemas/Customer" } : (model.operation?.requestBody?.schema ?? {});
  const oracle = createAjv(model.schemas).compile(validationSchema(root));

  it(`on ${RUNS} mutated payloads (seed ${SEED})`, async () => {
    const pkg = (await import(`../../generated/${slug}/src/index.ts`)) as Package;
    const generated = (value: unknown) => (slug === "canonical" ? pkg.validateCustomer?.(value) : pkg.adapter?.validateRequest(value)) ?? { ok: false };
    const seeds = [...Object.values(pkg.fixtures.valid), ...pkg.fixtures.invalid.slice(0, 40).map((fixture) => fixture.value)];
    const payload = fc
      .constantFrom(...seeds)
      .chain((base) =>
        fc.tuple(fc.constant(base), fc.constantFrom(...paths(base)), fc.constantFrom("replace", "remove", "add") as fc.Arbitrary<"replace" | "remove" | "add">, tricky, fc.constantFrom("__proto__", "constructor", "unexpected", "name")),
      )
      .map(([base, path, action, value, key]) => mutate(base, path, action, value, key));
    fc.assert(
      fc.property(payload, (value) => {
        const expected = oracle(value);
        const result = generated(value);
        expect(result.ok).toBe(expected);
        if (!expected) expect(ruleKeys(result.errors ?? [])).toEqual(ruleKeys((oracle.errors ?? []).map((error: ErrorObject) => ruleOf(error))));
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 600_000);
});
