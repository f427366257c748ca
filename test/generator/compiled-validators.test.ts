// validators.compiled.js is ajv's standalone code with its CommonJS requires
// turned into imports: every helper it can call must resolve and behave as
// ajv's own. Deep equality (enum and const over objects, uniqueItems) is the
// one the five vendor specs do not reach.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emitCompiledValidators } from "../../generator/emit/validators.js";
import {
  ajvWithDefinitions,
  compileSchema,
  createAjv,
  validationSchema,
} from "../../generator/model/validation-schema.js";
import { repoRoot } from "../helpers/cli.js";
import { modelOf } from "../helpers/schema-model.js";

const outDir = join(repoRoot, ".test-output/compiled");
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** The compiled module, its runtime imports pointed at the runtime's sources, imported. */
async function load(js: string, name: string) {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `${name}.js`);
  const source = js.replace(/"@customer-adapters\/runtime\/([\w-]+)"/g, (_, subpath: string) =>
    JSON.stringify(join(repoRoot, `packages/runtime/src/${subpath}.ts`)),
  );
  writeFileSync(file, source);
  return (await import(file)) as Record<string, (value: unknown) => boolean>;
}

describe("ajv's compiled validators, as the generator writes them", () => {
  it("compare objects and arrays by value in enum, const and uniqueItems", async () => {
    const schemas = {
      Shape: { enum: [{ kind: "circle" }, ["a", 1], "plain"] },
      Origin: { const: { x: 0, y: 0 } },
      Tags: { type: "array", uniqueItems: true, items: { type: "object" } },
    };
    const { js } = emitCompiledValidators(modelOf(schemas));
    expect(js).toContain('import { equal } from "@customer-adapters/runtime/equal";');
    expect(js).not.toMatch(/\brequire\(/);
    const compiled = await load(js, "validators.compiled");
    const samples: Record<string, unknown[]> = {
      Shape: [{ kind: "circle" }, { kind: "square" }, ["a", 1], ["a", 2], "plain", { kind: "circle", r: 1 }],
      Origin: [{ x: 0, y: 0 }, { y: 0, x: 0 }, { x: 0, y: 1 }, [0, 0]],
      Tags: [[{ a: 1 }, { a: 2 }], [{ a: 1 }, { a: 1 }], [{ a: [1] }, { a: [1] }], []],
    };
    for (const [name, values] of Object.entries(samples)) {
      const validate = compiled[name.charAt(0).toLowerCase() + name.slice(1)] as (value: unknown) => boolean;
      const oracle = createAjv(modelOf(schemas).schemas).compile(
        validationSchema({ $ref: `#/components/schemas/${name}` }),
      );
      expect(
        values.map((value) => validate(value)),
        name,
      ).toEqual(values.map((value) => oracle(value)));
    }
    expect(compiled.shape?.({ kind: "circle" })).toBe(true);
    expect(compiled.tags?.([{ a: 1 }, { a: 1 }])).toBe(false);
  });

  it("take int32 and date-time from ./formats, which loads no ajv-formats, and check them as ajv does", async () => {
    const schemas = {
      Count: { type: "integer", format: "int32" },
      Stamp: { type: "string", format: "date-time" },
    };
    const { js } = emitCompiledValidators(modelOf(schemas));
    expect(js).toContain('import { formatDefinitions } from "@customer-adapters/runtime/formats";');
    expect(js).not.toContain("format-set");
    const compiled = await load(js, "light-formats");
    const samples: Record<string, unknown[]> = {
      Count: [0, 2147483647, 2147483648, -2147483648, -2147483649, 1.5],
      Stamp: ["2024-02-29T23:59:59Z", "2024-02-30T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T10:00:00+01:00"],
    };
    for (const [name, values] of Object.entries(samples)) {
      const validate = compiled[name.charAt(0).toLowerCase() + name.slice(1)] as (value: unknown) => boolean;
      const oracle = createAjv(modelOf(schemas).schemas).compile(
        validationSchema({ $ref: `#/components/schemas/${name}` }),
      );
      expect(values.map(validate), name).toEqual(values.map((value) => oracle(value)));
    }
    expect(compiled.count?.(2147483648)).toBe(false);
    expect(compiled.stamp?.("2024-02-30T00:00:00Z")).toBe(false);
  });

  it("take the whole format set when a format has no check of the runtime's own", async () => {
    const { js } = emitCompiledValidators(
      modelOf({ Site: { type: "string", format: "uri" }, Count: { type: "integer", format: "int32" } }),
    );
    expect(js).toContain('import { formats } from "@customer-adapters/runtime/format-set";');
    expect(js).not.toContain("formatDefinitions");
    const compiled = await load(js, "whole-set");
    expect(compiled.site?.("https://example.com/a")).toBe(true);
    expect(compiled.site?.("not a uri")).toBe(false);
  });
});

describe("one compilation per spec", () => {
  const schemas = {
    Address: { type: "object", properties: { city: { type: "string", maxLength: 3 } } },
    Customer: { type: "object", properties: { home: { $ref: "#/components/schemas/Address" } } },
  };

  it("the standalone module takes the functions the generate-time checks compiled", () => {
    const model = modelOf(schemas);
    const checked = compileSchema(model.schemas, { $ref: "#/components/schemas/Customer" });
    const extra = [{ name: "@home", schema: { $ref: "#/components/schemas/Address" } }];
    const ajv = ajvWithDefinitions(model.schemas, extra);
    expect(ajv.getSchema("components#/$defs/Customer")).toBe(checked);
    expect(compileSchema(model.schemas, { $ref: "#/components/schemas/Customer" })).toBe(checked);
    expect(ajv.getSchema("components#/$defs/@home")?.({ city: "Lyon" })).toBe(false);
    expect(checked({ home: { city: "Nice" } })).toBe(false);
  });

  it("a definition of the same name but another schema gets an ajv of its own", () => {
    const model = modelOf(schemas);
    const shared = ajvWithDefinitions(model.schemas, [{ name: "@x", schema: { type: "string" } }]);
    expect(ajvWithDefinitions(model.schemas, [{ name: "@x", schema: { type: "string" } }])).toBe(shared);
    const other = ajvWithDefinitions(model.schemas, [{ name: "@x", schema: { type: "number" } }]);
    expect(other).not.toBe(shared);
    expect(other.getSchema("components#/$defs/@x")?.(1)).toBe(true);
    expect(shared.getSchema("components#/$defs/@x")?.(1)).toBe(false);
  });
});
