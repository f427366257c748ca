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

/** How the files on disk differ from what the specs give. Build output (`dist/`, `node_modules/`) is ignored. */
export function compareTree(outDir: string, files: GeneratedFile[]): TreeDifference {
  const onDisk = new Set(listFiles(outDir));
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
 * Replaces `outDir` with exactly `files`: everything is written to a sibling
 * folder first and swapped in with renames, so a failure leaves `outDir` as it was.
 */
export function writeTree(outDir: string, files: GeneratedFile[]): void {
  const staging = `${outDir}.staging-${process.pid}`;
  const previous = `${outDir}.previous-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    for (const file of files) {
      const target = join(staging, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.content);
    }
    if (existsSync(outDir)) renameSync(outDir, previous);
    renameSync(staging, outDir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(outDir) && existsSync(previous)) renameSync(previous, outDir);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}
