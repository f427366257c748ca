/**
 * One generator run for `generate` and for each change `generate --watch`
 * sees: the specs through the pipeline, then the tree written (swapped in
 * whole, so a failure leaves the output as it was) or, with `check`,
 * compared. The pipeline is loaded here, on first use, so that a command
 * answering from the cache never loads it.
 */
import { dirname, relative, sep } from "node:path";
import { didYouMean } from "../core/did-you-mean.js";
import { shownPath, UsageError } from "./args.js";
import type { OutputOptions } from "../outputs.js";
import { GenerateCache, type Inputs, readInputs } from "./cache.js";
import type { ResolvedConfig } from "./config.js";
import { createProgress, type ProgressMode } from "./progress.js";

export interface RunRequest {
  config: ResolvedConfig;
  /** Just these packages (the others are left as they are). */
  only?: string[];
  check: boolean;
  progress: ProgressMode;
  /** Why only these packages, as the summary line says it. */
  onlyReason?: string;
  /** Specs known sound (./cache.ts), read for the others without checking them again. */
  sound?: string[];
}

/** The options that shape the output (what the cache keys on). */
export function outputOptions(config: ResolvedConfig): OutputOptions & { format: boolean } {
  return {
    ...(config.scope !== undefined ? { scope: config.scope } : {}),
    // In a user's repository: the command as it runs there (never fetched: a name on a registry may be anyone's).
    ...(config.runtime
      ? {
          command: "npx --no-install customer-adapters generate",
          folder: relative(dirname(config.specs), config.out).split(sep).join("/"),
        }
      : {}),
    ...(config.names ? { names: config.names } : {}),
    ...(config.outputs ? { outputs: config.outputs } : {}),
    format: config.format,
  };
}

/** Runs the generator once; resolves to the exit code (1: stale output under `check`), or throws the spec errors. */
export async function regenerate({ config, only, check, progress, onlyReason, sound }: RunRequest): Promise<number> {
  const [
    { AGGREGATE_SLUG, findSpecs, generate },
    { compareTree, foreignFiles, foreignFilesRefusal, outDirRefusal, writeTree },
    runtimePackage,
    outputs,
    build,
  ] = await Promise.all([
    import("../pipeline.js"),
    import("../write/write-tree.js"),
    import("../emit/runtime-package.js"),
    import("../outputs.js"),
    import("./build.js"),
  ]);
  const specsName = shownPath(config.specs);
  const outName = shownPath(config.out);
  // Checked before any work: a folder the generator did not make is never written into.
  const refusal = check ? undefined : outDirRefusal(config.out, outName);
  if (refusal !== undefined) throw new UsageError(refusal);
  // Paths in banners are relative to the folder that holds the specs folder, whatever the working directory.
  const root = dirname(config.specs);
  const specs = findSpecs(config.specs);
  const slugs = specs.map((spec) => spec.slug);
  const unknown = only?.find((slug) => !slugs.includes(slug));
  if (unknown !== undefined)
    throw new UsageError(
      `--only ${unknown}: no spec \`${unknown}\` in ${specsName}/${didYouMean(unknown, slugs)}; the specs: ${slugs.join(", ")}`,
    );
  if (config.runtime) {
    const { RUNTIME_FOLDER } = runtimePackage;
    const taken = specs.find(
      (spec) =>
        spec.slug === RUNTIME_FOLDER || (spec.slug !== "canonical" && config.names?.[spec.slug] === RUNTIME_FOLDER),
    );
    if (taken)
      throw new UsageError(
        `${shownPath(taken.path)}: \`${RUNTIME_FOLDER}\` is the runtime package's name in ${outName}/; rename the spec or name its package in the config's \`names\``,
      );
  }
  const total = specs.filter((spec) => !only || only.includes(spec.slug)).length;
  const bar = createProgress(progress, total);
  let result: Awaited<ReturnType<typeof generate>>;
  try {
    result = await generate(config.specs, root, only && new Set(only), {
      ...outputOptions(config),
      ...(sound ? { sound: new Set(sound) } : {}),
      onPackage: (slug, ms) => bar.done(slug, ms),
    });
  } finally {
    bar.end();
  }
  const { models } = result;
  // In a user's repository the runtime is a package of the output folder, written (and checked) with the others.
  const runtimeFiles = config.runtime
    ? outputs.applyOutputOptions(runtimePackage.emitRuntimePackage(), outputOptions(config))
    : [];
  const files = [...result.files, ...runtimeFiles];
  const written = only && config.runtime ? [...only, runtimePackage.RUNTIME_FOLDER] : only;
  // The aggregate package reads every vendor: it is remade with any of them.
  const folders =
    written && files.some((file) => file.path.startsWith(`${AGGREGATE_SLUG}/`))
      ? [...written, AGGREGATE_SLUG]
      : written;
  // A vendor document's own mistakes (an example its schema refuses) are shown, positioned; they fail nothing.
  for (const model of models) for (const warning of model.warnings) console.error(warning);
  const scope = only
    ? ` (${onlyReason ?? (only.length === 1 ? "the package" : "the packages")}: ${only.join(", ")})`
    : "";
  if (check) {
    const { stale, missing, extra } = compareTree(config.out, files, folders);
    const problems = [
      ...stale.map((path) => `stale    ${outName}/${path}`),
      ...missing.map((path) => `missing  ${outName}/${path}`),
      ...extra.map((path) => `extra    ${outName}/${path}`),
      ...buildProblems(config, build),
    ];
    if (problems.length === 0) {
      console.log(
        only
          ? `${outName}/ is up to date with ${specsName}/${scope}`
          : `${outName}/ is up to date with ${specsName}/ (${files.length} files, ${models.length} packages)`,
      );
      return 0;
    }
    return reportStale(config, problems);
  }
  // Nothing the generator did not write is deleted: a file someone put in the folder stops the run (exit 2).
  const foreign = foreignFiles(config.out, files, folders);
  if (foreign.length > 0) throw new UsageError(foreignFilesRefusal(outName, foreign));
  writeTree(config.out, files, folders);
  for (const model of models) {
    const own = files.filter((file) => file.path.startsWith(`${model.slug}/`));
    const bytes = own.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0);
    console.log(
      `${model.slug.padEnd(10)} ${own.length} files, ${(bytes / 1024).toFixed(1)} KiB  from ${model.specFile}`,
    );
  }
  const packages = `${models.length} ${models.length === 1 ? "package" : "packages"}`;
  console.log(`generated ${packages}, ${files.length} files into ${outName}/${scope}`);
  return (await build.freshenBuilds(config.out, config.runtime)).length === 0 ? 0 : 1;
}

