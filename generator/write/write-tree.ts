import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import type { GeneratedFile } from "../emit/package.js";

function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .filter((path) => !path.split("/").some((part) => part === "node_modules" || part === "dist"))
    .sort();
}

export interface TreeDifference {
  stale: string[];
  missing: string[];
  extra: string[];
}

const inPackages = (packages: readonly string[] | undefined) => (path: string) => !packages || packages.includes(path.split("/")[0] as string);

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

/**
 * Replaces `outDir` with exactly `files` (with `packages`, only those package
 * folders, leaving the others as they are): everything is written to a
 * sibling folder first and swapped in with renames, so a failure leaves
 * `outDir` as it was.
 */
export function writeTree(outDir: string, files: GeneratedFile[], packages?: readonly string[]): void {
  const staging = `${outDir}.staging-${process.pid}`;
  const previous = `${outDir}.previous-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  // The folders swapped: the whole tree, or each package's.
  const swaps = packages ? packages.map((name) => ({ from: join(staging, name), to: join(outDir, name), aside: join(previous, name) })) : [{ from: staging, to: outDir, aside: previous }];
  const done: typeof swaps = [];
  try {
    mkdirSync(staging, { recursive: true });
    for (const file of files) {
      const target = join(staging, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
    if (packages) mkdirSync(previous, { recursive: true });
    for (const swap of swaps) {
      if (existsSync(swap.to)) renameSync(swap.to, swap.aside);
      done.push(swap);
      mkdirSync(dirname(swap.to), { recursive: true });
      renameSync(swap.from, swap.to);
    }
  } catch (error) {
    for (const swap of done.reverse()) {
      rmSync(swap.to, { recursive: true, force: true });
      if (existsSync(swap.aside)) renameSync(swap.aside, swap.to);
    }
    rmSync(staging, { recursive: true, force: true });
    rmSync(previous, { recursive: true, force: true });
    throw error;
  }
  rmSync(staging, { recursive: true, force: true });
  rmSync(previous, { recursive: true, force: true });
}
