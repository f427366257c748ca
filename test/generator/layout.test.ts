// The pipeline's layout as a rule: each folder of generator/ imports only the
// folders before it (core → load → model → emit → write), and no module
// imports itself back through others.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";

const generator = join(repoRoot, "generator");
const modules = readdirSync(generator, { recursive: true, encoding: "utf8" })
  .filter((file) => /\.(ts|mjs)$/.test(file))
  .map((file) => file.split("\\").join("/"))
  .sort();

/** Relative imports of each module, as paths under generator/. */
const imports = new Map(
  modules.map((file) => {
    const text = readFileSync(join(generator, file), "utf8");
    const targets = [...text.matchAll(/^(?:import|export)\s[^;`"']*?from\s+"(\.[^"]+)"/gms)].map(([, specifier]) =>
      relative(generator, normalize(join(generator, dirname(file), specifier as string)))
        .split("\\")
        .join("/")
        .replace(/\.js$/, ".ts"),
    );
    return [file, targets];
  }),
);

/** What each pipeline folder may import besides itself. */
const ALLOWED: Record<string, string[]> = {
  core: [],
  load: ["core"],
  model: ["core"],
  emit: ["core", "model"],
  write: ["core", "emit"],
};

const folderOf = (file: string) => (file.includes("/") ? (file.split("/")[0] as string) : "");

describe("generator/ layout", () => {
  it.each(Object.keys(ALLOWED))("%s/ imports only the folders before it", (folder) => {
    const offending = [...imports]
      .filter(([file]) => folderOf(file) === folder)
      .flatMap(([file, targets]) =>
        targets
          .filter((target) => folderOf(target) !== folder && !ALLOWED[folder]?.includes(folderOf(target)))
          .map((target) => `${file} → ${target}`),
      );
    expect(offending).toEqual([]);
  });

  it("has no import cycles", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        cycles.push([...path.slice(path.indexOf(file)), file].join(" → "));
        return;
      }
      state.set(file, "open");
      for (const target of imports.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, "done");
    };
    for (const file of modules) visit(file, []);
    expect(cycles).toEqual([]);
  });
});

// A fresh clone must pass its own tests: nothing under test/, bench/ or
// generator/ names a path outside the repository (as the material folder beside
// the checkout once was). What the tests read lives in test/fixtures/.
describe("test/, bench/ and generator/ read nothing outside the repository", () => {
  const sources = ["test", "bench", "generator"].flatMap((folder) =>
    readdirSync(join(repoRoot, folder), { recursive: true, encoding: "utf8" })
      .map((file) => `${folder}/${file.split("\\").join("/")}`)
      .filter((file) => /\.(ts|mts|mjs|js)$/.test(file) && !file.startsWith("test/fixtures/")),
  );
  /** This file, whose examples below are paths outside on purpose. */
  const self = "test/generator/layout.test.ts";

  /** Where each relative path literal ("../x", `new URL("../../", import.meta.url)`) leads, from its file's folder. */
  const escapes = (file: string, source: string): string[] => {
    const found: string[] = [];
    // Comments may describe paths relative to another folder (dist/, a temporary tree).
    const text = source.replace(/^\s*(?:\/\/|\*|\/\*).*$/gm, "");
    for (const [, literal] of text.matchAll(/["'`](\.\.\/[^"'`$]*)["'`]/g)) {
      const target = relative(repoRoot, join(repoRoot, dirname(file), literal as string));
      if (target.startsWith("..")) found.push(`${file}: "${literal}" leads to ${target}`);
    }
    // join(repoRoot, "..", ...) and the like: a ".." segment after the repository's root.
    for (const [call] of text.matchAll(/\brepoRoot\s*,\s*["'`]\.\.["'`/][^)]*/g)) found.push(`${file}: ${call}`);
    for (const [path] of text.matchAll(/["'`](?:\/work\/|\/home\/|\/Users\/|[A-Z]:\\\\)[^"'`]*["'`]/g))
      found.push(`${file}: ${path}`);
    return found;
  };

  it("finds the files it checks", () => {
    expect(sources).toContain("test/generator/layout.test.ts");
    expect(sources).toContain("test/helpers/spec.ts");
    expect(sources.some((file) => file.startsWith("bench/"))).toBe(true);
  });

  it('no relative path, `repoRoot, ".."` or absolute home path leads outside', () => {
    const found = sources
      .filter((file) => file !== self)
      .flatMap((file) => escapes(file, readFileSync(join(repoRoot, file), "utf8")));
    expect(found).toEqual([]);
  });

  it("catches the forms a path outside takes", () => {
    // The folder's name is put together here, so that a search for paths outside does not find this test itself.
    const outside = ["sha", "red"].join("");
    expect(escapes("test/helpers/spec.ts", `new URL("../../../${outside}/", import.meta.url)`)).toHaveLength(1);
    expect(escapes("test/helpers/spec.ts", 'new URL("../fixtures/", import.meta.url)')).toEqual([]);
    expect(escapes("test/x.test.ts", `join(repoRoot, "..", "${outside}", "real-specs")`)).toHaveLength(1);
    expect(escapes("test/x.test.ts", 'readFileSync("/work/shared/a.json")')).toHaveLength(1);
  });
});
