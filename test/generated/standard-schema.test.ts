// The generated Standard Schema v1 exports: the `~standard` face, a valid
// value back as it is, every invalid fixture as issues with path segments,
// the rule and the vendor's code, and the types tools infer from them
// (`npm run typecheck` compiles the expectTypeOf lines).
import { join } from "node:path";
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { describe, expect, expectTypeOf, it } from "vitest";
import { CustomerSchema, type Customer } from "@customer-adapters/canonical";
import { pathSegments, type VendorSchema } from "@customer-adapters/runtime";
import { loadAll } from "../../generator/pipeline.js";
import type {
  adapter as jtl,
  CreateCustomerContextSchema,
  CreateCustomerRequestBodySchema,
  CreateCustomerContext,
  CreateCustomerRequestBody,
} from "../../generated/jtl/src/index.js";
import { valid as jasperValid } from "../../generated/jasper/src/fixtures.js";
import { CreateCustomerRequestBodySchema as JasperRequestSchema } from "../../generated/jasper/src/index.js";
import { repoRoot } from "../helpers/cli.js";
import { loadPackage } from "../helpers/package.js";

const vendors = loadAll(join(repoRoot, "specs"), repoRoot).filter((model) => model.kind === "vendor");

interface ValidationErrorLike {
  path: string;
  rule: string;
  message: string;
  vendorCode?: string | number;
  vendorMessage?: string;
}
interface Package {
  adapter: {
    requestSchema: VendorSchema<unknown>;
    validateRequest(value: unknown): { ok: true; value: unknown } | { ok: false; errors: ValidationErrorLike[] };
  };
  fixtures: { valid: Record<string, unknown>; invalid: readonly { name: string; value: unknown }[] };
  CreateCustomerRequestBodySchema: unknown;
}
const load = (slug: string): Promise<Package> => loadPackage<Package>(slug);

/** `/contacts/0/name` as `["contacts", 0, "name"]`: in the fixtures, a number in a path is always a list index. */
const segments = (pointer: string) =>
  pointer === ""
    ? []
    : pointer
        .slice(1)
        .split("/")
        .map((part) => (/^\d+$/.test(part) ? Number(part) : part));

describe.each(vendors.map((model) => [model.slug] as const))("%s request schema", (slug) => {
  it("is adapter.requestSchema, a Standard Schema v1 of the customer-adapters library", async () => {
    const pkg = await load(slug);
    expect(pkg.adapter.requestSchema).toBe(pkg.CreateCustomerRequestBodySchema);
    const props = pkg.adapter.requestSchema["~standard"];
    expect({ version: props.version, vendor: props.vendor, validate: typeof props.validate }).toEqual({
      version: 1,
      vendor: "customer-adapters",
      validate: "function",
    });
  });

  it("gives back every valid fixture as its value, with no issues", async () => {
    const { adapter, fixtures } = await load(slug);
    for (const [name, value] of Object.entries(fixtures.valid)) {
      const result = adapter.requestSchema["~standard"].validate(value);
      expect(result, name).toEqual({ value });
      expect(result.issues === undefined && result.value, name).toBe(value);
    }
  });

  it("reports every invalid fixture as validateRequest does, path as segments, vendor code kept", async () => {
    const { adapter, fixtures } = await load(slug);
    let coded = 0;
    for (const fixture of fixtures.invalid) {
      const checked = adapter.validateRequest(fixture.value);
      if (checked.ok) throw new Error(`${fixture.name} should be invalid`);
      const result = adapter.requestSchema["~standard"].validate(fixture.value);
      expect("value" in result, fixture.name).toBe(false);
      expect(result.issues, fixture.name).toEqual(
        checked.errors.map((error) => ({
          message: error.message,
          path: segments(error.path),
          rule: error.rule,
          ...(error.vendorCode === undefined
            ? {}
            : { vendorCode: error.vendorCode, vendorMessage: error.vendorMessage }),
        })),
      );
      coded += result.issues?.filter((issue) => issue.vendorCode !== undefined).length ?? 0;
    }
    expect(coded, "issues that carry a vendor code").toBeGreaterThan(0);
  });
});

describe("Standard Schema issues", () => {
  it("carry the vendor's code and the path down a list (Jasper: a contact's name too long)", () => {
    const body = structuredClone(jasperValid.full);
    const contact = body.contacts?.[0];
    if (!contact) throw new Error("the full Jasper fixture has a contact");
    contact.name = "x".repeat(10_000);
    expect(JasperRequestSchema["~standard"].validate(body).issues).toEqual([
      expect.objectContaining({ path: ["contacts", 0, "name"], rule: "maxLength", vendorCode: "10000589" }),
    ]);
  });

  it("of the value itself have an empty path", () => {
    expect(CustomerSchema["~standard"].validate("not a customer").issues).toEqual([
      expect.objectContaining({ path: [], rule: "type" }),
    ]);
  });

  it("read a JSON pointer as segments: escapes undone, list indexes as numbers, a key 0 kept as text", () => {
    expect(pathSegments("/a~1b/c~0d", { "a/b": { "c~d": 1 } })).toEqual(["a/b", "c~d"]);
    expect(pathSegments("/list/0/0", { list: [{ 0: "x" }] })).toEqual(["list", 0, "0"]);
    expect(pathSegments("/gone/1", {})).toEqual(["gone", "1"]);
  });

  it("survive a value that cannot be read twice (a revoked Proxy): its keys stay text", () => {
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    expect(pathSegments("/0/1", proxy)).toEqual(["0", "1"]);
  });
});

describe("Standard Schema types", () => {
  it("infer the generated types as input and output", () => {
    expectTypeOf<
      StandardSchemaV1.InferOutput<typeof CreateCustomerRequestBodySchema>
    >().toEqualTypeOf<CreateCustomerRequestBody>();
    expectTypeOf<
      StandardSchemaV1.InferInput<typeof CreateCustomerRequestBodySchema>
    >().toEqualTypeOf<CreateCustomerRequestBody>();
    expectTypeOf<
      StandardSchemaV1.InferOutput<typeof CreateCustomerContextSchema>
    >().toEqualTypeOf<CreateCustomerContext>();
    expectTypeOf<StandardSchemaV1.InferOutput<typeof jtl.requestSchema>>().toEqualTypeOf<CreateCustomerRequestBody>();
    expectTypeOf<StandardSchemaV1.InferOutput<typeof CustomerSchema>>().toEqualTypeOf<Customer>();
    expectTypeOf(CustomerSchema).toMatchTypeOf<StandardSchemaV1<Customer>>();
  });
});
