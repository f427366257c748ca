import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { loadAll } from "../../generator/pipeline.js";
import type { SpecModel } from "../../generator/model/model.js";
import { repoRoot } from "./cli.js";

/**
 * A generated package as the tests use it: its main entry, with its
 * `./fixtures` module as `fixtures` and its `./mock` module's exports beside
 * them (consumers import those subpaths separately; tests want all three).
 */
export async function loadPackage<T>(slug: string, dir = join(repoRoot, "generated")): Promise<T> {
  const module = (file: string) =>
    import(pathToFileURL(join(dir, slug, "src", file)).href) as Promise<Record<string, unknown>>;
  const main = await module("index.ts");
  const fixtures = await module("fixtures.ts");
  const mock = existsSync(join(dir, slug, "src", "mock.ts")) ? await module("mock.ts") : {};
  return { ...main, ...mock, fixtures } as T;
}

/** The models of the repository's vendors that declare `x-mapping`: the ones with a mapper, a client and a mock. */
export function mappedVendorModels(): SpecModel[] {
  return loadAll(join(repoRoot, "specs"), repoRoot).filter(
    (model) => model.kind === "vendor" && model.mapping !== undefined,
  );
}
