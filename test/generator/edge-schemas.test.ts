// Schemas that are valid JSON Schema but unusual, through the whole
// generator (load, model, every emitter, formatting): the spec fuzz found
// each of these crashing a run before they were handled.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { miniMapping, miniVendor, removeSpecsFolders, specsFolder } from "../helpers/mini-vendor.js";

afterAll(removeSpecsFolders);

const withPhone = (phone: string) =>
  miniVendor(miniMapping).replace("phone: { type: string, description: Phone. }", `phone: ${phone}`);

async function run(spec: string) {
  const specs = specsFolder(spec);
  return generate(specs, join(specs, ".."), new Set(["mini"]));
}

describe("unusual schemas through the whole generator", () => {
  it("true and false as anyOf members: typed, sampled and guarded", async () => {
    const { files } = await run(withPhone("{ anyOf: [{ type: string, maxLength: 3 }, true], description: Phone. }"));
    const types = files.find((file) => file.path === "mini/src/types.ts")?.content ?? "";
    expect(types).toMatch(/phone\?: string \| unknown;/);
    const guards = files.find((file) => file.path === "mini/src/guards.ts")?.content ?? "";
    expect(guards).toContain("(() => true)(phone)");
  });

  it("enum and uniqueItems over objects: ajv's code gets its deep-equality helper", async () => {
    const { files } = await run(
      withPhone("{ type: array, uniqueItems: true, items: { type: object }, description: Phones. }"),
    );
    const compiled = files.find((file) => file.path === "mini/src/validators.compiled.js")?.content ?? "";
    expect(compiled).toContain('import { equal, formats, ucs2length } from "@customer-adapters/runtime/validation";');
  });

  it("an optional property the fixture generator cannot satisfy is left out of the full sample, not a refusal", async () => {
    // A URI of at most 5 characters exists ("a:b"), but no sample the generator makes is one.
    const { files, models } = await run(withPhone("{ type: string, format: uri, maxLength: 5, description: Phone. }"));
    const fixtures = JSON.parse(
      files.find((file) => file.path === "mini/src/fixtures/request-body.json")?.content ?? "",
    );
    expect(fixtures.valid.full.name).toEqual(expect.any(String));
    expect(fixtures.valid.full).not.toHaveProperty("phone");
    expect(models.find((model) => model.slug === "mini")?.warnings).toEqual([]);
  });
});
