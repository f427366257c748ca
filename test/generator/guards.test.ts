// The guard compiler (generator/emit/guards/) on keywords and names the five
// vendor specs do not exercise: each guard must give ajv's verdict on every
// sample, and a keyword it does not compile must hand over to ajv's function.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Biome } from "@biomejs/js-api/nodejs";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { emitGuards } from "../../generator/emit/guards/index.js";
import type { Schema } from "../../generator/core/schema-walk.js";
import { createAjv, validationSchema } from "../../generator/model/validation-schema.js";
import { CONFIGURATION, needsFormatting } from "../../generator/write/format.js";
import { repoRoot } from "../helpers/cli.js";
import { modelOf } from "../helpers/schema-model.js";

const outDir = join(repoRoot, ".test-output/guards");
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

let files = 0;
async function guardsFor(schemas: Record<string, Schema>): Promise<Record<string, (value: unknown) => boolean>> {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `guards${files++}.ts`);
  writeFileSync(
    file,
    emitGuards(modelOf(schemas), () => "../../packages/runtime/src/validation.js"),
  );
  return (await import(file)) as Record<string, (value: unknown) => boolean>;
}

/** Asserts that the guard for `name` accepts exactly what ajv accepts, and returns the verdicts. */
async function verdicts(schemas: Record<string, Schema>, name: string, samples: unknown[]): Promise<boolean[]> {
  const guards = await guardsFor(schemas);
  const guard = guards[name.charAt(0).toLowerCase() + name.slice(1)] as (value: unknown) => boolean;
  const oracle = createAjv(modelOf(schemas).schemas).compile(
    validationSchema({ $ref: `#/components/schemas/${name}` }),
  );
  const found = samples.map((sample) => guard(sample));
  expect(found).toEqual(samples.map((sample) => oracle(sample)));
  return found;
}

