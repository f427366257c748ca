// How `npm run corpus` (tools/corpus.ts) decides that a package's fixtures agree with its own validators.
import { describe, expect, it } from "vitest";
import { disagreement, type GeneratedPackage } from "../../tools/corpus.js";

/** A package whose request validator reports `errors` for any value, with one invalid fixture recording `recorded`. */
const packageWith = (errors: { path: string; rule: string }[], recorded: { path: string; rule: string }[]) =>
  ({
    adapter: {
      validateRequest: () => ({ ok: false, errors }),
      validateResponse: () => ({ ok: true }),
    },
    fixtures: { invalid: [{ name: "type at /country", value: 1, errors: recorded }] },
  }) as GeneratedPackage;

describe("the corpus's fixture check", () => {
  it("counts a (path, rule) the validator reports twice (two anyOf branches) once, as the fixtures record it", () => {
    const type = { path: "/country", rule: "type" };
    const anyOf = { path: "/country", rule: "anyOf" };
    expect(disagreement(packageWith([type, type, anyOf], [anyOf, type]))).toBeUndefined();
    expect(disagreement(packageWith([type, anyOf], [type]))).toBe(
      "invalid fixture `type at /country` does not fail with the errors it records",
    );
  });
});
