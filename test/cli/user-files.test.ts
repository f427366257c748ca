// Nothing the generator did not write is ever deleted, inside its output folder too: a file someone added
// to a package folder (a NOTES.md, a .gitignore, src/extra.ts) makes `generate` refuse, naming it, with
// exit 2; `--check` lists it as extra. write/write-tree.ts tells the generator's files by its marker's list.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { runGenerate, treeHash } from "../helpers/cli.js";
import { miniMapping, miniVendor, removeSpecsFolders, specsFolder } from "../helpers/mini-vendor.js";

afterAll(removeSpecsFolders);

it("generate refuses with the list, one line and exit 2; --check lists them as extra; nothing is deleted", () => {
  const dir = dirname(specsFolder(miniVendor(miniMapping)));
  const args = ["--specs", "specs", "--out", "out", "--no-format"];
  expect(runGenerate(args, { cwd: dir }).status).toBe(0);
  const added = ["out/mini/NOTES.md", "out/mini/.gitignore", "out/mini/src/extra.ts"];
  for (const path of added) writeFileSync(join(dir, path), "mine\n");
  const before = treeHash(join(dir, "out"));
  const result = runGenerate(args, { cwd: dir });
  expect(result.stderr.trim().split("\n")).toEqual([
    "customer-adapters generate: out/ holds files the generator did not write, which regenerating would delete: out/mini/.gitignore, out/mini/NOTES.md, out/mini/src/extra.ts; move them out of out/ (the generator owns that folder) and run again (see `customer-adapters generate --help`)",
  ]);
  expect(result.status).toBe(2);
  expect(treeHash(join(dir, "out"))).toBe(before);
  const check = runGenerate([...args, "--check"], { cwd: dir });
  expect(check.status).toBe(1);
  for (const path of added) expect(check.stderr).toContain(`extra    ${path}`);
  for (const path of added) rmSync(join(dir, path));
  expect(runGenerate(args, { cwd: dir }).status).toBe(0);
}, 120_000);

it("build output is not a user's file: a package's dist/ and a build's staging folder (.build-<pid>/) left by a crash", () => {
  const dir = dirname(specsFolder(miniVendor(miniMapping)));
  const args = ["--specs", "specs", "--out", "out", "--no-format"];
  expect(runGenerate(args, { cwd: dir }).status).toBe(0);
  for (const folder of ["out/mini/dist", "out/mini/.build-4242/dist"]) {
    mkdirSync(join(dir, folder), { recursive: true });
    writeFileSync(join(dir, folder, "index.js"), "export {};\n");
  }
  const result = runGenerate([...args, "--no-cache"], { cwd: dir });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
}, 120_000);