describe("guards agree with ajv on keywords the vendor specs do not use", () => {
  it("oneOf counts exactly one match; not excludes", async () => {
    const schemas = {
      Pet: {
        oneOf: [
          { type: "string", maxLength: 3 },
          { type: "string", pattern: "^a" },
        ],
        not: { const: "abc" },
      },
    };
    expect(await verdicts(schemas, "Pet", ["xyz", "abcd", "ab", "abc", 1])).toEqual([true, true, false, false, false]);
  });

  it("large enums, numeric limits and nullable integers", async () => {
    const schemas = {
      Level: {
        type: "object",
        properties: {
          grade: { enum: ["a", "b", "c", "d", "e", "f", "g", 1, null] },
          score: { type: ["integer", "null"], minimum: 1, exclusiveMaximum: 10 },
          ratio: { type: "number", maximum: 1.5, exclusiveMinimum: 0 },
        },
      },
    };
    const samples = [
      { grade: "g" },
      { grade: 1 },
      { grade: null },
      { grade: "h" },
      { score: null },
      { score: 1 },
      { score: 10 },
      { score: 2.5 },
      { ratio: 1.5 },
      { ratio: 0 },
      { ratio: Infinity },
    ];
    expect(await verdicts(schemas, "Level", samples)).toEqual([
      true,
      true,
      true,
      false,
      true,
      true,
      false,
      false,
      true,
      false,
      false,
    ]);
  });

  it("minLength counts code points, not UTF-16 units", async () => {
    const schemas = { Code: { type: "string", minLength: 3, maxLength: 4 } };
    expect(await verdicts(schemas, "Code", ["😀😀", "😀😀😀", "ab", "abcd", "😀😀😀😀😀", "abcde"])).toEqual([
      false,
      true,
      false,
      true,
      false,
      false,
    ]);
  });

  it("additionalProperties as a schema, dependentRequired, if/else and boolean subschemas", async () => {
    const schemas = {
      Tags: {
        type: "object",
        properties: { kind: { type: "string" }, legacy: false, any: true },
        additionalProperties: { type: "integer" },
        dependentRequired: { kind: ["label"] },
        if: { properties: { kind: { const: "company" } }, required: ["kind"] },
        then: { required: ["vat"] },
        else: { not: { required: ["vat"] } },
      },
    };
    const samples = [
      {},
      { x: 1 },
      { x: "1" },
      { kind: "person", label: 1 },
      { kind: "person" },
      { kind: "company", label: 1, vat: 2 },
      { kind: "company", label: 1 },
      { vat: 1 },
      { legacy: 1 },
      { any: "x" },
    ];
    expect(await verdicts(schemas, "Tags", samples)).toEqual([
      true,
      true,
      false,
      true,
      false,
      true,
      false,
      false,
      false,
      true,
    ]);
  });

  it("true and false as anyOf, oneOf and not members", async () => {
    const samples = ["text", 1, null, { a: 1 }];
    expect(await verdicts({ Loose: { anyOf: [{ type: "string" }, true] } }, "Loose", samples)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(await verdicts({ Strict: { anyOf: [{ type: "string" }, false] } }, "Strict", samples)).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(await verdicts({ Either: { oneOf: [true, { type: "string" }] } }, "Either", samples)).toEqual([
      false,
      true,
      true,
      true,
    ]);
    expect(await verdicts({ Nothing: { not: true } }, "Nothing", samples)).toEqual([false, false, false, false]);
  });

  it("recursive components, anyOf through references, arrays with item limits", async () => {
    const schemas = {
      Tree: {
        type: "object",
        required: ["name"],
        properties: {
          name: { anyOf: [{ $ref: "#/components/schemas/Label" }, { type: "integer" }] },
          children: { type: "array", minItems: 1, maxItems: 2, items: { $ref: "#/components/schemas/Tree" } },
        },
        additionalProperties: false,
      },
      Label: { type: "string", format: "email" },
    };
    const leaf = { name: "a@example.com" };
    const samples = [
      leaf,
      { name: 7 },
      { name: "x" },
      { name: 1, children: [leaf] },
      { name: 1, children: [] },
      { name: 1, children: [leaf, leaf, leaf] },
      { name: 1, children: [{ name: 1, children: [{}] }] },
      { name: 1, extra: 1 },
    ];
    expect(await verdicts(schemas, "Tree", samples)).toEqual([true, true, false, true, false, false, false, false]);
  });

  it("declare no alias for an object whose properties check nothing (noUnusedLocals in a consumer's build)", async () => {
    const schemas = {
      Loose: { type: "object", properties: { note: {}, extra: true } },
      Tight: { type: "object", properties: { n: { type: "number" } } },
    };
    const code = emitGuards(modelOf(schemas), () => "../../packages/runtime/src/validation.js");
    const guard = (name: string) => code.slice(code.indexOf(`function is${name}(`)).split("\n}\n")[0] as string;
    expect(guard("Loose")).not.toMatch(/\bconst fields\b/);
    expect(guard("Tight")).toMatch(/\bconst fields\b/);
    expect(await verdicts(schemas, "Loose", [{}, { note: 1 }, "x"])).toEqual([true, true, false]);
  });

  it("property names that are not identifiers or that clash with the guards' own names", async () => {
    const schemas = {
      Odd: {
        type: "object",
        required: ["first-name", "value"],
        properties: {
          "first-name": { type: "string", pattern: "^[A-Z]" },
          value: { type: "string", pattern: "^[A-Z]" },
          isFinite: { type: "number" },
          fields: { type: "string", maxLength: 2 },
          key: { type: "object", properties: { fields: { type: "boolean" } } },
          ucs2length: { type: "string", maxLength: 1 },
        },
        additionalProperties: false,
      },
    };
    const ok = { "first-name": "A", value: "B" };
    const samples = [
      ok,
      { ...ok, isFinite: 1 },
      { ...ok, isFinite: "1" },
      { ...ok, fields: "abc" },
      { ...ok, key: { fields: 1 } },
      { ...ok, ucs2length: "😀" },
      { ...ok, ucs2length: "ab" },
      { value: "B" },
      { ...ok, "first-name": "a" },
    ];
    expect(await verdicts(schemas, "Odd", samples)).toEqual([
      true,
      true,
      false,
      false,
      false,
      true,
      false,
      false,
      false,
    ]);
  });
});

describe("JSON Schema cases the suite found wrong (test/conformance/)", () => {
  it("a component that is `false` rejects every value", async () => {
    const schemas = { Never: false } as unknown as Record<string, Schema>;
    expect(await verdicts(schemas, "Never", [null, 0, "", {}, []])).toEqual([false, false, false, false, false]);
  });

  it("only own properties count: every object inherits toString and constructor", async () => {
    const named = { type: "object", required: ["toString"], properties: { constructor: { type: "string" } } };
    const samples: unknown[] = [{}, { toString: 1 }, { toString: 1, constructor: 2 }];
    samples.push({ toString: 1, constructor: "x" });
    expect(await verdicts({ Named: named }, "Named", samples)).toEqual([false, true, false, true]);
  });
});

describe("a keyword the guards do not compile", () => {
  it("leaves that target to ajv's compiled function and compiles the others", async () => {
    const schemas = { Unique: { type: "array", uniqueItems: true }, Plain: { type: "string" } };
    mkdirSync(outDir, { recursive: true });
    const code = emitGuards(modelOf(schemas), () => "../../packages/runtime/src/validation.js");
    expect(code).toContain(`import * as compiled from "./validators.compiled.js";`);
    expect(code).toMatch(/export const unique: \(value: unknown\) => boolean = compiled\.unique;/);
    expect(code).toMatch(
      /function isPlain\(value: unknown\): boolean \{\n {2}if \(typeof value !== "string"\) return false;/,
    );
    expect(code).toMatch(/export const plain: \(value: unknown\) => boolean = isPlain;/);
  });
});

/** TypeScript's complaints about the guards emitted for `schemas` (strict, as the packages are checked). */
function guardTypeErrors(schemas: Record<string, Schema>): string[] {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `typed${files++}.ts`);
  writeFileSync(
    file,
    emitGuards(modelOf(schemas), () => "../../packages/runtime/src/validation.js"),
  );
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    // A consumer's build may refuse what is declared and never read.
    noUnusedLocals: true,
    noUnusedParameters: true,
    types: [],
    lib: ["lib.es2022.d.ts"],
  });
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(file))
    .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
}

