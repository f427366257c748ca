// `customer-adapters generate` (generator/run.mjs, what `npm run generate` runs): a run with nothing to do
// answers from its cache without loading the generator, a changed spec or an
// edited output file runs the generator for that package alone, and anything
// else (a removed spec, a corrupt cache) runs it in full.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { OUT_MARKER } from "../../generator/write/write-tree.js";
import { removeScratch, repoRoot, runLauncher, scratchCopy, treeHash } from "../helpers/cli.js";
import { miniMapping, miniVendor } from "../helpers/mini-vendor.js";

afterAll(removeScratch);

describe("the generate cache", () => {
  // The canonical customer and a small vendor keep each full run short.
  const dir = scratchCopy("specs/canonical", "specs/canonical");
  writeFileSync(join(dir, "specs/mini.yaml"), miniVendor(miniMapping));
  const cacheDir = join(dir, "cache");
  const run = (...args: string[]) => runLauncher([...args, "--specs", "specs", "--out", "out"], { cwd: dir, cacheDir });
  const outFile = join(dir, "out/mini/src/types.ts");

  it("generates on the first run and records the result", () => {
    const first = run();
    expect(first.stderr).toBe("");
    expect(first.stdout).toMatch(/^generated 2 packages, \d+ files into out\/$/m);
    expect(readdirSync(cacheDir).filter((name) => name.endsWith(".json"))).toHaveLength(1);
  });

  it("answers a run with nothing to do from the cache, writing nothing", () => {
    const before = treeHash(join(dir, "out"));
    const modified = statSync(outFile).mtimeMs;
    const again = run();
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^out\/ is already what specs\/ gives \(\d+ files, 2 packages\): nothing to write$/m);
    expect(run("--check").stdout).toMatch(/^out\/ is up to date with specs\/ \(\d+ files, 2 packages\)$/m);
    expect(treeHash(join(dir, "out"))).toBe(before);
    expect(statSync(outFile).mtimeMs).toBe(modified);
  });

  it("still catches a hand edit in the output, even one that keeps the file's size, and generate repairs it", () => {
    const original = readFileSync(outFile, "utf8");
    const edited = original.replace("export", "EXPORT");
    expect(edited).not.toBe(original);
    writeFileSync(outFile, edited);
    const check = run("--check");
    expect(check.status).toBe(1);
    expect(check.stderr).toContain("stale    out/mini/src/types.ts");
    expect(run().status).toBe(0);
    expect(readFileSync(outFile, "utf8")).toBe(original);
  });

  it("regenerates only the package whose spec changed", () => {
    const spec = join(dir, "specs/mini.yaml");
    const canonicalFile = join(dir, "out/canonical/src/types.ts");
    const canonicalModified = statSync(canonicalFile).mtimeMs;
    writeFileSync(
      spec,
      readFileSync(spec, "utf8").replace(
        "name: { type: string, minLength: 1, maxLength: 60, description: Name. }",
        "name: { type: string, minLength: 1, maxLength: 60, description: The customer's name. }",
      ),
    );
    const changed = run();
    expect(changed.stdout).toMatch(
      /^generated 1 package, \d+ files into out\/ \(the package whose inputs or files changed since the last run: mini\)$/m,
    );
    expect(readFileSync(outFile, "utf8")).toContain("The customer's name.");
    expect(statSync(canonicalFile).mtimeMs).toBe(canonicalModified);
    expect(run().stdout).toMatch(/nothing to write$/m);
  });

  it("regenerates only its vendor's package when the overlay beside a spec changes", () => {
    const canonicalFile = join(dir, "out/canonical/src/types.ts");
    const canonicalModified = statSync(canonicalFile).mtimeMs;
    const overlay = (title: string) =>
      `overlay: 1.0.0\ninfo: { title: Mini, version: 1.0.0 }\nactions:\n  - target: $.components.schemas.Body.properties.name\n    update: { description: ${title} }\n`;
    writeFileSync(join(dir, "specs/mini.overlay.yaml"), overlay("Name from the overlay."));
    const changed = run();
    expect(changed.stdout).toMatch(
      /^generated 1 package, \d+ files into out\/ \(the package whose inputs or files changed since the last run: mini\)$/m,
    );
    expect(readFileSync(outFile, "utf8")).toContain("Name from the overlay.");
    expect(statSync(canonicalFile).mtimeMs).toBe(canonicalModified);
    rmSync(join(dir, "specs/mini.overlay.yaml"));
    expect(run().status).toBe(0);
  });

  it("runs in full when a spec is removed, and its package goes", () => {
    const extra = join(dir, "specs/extra.yaml");
    writeFileSync(extra, miniVendor(miniMapping).replace("slug: mini", "slug: extra"));
    expect(run().stdout).toMatch(
      /^generated 1 package, \d+ files into out\/ \(the package whose inputs or files changed since the last run: extra\)$/m,
    );
    expect(readdirSync(join(dir, "out")).sort()).toEqual([OUT_MARKER, "canonical", "extra", "mini", "vendors"]);
    rmSync(extra);
    expect(run().stdout).toMatch(/^generated 2 packages, \d+ files into out\/$/m);
    expect(readdirSync(join(dir, "out")).sort()).toEqual([OUT_MARKER, "canonical", "mini", "vendors"]);
  });

  it("treats a corrupt cache as an empty one", () => {
    for (const name of readdirSync(cacheDir)) writeFileSync(join(cacheDir, name), "{ not json");
    const check = run("--check");
    expect(check.status).toBe(0);
    expect(check.stderr).toBe("");
    // The generator ran (it answers in its own words) and recorded a sound manifest again.
    expect(check.stdout).toMatch(/^out\/ is up to date with specs\/ \(\d+ files, 2 packages\)$/m);
    expect(() => JSON.parse(readFileSync(join(cacheDir, readdirSync(cacheDir)[0] as string), "utf8"))).not.toThrow();
  });

  it("never caches a failure: a broken spec is reported every time, and the output stays as it was", () => {
    const spec = join(dir, "specs/mini.yaml");
    const before = treeHash(join(dir, "out"));
    writeFileSync(spec, readFileSync(spec, "utf8").replace("maxLength: 60", "maxLength: -1"));
    for (const attempt of [run(), run()]) {
      expect(attempt.status).toBe(1);
      expect(attempt.stderr).toMatch(/mini\.yaml:\d+:\d+/);
    }
    expect(treeHash(join(dir, "out"))).toBe(before);
  });
});

describe("npm run generate piped into a reader that stops early", () => {
  it("still writes the tree and exits 0, with no stack trace", () => {
    const dir = scratchCopy("specs/canonical", "specs/canonical");
    writeFileSync(join(dir, "specs/mini.yaml"), miniVendor(miniMapping));
    // `true` reads nothing and exits at once: every line the run prints meets a closed pipe (EPIPE).
    const launcher = JSON.stringify(join(repoRoot, "generator/run.mjs"));
    const piped = spawnSync(
      "bash",
      [
        "-o",
        "pipefail",
        "-c",
        `${JSON.stringify(process.execPath)} ${launcher} generate --no-cache --specs specs --out out | true`,
      ],
      {
        cwd: dir,
        encoding: "utf8",
      },
    );
    expect(piped.stderr).toBe("");
    expect(piped.status).toBe(0);
    expect(readdirSync(join(dir, "out")).sort()).toEqual([OUT_MARKER, "canonical", "mini", "vendors"]);
  });
});
