// The generated fixtures, for every package: valid ones pass, each invalid one
// fails with exactly the errors it records, and every rule of each schema has
// an invalid fixture (a new rule in a spec cannot go untested).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { constraintsOf } from "../../generator/model/fixtures.js";
import { loadAll } from "../../generator/pipeline.js";
import { repoRoot } from "../helpers/cli.js";
import { loadPackage } from "../helpers/package.js";

const models = loadAll(join(repoRoot, "specs"), repoRoot);

interface Result {
  ok: boolean;
  errors?: { path: string; rule: string; vendorCode?: unknown }[];
}
interface Fixtures {
  valid: Record<"minimal" | "full" | "boundary", unknown>;
  invalid: {
    name: string;
    breaks: { path: string; keyword: string };
    errors: { path: string; rule: string; vendorCode?: unknown }[];
    value: unknown;
  }[];
  context?: unknown;
  successResponse?: { status: number; body: unknown };
  errorResponses?: { status: number; name: string; body: unknown }[];
  mapped?: { name: string; customer: unknown; result: { ok: boolean } }[];
}
interface Package {
  fixtures: Fixtures;
  validateCustomer?(value: unknown): Result;
  validateCreateCustomerContext?(value: unknown): Result;
  adapter?: {
    validateRequest(value: unknown): Result;
    validateResponse(status: number, body: unknown): Result;
    toRequest?(customer: unknown, context: unknown): unknown;
    fixtures: Fixtures;
  };
}
const load = (slug: string): Promise<Package> => loadPackage<Package>(slug);
const validatorOf = (slug: string, pkg: Package) =>
  (slug === "canonical" ? pkg.validateCustomer : pkg.adapter?.validateRequest) as (value: unknown) => Result;
const rootOf = (model: (typeof models)[number]) =>
  model.kind === "canonical" ? { $ref: "#/components/schemas/Customer" } : (model.operation?.requestBody?.schema ?? {});

/** The schemas a root reaches through `$ref`s (the request body's, not the responses'), with the root. */
function reachable(model: (typeof models)[number], root: unknown): unknown[] {
  const found: unknown[] = [root];
  const seen = new Set<string>();
  for (let index = 0; index < found.length; index++)
    for (const [, name] of JSON.stringify(found[index]).matchAll(/"#\/components\/schemas\/([^"]+)"/g))
      if (!seen.has(name as string)) {
        seen.add(name as string);
        found.push(model.schemas.find((named) => named.name === name)?.schema);
      }
  return found;
}

/** Every string value in a fixture, with its key. */
function strings(value: unknown, key = ""): [string, string][] {
  if (typeof value === "string") return [[key, value]];
  if (Array.isArray(value)) return value.flatMap((item) => strings(item, key));
  if (value !== null && typeof value === "object")
    return Object.entries(value).flatMap(([name, item]) => strings(item, name));
  return [];
}

