import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadAll } from "../../generator/pipeline.js";
import { schemasAt } from "../../generator/model/check-model.js";
import type { SpecModel } from "../../generator/model/model.js";
import { repoRoot } from "../helpers/cli.js";
import { loadPackage } from "../helpers/package.js";

const vendors = loadAll(join(repoRoot, "specs"), repoRoot).filter((model) => model.kind === "vendor");

interface Package {
  adapter: {
    validateRequest(value: unknown): { ok: boolean; errors?: { path: string; rule: string; vendorCode?: unknown }[] };
    validateResponse(status: number, body: unknown): { ok: boolean; errors?: { path: string; rule: string }[] };
  };
}
// By path: vendor packages are not workspaces (a new vendor must not need a lockfile change).
const load = (slug: string): Promise<Package> => loadPackage<Package>(slug);
const ruleSet = (errors: { path: string; rule: string }[] = []) =>
  [...new Set(errors.map((error) => `${error.path} ${error.rule}`))].sort();

function examplesOf(model: SpecModel) {
  const operation = model.operation;
  if (!operation) return [];
  return [
    ...(operation.requestBody?.examples ?? []).map((example) => ({ status: undefined, example })),
    ...operation.responses.flatMap((response) =>
      (response.body?.examples ?? []).map((example) => ({ status: response.status, example })),
    ),
  ];
}

it("has a spec and a package for each of the five vendors", () => {
  expect(vendors.map((model) => model.slug)).toEqual(["bydesign", "caliq", "jasper", "jtl", "storm"]);
});

describe.each(vendors.map((model) => [model.slug, model] as const))("%s", (slug, model) => {
  it.each(
    examplesOf(model).map(
      ({ status, example }) => [`${status ?? "request"} ${example.name}`, status, example] as const,
    ),
  )("example %s gets its documented verdict from the generated validator", async (_name, status, example) => {
    const { adapter } = await load(slug);
    const result =
      status === undefined
        ? adapter.validateRequest(example.value)
        : adapter.validateResponse(Number(status), example.value);
    expect(result.ok).toBe(example.expect !== "invalid");
    expect(ruleSet(result.errors)).toEqual(
      ruleSet(example.expectErrors.map((rule) => ({ path: rule.path, rule: rule.keyword }))),
    );
  });

  /** A valid request to break one rule at a time: the first valid request example. */
  const base = model.operation?.requestBody?.examples.find((example) => example.expect !== "invalid")?.value as
    | Record<string, unknown>
    | undefined;
  const lengthRules = (model.operation?.errors ?? []).flatMap((error) =>
    error.rules
      .filter(
        (rule) =>
          rule.in === "body" &&
          !rule.path.includes("*") &&
          rule.path.split("/").length === 2 &&
          rule.keywords.includes("maxLength"),
      )
      .map((rule) => ({ code: error.code, path: rule.path })),
  );

  it.runIf(base !== undefined && lengthRules.length > 0)(
    "a value one past each documented limit yields the vendor's own code",
    async () => {
      const { adapter } = await load(slug);
      for (const { code, path } of lengthRules) {
        const [schema] = schemasAt(model, model.operation?.requestBody?.schema ?? {}, path).filter(
          (candidate) => typeof candidate.maxLength === "number",
        );
        const tooLong = "ü".repeat((schema?.maxLength as number) + 1);
        const result = adapter.validateRequest({ ...base, [path.slice(1)]: tooLong });
        expect(result.ok, path).toBe(false);
        expect(
          result.errors?.find((error) => error.path === path && error.rule === "maxLength")?.vendorCode,
          path,
        ).toBe(code);
      }
    },
  );
});
