// Differential fuzzing: the validators compiled at generate time must give the
// same verdict and the same errors as ajv compiling the same schema at run
// time, and every fail-fast guard (`isX`, guards.ts) the same verdict as
// ajv's compiled function for its target, on payloads fast-check derives from each package's fixtures: values
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
import { createAjv, validationSchema } from "../../generator/model/validation-schema.js";
import { errorPointer } from "@customer-adapters/runtime/validation";
import { repoRoot } from "../helpers/cli.js";
import { mutatedPayloads } from "../helpers/mutations.js";
import { loadPackage } from "../helpers/package.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const models = loadAll(join(repoRoot, "specs"), repoRoot);

interface Package {
  fixtures: {
    valid: Record<string, unknown>;
    invalid: { value: unknown }[];
    context?: unknown;
    successResponse?: { body: unknown };
    errorResponses?: { body: unknown }[];
  };
  validateCustomer?(value: unknown): { ok: boolean; errors?: { path: string; rule: string }[] };
  isCustomer?(value: unknown): boolean;
  adapter?: {
    validateRequest(value: unknown): { ok: boolean; errors?: { path: string; rule: string }[] };
    isRequest(value: unknown): boolean;
  };
}

type Check = (value: unknown) => boolean;

const ruleKeys = (rules: { path: string; keyword?: string; rule?: string }[]) =>
  [...new Set(rules.map((rule) => `${rule.path} ${rule.keyword ?? rule.rule}`))].sort();

describe.each(models.map((model) => [model.slug, model] as const))(
  "%s validators agree with ajv compiled at run time",
  (slug, model) => {
    const root =
      model.kind === "canonical"
        ? { $ref: "#/components/schemas/Customer" }
        : (model.operation?.requestBody?.schema ?? {});
    const oracle = createAjv(model.schemas).compile(validationSchema(root));

    it(`on ${RUNS} mutated payloads (seed ${SEED})`, async () => {
      const pkg = await loadPackage<Package>(slug);
      const generated = (value: unknown) =>
        (slug === "canonical" ? pkg.validateCustomer?.(value) : pkg.adapter?.validateRequest(value)) ?? { ok: false };
      const guard = (value: unknown) =>
        slug === "canonical" ? pkg.isCustomer?.(value) : pkg.adapter?.isRequest(value);
      const seeds = [
        ...Object.values(pkg.fixtures.valid),
        ...pkg.fixtures.invalid.slice(0, 40).map((fixture) => fixture.value),
      ];
      const payload = mutatedPayloads(seeds);
      fc.assert(
        fc.property(payload, (value) => {
          const expected = oracle(value);
          const result = generated(value);
          expect(result.ok).toBe(expected);
          expect(guard(value)).toBe(expected);
          if (!expected)
            expect(ruleKeys(result.errors ?? [])).toEqual(
              ruleKeys(
                (oracle.errors ?? []).map((error: ErrorObject) => ({ path: errorPointer(error), rule: error.keyword })),
              ),
            );
        }),
        { numRuns: RUNS, seed: SEED },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }, 600_000);

    it(`every guard agrees with ajv's compiled function for its target, on ${RUNS} mutated payloads (seed ${SEED})`, async () => {
      const pkg = await loadPackage<Package>(slug);
      const guards = (await import(`../../generated/${slug}/src/guards.ts`)) as Record<string, Check>;
      const compiled = (await import(`../../generated/${slug}/src/validators.compiled.js`)) as Record<string, Check>;
      const targets = Object.keys(compiled).sort();
      expect(Object.keys(guards).sort()).toEqual(targets);
      const { valid, invalid, context, successResponse, errorResponses = [] } = pkg.fixtures;
      // Every fixture the package has, so that each target meets payloads close to its own schema.
      const seeds = [
        ...Object.values(valid),
        ...invalid.slice(0, 40).map((fixture) => fixture.value),
        context,
        successResponse?.body,
        ...errorResponses.map((answer) => answer.body),
      ].filter((seed) => seed !== undefined);
      fc.assert(
        fc.property(mutatedPayloads(seeds), (value) => {
          for (const target of targets)
            expect([target, (guards[target] as Check)(value)]).toEqual([target, (compiled[target] as Check)(value)]);
        }),
        { numRuns: RUNS, seed: SEED },
      );
    }, 600_000);
  },
);
