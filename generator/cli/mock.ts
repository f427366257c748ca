// customer-adapters mock <slug>: serves a vendor's mock on 127.0.0.1 until stopped (Ctrl-C).
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { MockVendor } from "@customer-adapters/runtime";
import { startMockServer } from "@customer-adapters/runtime/mock-server";
import { didYouMean } from "../core/did-you-mean.js";
import { RUNTIME_FOLDER } from "../core/output-folders.js";
import { portValue, refuseFile, runCommand, shownPath, stringValue, UsageError, type CommandSpec } from "./args.js";
import { buildPackages, buildTargets, runtimeMismatches } from "./build.js";
import { CONFIG_OPTIONS, configFromValues } from "./config.js";

export const mockCommand: CommandSpec = {
  name: "mock",
  summary: "Serves a vendor's mock on 127.0.0.1 (building its package first if need be) until Ctrl-C.",
  positionals: [
    { name: "slug", description: "the vendor, as its package is named in the output folder", required: true },
  ],
  options: {
    port: { type: "string", value: "n", description: "the port (default 0: a free one)" },
    config: CONFIG_OPTIONS.config,
    out: {
      type: "string",
      value: "dir",
      description: "the output folder holding the packages (default: the config's, else generated)",
    },
  },
};

/** The generated packages in the output folder: its folders with a package.json. */
function packagesIn(out: string): string[] {
  if (!existsSync(out)) return [];
  return readdirSync(out, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(out, entry.name, "package.json")))
    .map((entry) => entry.name)
    .sort();
}

/** Why there is no package `slug`: the packages there are, with the one meant, or that there are none yet. */
function noPackage(slug: string, out: string): UsageError {
  const vendors = packagesIn(out).filter((name) => name !== "canonical" && name !== RUNTIME_FOLDER);
  if (vendors.length === 0)
    return new UsageError(`no generated packages in \`${shownPath(out)}/\`; run \`customer-adapters generate\` first`);
  return new UsageError(
    `no generated package \`${slug}\` in \`${shownPath(out)}/\`${didYouMean(slug, vendors)}; the packages: ${vendors.join(", ")}`,
  );
}

export function main(args: string[]): Promise<number> {
  return runCommand(mockCommand, args, async ({ values, positionals }) => {
    const slug = positionals[0] as string;
    const port = portValue(stringValue(values, "port") ?? "0");
    const config = await configFromValues(values, { readsSpecs: false });
    refuseFile(config.out, "--out");
    const dir = join(config.out, slug);
    if (!/^[a-z0-9-]+$/.test(slug) || !existsSync(join(dir, "package.json"))) throw noPackage(slug, config.out);
    const [mismatch] = runtimeMismatches(config.out);
    if (mismatch) throw new UsageError(mismatch);
    if ((await buildPackages(buildTargets(config.out, ["runtime", "canonical", slug]), { quiet: true })).length > 0)
      return 1;
    const load = async <T>(file: string): Promise<T> => {
      try {
        return (await import(pathToFileURL(join(dir, "dist", file)).href)) as T;
      } catch (error) {
        // The packages import each other by name: npm links them once the output folder is a workspace.
        const missing =
          (error as { code?: string }).code === "ERR_MODULE_NOT_FOUND" && /package '([^']+)'/.exec(String(error));
        if (!missing) throw error;
        throw new UsageError(
          `${slug} needs \`${missing[1]}\`, which is not installed: list \`${shownPath(config.out)}/*\` in package.json's workspaces, then npm install`,
        );
      }
    };
    const { operation } = await load<{ operation: { method: string; path: string } }>("index.js");
    // A package whose spec declares no mapping has no mock.
    const vendor = existsSync(join(dir, "dist/mock.js"))
      ? await load<{ createMock?: () => MockVendor }>("mock.js")
      : {};
    if (!vendor.createMock) throw new UsageError(`${slug} declares no x-mapping, so it has no mock`);
    let running: Awaited<ReturnType<typeof startMockServer>>;
    try {
      running = await startMockServer(vendor.createMock(), { port });
    } catch (error) {
      // A port in use is one line, not a stack trace.
      console.error(`customer-adapters mock: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
    const endpoint = `${operation.method} ${running.url}${operation.path}`;
    console.log(`${slug} mock: ${endpoint} (accepts the credentials of its fixtures.context); Ctrl-C stops it`);
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    await running.close();
    return 0;
  });
}
