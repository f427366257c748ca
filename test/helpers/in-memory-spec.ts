// Loading a spec from files held in memory (no disk): the loader's tests give each case its own files.
import { expect } from "vitest";
import { isSpecFailure } from "../../generator/core/spec-error.js";
import { loadSpec } from "../../generator/spec.js";

/** Loads `specs/<name>` from these files only. */
export function loadFromFiles(name: string, files: Record<string, string>) {
  return loadSpec(`specs/${name}`, { root: ".", readFile: (path) => files[path] });
}

/** The one-line message loading `specs/<name>` fails with (a spec failure, never a crash). */
export function failureFromFiles(name: string, files: Record<string, string>): string {
  try {
    loadFromFiles(name, files);
  } catch (error) {
    expect(isSpecFailure(error), String(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error(`${name} loaded without an error`);
}
