/**
 * `generate --watch`: a first run through the generate cache (nothing when the
 * output is what the specs give), then, on each save in the specs folder, the
 * changed vendor specs' packages alone (a change anywhere else, such as the
 * canonical customer or a shared file, or a removed spec, runs them all).
 * The folder is watched from before the first run, and saves that come while
 * a run is under way are gathered into the next run, so at most one run goes
 * and one waits; after each run the specs are compared with what it read, so
 * that a save during it is never lost even if no event reported it. A spec
 * with errors prints them, one positioned line each, and the output stays as
 * the last good run left it. Stops on SIGINT or SIGTERM, or when `signal`
 * aborts; resolves to 0.
 */
import { existsSync, watch as watchFolder } from "node:fs";
import { join } from "node:path";
import { isSpecFailure } from "../core/spec-error.js";
import { shownPath } from "./args.js";
import type { ResolvedConfig } from "./config.js";
import type { ProgressMode } from "./progress.js";
import { readInputs } from "./cache.js";
import { outputOptions, regenerateCached } from "./regenerate.js";

/** Saves closer together than this are one change (editors write a file in several steps). */
const SETTLE_MS = 100;
const SPEC_FILE = /\.(ya?ml|json)$/;
const VENDOR_SPEC = /^[^/\\]+\.(ya?ml|json)$/;

/**
 * The packages a set of changed files (relative to the specs folder) calls
 * for: none for files that are no spec (an editor's swap file), those of
 * changed vendor specs, or undefined for all of them (a change in a
 * sub-folder, or a removed spec).
 */
export function packagesFor(changed: Iterable<string>, specsDir: string): string[] | undefined {
  const slugs = new Set<string>();
  for (const file of changed) {
    if (!SPEC_FILE.test(file)) continue;
    if (!VENDOR_SPEC.test(file) || !existsSync(join(specsDir, file))) return undefined;
    slugs.add(file.replace(SPEC_FILE, ""));
  }
  return [...slugs].sort();
}

export async function watch({
  config,
  progress,
  signal,
}: {
  config: ResolvedConfig;
  progress: ProgressMode;
  signal?: AbortSignal;
}): Promise<number> {
  const changed = new Set<string>();
  const options = outputOptions(config);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  /** A run is due whatever the saves say: the first, or one after a run during which the specs changed. */
  let due = true;
  let first = true;

  const runOnce = async (reason: string | undefined) => {
    const inputs = readInputs(config.specs, options);
    try {
      await regenerateCached({ config, check: false, progress, ...(reason ? { onlyReason: reason } : {}) }, inputs);
    } catch (error) {
      // Whatever goes wrong in one run is reported, and the watch goes on.
      const message = isSpecFailure(error)
        ? error.message
        : `watch: internal error: ${error instanceof Error ? error.message : String(error)}`;
      console.error(`${message}\nwatch: the output is left as the last good run made it`);
    }
    // A save while it ran, reported by the watcher or not: the next run takes it.
    if (JSON.stringify(readInputs(config.specs, options)) !== JSON.stringify(inputs)) due = true;
  };
  const drain = async () => {
    while ((due || changed.size > 0) && !stopped) {
      const batch = [...changed];
      changed.clear();
      const only = packagesFor(batch, config.specs);
      if (!due && only?.length === 0) continue;
      const reason = first ? undefined : only?.length === 1 ? "the changed spec" : "the changed specs";
      due = first = false;
      await runOnce(reason);
    }
  };
  // `running` is cleared after drain's promise settles, never inside it: a drain with nothing to run settles at
  // once, and clearing it there, before `running` is assigned, left a settled promise that blocked every later run.
  const schedule = () => {
    running ??= drain().finally(() => {
      running = undefined;
    });
  };

  const watcher = watchFolder(config.specs, { recursive: true }, (_event, file) => {
    if (file === null || stopped) return;
    changed.add(String(file));
    clearTimeout(timer);
    timer = setTimeout(schedule, SETTLE_MS);
  });
  schedule();
  await running;
  console.error(`watch: watching ${shownPath(config.specs)} (Ctrl-C stops)`);

  await new Promise<void>((resolve) => {
    const stop = () => {
      stopped = true;
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
    signal?.addEventListener("abort", stop, { once: true });
  });
  clearTimeout(timer);
  watcher.close();
  await running;
  console.error("watch: stopped");
  return 0;
}
