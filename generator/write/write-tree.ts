import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import type { GeneratedFile } from "../emit/package.js";

/**
 * The file that marks a folder as the generator's: only such a folder, or an empty one, is written into (and
 * replaced). It lists the files the generator wrote there, so that a regeneration removes only those: any other
 * file in the folder is someone's, and makes it stop (as openapi-generator's `.openapi-generator/FILES` and git's
 * "untracked files would be overwritten" do).
 */
export const OUT_MARKER = ".customer-adapters-generated";
const MARKER_HEADER =
  "This folder is written by the customer-adapters generator, which replaces what is in it.\n" +
  "It wrote the files below; it refuses to run while any other file is here, so that it never deletes one it did not write.\n\n";

/** The marker's text, listing `paths`. */
const markerText = (paths: Iterable<string>) => `${MARKER_HEADER}${[...new Set(paths)].sort().join("\n")}\n`;

/** The files the marker of `outDir` says the generator wrote (none for a marker that lists none, or no marker). */
function writtenBefore(outDir: string): string[] {
  const marker = join(outDir, OUT_MARKER);
  if (!existsSync(marker)) return [];
  const text = readFileSync(marker, "utf8");
  const start = text.indexOf("\n\n");
  return start === -1
    ? []
    : text
        .slice(start + 2)
        .split("\n")
        .filter(Boolean);
}

/** What each package folder keeps across a regeneration: what a build or an install made there, never the generator. */
const KEPT = ["dist", "node_modules"];

/**
 * Why `outDir` must not be written into, or undefined when it may be: it does not exist, is empty, or carries
 * the generator's marker. Anything else may be someone's files (`--out .` would replace the repository).
 */
export function outDirRefusal(outDir: string, shown: string = outDir): string | undefined {
  if (!existsSync(outDir)) return undefined;
  if (!statSync(outDir).isDirectory()) return `--out ${shown} is a file, not a folder`;
  const entries = readdirSync(outDir);
  if (entries.length === 0 || entries.includes(OUT_MARKER)) return undefined;
  return `--out ${shown} holds files the generator did not make (no ${OUT_MARKER}); give an empty or new folder`;
}

function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  return (
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join("/"))
      // A build stages a package's output in `.build-<pid>/dist/` (cli/build.ts): under `dist`, kept like it.
      .filter((path) => path !== OUT_MARKER && !path.split("/").some((part) => KEPT.includes(part)))
      .sort()
  );
}

/**
 * The files in `outDir` (with `packages`, in those package folders) that writing `files` would delete and that
 * the generator did not write: neither in `files` nor in the marker's list. Build output is not counted.
 */
export function foreignFiles(outDir: string, files: GeneratedFile[], packages?: readonly string[]): string[] {
  const known = new Set([...files.map((file) => file.path), ...writtenBefore(outDir)]);
  return listFiles(outDir)
    .filter(inPackages(packages))
    .filter((path) => !known.has(path));
}

/** Why `outDir` is not replaced: the files in it the generator did not write. */
export const foreignFilesRefusal = (shown: string, foreign: string[]) =>
  `${shown}/ holds ${foreign.length === 1 ? "a file" : "files"} the generator did not write, which regenerating would delete: ${foreign.map((path) => `${shown}/${path}`).join(", ")}; move ${foreign.length === 1 ? "it" : "them"} out of ${shown}/ (the generator owns that folder) and run again`;

export interface TreeDifference {
  stale: string[];
  missing: string[];
  extra: string[];
}

const inPackages = (packages: readonly string[] | undefined) => (path: string) =>
  !packages || packages.includes(path.split("/")[0] as string);

/**
 * How the files on disk differ from what the specs give; with `packages`,
 * only inside those package folders. Build output (`dist/`, `node_modules/`) is ignored.
 */
