/**
 * One generator run for `generate` and for each change `generate --watch`
 * sees: the specs through the pipeline, then the tree written (swapped in
 * whole, so a failure leaves the output as it was) or, with `check`,
 * compared. The pipeline is loaded here, on first use, so that a command
 * answering from the cache never loads it.
 */
import { dirname } from "node:path";
import { shownPath, UsageError } from "./args.js";
import type { OutputOptions } from "../outputs.js";
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
}

/** The options that shape the output (what the cache keys on). */
export function outputOptions(config: ResolvedConfig): OutputOptions & { format: boolean } {
  return {
    ...(config.scope !== undefined ? { scope: config.scope } : {}),
    ...(config.names ? { names: config.names } : {}),
    ...(config.outputs ? { outputs: config.outputs } : {}),
    format: config.format,
  };
}

/** Runs the generator once; resolves to the exit code (1: stale output under `check`), or throws the spec errors. */
export async function regenerate({ config, only, check, progress, onlyReason }: RunRequest): Promise<number> {
  const [{ AGGREGATE_SLUG, findSpecs, generate }, { compareTree, outDirRefusal, writeTree }] = await Promise.all([
    import("../pipeline.js"),
    import("../write/write-tree.js"),
  ]);
  const specsName = shownPath(config.specs);
  const outName = shownPath(config.out);
  // Checked before any work: a folder the generator did not make is never written into.
  const refusal = check ? undefined : outDirRefusal(config.out, outName);
  if (refusal !== undefined) throw new UsageError(refusal);
  // Paths in banners are relative to the folder that holds the specs folder, whatever the working directory.
  const root = dirname(config.specs);
  const total = findSpecs(config.specs).filter((spec) => !only || only.includes(spec.slug)).length;
  const bar = createProgress(progress, total);
  let result: Awaited<ReturnType<typeof generate>>;
  try {
    result = await generate(config.specs, root, only && new Set(only), {
      ...outputOptions(config),
      onPackage: (slug, ms) => bar.done(slug, ms),
    });
  } finally {
    bar.end();
  }
  const { models, files } = result;
  // The aggregate package reads every vendor: it is remade with any of them.
  const folders =
    only && files.some((file) => file.path.startsWith(`${AGGREGATE_SLUG}/`)) ? [...only, AGGREGATE_SLUG] : only;
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
    ];
    if (problems.length === 0) {
      console.log(
        only
          ? `${outName}/ is up to date with ${specsName}/${scope}`
          : `${outName}/ is up to date with ${specsName}/ (${files.length} files, ${models.length} packages)`,
      );
      return 0;
    }
    console.error(
      `${outName}/ is not what ${specsName}/ gives; run \`customer-adapters generate\`:\n${problems.join("\n")}`,
    );
    return 1;
  }
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
  return 0;
}
