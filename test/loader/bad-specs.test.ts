import { mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../generator/spec.js";
import { isSpecFailure } from "../../generator/core/spec-error.js";
import { repoRoot } from "../helpers/cli.js";

const corpus = join(repoRoot, "test/fixtures/bad-specs");

/** file → [line, column, JSON pointer, what the message must say]. */
const expected: Record<string, [number, number, string, string]> = {
  "catastrophic-pattern": [
    31,
    20,
    "/components/schemas/Customer/properties/name/pattern",
    "the pattern can backtrack catastrophically",
  ],
  "cyclic-ref": [33, 13, "/components/schemas/A/$ref", "is circular"],
  "dangling-ref": [
    17,
    21,
    "/paths/~1customers/post/requestBody/content/application~1json/schema/$ref",
    "`#/components/schemas/Custmer` points to nothing",
  ],
  "duplicate-key": [31, 11, "/", "Map keys must be unique"],
  "dynamic-ref": [
    31,
    24,
    "/components/schemas/Customer/properties/name/$dynamicRef",
    "`$dynamicRef` to an anchor that several `$dynamicAnchor`s declare",
  ],
  empty: [1, 1, "/", "the file is empty"],
  "error-rule-unknown-field": [
    13,
    110,
    "/paths/~1customers/post/x-errors/0/rules/0/path",
    "`/nmae` is not a field of the request body",
  ],
  "error-rule-not-a-mapping": [
    19,
    84,
    "/paths/~1customers/post/x-errors/0/rules/0",
    "an `x-errors` rule must be a mapping",
  ],
  "error-unknown-kind": [13, 69, "/paths/~1customers/post/x-errors/0/kind", "`kind` must be one of invalid-field"],
  "example-breaks-schema": [
    21,
    24,
    "/paths/~1customers/post/requestBody/content/application~1json/examples/sample/value",
    // The rule broken, with the line of the nested property's own `maxLength`.
    "example `sample` breaks its own schema: /name maxLength (test/fixtures/bad-specs/example-breaks-schema.yaml:34:22)",
  ],
  "impossible-required": [
    26,
    24,
    "/components/schemas/Customer/required/1",
    "`email` is required but is not a property",
  ],
  "items-not-a-schema": [
    31,
    18,
    "/components/schemas/Customer/properties/name/items",
    "`items` must be object or boolean",
  ],
  "invalid-pattern": [31, 20, "/components/schemas/Customer/properties/name/pattern", "invalid regular expression"],
  "keyword-wrong-type": [31, 20, "/components/schemas/Customer/properties/name/pattern", "`pattern` must be string"],
  "malformed-yaml": [27, 7, "/", "YAML: Flow sequence"],
  "min-greater-than-max": [
    31,
    22,
    "/components/schemas/Customer/properties/name/minLength",
    "minLength 61 is greater than maxLength 60",
  ],
  "missing-ref-file": [
    17,
    21,
    "/paths/~1customers/post/requestBody/content/application~1json/schema/$ref",
    "names a file that does not exist",
  ],
  "multiple-of-zero": [31, 23, "/components/schemas/Customer/properties/name/multipleOf", "`multipleOf` must be > 0"],
  "no-openapi-field": [1, 1, "/", "the `openapi: 3.1.x` field is missing"],
  "no-operation": [8, 8, "/paths", "exactly one create-customer operation; found 0"],
  "not-openapi": [1, 1, "/", "expected a mapping at the top level"],
  "nullable-3-0": [31, 21, "/components/schemas/Customer/properties/name/nullable", "`nullable` is OpenAPI 3.0"],
  "openapi-3-0": [31, 20, "/components/schemas/Customer/properties/name/pattern", "invalid regular expression"],
  "ref-to-document": [
    17,
    21,
    "/paths/~1customers/post/requestBody/content/application~1json/schema/$ref",
    "must point at a schema",
  ],
  "remote-ref": [
    17,
    21,
    "/paths/~1customers/post/requestBody/content/application~1json/schema/$ref",
    "`https://example.com/api/common.yaml#/components/schemas/Customer` names a remote document: the generator reads local files only",
  ],
  "schema-not-a-mapping": [32, 13, "/components/schemas/Legacy", "a schema must be a mapping"],
  "slug-mismatch": [6, 11, "/info/x-vendor/slug", "the file is named slug-mismatch.yaml"],
  "swagger-2": [35, 20, "/definitions/Customer/properties/name/minLength", "minLength 61 is greater than maxLength 60"],
  "tab-indent": [30, 1, "/", "Tabs are not allowed as indentation"],
  "two-operations": [9, 3, "/paths", "2 operations and no `info.x-vendor.operationId`"],
  "undefined-security-scheme": [9, 16, "/security/0/basicAuth", "`basicAuth` is not defined"],
  "unknown-keyword": [30, 22, "/components/schemas/Customer/properties/name/maxlength", "did you mean `maxLength`?"],
  "unknown-top-level-field": [8, 8, "/pathz", "unknown field `pathz`"],
  "unknown-type": [29, 17, "/components/schemas/Customer/properties/name/type", "unknown type `strnig`"],
  "wrong-expected-errors": [
    21,
    34,
    "/paths/~1customers/post/requestBody/content/application~1json/examples/sample/x-expect-errors",
    "breaks /name maxLength; x-expect-errors lists /name required",
  ],
};

function firstLine(path: string): string {
  try {
    loadSpec(path, { root: repoRoot });
  } catch (error) {
    expect(isSpecFailure(error), `a SpecError, not ${String(error)}`).toBe(true);
    return (error as Error).message.split("\n")[0] as string;
  }
  throw new Error(`${path} loaded without an error`);
}

describe("broken specs", () => {
  it("the corpus and the table name the same cases", () => {
    const files = readdirSync(corpus)
      .map((name) => name.replace(/\.yaml$/, ""))
      .sort();
    expect(files).toEqual(Object.keys(expected).sort());
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  it.each(Object.entries(expected))("%s: one positioned message", (name, [line, column, pointer, says]) => {
    const message = firstLine(join(corpus, `${name}.yaml`));
    expect(message.startsWith(`test/fixtures/bad-specs/${name}.yaml:${line}:${column} ${pointer}: `), message).toBe(
      true,
    );
    expect(message).toContain(says);
  });

  it("refuses a file larger than any API document, without reading it", () => {
    const dir = mkdtempSync(join(tmpdir(), "huge-spec-"));
    const path = join(dir, "huge.yaml");
    // 300 MB that take no disk (a sparse file).
    writeFileSync(path, "openapi: 3.1.0\n");
    truncateSync(path, 300 * 1024 * 1024);
    try {
      expect(firstLine(path)).toMatch(/huge\.yaml:1:1 \/: the file is 300\.0 MB; documents are limited to 256 MB/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
