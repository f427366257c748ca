// The generated code is emitted in its final layout: Biome, run with the
// generator's own fixed configuration, would change nothing in generated/
// (issue 28: the formatter checks rather than rewrites), guards.ts included,
// which generate no longer sends to Biome. ajv's standalone validators are
// laid out by esbuild instead (write/layout-js.ts).
import { Biome } from "@biomejs/js-api/nodejs";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIGURATION } from "../../generator/write/format.js";
import { repoRoot } from "../helpers/cli.js";

const generated = join(repoRoot, "generated");

// What the generator writes: not a package's build (dist/, a crashed build's .build-<pid>/) nor installed modules.
const NOT_WRITTEN = /(^|[\\/])(dist|node_modules|\.build-\d+)([\\/]|$)/;

const files = readdirSync(generated, { recursive: true, encoding: "utf8" })
  .filter((path) => /\.(ts|js|json)$/.test(path) && !path.endsWith(".compiled.js") && !NOT_WRITTEN.test(path))
  .sort();

describe("generated/ in its final layout", () => {
  const biome = new Biome();
  const { projectKey } = biome.openProject();
  biome.applyConfiguration(projectKey, CONFIGURATION);

  it("has files to check, every package's guards.ts among them", () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((path) => path.endsWith("/src/guards.ts"))).toHaveLength(6);
  });

  it.each(files)("%s: Biome would change nothing", (path) => {
    const content = readFileSync(join(generated, path), "utf8");
    const { content: formatted } = biome.formatContent(projectKey, content, { filePath: path });
    expect(formatted, relative(repoRoot, join(generated, path))).toBe(content);
  });
});
