// customer-adapters generate: the specs folder into one package per spec, behind the cache (./cache.ts).
import { runCommand, stringValue, UsageError, type CommandSpec } from "./args.js";
import { CONFIG_OPTIONS, configFromValues } from "./config.js";
import { progressMode } from "./progress.js";
import { regenerate, regenerateCached } from "./regenerate.js";

export const generateCommand: CommandSpec = {
  name: "generate",
  summary: "Turns the specs folder into one typed package per spec in the output folder.",
  options: {
    check: { type: "boolean", description: "write nothing; exit 1 listing stale, missing and extra files" },
    watch: { type: "boolean", description: "regenerate each changed spec's package on save, until stopped (Ctrl-C)" },
    ...CONFIG_OPTIONS,
    out: { type: "string", value: "dir", description: "the output folder (default: the config's, else generated)" },
    scope: {
      type: "string",
      value: "@scope",
      description: "the packages' npm scope (default: the config's)",
    },
    "no-format": {
      type: "boolean",
      description: "skip Biome: guards.ts, the one file not emitted in its final layout, stays unformatted",
    },
    only: { type: "string", value: "slugs", description: "regenerate just these packages (comma-separated)" },
    "no-cache": { type: "boolean", description: "run the generator even when the cache says nothing changed" },
    progress: {
      type: "boolean",
      description: "one line per package on stderr (a terminal gets one updating line anyway)",
    },
  },
};

export function main(args: string[]): Promise<number> {
  return runCommand(generateCommand, args, async ({ values }) => {
    if (values.watch && values.check) throw new UsageError("--watch and --check do not go together");
    const only = stringValue(values, "only")?.split(",").filter(Boolean);
    if (only?.length === 0) throw new UsageError("--only needs at least one package name");
    const config = await configFromValues(values);
    const progress = progressMode(values.progress === true);
    const check = values.check === true;
    if (values.watch) {
      const { watch } = await import("./watch.js");
      return watch({ config, progress });
    }
    if (only || values["no-cache"]) return regenerate({ config, check, progress, ...(only ? { only } : {}) });
    return regenerateCached({ config, check, progress });
  });
}
