// The project's own `x-` extensions are checked like a schema (core/extensions.ts,
// load/check-extensions.ts): a misspelled extension, an unknown key at any level
// of one, one out of its place or of the wrong type is a positioned error with the
// closest known name; a vendor's own extensions (Stripe's `x-stripeResource`) pass.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { closestName } from "../../generator/core/did-you-mean.js";
import { EXTENSION_NAMES } from "../../generator/core/extensions.js";
import { repoRoot } from "../helpers/cli.js";
import { miniMapping, miniVendor, removeSpecsFolders, specProblems } from "../helpers/mini-vendor.js";

afterAll(removeSpecsFolders);

const good = miniVendor(miniMapping);
const swap = (from: string, to: string) => {
  expect(good).toContain(from);
  return good.replace(from, to);
};
/** `specs/mini.yaml:<line>:<column>` of the first line of `spec` that contains `text`, at its column + offset. */
const at = (spec: string, text: string, offset = 0) => {
  const lines = spec.split("\n");
  const index = lines.findIndex((line) => line.includes(text));
  expect(index, text).toBeGreaterThanOrEqual(0);
  return `mini.yaml:${index + 1}:${(lines[index] as string).indexOf(text) + 1 + offset}`;
};
const ERROR_BODY = `        "400":
          description: Bad request.
          x-error-body: { code: /code, message: /message }
          content:
            application/json:
              schema: { type: object, properties: { code: { type: string }, message: { type: string } } }
        "201":`;
const withErrorBody = swap('        "201":', ERROR_BODY);

describe("x- extensions", () => {
  it("the mini vendor, with an x-error-body and a vendor's own extensions anywhere, loads", () => {
    const spec = withErrorBody
      .replace("info:\n", "info:\n  x-stripeResource: { class_name: Customer }\n")
      .replace("        name: { type: string,", "        name: { x-internal-id: 7, type: string,")
      .replace("x-mapping:\n", "x-apis: [a]\nx-mapping:\n");
    expect(specProblems(spec)).toEqual([]);
  });

  it("a root `x-maping:` is an error at its place naming `x-mapping`, not a package without a mapper", () => {
    const spec = swap("x-mapping:\n", "x-maping:\n");
    const [problem, ...more] = specProblems(spec);
    expect(more).toEqual([]);
    expect(problem).toMatch(
      /^mini\.yaml:\d+:\d+ \/x-maping: unknown extension `x-maping` \(did you mean `x-mapping`\?\)$/,
    );
    expect(problem?.split(" ")[0]).toBe(`${at(spec, "request:", 2)}`.replace(/:\d+$/, ":3"));
  });

  it("misspellings of other extensions at any level", () => {
    const spec = good.replace("x-sensitive: true", "x-sensitiv: true").replace("x-vendor:", "x-vedor:");
    expect(specProblems(spec)).toEqual([
      `${at(spec, "x-vedor", 9)} /info/x-vedor: unknown extension \`x-vedor\` (did you mean \`x-vendor\`?)`,
      `${at(spec, "x-sensitiv:", 12)} /x-context/properties/password/x-sensitiv: unknown extension \`x-sensitiv\` (did you mean \`x-sensitive\`?)`,
    ]);
  });

  it("a key OpenAPI does not know, in another case or with `_`, names the extension it misses", () => {
    const spec = good.replace("x-vendor:", "X_Vendor:");
    expect(specProblems(spec)).toEqual([
      `${at(spec, "X_Vendor", 10)} /info/X_Vendor: OpenAPI 3.1: unknown field \`X_Vendor\` here (did you mean \`x-vendor\`?)`,
    ]);
  });

  it.each([
    ["x-error-body", withErrorBody.replace("message: /message }", "mesage: /message }"), "mesage", "message"],
    ["x-mapping auth", good.replace("password: password }", "pasword: password }"), "pasword", "password"],
    [
      "x-mapping declaration",
      good.replace("context: account }", "context: account, trasform: copy }"),
      "trasform",
      "transform",
    ],
  ])("an unknown key in %s names the closest known key", (_where, spec, key, near) => {
    const [problem, ...more] = specProblems(spec);
    expect(more).toEqual([]);
    expect(problem).toMatch(
      new RegExp(
        `^mini\\.yaml:\\d+:\\d+ \\S+/${key}: unknown key \`${key}\` in \`x-[a-z-]+\` \\(did you mean \`${near}\`\\?\\)$`,
      ),
    );
  });

  it("an unknown key nowhere near a known one lists the known keys", () => {
    const spec = withErrorBody.replace("message: /message }", "message: /message, severity: /level }");
    expect(specProblems(spec)).toEqual([
      `${at(spec, "/level", 0)} /paths/~1customers/post/responses/400/x-error-body/severity: unknown key \`severity\` in \`x-error-body\`; known keys here: code, message, list, fields, field, when`,
    ]);
  });

  it("an extension out of its place is an error: nothing would read it there", () => {
    const spec = good.replace("x-vendor:", "x-errors: []\n  x-vendor:");
    expect(specProblems(spec)).toEqual([
      `${at(spec, "x-errors: []", 10)} /info/x-errors: \`x-errors\` goes on an operation; here nothing reads it`,
    ]);
  });

  it("a value of the wrong type, where no other check reads it", () => {
    const spec = good.replace("x-sensitive: true", "x-sensitive: yes");
    expect(specProblems(spec)).toEqual([
      `${at(spec, "x-sensitive: yes", 13)} /x-context/properties/password/x-sensitive: \`x-sensitive\` must be boolean`,
    ]);
  });

  it("data is not read for extensions: an example's value, a default, a property named like one", () => {
    const spec = swap(
      "        phone: { type: string, description: Phone. }",
      "        phone: { type: object, description: Phone., default: { x-maping: 1 }, properties: { x-maping: { type: string } } }",
    );
    expect(specProblems(spec)).toEqual([]);
  });
});

