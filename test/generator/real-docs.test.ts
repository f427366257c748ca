import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildPackages } from "../../generator/cli/build.js";
import { loadSpec } from "../../generator/spec.js";
import { repoRoot, runGenerate, typeCheck } from "../helpers/cli.js";

// Real, published vendor documents, used as published: each beside an overlay that adds only what this project needs.
// Copies in test/fixtures/, their sources and licences in each folder's SOURCE.md.
const fixtures = join(repoRoot, "test/fixtures");
const published: Record<string, string> = {
  "stripe.yaml": join(fixtures, "real-specs/stripe.yaml"),
  "square.yaml": join(fixtures, "real-specs/square.yaml"),
  "square-swagger2.yaml": join(fixtures, "real-specs/square-swagger2.yaml"),
  "jtl.json": join(fixtures, "vendor-sources/jtl/sebastian-jtl_demoApp/_files_wawiApi_openapi.json"),
};
const slugs = Object.keys(published).map((file) => file.replace(/\.(yaml|json)$/, ""));
const overlays = join(repoRoot, "test/fixtures/real-docs");

// Inside the repository so that the packages find @customer-adapters/canonical in node_modules.
const work = join(repoRoot, ".test-output/real-docs");
const specs = join(work, "specs");
const out = join(work, "generated");
let generation: { status: number | null; stdout: string; stderr: string; ms: number };

beforeAll(() => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(specs, { recursive: true });
  cpSync(join(repoRoot, "specs/canonical"), join(specs, "canonical"), { recursive: true });
  for (const [file, from] of Object.entries(published)) copyFileSync(from, join(specs, file));
  for (const file of readdirSync(overlays)) copyFileSync(join(overlays, file), join(specs, file));
  const started = performance.now();
  generation = { ...runGenerate(["--specs", specs, "--out", out]), ms: performance.now() - started };
}, 240_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const load = async (slug: string) => import(join(out, slug, "src/index.ts"));
const fixturesOf = async (slug: string) => import(join(out, slug, "src/fixtures.ts"));