describe.each(models.map((model) => [model.slug, model] as const))("%s fixtures", (slug, model) => {
  it.each(["minimal", "full", "boundary"] as const)("the %s valid fixture passes", async (name) => {
    const pkg = await load(slug);
    expect(validatorOf(slug, pkg)(pkg.fixtures.valid[name])).toMatchObject({ ok: true });
  });

  it("each invalid fixture fails with exactly its recorded errors", async () => {
    const pkg = await load(slug);
    const validate = validatorOf(slug, pkg);
    expect(pkg.fixtures.invalid.length).toBeGreaterThan(0);
    for (const fixture of pkg.fixtures.invalid) {
      const result = validate(fixture.value);
      expect(result.ok, fixture.name).toBe(false);
      const found = (result.errors ?? []).map(({ path, rule, vendorCode }) => ({
        path,
        rule,
        ...(vendorCode === undefined ? {} : { vendorCode }),
      }));
      // Each rule once (the runtime drops ajv's repeats across branches); the fixture lists them sorted.
      expect(
        found.sort((a, b) => (`${a.path} ${a.rule}` < `${b.path} ${b.rule}` ? -1 : 1)),
        fixture.name,
      ).toEqual(fixture.errors);
      expect(
        fixture.errors.some((error) => error.rule === fixture.breaks.keyword),
        fixture.name,
      ).toBe(true);
    }
  });

  it("has an invalid fixture for every rule of the schema", async () => {
    const pkg = await load(slug);
    const covered = new Set(pkg.fixtures.invalid.map((fixture) => `${fixture.breaks.path} ${fixture.breaks.keyword}`));
    const rules = constraintsOf(model, rootOf(model), "request").map((rule) => `${rule.path} ${rule.keyword}`);
    expect(rules.length).toBeGreaterThan(10);
    expect(rules.filter((rule) => !covered.has(rule))).toEqual([]);
  });

  it("covers each kind of rule the schema uses", async () => {
    const pkg = await load(slug);
    const kinds = new Set(pkg.fixtures.invalid.map((fixture) => fixture.breaks.keyword));
    const text = JSON.stringify(reachable(model, rootOf(model)));
    for (const keyword of [
      "maxLength",
      "minLength",
      "required",
      "additionalProperties",
      "format",
      "pattern",
      "enum",
      "maxItems",
      "dependentRequired",
    ])
      if (text.includes(`"${keyword}"`)) expect([...kinds], keyword).toContain(keyword);
  });

  it("stores the data once, as JSON files other test runners read too", async () => {
    const pkg = await load(slug);
    const file = JSON.parse(
      readFileSync(
        join(repoRoot, "generated", slug, "src/fixtures", slug === "canonical" ? "customer.json" : "request-body.json"),
        "utf8",
      ),
    );
    expect(file.$comment).toMatch(/^Generated by customer-adapters from specs\//);
    expect({ valid: file.valid, invalid: file.invalid }).toEqual({
      valid: pkg.fixtures.valid,
      invalid: pkg.fixtures.invalid,
    });
  });

  it("uses reserved domains and obviously fake secrets", async () => {
    const pkg = await load(slug);
    for (const [key, value] of strings([pkg.fixtures.valid, pkg.fixtures.context])) {
      if (value.includes("@")) expect(value, key).toMatch(/@example\.com$/);
      // A secret that must be a uuid is the nil UUID.
      if (/password|secret|answer|apikey|token/i.test(key))
        expect(value, key).toMatch(/^(FAKE-|00000000-0000-0000-0000-000000000000$)/);
    }
  });

  it.runIf(model.kind === "vendor")(
    "has a valid context, and success and error answers that pass the response validator",
    async () => {
      const pkg = await load(slug);
      if (model.context) expect(pkg.validateCreateCustomerContext?.(pkg.fixtures.context)).toMatchObject({ ok: true });
      const success = pkg.fixtures.successResponse;
      if (success) expect(pkg.adapter?.validateResponse(success.status, success.body)).toMatchObject({ ok: true });
      // Every answer the fixtures ship passes the package's own validator for its status.
      for (const answer of pkg.fixtures.errorResponses ?? [])
        expect(pkg.adapter?.validateResponse(answer.status, answer.body), answer.name).toMatchObject({ ok: true });
      // Fixtures are a subpath of their own: the adapter production code imports carries none.
      expect(pkg.adapter && "fixtures" in pkg.adapter).toBe(false);
    },
  );
});

it.each(models.filter((model) => model.mapping !== undefined).map((model) => [model.slug] as const))(
  "%s: the mapped fixtures (made at generate time) are what toRequest gives at run time",
  async (slug) => {
    const pkg = await load(slug);
    const mapped = pkg.fixtures.mapped ?? [];
    expect(mapped.map((entry) => entry.name)).toEqual(["minimal", "full"]);
    for (const entry of mapped)
      expect(pkg.adapter?.toRequest?.(entry.customer, pkg.fixtures.context), entry.name).toEqual(entry.result);
    expect(mapped.some((entry) => entry.result.ok)).toBe(true);
  },
);

it("gives the boundary strings their maximum length in code points, some outside the BMP", async () => {
  const pkg = await load("canonical");
  const boundary = pkg.fixtures.valid.boundary as { person: { givenName: string } };
  expect([...boundary.person.givenName].length).toBe(100);
  expect(boundary.person.givenName.length).toBeGreaterThan(100);
});
