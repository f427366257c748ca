// The Handlebars templates precompiled into dist/ (generator/compile.mjs,
// core/templates.ts) render what the templates compiled from templates/ render.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import Handlebars from "handlebars";
import { afterAll, describe, expect, it } from "vitest";
import { template, templatesModule } from "../../generator/core/templates.js";
import { repoRoot } from "../helpers/cli.js";

// Written inside the repository, so that the module resolves as it does from dist/.
const dir = mkdtempSync(join(repoRoot, "node_modules/.templates-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the templates precompiled ahead of time", () => {
  it("render as the ones compiled from templates/, escaping nothing", () => {
    const file = join(dir, "templates.cjs");
    writeFileSync(file, templatesModule());
    const specs = createRequire(file)(file) as Record<string, Parameters<typeof Handlebars.template>[0]>;
    const banner = { specFile: "specs/a.yaml", title: "A & <B>", version: "1.0" };
    const ahead = Handlebars.template(specs.banner as Parameters<typeof Handlebars.template>[0]);
    expect(ahead(banner)).toBe(template("banner")(banner));
    expect(ahead(banner)).toContain("(A & <B>, spec version 1.0)");
    // strict, as compiled: a missing field is an error, not an empty string.
    expect(() => ahead({ specFile: "x" })).toThrow(/"title" not defined/);
    const review = { vendor: "a" };
    expect(Handlebars.template(specs["review-report"] as Parameters<typeof Handlebars.template>[0])(review)).toBe(
      template("review-report")(review),
    );
    expect(Object.keys(specs).sort()).toEqual(["banner", "package-readme", "review-report"]);
  });
});
