// customer-adapters build, as generate uses it: a package's dist/ made from its src/ file by file, only when the sources changed.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { buildPackage, buildPackages, isBuilt, runtimeMismatches, staleBuilds } from "../../generator/cli/build.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** An output folder with the packages given as name → { manifest, src files }. */
function outFolder(packages: Record<string, { manifest: object; src: Record<string, string> }>): string {
  const out = mkdtempSync(join(tmpdir(), "build-"));
  dirs.push(out);
  for (const [name, { manifest, src }] of Object.entries(packages)) {
    mkdirSync(join(out, name, "src"), { recursive: true });
    writeFileSync(join(out, name, "package.json"), JSON.stringify(manifest));
    writeFileSync(join(out, name, "tsconfig.json"), "{}");
    for (const [file, content] of Object.entries(src)) writeFileSync(join(out, name, "src", file), content);
  }
  return out;
}

const vendor = (runtime: string) => ({
  manifest: { name: "@acme/vendor", version: "1.0.0", dependencies: { "@acme/runtime": runtime } },
  src: {
    "index.ts": 'import data from "./data.json" with { type: "json" };\nexport const size: number = data.length;\n',
    "data.json": "[1, 2]",
  },
});

describe("building a package", () => {
  it("writes JavaScript, declarations and the JSON beside them, and is built until a source changes", async () => {
    const out = outFolder({ vendor: vendor("1.0.0") });
    const dir = join(out, "vendor");
    expect(isBuilt(dir)).toBe(false);
    expect(await buildPackage(dir)).toEqual([]);
    expect(readFileSync(join(dir, "dist/index.js"), "utf8")).toContain('from "./data.json" with { type: "json" }');
    expect(readFileSync(join(dir, "dist/index.d.ts"), "utf8")).toContain("export declare const size: number;");
    expect(existsSync(join(dir, "dist/data.json"))).toBe(true);
    expect(isBuilt(dir)).toBe(true);
    expect(staleBuilds(out, true)).toEqual([]);
    writeFileSync(join(dir, "src/data.json"), "[1, 2, 3]");
    expect(isBuilt(dir)).toBe(false);
    expect(staleBuilds(out, false).map((target) => target.name)).toEqual(["vendor"]);
  });

  it("builds only what changed, and names a declaration it cannot make by its position, keeping the last dist/", async () => {
    const out = outFolder({ vendor: vendor("1.0.0") });
    const dir = join(out, "vendor");
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect(await buildPackages([{ name: "vendor", dir }])).toEqual([]);
      expect(await buildPackages([{ name: "vendor", dir }])).toEqual([]);
      expect(log.mock.calls.filter(([line]) => String(line).includes("built into"))).toHaveLength(1);
      writeFileSync(join(dir, "src/index.ts"), "export const inferred = [1].map((n) => n + 1);\n");
      expect(await buildPackages([{ name: "vendor", dir }])).toEqual(["vendor"]);
      expect(String(error.mock.calls[0]?.[0])).toMatch(/vendor\/src\/index\.ts:1:14: .*isolatedDeclarations/);
      expect(readFileSync(join(dir, "dist/index.d.ts"), "utf8")).toContain("size");
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  });

  it("refuses a package generated for another runtime version than the one beside it, in one line", () => {
    const runtime = { manifest: { name: "@acme/runtime", version: "1.3.0" }, src: {} };
    expect(runtimeMismatches(outFolder({ runtime, vendor: vendor("1.3.0") }))).toEqual([]);
    const [line, ...more] = runtimeMismatches(outFolder({ runtime, vendor: vendor("1.2.0") }));
    expect(more).toEqual([]);
    expect(line).toMatch(
      /vendor was generated for @acme\/runtime 1\.2\.0, but .*runtime is 1\.3\.0: run `customer-adapters generate`$/,
    );
  });
});
