// The compiled validators are generated with ajv's `messages: false`; the
// runtime makes each sentence from the error's keyword and params
// (runtime/src/error-messages.ts). These hold its sentences to ajv's own,
// keyword by keyword and over every invalid fixture of the specs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ErrorObject, ValidateFunction } from "ajv";
import { describe, expect, it } from "vitest";
import { errorMessage } from "@customer-adapters/runtime/checks";
import { loadAll } from "../../generator/pipeline.js";
import { createAjv, validationSchema } from "../../generator/model/validation-schema.js";
import type { Schema } from "../../generator/core/schema-walk.js";
import { repoRoot } from "../helpers/cli.js";

const compileBoth = (schema: Schema, definitions: { name: string; schema: Schema }[] = []) => ({
  withMessages: createAjv(definitions).compile(validationSchema(schema)),
  without: createAjv(definitions, { messages: false }).compile(validationSchema(schema)),
});

/** ajv's messages for `value`, and the runtime's from the same errors made without messages. */
function messagesOf(validators: { withMessages: ValidateFunction; without: ValidateFunction }, value: unknown) {
  validators.withMessages(value);
  validators.without(value);
  const theirs = (validators.withMessages.errors ?? []).map((error: ErrorObject) => error.message);
  const ours = (validators.without.errors ?? []).map((error: ErrorObject) => {
    expect(error.message).toBeUndefined();
    return errorMessage(error.keyword, error.params);
  });
  return { theirs, ours };
}

const cases: [string, Schema, unknown][] = [
  ["required", { type: "object", required: ["name"] }, {}],
  [
    "type, one and several",
    { type: "object", properties: { a: { type: "string" }, b: { type: ["string", "null"] } } },
    { a: 1, b: 2 },
  ],
  ["string limits", { type: "object", properties: { a: { maxLength: 2 }, b: { minLength: 3 } } }, { a: "abc", b: "x" }],
  [
    "number limits",
    {
      type: "object",
      properties: {
        a: { maximum: 2 },
        b: { minimum: 3 },
        c: { exclusiveMaximum: 1 },
        d: { exclusiveMinimum: 5 },
        e: { multipleOf: 3 },
      },
    },
    { a: 3, b: 1, c: 1, d: 5, e: 4 },
  ],
  ["array limits", { type: "array", maxItems: 1, minItems: 3, uniqueItems: true }, [1, 1]],
  ["object limits", { type: "object", maxProperties: 1, minProperties: 3 }, { a: 1, b: 2 }],
  [
    "pattern and format",
    { type: "object", properties: { a: { pattern: "^x$" }, b: { format: "email" } } },
    { a: "y", b: "no" },
  ],
  ["enum and const", { type: "object", properties: { a: { enum: ["x"] }, b: { const: 1 } } }, { a: "y", b: 2 }],
  ["extra keys", { type: "object", properties: { a: {} }, additionalProperties: false }, { b: 1 }],
  ["unevaluated keys", { type: "object", properties: { a: {} }, unevaluatedProperties: false }, { b: 1 }],
  [
    "tuples",
    {
      type: "object",
      properties: {
        t: { prefixItems: [{}], items: false },
        u: { prefixItems: [{}], unevaluatedItems: false },
      },
    },
    { t: [1, 2], u: [1, 2] },
  ],
  [
    "contains",
    { type: "object", properties: { a: { contains: { const: 1 } }, b: { contains: { const: 1 }, maxContains: 1 } } },
    { a: [2], b: [1, 1] },
  ],
  [
    "dependentRequired, one and several",
    { type: "object", dependentRequired: { a: ["b"], c: ["d", "e"] } },
    { a: 1, c: 1 },
  ],
  [
    "combinators",
    {
      type: "object",
      properties: { a: { anyOf: [{ type: "string" }, { type: "number" }] }, b: { oneOf: [{}, {}] }, c: { not: {} } },
    },
    { a: true, b: 1, c: 1 },
  ],
  ["if/then", { if: { required: ["a"] }, then: { required: ["b"] }, else: { required: ["c"] } }, { a: 1 }],
  ["propertyNames", { type: "object", propertyNames: { maxLength: 1 } }, { long: 1 }],
  ["false schema", { type: "object", properties: { a: false } }, { a: 1 }],
];

describe("the runtime's error messages", () => {
  it.each(cases)("are ajv's for %s", (_, schema, value) => {
    const { theirs, ours } = messagesOf(compileBoth(schema), value);
    expect(theirs.length).toBeGreaterThan(0);
    expect(ours).toEqual(theirs);
  });

  it("are ajv's for every invalid fixture of every spec", () => {
    for (const model of loadAll(join(repoRoot, "specs"), repoRoot)) {
      const body = model.operation?.requestBody?.schema;
      if (!body) continue;
      const validators = compileBoth(body, model.schemas);
      const fixtures = JSON.parse(
        readFileSync(join(repoRoot, "generated", model.slug, "src/fixtures/request-body.json"), "utf8"),
      ) as { invalid: { name: string; value: unknown }[] };
      expect(fixtures.invalid.length, model.slug).toBeGreaterThan(0);
      for (const { name, value } of fixtures.invalid) {
        const { theirs, ours } = messagesOf(validators, value);
        expect(ours, `${model.slug}: ${name}`).toEqual(theirs);
      }
    }
  });
});
