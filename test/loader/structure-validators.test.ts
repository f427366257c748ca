import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import {
  STRUCTURE_CHECKS,
  structureValidator,
  structureValidatorModule,
} from "../../generator/load/structure-validators.js";
import { EXTENSIONS } from "../../generator/core/extensions.js";
import { extensionValidatorsModule } from "../../generator/load/check-extensions.js";
import { repoRoot } from "../helpers/cli.js";

// Written inside the repository, so that the module's `require("ajv/...")` resolves as it does from dist/.
const dir = mkdtempSync(join(repoRoot, "node_modules/.structure-validators-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const precompiled = (check: (typeof STRUCTURE_CHECKS)[number]): ValidateFunction => {
  const file = join(dir, `${check}.cjs`);
  writeFileSync(file, structureValidatorModule(check));
  return (createRequire(file)(file) as { validate: ValidateFunction }).validate;
};
const jtl = parse(readFileSync(join(repoRoot, "specs/jtl.yaml"), "utf8")) as Record<string, unknown>;

describe("the structure checks compiled ahead of time (dist/, generator/compile.mjs)", () => {
  it("give the verdicts and errors of the ones compiled at run time", () => {
    const samples: Record<(typeof STRUCTURE_CHECKS)[number], unknown[]> = {
      "openapi-3.1": [jtl, { ...jtl, pathz: {} }, { openapi: "3.1.0", info: { title: 1 } }],
      "json-schema-2020-12": [{ type: "string" }, { pattern: 3 }, { properties: { a: { minLength: -1 } } }],
    };
    for (const check of STRUCTURE_CHECKS) {
      const ahead = precompiled(check);
      const now = structureValidator(check);
      for (const sample of samples[check]) {
        const verdict = now(sample);
        expect(ahead(sample)).toBe(verdict);
        expect(ahead.errors ?? null).toEqual(now.errors ?? null);
      }
      expect(samples[check].map((sample) => now(sample))).toEqual([true, false, false]);
    }
  });
});

describe("the extensions' shapes compiled ahead of time (dist/, generator/compile.mjs)", () => {
  it("give each extension the verdicts and errors of its shape compiled alone", () => {
    const file = join(dir, "extensions.cjs");
    writeFileSync(file, extensionValidatorsModule());
    const ahead = createRequire(file)(file) as Record<string, ValidateFunction>;
    const samples: [string, unknown, boolean][] = [
      ["x-vendor", { slug: "a", name: "A", "x-note": 1 }, true],
      ["x-vendor", { slug: "a", nmae: "A" }, false],
      ["x-mapping", { request: [{ to: "/a", map: [{ to: "/b", form: "/c" }] }] }, false],
      ["x-mapping", { request: [{ to: "/a", map: [{ to: "/b", from: "/c" }] }] }, true],
      ["x-errors", [{ code: "E1", rules: [{ in: "body", path: "/a", keyword: "required", extra: 1 }] }], false],
      ["x-sensitive", "yes", false],
      ["x-context", { anything: true }, true],
      ["x-expect", 3, true],
    ];
    for (const [name, value, valid] of samples) {
      const alone = new Ajv2020({ allErrors: true, strict: false, verbose: true }).compile(
        (EXTENSIONS[name] as { shape: object }).shape,
      );
      expect(alone(value), `${name} ${JSON.stringify(value)}`).toBe(valid);
      expect(ahead[name]?.(value)).toBe(valid);
      expect(ahead[name]?.errors ?? null).toEqual(alone.errors ?? null);
    }
  });
});
