// customer-adapters generate: the specs folder into one package per spec, behind the cache (./cache.ts).
import { runCommand, shownPath, stringValue, UsageError, type CommandSpec } from "./args.js";
import { GenerateCache, readInputs } from "./cache.js";
import { CONFIG_OPTIONS, configFromValues } from "./config.js";
import { progressMode } from "./progress.js";
import { buildProblems, outputOptions, regenerate, reportStale } from "./regenerate.js";

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
    "no-format": { type: "boolean", description: "leave the generated code unformatted" },
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

    const options = outputOptions(config);
    const cache = new GenerateCache(config.specs, config.out);
    const inputs = readInputs(config.specs, options);
    const plan = cache.plan(inputs);
    if ("only" in plan && plan.only.length === 0) {
      const [out, specs] = [shownPath(config.out), shownPath(config.specs)];
      const counts = `${cache.recordedFiles} files, ${plan.packages} packages`;
      // The sources are what the specs give; what is built from them may still be behind (a fresh clone has no dist/).
      const build = await import("./build.js");
      if (check) {
        const problems = buildProblems(config, build);
        if (problems.length > 0) return reportStale(config, problems);
      }
      console.log(
        check
          ? `${out}/ is up to date with ${specs}/ (${counts})`
          : `${out}/ is already what ${specs}/ gives (${counts}): nothing to write`,
      );
      return check || (await build.freshenBuilds(config.out, config.runtime)).length === 0 ? 0 : 1;
    }
    const code = await regenerate({
      config,
      check,
      progress,
      ...("only" in plan
        ? {
            only: plan.only,
            onlyReason:
              plan.only.length === 1
                ? "the package whose inputs or files changed since the last run"
                : "the packages whose inputs or files changed since the last run",
          }
        : {}),
    });
    if (code === 0) cache.save(inputs, options);
    return code;
  });
}