describe("published vendor documents as they are, plus an overlay", () => {
  it("generate every package, exit 0", () => {
    expect(generation.stderr).not.toMatch(/internal error/);
    expect(generation.status).toBe(0);
    for (const slug of slugs) expect(generation.stdout).toMatch(new RegExp(`^${slug}\\s+\\d+ files`, "m"));
  });

  it("the overlays add only info.x-vendor, and for the mapped one (JTL) x-context and x-mapping", () => {
    for (const file of readdirSync(overlays)) {
      const overlay = parse(readFileSync(join(overlays, file), "utf8")) as {
        actions: { target: string; update: object }[];
      };
      const added = overlay.actions.map((action) => `${action.target} ${Object.keys(action.update).join(",")}`);
      expect(added, file).toEqual(
        file === "jtl.overlay.yaml" ? ["$.info x-vendor", "$ x-context,x-mapping"] : ["$.info x-vendor"],
      );
    }
  });

  it("JTL's whole document (209 operations) gives the one its overlay names, and only the schemas it reaches", async () => {
    const jtl = await load("jtl");
    expect(jtl.adapter.operation).toMatchObject({
      operationId: "CustomerHeader_CreateCustomerAsync",
      method: "POST",
      path: "/customers",
    });
    const types = readFileSync(join(out, "jtl/src/types.ts"), "utf8");
    expect(types).toMatch(/^export interface CreateCustomer \{/m);
    // 219 component schemas in the document; an unrelated one (an item) is not emitted.
    expect(types).not.toMatch(/^export interface Item\b/m);
    expect((types.match(/^export interface /gm) ?? []).length).toBeLessThan(20);
  });

  it("give valid semver package versions from non-semver info.version (Stripe's 2020-08-27, Square's 2.0)", () => {
    for (const slug of slugs) {
      const { version } = JSON.parse(readFileSync(join(out, slug, "package.json"), "utf8")) as { version: string };
      expect(version, slug).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it("take the operation's own security (Square requires OAuth on the operation, not the document)", async () => {
    for (const slug of ["square", "square-swagger2"]) {
      const { adapter } = await load(slug);
      expect(adapter.operation.auth, slug).toEqual([[{ name: "oauth2", type: "oauth2" }]]);
    }
  });

  it("a vendor without x-mapping gets types, validators and fixtures, but no mapper, client or mock", async () => {
    for (const slug of slugs.filter((name) => name !== "jtl")) {
      const { adapter } = await load(slug);
      expect(adapter.toRequest, slug).toBeUndefined();
      const files = readdirSync(join(out, slug, "src"));
      expect(files, slug).toEqual(
        expect.arrayContaining(["fixtures.ts", "guards.ts", "index.ts", "types.ts", "validators.ts"]),
      );
      for (const absent of ["mapping.ts", "mock.ts", "msw.ts"]) expect(files, slug).not.toContain(absent);
    }
  });

  it("JTL, mapped by its overlay, maps the canonical customer, and creates it against its own mock", async () => {
    const { adapter, createCustomer } = await load("jtl");
    const fixtures = await fixturesOf("jtl");
    const { createMock } = await import(join(out, "jtl/src/mock.ts"));
    const full = fixtures.mapped.find((entry: { name: string }) => entry.name === "full");
    const built = adapter.toRequest(full.customer, fixtures.context);
    expect(built.ok).toBe(true);
    expect(adapter.validateRequest(built.request.body)).toMatchObject({ ok: true });
    expect(Object.keys(built.request.headers).sort()).toEqual([
      "authorization",
      "content-type",
      "tenant-id",
      "x-api-key",
      "x-appid",
      "x-appversion",
    ]);
    // The canonical minimal customer has no billing address, which JTL requires: an error, not a dropped field.
    const minimal = fixtures.mapped.find((entry: { name: string }) => entry.name === "minimal");
    expect(adapter.toRequest(minimal.customer, fixtures.context).errors).toMatchObject([
      { kind: "does-not-fit", vendorField: "/body/BillingAddress", rule: "required" },
    ]);
    const result = await createCustomer(full.customer, fixtures.context, { fetch: createMock().fetch });
    expect(result).toMatchObject({ ok: true, sent: true });
  });

  it("each success fixture passes its own response validator (Stripe's customer nests a dozen levels) and each valid body its request validator", async () => {
    for (const slug of slugs) {
      const { adapter } = await load(slug);
      const fixtures = await fixturesOf(slug);
      const { status, body } = fixtures.successResponse;
      expect(adapter.validateResponse(status, body), slug).toMatchObject({ ok: true });
      for (const [name, value] of Object.entries(fixtures.valid))
        expect(adapter.validateRequest(value), `${slug} ${name}`).toMatchObject({ ok: true });
    }
  });

  it("the vendors' own examples pass their schemas, but for the eight JTL's document gets wrong, each a warning naming it", () => {
    expect(generation.stderr.trim().split("\n").sort()).toEqual([
      "specs/jtl.json:29658:24 /components/schemas/OtherAddresses/properties/OtherBillingAddresses/example: the vendor's example breaks its own schema: / type (warning)",
      "specs/jtl.json:29666:24 /components/schemas/OtherAddresses/properties/OtherShippingAddresses/example: the vendor's example breaks its own schema: / type (warning)",
      "specs/jtl.json:29674:24 /components/schemas/OtherAddresses/properties/OtherCustomerAddresses/example: the vendor's example breaks its own schema: / type (warning)",
      "specs/jtl.json:29835:24 /components/schemas/Customer/properties/Birthday/example: the vendor's example breaks its own schema: / format (warning)",
      "specs/jtl.json:30571:24 /components/schemas/CreateOtherAddresses/properties/OtherBillingAddresses/example: the vendor's example breaks its own schema: / type (warning)",
      "specs/jtl.json:30579:24 /components/schemas/CreateOtherAddresses/properties/OtherShippingAddresses/example: the vendor's example breaks its own schema: / type (warning)",
      "specs/jtl.json:30587:24 /components/schemas/CreateOtherAddresses/properties/OtherCustomerAddresses/example: the vendor's example breaks its own schema: / type (warning)",
      "specs/jtl.json:30782:24 /components/schemas/CreateCustomer/properties/Birthday/example: the vendor's example breaks its own schema: / format (warning)",
    ]);
    // The lines named are the vendor's: `"example": ""` on a list, a birthday without its time.
    const jtl = readFileSync(join(specs, "jtl.json"), "utf8").split("\n");
    expect(jtl[29834]).toContain('"example": "1985-01-01T"');
    expect(jtl[30578]).toContain('"example": ""');
    for (const [file, examples] of [
      ["square.yaml", 2],
      ["square-swagger2.yaml", 2],
    ] as const) {
      const model = loadSpec(join(specs, file), { root: work });
      expect(model.warnings, file).toEqual([]);
      expect(JSON.stringify(model.schemas).match(/"examples":\[/g)?.length ?? 0, file).toBeGreaterThanOrEqual(examples);
    }
  });

  it("type-check under strict, exactOptionalPropertyTypes and noUncheckedIndexedAccess", () => {
    const tsc = typeCheck(out, ["*/src/**/*.ts"]);
    expect(tsc.output).toBe("");
    expect(tsc.status).toBe(0);
  }, 180_000);

  it("Square's package builds as `npm run build` does, and its built entry, in plain Node, takes its fixtures", async () => {
    // The runtime is built beside the packages, not in packages/runtime, so that no other test's dist/ is touched.
    const runtime = join(work, "node_modules/@customer-adapters/runtime");
    mkdirSync(runtime, { recursive: true });
    for (const item of ["src", "package.json", "tsconfig.json"])
      cpSync(join(repoRoot, "packages/runtime", item), join(runtime, item), { recursive: true });
    const square = join(out, "square");
    // Its progress lines ("square built into ...") are the command's, not the test's.
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const failed = await buildPackages([
      { name: "runtime", dir: runtime },
      { name: "square", dir: square },
    ]);
    log.mockRestore();
    expect(failed).toEqual([]);
    const script = `
      import { adapter } from ${JSON.stringify(`${join(square, "dist/index.js")}`)};
      import { valid, successResponse } from ${JSON.stringify(`${join(square, "dist/fixtures.js")}`)};
      const verdicts = Object.entries(valid).map(([name, body]) => [name, adapter.validateRequest(body).ok]);
      const response = adapter.validateResponse(successResponse.status, successResponse.body).ok;
      console.log(JSON.stringify({ verdicts, response, broken: adapter.validateRequest("not a body").ok }));`;
    // No loader and no export conditions: the package's main entry as a consumer's Node resolves it.
    const node = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: work, encoding: "utf8" });
    expect(node.stderr).toBe("");
    expect(JSON.parse(node.stdout)).toEqual({
      verdicts: [
        ["minimal", true],
        ["full", true],
        ["boundary", true],
      ],
      response: true,
      broken: false,
    });
  }, 120_000);
});
