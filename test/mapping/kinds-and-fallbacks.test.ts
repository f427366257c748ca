// Mappings that never block for an optional field: a lookup's `otherwise`
// (run time and generate time), and the generate-time check that every
// required vendor field is fed for each kind of customer.
import { afterAll, describe, expect, it } from "vitest";
import { buildRequest, type MappingPlan, type RequestValidators } from "@customer-adapters/runtime/mapping";
import { lookup } from "@customer-adapters/runtime/transforms";
import { miniMapping, miniVendor, removeSpecsFolders, specProblems } from "../helpers/mini-vendor.js";

afterAll(removeSpecsFolders);

const plan = (otherwise?: MappingPlan["request"][number]["otherwise"]): MappingPlan => ({
  method: "POST",
  path: "/customers",
  server: "https://vendor.test",
  serverDefaults: {},
  contentType: "application/json",
  request: [
    { to: "/body/email", from: "/email" },
    {
      to: "/body/locale",
      from: "/language",
      transform: "lookup",
      table: { de: "de_DE", en: "en_US" },
      ...(otherwise === undefined ? {} : { otherwise }),
    },
  ],
  transforms: { lookup },
  auth: [],
  response: [],
  errorLocations: [],
  errors: [],
});
const anything: RequestValidators = {
  customer: (value) => ({ ok: true, value }),
  context: undefined,
  body: undefined,
  parameters: {},
};
const spanish = { kind: "person", email: "a@example.com", language: "es" };

describe("a lookup's otherwise, at run time", () => {
  it("without it, a value the table lacks is an error naming both fields", () => {
    const built = buildRequest(plan(), anything, spanish, {});
    expect(built.ok).toBe(false);
    expect(built.ok ? [] : built.errors).toEqual([
      expect.objectContaining({ field: "/language", vendorField: "/body/locale", rule: "lookup" }),
    ]);
  });

  it("a plan that names a transform it does not pass is an error for that field, not a throw", () => {
    const { transforms: _transforms, ...bare } = plan();
    const built = buildRequest(bare, anything, { ...spanish, language: "de" }, {});
    expect(built.ok ? [] : built.errors).toEqual([
      {
        kind: "does-not-fit",
        field: "/language",
        vendorField: "/body/locale",
        rule: "lookup",
        message: "/language needs the transform lookup, which the plan does not pass, so it cannot go to /body/locale",
      },
    ]);
  });

  it("omit leaves the vendor field out, and the create goes ahead", () => {
    const built = buildRequest(plan("omit"), anything, spanish, {});
    expect(built.ok && built.request.body).toEqual({ email: "a@example.com" });
  });

  it("a value goes instead", () => {
    const built = buildRequest(plan({ value: "en_US" }), anything, spanish, {});
    expect(built.ok && built.request.body).toEqual({ email: "a@example.com", locale: "en_US" });
  });

  it("a value the table has still goes through the table", () => {
    const built = buildRequest(plan("omit"), anything, { ...spanish, language: "de" }, {});
    expect(built.ok && built.request.body).toEqual({ email: "a@example.com", locale: "de_DE" });
  });
});

const withDeclaration = (declaration: string) =>
  miniVendor(miniMapping.replace("  auth:", `    - ${declaration}\n  auth:`));

