// `generate --out DIR` writes only into a folder that is new, empty, or
// carries the generator's marker, and a regeneration keeps what a build or an
// install made in each package (`dist/`, `node_modules/`). `--out .` in a
// copy of the repository once left only the package folders.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { GeneratedFile } from "../../generator/emit/package.js";
import { foreignFiles, OUT_MARKER, outDirRefusal, writeTree } from "../../generator/write/write-tree.js";
import { removeScratch, runGenerate, scratchCopy } from "../helpers/cli.js";

const made: string[] = [];
afterAll(() => {
  removeScratch();
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const files: GeneratedFile[] = [
  { path: "alpha/src/index.ts", content: "export const alpha = 1;\n" },
  { path: "beta/src/index.ts", content: "export const beta = 2;\n" },
];

/** A scratch folder holding `entries` (path → content). */
function folder(entries: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "customer-adapters-out-"));
  made.push(dir);
  for (const [path, content] of Object.entries(entries)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

describe("outDirRefusal", () => {
  it("lets a new, an empty or a marked folder be written, and refuses any other in one line", () => {
    expect(outDirRefusal(join(folder({}), "new"))).toBeUndefined();
    expect(outDirRefusal(folder({}))).toBeUndefined();
    expect(outDirRefusal(folder({ [OUT_MARKER]: "", "alpha/src/index.ts": "old" }))).toBeUndefined();
    const refusal = outDirRefusal(folder({ ".git/HEAD": "ref", "specs/jtl.yaml": "openapi: 3.1.0" }), "here");
    expect(refusal).toBe(
      `--out here holds files the generator did not make (no ${OUT_MARKER}); give an empty or new folder`,
    );
    expect(outDirRefusal(join(folder({ file: "x" }), "file"), "file")).toBe("--out file is a file, not a folder");
  });
});

describe("writeTree", () => {
  it("writes the marker, so that the next run may replace the folder", () => {
    const dir = join(folder({}), "fresh");
    writeTree(dir, files);
    expect(readdirSync(dir).sort()).toEqual([OUT_MARKER, "alpha", "beta"]);
    expect(outDirRefusal(dir)).toBeUndefined();
  });

  it("keeps each package's dist/ and node_modules/ across a full and a partial regeneration", () => {
    const dir = folder({});
    // A file an earlier run wrote, which this one no longer does.
    writeTree(dir, [...files, { path: "alpha/stale.ts", content: "removed on regeneration" }]);
    mkdirSync(join(dir, "alpha/dist"), { recursive: true });
    writeFileSync(join(dir, "alpha/dist/index.js"), "built");
    mkdirSync(join(dir, "beta/node_modules/x"), { recursive: true });
    writeFileSync(join(dir, "beta/node_modules/x/index.js"), "installed");
    writeTree(dir, files);
    expect(readFileSync(join(dir, "alpha/dist/index.js"), "utf8")).toBe("built");
    expect(readFileSync(join(dir, "beta/node_modules/x/index.js"), "utf8")).toBe("installed");
    expect(existsSync(join(dir, "alpha/stale.ts"))).toBe(false);
    writeTree(dir, [{ path: "alpha/src/index.ts", content: "export const alpha = 3;\n" }], ["alpha"]);
    expect(readFileSync(join(dir, "alpha/dist/index.js"), "utf8")).toBe("built");
    expect(readFileSync(join(dir, "alpha/src/index.ts"), "utf8")).toBe("export const alpha = 3;\n");
  });
});

describe("files the generator did not write", () => {
  it("are never deleted: writeTree refuses, naming them, and leaves the folder as it was", () => {
    const dir = folder({});
    writeTree(dir, files);
    writeFileSync(join(dir, "alpha/NOTES.md"), "mine");
    writeFileSync(join(dir, "beta/.gitignore"), "dist\n");
    expect(foreignFiles(dir, files)).toEqual(["alpha/NOTES.md", "beta/.gitignore"]);
    // A partial run looks only inside the packages it replaces.
    expect(foreignFiles(dir, files, ["beta"])).toEqual(["beta/.gitignore"]);
    expect(() => writeTree(dir, files)).toThrow(/alpha\/NOTES\.md, .*beta\/\.gitignore; move them out of/);
    expect(readFileSync(join(dir, "alpha/NOTES.md"), "utf8")).toBe("mine");
    expect(readFileSync(join(dir, "alpha/src/index.ts"), "utf8")).toBe("export const alpha = 1;\n");
  });

  it("the marker lists what was written, across partial runs, so that a file a run stops writing is removed", () => {
    const dir = folder({});
    writeTree(dir, [...files, { path: "beta/src/old.ts", content: "old" }]);
    writeTree(dir, [{ path: "alpha/src/index.ts", content: "export const alpha = 3;\n" }], ["alpha"]);
    expect(readFileSync(join(dir, OUT_MARKER), "utf8").split("\n\n")[1]?.trim().split("\n")).toEqual([
      "alpha/src/index.ts",
      "beta/src/index.ts",
      "beta/src/old.ts",
    ]);
    writeTree(dir, files);
    expect(existsSync(join(dir, "beta/src/old.ts"))).toBe(false);
  });
});

describe("generate --out", () => {
  it("refuses a folder it did not make, with one line and exit 2, and leaves it as it was", () => {
    const dir = scratchCopy("specs");
    writeFileSync(join(dir, "notes.txt"), "mine");
    const result = runGenerate(["--specs", "specs", "--out", "."], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual([
      `customer-adapters generate: --out . holds files the generator did not make (no ${OUT_MARKER}); give an empty or new folder (see \`customer-adapters generate --help\`)`,
    ]);
    expect(readdirSync(dir).sort()).toEqual(["notes.txt", "specs"]);
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("mine");
  });
});
