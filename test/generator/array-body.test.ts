// A vendor whose request body is a list of customers and whose customers carry
// a free-form map (test/fixtures/array-body/shop.yaml, in the style of
// BigCommerce's create-customers): the mapping writes the list's first item
// (`/body/0/...`) and keys of the map (`/body/0/metadata/<key>`), through the
// whole generator, the generated mapper and the generated mock.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Customer } from "@customer-adapters/canonical";
import type { FromResponseResult, MockVendor, ToRequestResult } from "@customer-adapters/runtime";
import { company, person } from "../fixtures/customers.js";
import { repoRoot, runGenerate } from "../helpers/cli.js";
import { loadPackage } from "../helpers/package.js";

const fixture = join(repoRoot, "test/fixtures/array-body/shop.yaml");
// Inside the repository so that the package finds @customer-adapters/canonical in node_modules.
const work = join(repoRoot, ".test-output/array-body");
const specs = join(work, "specs");
const out = join(work, "generated");

interface ShopPackage {
  adapter: {
    toRequest(customer: Customer, context: unknown): ToRequestResult<unknown>;
    fromResponse(status: number, body: unknown): FromResponseResult;
    validateRequest(body: unknown): { ok: boolean };
  };
  createMock(): MockVendor;
  createCustomer(customer: Customer, context: unknown, options: { fetch: MockVendor["fetch"] }): Promise<unknown>;
  fixtures: {
    context: Record<string, unknown>;
    valid: Record<string, unknown>;
    invalid: readonly { value: unknown }[];
    mapped: readonly { name: string; result: ToRequestResult<unknown> }[];
  };
}

/** A specs folder with the canonical customer and `shop.yaml` as given. */
function specsWith(text: string, dir = specs): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(join(repoRoot, "specs/canonical"), join(dir, "canonical"), { recursive: true });
  writeFileSync(join(dir, "shop.yaml"), text);
  return dir;
}

const shopText = readFileSync(fixture, "utf8");
let generation: ReturnType<typeof runGenerate>;

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  specsWith(shopText);
  generation = runGenerate(["--specs", specs, "--out", out]);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const load = () => loadPackage<ShopPackage>("shop", out);

