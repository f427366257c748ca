import { existsSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, runGenerate, typeCheck } from "../helpers/cli.js";

// Inside the repository so that the package finds @customer-adapters/canonical in node_modules.
const out = join(repoRoot, ".test-output/sixth-vendor");

beforeAll(() => {
  rmSync(out, { recursive: true, force: true });
  const result = runGenerate(["--specs", "test/fixtures/specs", "--out", out]);
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toMatch(/^stripe\s+\d+ files/m);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("a sixth vendor from one spec file and no mapping annotations (Stripe)", () => {
  it("gets no mapper, since its spec declares no mapping", async () => {
    const stripe = await import(join(out, "stripe/src/index.ts"));
    expect(existsSync(join(out, "stripe/src/mapping.ts"))).toBe(false);
    expect(stripe.adapter.toRequest).toBeUndefined();
  });

  it("gets an adapter with the shared face", async () => {
    const stripe = await import(join(out, "stripe/src/index.ts"));
    expect(stripe.adapter.vendor).toBe("stripe");
    expect(stripe.adapter.operation).toMatchObject({
      operationId: "createCustomer",
      method: "POST",
      path: "/v1/customers",
      servers: ["https://api.stripe.com"],
      requestContentTypes: ["application/x-www-form-urlencoded"],
      auth: [[{ name: "secretKey", type: "http", scheme: "bearer" }]],
    });
  });

  it("validates requests and responses, with the vendor's code where its spec ties one", async () => {
    const { adapter, isCreateCustomerHeaders } = await import(join(out, "stripe/src/index.ts"));
    expect(adapter.validateRequest({ name: "Jenny Rosen", metadata: { plan: "pro" } }).ok).toBe(true);
    const result = adapter.validateRequest({
      email: `${"a".repeat(506)}@x.test`,
      tax_exempt: "sometimes",
      metadata: { n: 1 },
    });
    expect(result.ok).toBe(false);
    expect(
      result.errors.map((error: { path: string; rule: string; vendorCode?: string }) => [
        error.path,
        error.rule,
        error.vendorCode,
      ]),
    ).toEqual([
      ["/email", "maxLength", "email_invalid"],
      ["/tax_exempt", "enum", undefined],
      ["/metadata/n", "type", undefined],
    ]);
    expect(isCreateCustomerHeaders({ "Idempotency-Key": "k".repeat(256) })).toBe(false);
    expect(
      adapter.validateResponse(200, { id: "cus_1", object: "customer", created: 1, livemode: false, extra: true }).ok,
    ).toBe(true);
    expect(adapter.validateResponse(400, { error: { type: "card_error" } }).ok).toBe(true);
    expect(adapter.validateResponse(500, {})).toMatchObject({ ok: false, errors: [{ rule: "status" }] });
  });

  it("types requests and responses apart under strict, exactOptionalPropertyTypes and noUncheckedIndexedAccess", () => {
    const consumer = join(out, "consumer.ts");
    writeFileSync(
      consumer,
      `import type { CreateCustomerRequestBody, CreateCustomerResponse200, CreateCustomerHeaders } from "./stripe/src/index.js";
export const request: CreateCustomerRequestBody = { name: "Jenny", tax_exempt: "none", metadata: { plan: "pro" } };
// @ts-expect-error id is readOnly: it is not part of what is sent
export const withId: CreateCustomerRequestBody = { id: "cus_1" };
// @ts-expect-error tax_exempt is one of the documented values
export const badEnum: CreateCustomerRequestBody = { tax_exempt: "sometimes" };
// @ts-expect-error additionalProperties: false is not an index signature
export const extra: CreateCustomerRequestBody = { nickname: "J" };
// @ts-expect-error metadata values are strings
export const badMetadata: CreateCustomerRequestBody = { metadata: { plan: 1 } };
// @ts-expect-error exactOptionalPropertyTypes: an optional field is not undefined
export const undefinedName: CreateCustomerRequestBody = { name: undefined };
export const response: CreateCustomerResponse200 = { id: "cus_1", object: "customer", created: 1, livemode: false, email: null };
// @ts-expect-error created is required in the response
export const missing: CreateCustomerResponse200 = { id: "cus_1", object: "customer", livemode: false };
export function rename(customer: CreateCustomerResponse200): void {
  // @ts-expect-error id is readonly in the response
  customer.id = "cus_2";
}
export const headers: CreateCustomerHeaders = { "Idempotency-Key": "k" };
`,
    );
    const tsc = typeCheck(out, ["**/*.ts"]);
    expect(tsc.output).toBe("");
    expect(tsc.status).toBe(0);
  });
});
