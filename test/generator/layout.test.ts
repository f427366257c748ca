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