describe("a request body that is a list, with a free-form map in its items", () => {
  it("generates, exit 0", () => {
    expect(generation.stderr).toBe("");
    expect(generation.status).toBe(0);
  });

  it("maps one canonical customer to a list of one, the map's keys filled", async () => {
    const { adapter, fixtures } = await load();
    const result = adapter.toRequest(person, fixtures.context);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.request.body).toEqual([
      {
        email: "anna.mueller@example.com",
        first_name: "Anna",
        last_name: "Müller",
        phone: "+4915550000001",
        addresses: [{ address1: "Hauptstraße 1", city: "Hückelhoven", postal_code: "41836", country_code: "DE" }],
        metadata: { kind: "person" },
      },
    ]);
    expect(Array.isArray(result.request.body)).toBe(true);
    expect(result.request.headers["X-Auth-Token"]).toBe(fixtures.context.token);
  });

  it("writes a second map key and a second address line, and the vendor's validator accepts the list", async () => {
    const { adapter, fixtures } = await load();
    const phones = company.phones?.slice(0, 1) ?? [];
    const customer = { ...company, person: { givenName: "Jean", familyName: "Dupont" }, phones };
    const result = adapter.toRequest(customer, fixtures.context);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const [item] = result.request.body as Record<string, unknown>[];
    expect(item?.metadata).toEqual({ kind: "company", customerNumber: "C-1001" });
    const address = { address1: "1 rue de l'Exemple", address2: "Bâtiment B" };
    expect(item?.addresses).toEqual([expect.objectContaining(address)]);
    expect(adapter.validateRequest(result.request.body).ok).toBe(true);
  });

  it("names the map key and the list item's field when values break their rules", async () => {
    const { adapter, fixtures } = await load();
    const billingAddress = { lines: ["1 Main St"], city: "Cork", postalCode: "P".repeat(11), country: "IE" };
    const result = adapter.toRequest({ ...person, customerNumber: "N".repeat(21), billingAddress }, fixtures.context);
    expect(result).toMatchObject({ ok: false });
    if (result.ok) return;
    expect(result.errors.map((error) => [error.field, error.vendorField, error.rule, error.limit])).toEqual([
      ["/billingAddress/postalCode", "/body/0/addresses/0/postal_code", "maxLength", 10],
      ["/customerNumber", "/body/0/metadata/customerNumber", "maxLength", 20],
    ]);
  });

  it("the mock takes the list and answers with a new id, which fromResponse reads", async () => {
    const pkg = await load();
    const mock = pkg.createMock();
    const result = pkg.adapter.toRequest(person, pkg.fixtures.context);
    if (!result.ok) throw new Error("the person does not map");
    const { method, url, headers, body } = result.request;
    const answer = mock.handle({ method, url, headers, body: JSON.stringify(body) });
    expect(answer.status).toBe(200);
    expect(mock.created).toEqual([body]);
    const answered = JSON.parse(answer.body) as { data: { id: number }[] };
    expect(typeof answered.data[0]?.id).toBe("number");
    expect(pkg.adapter.fromResponse(answer.status, answered)).toEqual({ ok: true, id: String(answered.data[0]?.id) });
    // The generated client sends the list as it is and reads the id back.
    const created = await pkg.createCustomer(person, pkg.fixtures.context, { fetch: pkg.createMock().fetch });
    expect(created).toMatchObject({ ok: true, sent: true, id: expect.any(String) });
  });

  it("its fixtures are lists: valid ones pass, invalid ones fail, the mapped full sample is a list", async () => {
    const { adapter, fixtures } = await load();
    for (const [name, value] of Object.entries(fixtures.valid)) {
      expect(Array.isArray(value), name).toBe(true);
      expect(adapter.validateRequest(value).ok, name).toBe(true);
    }
    expect(fixtures.invalid.length).toBeGreaterThan(0);
    for (const invalid of fixtures.invalid) expect(adapter.validateRequest(invalid.value).ok).toBe(false);
    const full = fixtures.mapped.find((sample) => sample.name === "full")?.result;
    expect(full).toMatchObject({ ok: true });
    expect(full?.ok === true && Array.isArray(full.request.body)).toBe(true);
  });

  // Each edits the declaration `{ to: /body/0/metadata/kind, from: /kind }` (request/10).
  const refused: [string, string, string, string][] = [
    [
      "a field the items lack",
      "/body/0/metadata/kind",
      "/body/0/nickname",
      "`/*/nickname` is not a field of the request body",
    ],
    ["a field on the list itself", "/body/0/metadata/kind", "/body/kind", "`/kind` is not a field of the request body"],
    [
      "a key under a map's text value",
      "/body/0/metadata/kind",
      "/body/0/metadata/kind/sub",
      "`/*/metadata/kind/sub` is not a field of the request body",
    ],
    [
      "a flag into the map's text",
      "metadata/kind, from: /kind",
      "metadata/kind, from: /agreedToTerms",
      "`/agreedToTerms` gives boolean but /body/*/metadata/kind takes string",
    ],
  ];
  it.each(refused)("refuses %s with a positioned error, exit 1", (_name, from, to, problem) => {
    expect(shopText).toContain(from);
    const dir = specsWith(shopText.replace(from, to), join(work, "bad-specs"));
    const result = runGenerate(["--specs", dir, "--out", join(work, "bad-out")]);
    expect(result.status).toBe(1);
    const line = shopText.split("\n").findIndex((text) => text.includes("{ to: /body/0/metadata/kind")) + 1;
    expect(result.stderr).toMatch(new RegExp(`shop\\.yaml:${line}:\\d+ /x-mapping/request/10: `));
    expect(result.stderr).toContain(problem);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });
});
