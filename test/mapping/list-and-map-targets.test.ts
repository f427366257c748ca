// Targets inside a list body (`/body/0/email`) and keys of a free-form map
// (`/body/metadata/<key>`), quickly: the generate-time check on the mini
// vendor with a metadata map added, and the runtime mapper on a bare plan.
// test/generator/array-body.test.ts runs the same through the whole generator.
import { afterAll, describe, expect, it } from "vitest";
import { buildRequest, writePointer, type MappingPlan, type RequestValidators } from "@customer-adapters/runtime";
import { miniMapping, miniVendor, removeSpecsFolders, specProblems } from "../helpers/mini-vendor.js";
import { person } from "../fixtures/customers.js";

afterAll(removeSpecsFolders);

const withMetadata = (mapping: string) => {
  const spec = miniVendor(mapping);
  const phone = "        phone: { type: string, description: Phone. }\n";
  expect(spec).toContain(phone);
  const values = "additionalProperties: { type: string, maxLength: 5 }";
  const metadata = `        metadata: { type: object, description: Free text., ${values} }\n`;
  return spec.replace(phone, phone + metadata);
};

function problems(extra: string): string[] {
  return specProblems(withMetadata(miniMapping.replace("  auth:", `${extra}\n  auth:`)));
}

describe("a key of a free-form map as a target, checked at generate time", () => {
  it("accepts a key the map does not name, checked against its values", () => {
    expect(problems("    - { to: /body/metadata/kind, from: /kind }")).toEqual([]);
    expect(problems("    - { to: /body/metadata/plan, value: basic }")).toEqual([]);
  });

  it.each([
    [
      "a value too long",
      "{ to: /body/metadata/plan, value: premium }",
      '`value` "premium" does not fit /body/metadata/plan: must NOT have more than 5 characters',
    ],
    ["a flag into its text", "{ to: /body/metadata/ok, from: /agreedToTerms }", "`/agreedToTerms` gives boolean"],
    ["a key under text", "{ to: /body/metadata/plan/tier, from: /kind }", "`/metadata/plan/tier` is not a field"],
    ["a closed object's key", "{ to: /body/contacts/0/nickname, from: /kind }", "`/contacts/*/nickname` is not"],
  ])("refuses %s, positioned", (_name, declaration, says) => {
    const [first, ...rest] = problems(`    - ${declaration}`);
    expect(rest).toEqual([]);
    expect(first).toMatch(/^mini\.yaml:\d+:\d+ \/x-mapping\/request\/2: /);
    expect(first).toContain(says);
  });
});

describe("the runtime mapper writes list bodies and map keys", () => {
  const plan = (request: MappingPlan["request"]): MappingPlan => ({
    method: "POST",
    path: "/customers",
    server: "https://vendor.test",
    serverDefaults: {},
    contentType: "application/json",
    request,
    auth: [],
    response: [],
    errorLocations: [],
    errors: [],
  });
  const validators: RequestValidators = {
    customer: (value) => ({ ok: true, value }),
    context: undefined,
    body: undefined,
    parameters: {},
  };

  it("makes the body a list when its first target is an index", () => {
    const declarations = [
      { to: "/body/0/email", from: "/email" },
      { to: "/body/0/metadata/plan", value: "pro" },
    ];
    const result = buildRequest(plan(declarations), validators, person, {});
    expect(result).toMatchObject({ ok: true, request: { body: [{ email: person.email, metadata: { plan: "pro" } }] } });
  });

  it("keeps an object body for a map key", () => {
    const result = buildRequest(plan([{ to: "/body/metadata/kind", from: "/kind" }]), validators, person, {});
    expect(result).toMatchObject({ ok: true, request: { body: { metadata: { kind: "person" } } } });
    expect(Array.isArray(result.ok && result.request.body)).toBe(false);
  });

  it("writePointer writes into a list root", () => {
    const root: unknown[] = [];
    writePointer(root, "/0/addresses/0/city", "Cork");
    expect(root).toEqual([{ addresses: [{ city: "Cork" }] }]);
  });
});
