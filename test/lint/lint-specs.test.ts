// Each lint rule: a clean spec passes, and a spec that breaks the rule gets one
// finding naming the rule and the position.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LINT_RULES, lintSpec } from "../../generator/lint/lint-specs.js";
import { loadAllWithSources } from "../../generator/pipeline.js";
import { repoRoot } from "../helpers/cli.js";
import { miniVendor, removeSpecsFolders, specsFolder } from "../helpers/mini-vendor.js";

const mapping = `  request:
    - { to: /query/account, context: account }
    - { to: /body/name, from: [/person/givenName, /person/familyName], transform: join }
    - { to: /body/phone, from: /phones, transform: nth, pick: /number }
    - to: /body/contacts
      from: /contacts
      map:
        - { to: /fullName, from: /name }
        - { to: /email, from: /email }
  auth:
    basicAuth: { username: user, password: password }
  unmapped:
    - { field: /body/country, reason: the mini vendor's own country list }
    - { field: /body/born, reason: not asked for }
    - { field: /body/kind, reason: not asked for }
  needs:
    - { field: /person, reason: "the name is the person's, for a company its contact's" }`;

/** The mini vendor made lint-clean: its free-text fields say why they have no limit. */
const clean = miniVendor(mapping)
  .replace(
    "        phone: { type: string, description: Phone. }",
    "        phone: { type: string, description: Phone., x-no-limit: the vendor documents none }",
  )
  .replace(
    "            required: [fullName]",
    "            required: [fullName]\n            x-no-limit: the vendor documents none",
  );

afterAll(removeSpecsFolders);

function lint(text: string) {
  const dir = specsFolder(text);
  return loadAllWithSources(dir, dir).flatMap(({ model, source }) => lintSpec(model, source));
}

const swap = (from: string, to: string) => {
  expect(clean).toContain(from);
  return clean.replace(from, to);
};

describe("lint:specs", () => {
  it("finds nothing in a spec that follows every rule", () => {
    expect(lint(clean)).toEqual([]);
  });

  const cases: [keyof typeof LINT_RULES, string, string, string][] = [
    [
      "typed-and-described",
      swap(
        "country: { type: string, maxLength: 3, description: ISO alpha-3. }",
        "country: { type: string, maxLength: 3 }",
      ),
      "/components/schemas/Body/properties/country",
      "the property has no description",
    ],
    [
      "typed-and-described",
      swap(
        "born: { type: string, format: date-time, description: Birth. }",
        "born: { format: date-time, description: Birth. }",
      ),
      "/components/schemas/Body/properties/born",
      "the property has no type",
    ],
    [
      "string-limit",
      swap(
        "name: { type: string, minLength: 1, maxLength: 60, description: Name. }",
        "name: { type: string, minLength: 1, description: Name. }",
      ),
      "/components/schemas/Body/properties/name",
      "a request string without maxLength",
    ],
    [
      "mapped-or-unmapped",
      swap("    - { field: /body/kind, reason: not asked for }", ""),
      "/x-mapping",
      "`/body/kind` is neither fed by a declaration nor listed in `unmapped`",
    ],
    [
      "operation-id",
      swap("operationId: createCustomer", "operationId: create-customer"),
      "/paths/~1customers/post",
      "needs an operationId",
    ],
    [
      "vendor-declared",
      swap("  x-vendor: { slug: mini, name: Mini, seed: none }\n", ""),
      "/info",
      "no `x-vendor`: the package is named from the file (mini) and info.title",
    ],
    [
      "known-format",
      swap(
        "born: { type: string, format: date-time, description: Birth. }",
        "born: { type: integer, format: unix-time, description: Birth. }",
      ),
      "/components/schemas/Body/properties/born",
      "format `unix-time` is not one the validators check",
    ],
    [
      "pattern-analysed",
      swap(
        "name: { type: string, minLength: 1, maxLength: 60, description: Name. }",
        'name: { type: string, minLength: 1, maxLength: 60, pattern: "^(a|b|ab)*c$", description: Name. }',
      ),
      "/components/schemas/Body/properties/name/pattern",
      "inconclusive within its step budget",
    ],
    [
      "sampled",
      swap(
        "      properties:\n        customerId: { type: integer, description: Id. }",
        "      required: [customerId]\n      properties:\n        customerId: { type: integer, minimum: 5, maximum: 5, multipleOf: 2, description: Id. }",
      ),
      "/components/schemas/Created/properties/customerId/multipleOf",
      "no valid full sample could be made of the schema at /paths/~1customers/post/responses/201",
    ],
    [
      "idempotency",
      swap("operationId: createCustomer", "operationId: createCustomer\n      x-idempotency: { body: /kind }"),
      "/paths/~1customers/post/x-idempotency/body",
      "`/kind` must be a string to hold the key",
    ],
    [
      "unused-component",
      swap("    Created:", "    Spare:\n      type: object\n      description: Not used.\n    Created:"),
      "/components/schemas/Spare",
      "`Spare` is not used",
    ],
  ];

  it("has a case for every rule", () => {
    expect([...new Set(cases.map(([rule]) => rule))].sort()).toEqual(Object.keys(LINT_RULES).sort());
  });

  it.each(cases)("%s: %s", (rule, text, pointer, says) => {
    const findings = lint(text);
    expect(findings.map((finding) => finding.rule)).toEqual([rule]);
    expect(findings[0]?.at).toMatchObject({ file: "mini.yaml", pointer });
    expect(findings[0]?.at.line).toBeGreaterThan(1);
    expect(findings[0]?.message).toContain(says);
  });

  it("an unknown format is a warning only: the spec generates, the validators take any value there", () => {
    const [finding] = lint(
      swap(
        "born: { type: string, format: date-time, description: Birth. }",
        "born: { type: integer, format: unix-time, description: Birth. }",
      ),
    );
    expect(finding).toMatchObject({ rule: "known-format", warning: true });
  });

  it("sampled: the warning names the line of the nested rule the sample cannot keep, not the response's", () => {
    const text = swap(
      "      properties:\n        customerId: { type: integer, description: Id. }",
      "      required: [customerId]\n      properties:\n        customerId: { type: integer, minimum: 5, maximum: 5, multipleOf: 2, description: Id. }",
    );
    const [finding] = lint(text);
    const lines = text.split("\n");
    const line = lines.findIndex((each) => each.includes("multipleOf: 2")) + 1;
    expect(finding).toMatchObject({ rule: "sampled", warning: true });
    expect(finding?.at.line).toBe(line);
    expect(finding?.at.column).toBe((lines[line - 1] as string).indexOf("multipleOf: 2") + "multipleOf: ".length + 1);
  });

  it("passes on the project's own specs", () => {
    const findings = loadAllWithSources(join(repoRoot, "specs"), repoRoot).flatMap(({ model, source }) =>
      lintSpec(model, source),
    );
    expect(
      findings.map((finding) => `${finding.at.file}:${finding.at.line} [${finding.rule}] ${finding.message}`),
    ).toEqual([]);
  });
});
