// A save (generate behind its cache, one spec changed): the specs the cache
// knows sound, unchanged since a run that checked them with this very
// generator, are read for the aggregate and the mappings without being
// checked again (generator/cli/cache.ts `sound`, pipeline.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GenerateCache, readInputs } from "../../generator/cli/cache.js";
import { isSpecFailure } from "../../generator/core/spec-error.js";
import { generate } from "../../generator/pipeline.js";
import { miniMapping, miniVendor, removeSpecsFolders, specsFolder } from "../helpers/mini-vendor.js";

afterAll(removeSpecsFolders);

const mini = miniVendor(miniMapping);
// A problem only a check finds (an unknown key of `x-vendor`): the package could be emitted all the same.
const unchecked = mini.replace("x-vendor: { slug: mini,", "x-vendor: { slgu: other, slug: other,");

describe("specs known sound", () => {
  it("the cache names the specs whose inputs are those of the recorded run", () => {
    const specs = specsFolder(mini);
    writeFileSync(join(specs, "other.yaml"), mini.replace("slug: mini", "slug: other"));
    const out = join(dirname(specs), "out");
    mkdirSync(out);
    const cache = new GenerateCache(specs, out, join(dirname(specs), "cache"));
    cache.plan(readInputs(specs, {}));
    cache.save(readInputs(specs, {}));
    writeFileSync(join(specs, "mini.yaml"), `${mini}\n# saved\n`);
    expect(cache.plan(readInputs(specs, {}))).toEqual({ only: ["mini"], packages: 3, sound: ["canonical", "other"] });
  });

  it("are read without their checks; the package regenerated is checked, and the others are without `sound`", async () => {
    const specs = specsFolder(mini);
    writeFileSync(join(specs, "other.yaml"), unchecked);
    const root = dirname(specs);
    const only = new Set(["mini"]);
    const failure = await generate(specs, root, only, { format: false }).catch((error: unknown) => error);
    expect(isSpecFailure(failure)).toBe(true);
    expect(String(failure)).toContain("unknown key `slgu` in `x-vendor`");
    const { models, files } = await generate(specs, root, only, {
      format: false,
      sound: new Set(["canonical", "other"]),
    });
    expect(models.map((model) => model.slug)).toEqual(["mini"]);
    expect(files.some((file) => file.path.startsWith("vendors/") && file.content.includes('"other"'))).toBe(true);
    // `sound` never spares the packages being generated their checks.
    writeFileSync(join(specs, "mini.yaml"), unchecked.replace("slug: other", "slug: mini"));
    const own = await generate(specs, root, only, { format: false, sound: new Set(["canonical", "mini"]) }).catch(
      (error: unknown) => error,
    );
    expect(String(own)).toContain("unknown key `slgu` in `x-vendor`");
  });
});