describe("keywords of a kind the declared type excludes", () => {
  it("`maxLength` beside `type: integer`, or in an allOf part after one, is no check: the guard agrees with ajv and type-checks", async () => {
    const schemas = {
      Count: { type: "integer", maxLength: 2, minimum: 1, items: { type: "string" } },
      Later: { allOf: [{ type: "integer" }, { maxLength: 2, minimum: 1 }] },
      // Not named `Then`: a module exporting `then` is a thenable, and `await import` would never settle.
      Branch: { type: "integer", if: { minimum: 5 }, then: { maxLength: 2 }, else: { pattern: "^a" } },
    };
    expect(await verdicts(schemas, "Count", [5, 12345, 0, "ab", 1.5])).toEqual([true, true, false, false, false]);
    expect(await verdicts(schemas, "Later", [5, 12345, 0, "ab"])).toEqual([true, true, false, false]);
    expect(await verdicts(schemas, "Branch", [5, 1, "a"])).toEqual([true, true, false]);
    expect(guardTypeErrors(schemas)).toEqual([]);
  });
});

describe("subschemas that check nothing (published documents' `items: {}`, `additionalProperties: {}`, a bare description, a closed object with no properties)", () => {
  it("declare nothing they never read: the guard agrees with ajv and type-checks under noUnused*", async () => {
    const schemas = {
      Anything: { description: "Any value." },
      List: { type: "array", maxItems: 2, items: { description: "Any item." } },
      Bag: {
        type: "object",
        properties: { a: { type: "string" } },
        additionalProperties: { description: "Any value." },
      },
      Either: { anyOf: [{ type: "string" }, { description: "Or any value." }] },
      Empty: { type: "object", additionalProperties: false },
    };
    expect(await verdicts(schemas, "Anything", [1, "a", null])).toEqual([true, true, true]);
    expect(await verdicts(schemas, "List", [[1, "a"], [1, 2, 3], {}])).toEqual([true, false, false]);
    expect(await verdicts(schemas, "Bag", [{ a: "x", b: 1 }, { a: 1 }, [], 1])).toEqual([true, false, false, false]);
    expect(await verdicts(schemas, "Either", ["a", 1])).toEqual([true, true]);
    expect(await verdicts(schemas, "Empty", [{}, { a: 1 }, []])).toEqual([true, false, false]);
    expect(guardTypeErrors(schemas)).toEqual([]);
  });
});

describe("guards.ts in its final layout on schemas the vendor specs do not have", () => {
  const biome = new Biome();
  const { projectKey } = biome.openProject();
  biome.applyConfiguration(projectKey, CONFIGURATION);
  const emitted = (schemas: Record<string, Schema>) =>
    emitGuards(modelOf(schemas), () => "@customer-adapters/runtime/validation");
  const long = "aVeryLongPropertyNameThatAVendorMightUse";

  it("is what Biome would write: quotes, single options, long conditions, patterns and enum sets", () => {
    const content = emitted({
      Edge: {
        type: "object",
        required: [`${long}One`, `${long}Two`, `${long}Three`],
        properties: {
          'say "hi"': { const: 'it says "hi"' },
          [`${long}One`]: { type: ["integer", "boolean"] },
          nullableCount: { type: ["integer", "null"] },
          [`${long}Two`]: { anyOf: [{ type: "string" }] },
          [`${long}Three`]: { enum: ['a "quoted" one', "b", "c", "d", "e", "f", "g", "h"] },
          [`${long}Four`]: { type: "string", pattern: `^(${"[A-Z]{2}[0-9]{3}|".repeat(12)}x)$`, maxLength: 400 },
          kind: { enum: [`${long}-first`, `${long}-second`, "third"] },
        },
        dependentRequired: { [`${long}One`]: [`${long}Two`], [`${long}Two`]: [`${long}Three`, `${long}Four`] },
      },
    });
    const formatted = biome.formatContent(projectKey, content, { filePath: "guards.ts" }).content;
    expect(formatted).toBe(content);
    expect(needsFormatting({ path: "x/src/guards.ts", content, verbatim: true })).toBe(false);
  });

  it("leaves a line it cannot break long, so that the pipeline sends the file to Biome", () => {
    for (const schema of [
      { const: "x".repeat(130) },
      // A chain in parentheses whose operands, broken one a line, are still too long.
      { type: "object", properties: { [`${long}${long}`]: { type: ["integer", "null"] } } },
    ]) {
      const content = emitted({ Edge: schema });
      expect(needsFormatting({ path: "x/src/guards.ts", content, verbatim: true })).toBe(true);
    }
  });
});