/** `--check`'s finding: the problems listed under one line saying what to run; exit code 1. */
export function reportStale(config: ResolvedConfig, problems: string[]): number {
  const [out, specs] = [shownPath(config.out), shownPath(config.specs)];
  console.error(`${out}/ is not what ${specs}/ gives; run \`customer-adapters generate\`:\n${problems.join("\n")}`);
  return 1;
}

/**
 * What `--check` finds wrong with the packages' builds, one line each: a
 * `dist/` built from other sources than those there now (an app would run code that is no longer
 * generated), and a package naming another runtime than the one beside it.
 */
export function buildProblems(config: ResolvedConfig, build: typeof import("./build.js")): string[] {
  return [
    // A dist/ not built at all is no finding: a fresh clone (CI) has none, and the app there builds before it runs.
    ...build
      .staleBuilds(config.out, false)
      .map(
        (target) => `stale    ${shownPath(target.dir)}/dist (not built from its src/; run \`customer-adapters build\`)`,
      ),
    ...build.runtimeMismatches(config.out).map((line) => `runtime  ${line}`),
  ];
}

/**
 * `regenerate` behind the cache (./cache.ts): nothing when the output is what the specs give, else the packages
 * whose inputs or files changed, or all of them; a successful run is recorded. `inputs`, when given, were read
 * just before; the run is judged by them, so that a spec saved while it runs is not recorded as done.
 */
export async function regenerateCached(
  request: Omit<RunRequest, "only">,
  inputs: Inputs = readInputs(request.config.specs, outputOptions(request.config)),
): Promise<number> {
  const { config, check } = request;
  const cache = new GenerateCache(config.specs, config.out);
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
  const reason =
    request.onlyReason ??
    ("only" in plan && plan.only.length === 1
      ? "the package whose inputs or files changed since the last run"
      : "the packages whose inputs or files changed since the last run");
  const code = await regenerate({
    ...request,
    ...("only" in plan ? { only: plan.only, onlyReason: reason, sound: plan.sound } : {}),
  });
  if (code === 0) cache.save(inputs);
  return code;
}
