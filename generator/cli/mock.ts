// customer-adapters mock <slug>: serves a vendor's mock on 127.0.0.1 until stopped (Ctrl-C).
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { MockVendor } from "../runtime/mock.js";
import { startMockServer } from "../runtime/mock-server.js";
import { portValue, runCommand, shownPath, stringValue, UsageError, type CommandSpec } from "./args.js";
import { buildPackages } from "./build.js";
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

/** The newest modification time of the files under `dir`. */
function newest(dir: string): number {
  return Math.max(
    0,
    ...readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs),
  );
}

/** Whether a package's dist/ is missing or older than its src/. */
const needsBuild = (dir: string) =>
  !existsSync(join(dir, "dist/index.js")) || newest(join(dir, "src")) > newest(join(dir, "dist"));

export function main(args: string[]): Promise<number> {
  return runCommand(mockCommand, args, async ({ values, positionals }) => {
    const slug = positionals[0] as string;
    const port = portValue(stringValue(values, "port") ?? "0");
    const config = await configFromValues(values, { readsSpecs: false });
    const dir = join(config.out, slug);
    const shown = shownPath(dir);
    if (!/^[a-z0-9-]+$/.test(slug) || !existsSync(join(dir, "package.json")))
      throw new UsageError(`no generated package \`${shown}\`; run \`customer-adapters generate\` first`);
    const stale = ["canonical", slug].filter(
      (name) => existsSync(join(config.out, name)) && needsBuild(join(config.out, name)),
    );
    if (stale.length > 0 && buildPackages(config.out, stale).length > 0) return 1;
    const vendor = (await import(pathToFileURL(join(dir, "dist/index.js")).href)) as {
      createMock?: () => MockVendor;
      operation: { method: string; path: string };
    };
    if (!vendor.createMock) throw new UsageError(`${slug} declares no x-mapping, so it has no mock`);
    const running = await startMockServer(vendor.createMock(), { port });
    const endpoint = `${vendor.operation.method} ${running.url}${vendor.operation.path}`;
    console.log(`${slug} mock: ${endpoint} (accepts the credentials of its fixtures.context); Ctrl-C stops it`);
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    await running.close();
    return 0;
  });
}
