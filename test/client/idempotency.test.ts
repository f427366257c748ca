// Idempotency where the vendor documents it (`x-idempotency`): the key is
// sent, what may have arrived is retried with it, and the mock answers the
// same key with the same customer. Without it, nothing is retried once sent.
// No vendor in specs/ documents a key, so a mini spec declares one.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CreateResult, SendOptions } from "@customer-adapters/runtime/client";
import type { Customer } from "@customer-adapters/canonical";
import { createEverywhere } from "@customer-adapters/vendors";
import { repoRoot, runGenerate } from "../helpers/cli.js";
import { miniMapping, miniVendor, removeSpecsFolders, specsFolder } from "../helpers/mini-vendor.js";
import { loadPackage } from "../helpers/package.js";
import { customers } from "../fixtures/customers.js";

type Fetch = NonNullable<SendOptions["fetch"]>;
interface Package {
  adapter: { createCustomer(customer: Customer, context: unknown, options?: SendOptions): Promise<CreateResult> };
  fixtures: { context: Record<string, unknown> };
  createMock(): { fetch: Fetch; created: unknown[] };
}

// Inside the repository so that the package finds @customer-adapters/canonical in node_modules.
const out = join(repoRoot, ".test-output/idempotency");
const keyed = miniVendor(miniMapping).replace(
  "operationId: createCustomer",
  "operationId: createCustomer\n      x-idempotency: { header: Idempotency-Key }",
);

beforeAll(() => {
  rmSync(out, { recursive: true, force: true });
  const result = runGenerate(["--specs", specsFolder(keyed), "--out", out]);
  expect(result.status, result.stderr).toBe(0);
}, 120_000);
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  removeSpecsFolders();
});

/** A fetch that delivers the first request to the vendor, then loses its answer (it hangs until the timeout). */
function losingFirstAnswer(deliver: Fetch) {
  const keys: (string | undefined)[] = [];
  const fetch: Fetch = async (url, init) => {
    keys.push(init.headers["Idempotency-Key"]);
    const answer = await deliver(url, init);
    if (keys.length > 1) return answer;
    return new Promise((_resolve, reject) =>
      (init.signal as AbortSignal).addEventListener("abort", () => reject(new Error("aborted"))),
    );
  };
  return { fetch, keys };
}

describe("a vendor that documents an idempotency key", () => {
  it("retries a timeout once with the same key, and the vendor makes one customer", async () => {
    const pkg = await loadPackage<Package>("mini", out);
    const mock = pkg.createMock();
    const { fetch, keys } = losingFirstAnswer(mock.fetch);
    const result = await pkg.adapter.createCustomer(customers.person, pkg.fixtures.context, {
      fetch,
      timeoutMs: 200,
      retryDelayMs: 0,
    });
    expect(result).toMatchObject({ ok: true, id: "1000" });
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^ca-/);
    expect(keys[1]).toBe(keys[0]);
    expect(mock.created).toHaveLength(1);
  });

  it("derives the same key for the same customer, so a second create answers the first customer", async () => {
    const pkg = await loadPackage<Package>("mini", out);
    const mock = pkg.createMock();
    const first = await pkg.adapter.createCustomer(customers.person, pkg.fixtures.context, { fetch: mock.fetch });
    const again = await pkg.adapter.createCustomer(customers.person, pkg.fixtures.context, { fetch: mock.fetch });
    expect(first).toMatchObject({ ok: true, id: "1000" });
    expect(again).toMatchObject({ ok: true, id: "1000" });
    expect(mock.created).toHaveLength(1);
    const other = await pkg.adapter.createCustomer(customers.company, pkg.fixtures.context, { fetch: mock.fetch });
    expect(other).toMatchObject({ ok: true, id: "1001" });
  });

  it("sends the caller's key, honours Retry-After on a 503 and gives up after retriesWhenUnknown", async () => {
    const pkg = await loadPackage<Package>("mini", out);
    const sent: string[] = [];
    const busy: Fetch = async (_url, init) => {
      sent.push(init.headers["Idempotency-Key"] ?? "");
      return { status: 503, headers: { get: (name) => (name === "retry-after" ? "0" : null) }, text: async () => "" };
    };
    const result = await pkg.adapter.createCustomer(customers.person, pkg.fixtures.context, {
      fetch: busy,
      idempotencyKey: "order-42",
      retriesWhenUnknown: 1,
      retryDelayMs: 0,
    });
    expect(result).toMatchObject({ ok: false, sent: true, status: 503 });
    expect(sent).toEqual(["order-42", "order-42"]);
  });

  it("refuses a key that cannot be sent as a header, before sending", async () => {
    const pkg = await loadPackage<Package>("mini", out);
    const result = await pkg.adapter.createCustomer(customers.person, pkg.fixtures.context, {
      fetch: pkg.createMock().fetch,
      idempotencyKey: "two words",
    });
    expect(result).toMatchObject({ ok: false, sent: false, errors: [{ field: "options/idempotencyKey" }] });
  });
});

describe("a vendor without one (jasper)", () => {
  it("does not retry a timeout once sent: createEverywhere reports it unknown", async () => {
    const jasper = await loadPackage<Package>("jasper");
    const mock = jasper.createMock();
    const { fetch, keys } = losingFirstAnswer(mock.fetch);
    const { results } = await createEverywhere(
      customers.person,
      { jasper: jasper.fixtures.context },
      { vendors: ["jasper"], perVendor: { jasper: { fetch } }, timeoutMs: 200 },
    );
    expect(results).toEqual([expect.objectContaining({ vendor: "jasper", outcome: "unknown" })]);
    expect(keys).toEqual([undefined]);
    expect(mock.created).toHaveLength(1);
  });
});
