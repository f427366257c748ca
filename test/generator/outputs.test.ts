// The config's scope and names, applied in one place (generator/outputs.ts) to the emitted files, and its
// outputs, format and progress through the pipeline (the registry chooses the kinds).
import { afterAll, describe, expect, it } from "vitest";
import { applyOutputOptions } from "../../generator/outputs.js";
import { generate } from "../../generator/pipeline.js";
import { miniMapping, miniVendor, removeSpecsFolders, specsFolder } from "../helpers/mini-vendor.js";
import { repoRoot } from "../helpers/cli.js";

afterAll(removeSpecsFolders);

const files = [
  {
    path: "jtl/package.json",
    content: '{ "name": "@customer-adapters/jtl", "dependencies": { "@customer-adapters/canonical": "^1.0.0" } }',
  },
  { path: "jtl/README.md", content: "Import `@customer-adapters/jtl/mock`." },
  { path: "jtl/src/guards.ts", content: 'import { x } from "@customer-adapters/runtime/validation";' },
];

describe("package names", () => {
  it("names every package the same way wherever it is mentioned, the runtime in the same scope", () => {
    const renamed = applyOutputOptions(files, { scope: "@acme", names: { jtl: "jtl-wawi" } });
    expect(renamed.map((file) => file.content)).toEqual([
      '{ "name": "@acme/jtl-wawi", "dependencies": { "@acme/canonical": "^1.0.0" } }',
      "Import `@acme/jtl-wawi/mock`.",
      'import { x } from "@acme/runtime/validation";',
    ]);
  });

  it("leaves the files as they are by default", () => {
    expect(applyOutputOptions(files, {})).toBe(files);
  });
});

describe("the pipeline's options", () => {
  it("reports the packages done in the order they were emitted, whichever was laid out first", async () => {
    const done: string[] = [];
    await generate(`${repoRoot}/specs`, repoRoot, undefined, { format: false, onPackage: (slug) => done.push(slug) });
    // The canonical customer first, then the vendors by name (the specs' order): --progress numbers them so.
    expect(done).toEqual(["canonical", "bydesign", "caliq", "jasper", "jtl", "storm"]);
  });

  it("makes only the outputs asked for, reports each package as done, its types in their final layout with or without Biome", async () => {
    const specs = specsFolder(miniVendor(miniMapping));
    const done: string[] = [];
    const options = { format: false, outputs: ["fixtures"], onPackage: (slug: string) => done.push(slug) };
    const plain = await generate(specs, `${specs}/..`, new Set(["mini"]), options);
    expect(done).toEqual(["mini"]);
    const paths = plain.files.map((file) => file.path);
    expect(paths).toContain("mini/src/fixtures.ts");
    expect(paths).toContain("mini/src/validators.ts");
    expect(paths.filter((path) => /\/src\/(mapping|mock|msw|standard-schema)\.ts$/.test(path))).toEqual([]);
    const formatted = await generate(specs, `${specs}/..`, new Set(["mini"]), { outputs: ["fixtures"] });
    const types = (result: typeof plain) => result.files.find((file) => file.path === "mini/src/types.ts")?.content;
    // types.ts is emitted in its final layout: Biome, run on the second, has nothing to change.
    expect(types(formatted)).toBeDefined();
    expect(types(plain)).toBe(types(formatted));
  });
});