describe("a lookup's otherwise, at generate time", () => {
  it("omit is accepted for an optional vendor field", () => {
    expect(
      specProblems(
        withDeclaration(
          "{ to: /body/country, from: /language, transform: lookup, table: { de: DEU }, otherwise: omit }",
        ),
      ),
    ).toEqual([]);
  });

  it("omit is refused for a required vendor field, at the `otherwise` key", () => {
    const problems = specProblems(
      withDeclaration(
        "{ to: /query/account, from: /language, transform: lookup, table: { de: DEU }, otherwise: omit }",
      ),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^mini\.yaml:\d+:\d+ \/x-mapping\/request\/2\/otherwise: `otherwise: omit` leaves/),
    ]);
    expect(problems[0]).toContain("the vendor requires it");
  });

  it("a value must fit the vendor field", () => {
    const problems = specProblems(
      withDeclaration(
        "{ to: /body/country, from: /language, transform: lookup, table: { de: DEU }, otherwise: { value: TOOLONG } }",
      ),
    );
    expect(problems).toEqual([
      expect.stringMatching(/\/x-mapping\/request\/2\/otherwise: `otherwise.value` "TOOLONG"/),
    ]);
  });

  it("is refused without a lookup, and when it is neither omit, error nor a value", () => {
    expect(specProblems(withDeclaration("{ to: /body/country, from: /language, otherwise: omit }"))).toEqual([
      expect.stringMatching(/\/x-mapping\/request\/2\/otherwise: .*has no `transform: lookup`/),
    ]);
    expect(
      specProblems(
        withDeclaration(
          "{ to: /body/country, from: /language, transform: lookup, table: { de: DEU }, otherwise: skip }",
        ),
      ),
    ).toEqual([
      expect.stringMatching(/\/otherwise: `otherwise` must be `omit`, `error` or `\{ value: <a constant> \}`/),
    ]);
  });
});

describe("required vendor fields, fed for each kind of customer", () => {
  const withoutNeeds = miniMapping.replace(/\n {2}needs:\n.*$/s, "");

  it("names the kind that leaves a required field empty (a company has no /person)", () => {
    expect(withoutNeeds).not.toContain("needs");
    expect(specProblems(miniVendor(withoutNeeds))).toEqual([
      "mini.yaml:66:7 /x-mapping/request/1: the vendor requires /body/name, but for a company customer no declaration" +
        " gives it a value (/person/givenName + /person/familyName may be absent; list a field the vendor cannot do" +
        " without under `needs`)",
    ]);
  });

  it("passes when a declaration feeds the field for the other kind", () => {
    const mapping = withoutNeeds.replace(
      "  auth:",
      "    - { to: /body/name, from: /company/name, when: { /kind: company } }\n  auth:",
    );
    expect(specProblems(miniVendor(mapping))).toEqual([]);
  });

  it("splits a `when: null` branch: a field fed only when an optional field is absent is empty when it is there", () => {
    const mapping = withoutNeeds.replace(
      "    - { to: /body/name, from: [/person/givenName, /person/familyName], transform: join }\n",
      "    - { to: /body/name, value: Anonymous, when: { /website: null } }\n",
    );
    expect(specProblems(miniVendor(mapping))).toEqual([
      expect.stringContaining(
        "the vendor requires /body/name, but for a person customer with /website and for a company customer with /website",
      ),
    ]);
  });

  it("names a source inside a `map` by its canonical pointer, not the one relative to the mapped item", () => {
    const mapping = miniMapping.replace(
      "  auth:",
      "    - { to: /body/contacts, from: /contacts, map: [{ to: /email, from: /name }, { to: /fullName, from: /email }] }\n  auth:",
    );
    expect(specProblems(miniVendor(mapping))).toEqual([
      expect.stringContaining(
        "the vendor requires /body/contacts/*/fullName, but for every customer no declaration gives it a value" +
          " (/contacts/*/email may be absent;",
      ),
    ]);
  });

  it("checks the object a `map` writes even when nothing in it is fed for sure", () => {
    // A contact without an e-mail gives the vendor an item without its required fullName.
    const mapping = miniMapping.replace(
      "  auth:",
      "    - { to: /body/contacts, from: /contacts, map: [{ to: /fullName, from: /email }] }\n  auth:",
    );
    expect(specProblems(miniVendor(mapping))).toEqual([
      expect.stringContaining("the vendor requires /body/contacts/*/fullName, but for every customer"),
    ]);
  });

  it("a `needs` entry must name a canonical field", () => {
    expect(specProblems(miniVendor(miniMapping.replace("field: /person,", "field: /persona,")))).toEqual([
      expect.stringMatching(/\/x-mapping\/needs\/0: `\/persona` is not a field of the canonical customer/),
    ]);
  });
});
