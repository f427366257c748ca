// What each entry point of a generated package loads, read from esbuild's
// metafile of a bundle of it: the main entry reaches no fixture or mock, nor
// XML or country code its vendor does not use (issue 28: no unused module),
// and `./validators` reaches no mapper, client, XML or country code.
import { build } from "esbuild";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";

const vendors = readdirSync(join(repoRoot, "generated"), { withFileTypes: true })
  // The canonical package and the aggregate (`vendors`, tested in aggregate.test.ts) are not vendors.
  .filter((entry) => entry.isDirectory() && entry.name !== "canonical" && entry.name !== "vendors")
  .map((entry) => entry.name)
  .sort();

/** The files a bundle of `code` (resolved from the repository root) pulls in, relative to the root. */
async function inputsOf(code: string): Promise<string[]> {
  const result = await build({
    stdin: { contents: code, resolveDir: repoRoot, loader: "ts" },
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    platform: "neutral",
    conditions: ["customer-adapters-source"],
    mainFields: ["module", "main"],
    logLevel: "silent",
  });
  return Object.keys(result.metafile.inputs).sort();
}

/** The files whose code a bundle of `code` keeps after tree shaking. */
async function keptFrom(code: string): Promise<string[]> {
  const result = await build({
    stdin: { contents: code, resolveDir: repoRoot, loader: "ts" },
    bundle: true,
    write: false,
    metafile: true,
    outfile: "bundle.js",
    format: "esm",
    platform: "neutral",
    conditions: ["customer-adapters-source"],
    mainFields: ["module", "main"],
    logLevel: "silent",
  });
  const [output] = Object.values(result.metafile.outputs);
  return Object.entries(output?.inputs ?? {})
    .filter(([, use]) => use.bytesInOutput > 0)
    .map(([file]) => file)
    .sort();
}

const generatedText = (slug: string, file: string) =>
  readFileSync(join(repoRoot, "generated", slug, "src", file), "utf8");
/** What the vendor's spec asks of the runtime: an XML request body, a country transform. */
const uses = (slug: string) => ({
  xml: /requestContentTypes: \[[^\]]*xml/.test(generatedText(slug, "operation.ts")),
  countries: /transform: "country-/.test(generatedText(slug, "mapping.ts")),
});

it("Caliq's validators call neither ajv-formats nor deep equality", () => {
  // So that the test of what `./validators` loads asserts an absence for some vendor.
  const code = generatedText("caliq", "validators.compiled.js") + generatedText("caliq", "guards.ts");
  expect(code).not.toMatch(/runtime\/(format-set|equal|validation)"/);
});

it("Storm and JTL send JSON only and use no country transform", () => {
  // So that the test below asserts an absence for some vendors, not only a presence.
  expect(uses("storm")).toEqual({ xml: false, countries: false });
  expect(uses("jtl")).toEqual({ xml: false, countries: false });
});

describe.each(vendors)("%s entry points", (slug) => {
  it("the main entry loads XML and country code only when the vendor uses them", async () => {
    const inputs = await inputsOf(`export { adapter } from "./generated/${slug}/src/index.ts";`);
    const loads = (pattern: RegExp) => inputs.some((file) => pattern.test(file));
    expect({
      xml: loads(/fast-xml-parser|runtime\/src\/xml\.ts$/),
      countries: loads(/countries-list|runtime\/src\/countries\.ts$/),
    }).toEqual(uses(slug));
  });

  it("the main entry holds no fixture and no mock", async () => {
    const inputs = await inputsOf(`export { adapter } from "./generated/${slug}/src/index.ts";`);
    expect(inputs).toContain(`generated/${slug}/src/validators.ts`);
    expect(inputs.filter((file) => /fixtures|\/mock\.ts$|mock-server/.test(file))).toEqual([]);
  });

  it("./validators loads the validators alone: no mapper, client, XML, countries or canonical validator", async () => {
    const inputs = await inputsOf(`export * from "./generated/${slug}/src/validators.ts";`);
    expect(inputs).toContain(`generated/${slug}/src/guards.ts`);
    const outside = inputs.filter((file) =>
      /fast-xml-parser|countries-list|canonical\/src\/validators\.compiled|runtime\/src\/(mapping|client|wire|xml|mock|transforms|countries)\.ts|\/(mapping|fixtures|index)\.ts$/.test(
        file,
      ),
    );
    expect(outside).toEqual([]);
  });

  it("./validators loads ajv-formats and fast-deep-equal (CommonJS, slow to import) only when its code calls them", async () => {
    const inputs = await inputsOf(`export * from "./generated/${slug}/src/validators.ts";`);
    const code = generatedText(slug, "validators.compiled.js") + generatedText(slug, "guards.ts");
    const loads = (pattern: RegExp) => inputs.some((file) => pattern.test(file));
    expect({ formats: loads(/ajv-formats/), equal: loads(/fast-deep-equal/) }).toEqual({
      formats: code.includes('"@customer-adapters/runtime/format-set"'),
      equal: code.includes('"@customer-adapters/runtime/equal"'),
    });
  });

  it("a bundle of the request guard alone keeps neither the vendor's error table nor deep equality", async () => {
    const source = readFileSync(join(repoRoot, "generated", slug, "src/validators.ts"), "utf8");
    const guard = /export function (is\w*RequestBody)\(/.exec(source)?.[1];
    expect(guard).toBeDefined();
    const kept = await keptFrom(`export { ${guard} } from "./generated/${slug}/src/validators.ts";`);
    expect(kept).toContain(`generated/${slug}/src/guards.ts`);
    expect(kept.filter((file) => /operation\.ts$|fast-deep-equal|validators\.compiled/.test(file))).toEqual([]);
  });
});
