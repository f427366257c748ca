// The config's outputs, scope and names, applied in one place (generator/outputs.ts) to the emitted files,
// and through the pipeline: each package reported as it is done, formatting off on request.
import { afterAll, describe, expect, it } from "vitest";
import { applyOutputOptions, outputKind } from "../../generator/outputs.js";
import { generate } from "../../generator/pipeline.js";
import { miniMapping, miniVendor, removeSpecsFolders, specsFolder } from "../helpers/mini-vendor.js";

afterAll(removeSpecsFolders);

const files = [
  {
    path: "jtl/package.json",
    content: '{ "name": "@customer-adapters/jtl", "dependencies": { "@customer-adapters/canonical": "^1.0.0" } }',
  },
  { path: "jtl/README.md", content: "Serve it with `@customer-adapters/canonical/mock-server`." },
  { path: "jtl/src/types.ts", content: "export type A = string;" },
  { path: "jtl/src/guards.ts", content: 'import { x } from "@customer-adapters/canonical/validation";' },
  { path: "jtl/src/mock.ts", content: "" },
  { path: "jtl/fixtures/context.json", content: "{}" },
  { path: "jtl/src/index.ts", content: "" },
];

describe("output options", () => {
  it("knows each file's kind, and leaves a package's own files kindless", () => {
    expect(files.map((file) => outputKind(file.path))).toEqual([
      undefined,
      "readme",
      "types",
      "validators",
      "mock",
      "fixtures",
      undefined,
    ]);
  });

  it("keeps only the kinds asked for, and every package's own files", () => {
    const kept = applyOutputOptions(files, { outputs: ["types", "validators"] }).map((file) => file.path);
    expect(kept).toEqual(["jtl/package.json", "jtl/src/types.ts", "jtl/src/guards.ts", "jtl/src/index.ts"]);
  });

  it("names every package the same way wherever it is mentioned", () => {
    const renamed = applyOutputOptions(files, { scope: "@acme", names: { jtl: "jtl-wawi" } });
    expect(renamed[0]?.content).toBe('{ "name": "@acme/jtl-wawi", "dependencies": { "@acme/canonical": "^1.0.0" } }');
    expect(renamed[1]?.content).toBe("Serve it with `@acme/canonical/mock-server`.");
    expect(renamed[3]?.content).toBe('import { x } from "@acme/canonical/validation";');
  });

  it("leaves the files as they are by default", () => {
    expect(applyOutputOptions(files, {})).toBe(files);
  });

  it("reaches the pipeline: packages reported as done, unformatted on request", async () => {
    const specs = specsFolder(miniVendor(miniMapping));
    const done: string[] = [];
    const plain = await generate(specs, `${specs}/..`, new Set(["mini"]), {
      format: false,
      outputs: ["types"],
      onPackage: (slug, ms) => done.push(`${slug} ${ms >= 0}`),
    });
    expect(done).toEqual(["mini true"]);
    expect(plain.files.map((file) => file.path)).toEqual([
      "mini/package.json",
      "mini/src/index.ts",
      "mini/src/types.ts",
      "mini/tsconfig.json",
    ]);
    const formatted = await generate(specs, `${specs}/..`, new Set(["mini"]), { outputs: ["types"] });
    const types = (result: typeof plain) => result.files.find((file) => file.path === "mini/src/types.ts")?.content;
    expect(types(plain)).not.toBe(types(formatted));
  });
});
