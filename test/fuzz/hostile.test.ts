// Hostile input: validators and mappers return a result, never throw, never
// pollute a prototype, and stay linear in the size of the input.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Customer } from "@customer-adapters/canonical";
import { loadAll } from "../../generator/pipeline.js";
import { repoRoot } from "../helpers/cli.js";
import { loadPackage } from "../helpers/package.js";

const vendors = loadAll(join(repoRoot, "specs"), repoRoot).filter((model) => model.kind === "vendor");

interface Package {
  fixtures: { valid: { full: Record<string, unknown> }; context?: unknown };
  adapter: {
    validateRequest(value: unknown): { ok: boolean };
    isRequest(value: unknown): boolean;
    validateResponse(status: number, body: unknown): { ok: boolean };
    toRequest?(customer: Customer, context: unknown): { ok: boolean };
    fromResponse?(status: number, body: unknown): { ok: boolean };
  };
}

function deep(levels: number): unknown {
  let node: Record<string, unknown> = {};
  const root = node;
  for (let level = 0; level < levels; level++) node = node.child = {};
  return root;
}

class Customerish {
  kind = "person";
  email = "class@example.com";
}

const hostile: [string, () => unknown][] = [
  ["__proto__ key", () => JSON.parse('{"__proto__": {"polluted": true}, "kind": "person", "email": "a@example.com"}')],
  [
    "constructor and prototype keys",
    () => ({ constructor: { prototype: { polluted: true } }, prototype: { polluted: true } }),
  ],
  [
    "a 10 MB string",
    () => ({
      kind: "person",
      email: `${"a".repeat(10 * 1024 * 1024)}@example.com`,
      name: "x".repeat(10 * 1024 * 1024),
    }),
  ],
  ["10,000 levels of nesting", () => deep(10_000)],
  ["a Date", () => new Date(0)],
  ["a Map", () => new Map([["kind", "person"]])],
  ["a class instance", () => new Customerish()],
  [
    "a Proxy that throws",
    () =>
      new Proxy(
        {},
        {
          get: () => {
            throw new Error("trap");
          },
          ownKeys: () => {
            throw new Error("trap");
          },
          has: () => {
            throw new Error("trap");
          },
        },
      ),
  ],
  ["NaN and Infinity", () => ({ kind: "person", email: "a@example.com", n: Number.NaN, i: Number.POSITIVE_INFINITY })],
  [
    "a sparse array",
    // biome-ignore lint/suspicious/noSparseArray: a sparse array is the hostile input under test.
    () => ({ kind: "person", email: "a@example.com", phones: [, , { type: "mobile", number: "+12025550100" }] }),
  ],
  [
    "a getter that throws",
    () =>
      Object.defineProperty({ kind: "person" }, "email", {
        enumerable: true,
        get: () => {
          throw new Error("getter");
        },
      }),
  ],
];

describe.each(vendors.map((model) => [model.slug] as const))("%s under hostile input", (slug) => {
  it.each(hostile)("%s: a result, no exception, no pollution", async (_name, make) => {
    const { adapter, fixtures } = await loadPackage<Package>(slug);
    const value = make();
    expect(adapter.validateRequest(value).ok).toBe(false);
    expect(adapter.isRequest(value)).toBe(false);
    expect(typeof adapter.validateResponse(200, value).ok).toBe("boolean");
    if (adapter.toRequest) expect(adapter.toRequest(value as Customer, fixtures.context).ok).toBe(false);
    if (adapter.fromResponse) expect(typeof adapter.fromResponse(400, value).ok).toBe("boolean");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, "polluted")).toBe(false);
  });

  it("stays linear: ten times the input takes nowhere near a hundred times as long", async () => {
    const { adapter } = await loadPackage<Package>(slug);
    const time = (size: number) => {
      const value = { name: "é".repeat(size), email: `${"a".repeat(size)}@example.com`, Number: "n".repeat(size) };
      const start = performance.now();
      for (let round = 0; round < 5; round++) adapter.validateRequest(value);
      return performance.now() - start;
    };
    time(10_000);
    const small = time(100_000);
    const large = time(1_000_000);
    expect(large / Math.max(small, 0.5)).toBeLessThan(40);
  });
});