it("a misspelled schema keyword names the one meant too, by the same rule", () => {
  const spec = good.replace(
    "name: { type: string, minLength: 1, maxLength: 60,",
    "name: { type: string, minLength: 1, maxLenght: 60,",
  );
  expect(specProblems(spec)).toEqual([
    `${at(spec, "60,", 0)} /components/schemas/Body/properties/name/maxLenght: unknown schema keyword \`maxLenght\` (did you mean \`maxLength\`?)`,
  ]);
});

describe("the vocabulary is one table", () => {
  it("docs/spec-conventions.md documents exactly the extensions the table knows", () => {
    const docs = readFileSync(join(repoRoot, "docs/spec-conventions.md"), "utf8");
    const table = docs.slice(docs.indexOf("## The `x-` vocabulary"), docs.indexOf("### `x-errors`"));
    const documented = [...table.matchAll(/^\| ((?:`x-[a-z-]+`(?:, )?)+) \|/gm)].flatMap(([, names]) =>
      [...(names as string).matchAll(/`(x-[a-z-]+)`/g)].map(([, name]) => name),
    );
    expect([...documented].sort()).toEqual([...EXTENSION_NAMES].sort());
  });

  it("closestName: near misses only", () => {
    expect(closestName("x-maping", EXTENSION_NAMES)).toBe("x-mapping");
    expect(closestName("X-Error-Body", EXTENSION_NAMES)).toBe("x-error-body");
    // Two neighbouring letters swapped is one slip, not two edits.
    expect(closestName("feild", ["field", "fields"])).toBe("field");
    // Vendors' own extensions in the published documents under test/fixtures/.
    for (const vendor of ["x-sort", "x-stripeResource", "x-expandableFields", "x-resourceId", "x-read-only", "x-apis"])
      expect(closestName(vendor, EXTENSION_NAMES), vendor).toBeUndefined();
  });
});