export function compareTree(outDir: string, files: GeneratedFile[], packages?: readonly string[]): TreeDifference {
  const onDisk = new Set(listFiles(outDir).filter(inPackages(packages)));
  const expected = new Set(files.map((file) => file.path));
  return {
    stale: files
      .filter((file) => onDisk.has(file.path) && readFileSync(join(outDir, file.path), "utf8") !== file.content)
      .map((file) => file.path),
    missing: files.filter((file) => !onDisk.has(file.path)).map((file) => file.path),
    extra: [...onDisk].filter((path) => !expected.has(path)),
  };
}

/** Moves each package's build output (`dist/`, `node_modules/`) from the tree being replaced into the new one. */
function keepBuildOutput(
  outDir: string,
  staging: string,
  packages: readonly string[] | undefined,
  moved: { from: string; to: string }[],
): void {
  if (!existsSync(outDir)) return;
  const names =
    packages ??
    readdirSync(outDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  for (const name of names)
    for (const kept of KEPT) {
      const from = join(outDir, name, kept);
      if (!existsSync(from)) continue;
      const to = join(staging, name, kept);
      mkdirSync(dirname(to), { recursive: true });
      renameSync(from, to);
      moved.push({ from, to });
    }
}

/**
 * Replaces `outDir` with exactly `files` and the marker (with `packages`, only those package folders, leaving the
 * others as they are): everything is written to a sibling folder first and swapped in with renames, so a failure
 * leaves `outDir` as it was. Each package's `dist/` and `node_modules/` are kept. Call `outDirRefusal` first;
 * a file there the generator did not write (`foreignFiles`) makes it throw before anything is touched.
 */
export function writeTree(outDir: string, files: GeneratedFile[], packages?: readonly string[]): void {
  const foreign = foreignFiles(outDir, files, packages);
  if (foreign.length > 0) throw new Error(foreignFilesRefusal(outDir, foreign));
  // The marker lists what this run wrote, and with `packages` what earlier runs wrote in the other packages.
  const marker = markerText([
    ...files.map((file) => file.path),
    ...(packages ? writtenBefore(outDir).filter((path) => !inPackages(packages)(path)) : []),
  ]);
  const staging = `${outDir}.staging-${process.pid}`;
  const previous = `${outDir}.previous-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  // The folders swapped: the whole tree, or each package's.
  const swaps = packages
    ? packages.map((name) => ({ from: join(staging, name), to: join(outDir, name), aside: join(previous, name) }))
    : [{ from: staging, to: outDir, aside: previous }];
  const done: typeof swaps = [];
  const moved: { from: string; to: string }[] = [];
  try {
    mkdirSync(staging, { recursive: true });
    for (const file of [...files, ...(packages ? [] : [{ path: OUT_MARKER, content: marker }])]) {
      const target = join(staging, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
    if (packages) {
      mkdirSync(previous, { recursive: true });
      mkdirSync(outDir, { recursive: true });
    }
    keepBuildOutput(outDir, staging, packages, moved);
    for (const swap of swaps) {
      if (existsSync(swap.to)) renameSync(swap.to, swap.aside);
      done.push(swap);
      mkdirSync(dirname(swap.to), { recursive: true });
      renameSync(swap.from, swap.to);
    }
  } catch (error) {
    for (const swap of done.reverse()) {
      // What was moved into the new tree goes back with the old one.
      for (const kept of moved)
        if (kept.to.startsWith(swap.from + sep)) renameSync(swap.to + kept.to.slice(swap.from.length), kept.to);
      rmSync(swap.to, { recursive: true, force: true });
      if (existsSync(swap.aside)) renameSync(swap.aside, swap.to);
    }
    for (const kept of moved.reverse()) if (existsSync(kept.to)) renameSync(kept.to, kept.from);
    rmSync(staging, { recursive: true, force: true });
    rmSync(previous, { recursive: true, force: true });
    throw error;
  }
  rmSync(staging, { recursive: true, force: true });
  rmSync(previous, { recursive: true, force: true });
  if (packages) writeFileSync(join(outDir, OUT_MARKER), marker);
}
