// The vendor `customer-adapters init` writes works for both kinds of
// customer: a person and a company are each created through its mock.
import { cpSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreateResult, SendOptions } from "@customer-adapters/runtime/client";
import type { Customer } from "@customer-adapters/canonical";
import { removeScratch, repoRoot, runGenerate, scratchCopy } from "../helpers/cli.js";
import { loadPackage } from "../helpers/package.js";
import { customers } from "../fixtures/customers.js";

// Inside the repository so that the package finds @customer-adapters/canonical in node_modules.
const out = join(repoRoot, ".test-output/init-example");

interface ExamplePackage {
  adapter: { createCustomer(customer: Customer, context: unknown, options?: SendOptions): Promise<CreateResult> };
  fixtures: { context: Record<string, unknown> };
  createMock(): { fetch: NonNullable<SendOptions["fetch"]> };
}

beforeAll(() => {
  rmSync(out, { recursive: true, force: true });
  // As init writes it: the example beside the canonical customer.
  const specs = join(scratchCopy("templates/init/specs"), "specs");
  cpSync(join(repoRoot, "specs/canonical"), join(specs, "canonical"), { recursive: true });
  const result = runGenerate(["--specs", specs, "--out", out]);
  expect(result.status, result.stderr).toBe(0);
}, 120_000);
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  removeScratch();
});

describe("init's example vendor", () => {
  it.each([
    ["person", customers.person],
    [
      "company without a contact person",
      Object.fromEntries(Object.entries(customers.company).filter(([key]) => key !== "person")),
    ],
  ] as const)("creates a %s through its mock", async (_kind, customer) => {
    const pkg = await loadPackage<ExamplePackage>("example", out);
    const mock = pkg.createMock();
    const result = await pkg.adapter.createCustomer(customer as Customer, pkg.fixtures.context, { fetch: mock.fetch });
    expect(result).toMatchObject({ ok: true, id: expect.any(String) });
  });
});
