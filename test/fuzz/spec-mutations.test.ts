// Broken specs beyond the hand-made corpus (test/loader/bad-specs.test.ts):
// fast-check takes each real spec, replaces one node anywhere in it with a
// value of another shape (or removes it), and runs the generator. Whatever the
// change, the run must either generate or fail with positioned spec errors
// (`file:line:column pointer: what is wrong`): never an internal error, a
// stack trace or a crash. `npm test` runs a seeded sample per spec;
// FUZZ_SPEC_RUNS=500 runs more (each case is a whole generate run, ~0.25 s).
// A failure prints fast-check's seed and the mutation.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { parse, stringify } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { isSpecFailure } from "../../generator/core/spec-error.js";
import { findSpecs, generate } from "../../generator/pipeline.js";
import { repoRoot } from "../helpers/cli.js";
import { paths } from "../helpers/mutations.js";

const RUNS = Number(process.env.FUZZ_SPEC_RUNS ?? 12);
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const SHAPES: unknown[] = [5, -1, 0.5, "x", "", [], {}, null, true, [1], { a: 1 }];
const POSITIONED = /^\S+\.yaml:\d+:\d+ \/\S*: ./;

const scratch = mkdtempSync(join(tmpdir(), "spec-mutations-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.each(findSpecs(join(repoRoot, "specs")).map((spec) => [spec.slug, spec.path] as const))(
  "%s spec, one node changed",
  (slug, path) => {
    const original = parse(readFileSync(path, "utf8")) as unknown;
    const nodes = paths(original).filter((at) => at.length > 0);
    const dir = join(scratch, slug);
    cpSync(join(repoRoot, "specs"), join(dir, "specs"), { recursive: true });
    const file = join(dir, "specs", path.slice(join(repoRoot, "specs").length + 1));

    it(`generates or fails with positioned spec errors, never crashes (${RUNS} runs, seed ${SEED})`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...nodes),
          fc.option(fc.constantFrom(...SHAPES), { nil: undefined }),
          async (at, shape) => {
            const document = structuredClone(original) as Record<string | number, unknown>;
            const parent = at
              .slice(0, -1)
              .reduce<Record<string | number, unknown>>(
                (node, key) => node[key] as Record<string | number, unknown>,
                document,
              );
            const key = at[at.length - 1] as string | number;
            if (shape === undefined && !Array.isArray(parent)) delete parent[key];
            else parent[key] = shape ?? null;
            writeFileSync(file, stringify(document));
            try {
              await generate(join(dir, "specs"), dir, new Set([slug]));
            } catch (error) {
              expect(
                isSpecFailure(error),
                `not a spec error: ${error instanceof Error ? error.stack : String(error)}`,
              ).toBe(true);
              for (const line of (error as Error).message.split("\n")) expect(line).toMatch(POSITIONED);
            }
          },
        ),
        { numRuns: RUNS, seed: SEED },
      );
    });
  },
);
