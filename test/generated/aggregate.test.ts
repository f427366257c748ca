// The aggregate package (generated/vendors): preflight and createEverywhere
// over every vendor, each against its own mock.
import { describe, expect, it } from "vitest";
import type { Customer } from "@customer-adapters/canonical";
import type { SendOptions } from "@customer-adapters/runtime/client";
import { createEverywhere, preflight, vendors } from "@customer-adapters/vendors";
import { customers } from "../fixtures/customers.js";
import { loadPackage } from "../helpers/package.js";

interface VendorPackage {
  fixtures: { context: Record<string, unknown> };
  createMock(): { fetch: NonNullable<SendOptions["fetch"]>; customers?: unknown };
}

const slugs = vendors.map((vendor) => vendor.slug);

async function mocks() {
  const contexts: Record<string, Record<string, unknown>> = {};
  const perVendor: Record<string, SendOptions> = {};
  for (const slug of slugs) {
    const pkg = await loadPackage<VendorPackage>(slug);
    contexts[slug] = pkg.fixtures.context;
    perVendor[slug] = { fetch: pkg.createMock().fetch };
  }
  return { contexts, perVendor };
}

/** Caliq needs a currency from the customer or its context (`defaultCurrency`): this person has one. */
const person: Customer = { ...customers.person, currency: "EUR" };

/** A person every vendor takes but Caliq, whose Surname holds at most 30 characters. */
const longSurname: Customer = {
  ...person,
  person: { givenName: "Ada", familyName: "Montgomery-Fitzwilliam-Ashworth" },
};

describe("the aggregate package", () => {
  it("lists every mapped vendor with its slug, name and context inputs", () => {
    expect(slugs).toEqual(["bydesign", "caliq", "jasper", "jtl", "storm"]);
    const caliq = vendors.find((vendor) => vendor.slug === "caliq");
    expect(caliq?.name).toBe("Caliq API");
    expect(caliq?.context.required).toEqual(["apiKey", "channelId"]);
    expect(caliq?.context.optional).toContain("host");
  });

  it("preflight: every vendor takes a person, given each vendor's context", async () => {
    const { contexts } = await mocks();
    const results = preflight(customers.person, contexts);
    expect(results.map((result) => [result.vendor, result.verdict, result.problems, result.missingContext])).toEqual(
      slugs.map((slug) => [slug, "ok", [], []]),
    );
  });

  it("preflight without contexts: the verdict is about the customer, and the missing inputs are named", () => {
    expect(preflight(customers.person).find((result) => result.vendor === "caliq")?.problems).toEqual([
      expect.objectContaining({ field: "/currency", vendorField: "/body/Currency", rule: "required" }),
    ]);
    const results = preflight(person);
    expect(results.map((result) => result.verdict)).toEqual(slugs.map(() => "ok"));
    expect(results.find((result) => result.vendor === "caliq")?.missingContext).toEqual(["apiKey", "channelId"]);
  });

  it("preflight names the canonical field, the vendor field, the rule and the limit where a vendor refuses", () => {
    const results = preflight(longSurname);
    expect(results.filter((result) => result.verdict === "refuses").map((result) => result.vendor)).toEqual(["caliq"]);
    expect(results.find((result) => result.vendor === "caliq")?.problems).toEqual([
      expect.objectContaining({
        kind: "does-not-fit",
        field: "/person/familyName",
        vendorField: "/body/Surname",
        rule: "maxLength",
        limit: 30,
      }),
    ]);
  });

  it("createEverywhere creates the customer at every other vendor and reports Caliq's refusal with its rule", async () => {
    const { contexts, perVendor } = await mocks();
    const { results, summary } = await createEverywhere(longSurname, contexts, { perVendor, concurrency: 2 });
    expect(summary).toEqual({
      created: ["bydesign", "jasper", "jtl", "storm"],
      refused: ["caliq"],
      unknown: [],
      unavailable: [],
    });
    for (const result of results)
      if (result.outcome === "created") expect(result.id).toEqual(expect.any(String));
      else
        expect(result).toMatchObject({
          vendor: "caliq",
          outcome: "refused",
          sent: false,
          errors: [{ field: "/person/familyName", vendorField: "/body/Surname", rule: "maxLength", limit: 30 }],
        });
  });

  it("createEverywhere calls at most `concurrency` vendors at once, and only the chosen ones", async () => {
    const { contexts, perVendor } = await mocks();
    let running = 0;
    let most = 0;
    const counted = Object.fromEntries(
      Object.entries(perVendor).map(([slug, options]) => [
        slug,
        {
          fetch: (async (url, init) => {
            most = Math.max(most, ++running);
            await new Promise((resolve) => setTimeout(resolve, 10));
            try {
              return await (options.fetch as NonNullable<SendOptions["fetch"]>)(url, init);
            } finally {
              running--;
            }
          }) as NonNullable<SendOptions["fetch"]>,
        },
      ]),
    );
    const chosen = ["jasper", "jtl", "storm"];
    const { results } = await createEverywhere(customers.person, contexts, {
      perVendor: counted,
      concurrency: 2,
      vendors: chosen,
    });
    expect(results.map((result) => [result.vendor, result.outcome])).toEqual(chosen.map((slug) => [slug, "created"]));
    expect(most).toBe(2);
  });

  it("never throws: a call that times out after sending, or a fetch failing for no known reason, is unknown; a refused connection unavailable, as the client says", async () => {
    const { contexts } = await mocks();
    const refused = Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
    const hang: NonNullable<SendOptions["fetch"]> = (_url, init) =>
      new Promise((_resolve, reject) =>
        (init.signal as AbortSignal | undefined)?.addEventListener("abort", () => reject(new Error("aborted"))),
      );
    const { summary } = await createEverywhere(customers.person, contexts, {
      vendors: ["jasper", "jtl", "storm"],
      timeoutMs: 50,
      retriesOnRefusedConnection: 0,
      perVendor: {
        jasper: { fetch: () => Promise.reject(refused) },
        jtl: { fetch: hang },
        storm: {
          fetch: () => {
            throw new Error("broken fetch");
          },
        },
      },
    });
    expect(summary).toEqual({ created: [], refused: [], unknown: ["jtl", "storm"], unavailable: ["jasper"] });
  });
});
