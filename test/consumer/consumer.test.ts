/**
 * A consumer who knows nothing of this repository: build and pack every
 * generated package, install the tarballs into a fresh project outside the
 * repository (no workspace links, no path aliases), type-check a consumer
 * file under two module resolutions, and run it as ESM and as CommonJS.
 * The consumer also installs msw and @standard-schema/spec, as one using the
 * `./msw` subpaths and the Standard Schema exports would.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";

const work = mkdtempSync(join(tmpdir(), "consumer-"));
const project = join(work, "project");
const packages = readdirSync(join(repoRoot, "generated"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
// The aggregate (`vendors`) is packed and installed with the rest, but is no vendor.
const vendors = packages.filter((name) => name !== "canonical" && name !== "vendors");
type Manifest = Record<"devDependencies", Record<string, string>>;
const rootManifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as Manifest;
// What a consumer of the msw handlers and the Standard Schema exports installs beside the packages, as tested here.
const alongside = [
  `msw@${rootManifest.devDependencies.msw}`,
  `@standard-schema/spec@${rootManifest.devDependencies["@standard-schema/spec"]}`,
];

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, npm_config_update_notifier: "false" },
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  return result;
}

const consumerEsm = `import { validateCustomer, type Customer } from "@customer-adapters/canonical";
${vendors.map((name, index) => `import { adapter as vendor${index} } from "@customer-adapters/${name}";\nimport * as fixtures${index} from "@customer-adapters/${name}/fixtures";`).join("\n")}
import type { VendorAdapter } from "@customer-adapters/runtime";
${vendors
  .map((name, index) => `import { createHandlers as handlers${index} } from "@customer-adapters/${name}/msw";`)
  .join("\n")}
import { CreateCustomerRequestBodySchema, type CreateCustomerRequestBody } from "@customer-adapters/${vendors[0]}";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { setupServer } from "msw/node";

// Fails to compile unless Standard Schema infers the generated type.
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Inferred = StandardSchemaV1.InferOutput<typeof CreateCustomerRequestBodySchema>;
const inferred: Same<Inferred, CreateCustomerRequestBody> = true;
const asStandard: StandardSchemaV1<CreateCustomerRequestBody> = CreateCustomerRequestBodySchema;
if (!inferred || asStandard["~standard"].version !== 1) throw new Error("not a Standard Schema");

interface VendorFixtures {
  valid: { full: unknown };
  context?: unknown;
  successResponse?: { status: number; body: unknown };
}

const customer: Customer = {
  kind: "person",
  email: "ada@example.com",
  person: { givenName: "Ada", familyName: "Lovelace" },
  billingAddress: { lines: ["12 Example Street"], city: "London", postalCode: "SW1A 1AA", country: "GB" },
  currency: "GBP",
};
const checked = validateCustomer(customer);
if (!checked.ok) throw new Error("the canonical customer should be valid");
if (validateCustomer({ kind: "robot" }).ok) throw new Error("a robot is not a customer");

type Vendor = [VendorAdapter<unknown, never, Customer>, VendorFixtures, typeof handlers0];
const adapters: Vendor[] = [${vendors.map((_, i) => `[vendor${i}, fixtures${i}, handlers${i}]`).join(", ")}];
// msw answers for the vendors here: nothing leaves the machine.
const baseUrl = "https://vendor.example.test";
const server = setupServer();
server.listen({ onUnhandledRequest: "error" });
const report: Record<string, unknown>[] = [];
for (const [adapter, fixtures, createHandlers] of adapters) {
  const built = adapter.toRequest?.(customer, fixtures.context as never);
  const answer = fixtures.successResponse;
  server.resetHandlers(...createHandlers({ baseUrl }));
  const created = await adapter.createCustomer?.(customer, fixtures.context as never, { baseUrl });
  const standard = adapter.requestSchema["~standard"];
  report.push({
    vendor: adapter.vendor,
    method: adapter.operation.method,
    rejectsGarbage: !adapter.validateRequest("not a request").ok,
    undocumentedStatus: adapter.validateResponse(599, {}).ok,
    fixtureValid: adapter.validateRequest(fixtures.valid.full).ok,
    maps: built === undefined ? "no mapping" : built.ok && adapter.isRequest(built.request.body),
    readsAnswer: answer === undefined || adapter.fromResponse === undefined ? "no mapping" : adapter.fromResponse(answer.status, answer.body).ok,
    standardValid: standard.validate(fixtures.valid.full).issues === undefined,
    standardIssues: standard.validate("not a request").issues?.length ?? 0,
    createdThroughMsw: created?.ok ?? "no mapping",
  });
}
server.close();
console.log(JSON.stringify(report));
`;

const consumerCjs = `const { validateCustomer } = require("@customer-adapters/canonical");
${vendors.map((name, index) => `const { adapter: vendor${index} } = require("@customer-adapters/${name}");`).join("\n")}
console.log(JSON.stringify({ canonical: validateCustomer({ kind: "person" }).ok, vendors: [${vendors.map((_, index) => `vendor${index}.vendor`).join(", ")}] }));
`;

beforeAll(() => {
  run(process.execPath, [join(repoRoot, "generator/run.mjs"), "build"], repoRoot);
  const tarballs = join(work, "tarballs");
  mkdirSync(tarballs);
  for (const dir of [join(repoRoot, "packages/runtime"), ...packages.map((name) => join(repoRoot, "generated", name))])
    run("npm", ["pack", "--silent", "--pack-destination", tarballs], dir);
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  const files = readdirSync(tarballs).sort();
  const tarballPaths = files.map((file) => join(tarballs, file));
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", ...tarballPaths, ...alongside], project);
  writeFileSync(join(project, "consumer.ts"), consumerEsm);
  writeFileSync(join(project, "consumer.cjs"), consumerCjs);
  const base = { strict: true, target: "es2022", skipLibCheck: false, types: [], outDir: "out" };
  writeFileSync(
    join(project, "tsconfig.node16.json"),
    JSON.stringify({
      compilerOptions: { ...base, module: "node16", moduleResolution: "node16" },
      files: ["consumer.ts"],
    }),
  );
  writeFileSync(
    join(project, "tsconfig.bundler.json"),
    JSON.stringify({
      compilerOptions: { ...base, module: "esnext", moduleResolution: "bundler", noEmit: true },
      files: ["consumer.ts"],
    }),
  );
}, 240_000);

// msw and its dependencies make the project's node_modules large: removing it takes a while on a busy machine.
afterAll(() => rmSync(work, { recursive: true, force: true }), 60_000);

describe("the packed packages, installed in a project outside the repository", () => {
  it("pack just what a consumer needs", () => {
    const listing = run("npm", ["pack", "--dry-run", "--json"], join(repoRoot, "generated/canonical"));
    const files =
      (JSON.parse(listing.stdout) as { files: { path: string }[] }[])[0]?.files.map((file) => file.path) ?? [];
    expect(files).toContain("dist/index.js");
    expect(files).toContain("dist/index.d.ts");
    expect(files).toContain("README.md");
    expect(files.filter((file) => file.startsWith("src/") || file === "tsconfig.json")).toEqual([]);
    // The fixtures' data is stored once, as JSON beside the module that types it.
    expect(files).toContain("dist/fixtures/customer.json");
  });

  // node16 compiles to out/ (run below); bundler only type-checks.
  // msw's declarations are most of what tsc reads: about 50 s each on a busy machine.
  it.each(["bundler", "node16"])(
    "type-check with tsc --strict under moduleResolution %s",
    (resolution) => {
      const tsc = spawnSync(
        process.execPath,
        [join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", `tsconfig.${resolution}.json`],
        { cwd: project, encoding: "utf8" },
      );
      expect(tsc.stdout + tsc.stderr).toBe("");
      expect(tsc.status).toBe(0);
    },
    180_000,
  );

  const esm = "validate a fixture (also as a Standard Schema), map a customer, read an answer, create one through msw";
  it(`run with node as an ES module: ${esm} with every vendor's adapter`, () => {
    const js = spawnSync(process.execPath, ["out/consumer.js"], { cwd: project, encoding: "utf8" });
    expect(js.stderr).toBe("");
    const report = JSON.parse(js.stdout) as Record<string, unknown>[];
    expect(report.map((entry) => entry.vendor)).toEqual(vendors);
    for (const entry of report)
      expect(entry).toMatchObject({
        ...{ rejectsGarbage: true, undocumentedStatus: false, fixtureValid: true, maps: true, readsAnswer: true },
        ...{ standardValid: true, standardIssues: 1, createdThroughMsw: true },
      });
  });

  it("run from CommonJS with require()", () => {
    const cjs = spawnSync(process.execPath, ["consumer.cjs"], { cwd: project, encoding: "utf8" });
    expect(cjs.status, cjs.stderr).toBe(0);
    expect(JSON.parse(cjs.stdout)).toEqual({ canonical: false, vendors });
  });
});
