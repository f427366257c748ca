/**
 * `generate --watch`: one full run, then, on each save in the specs folder,
 * the changed vendor specs' packages alone (a change anywhere else, such as
 * the canonical customer or a shared file, or a removed spec, runs them all).
 * Saves that come while a run is under way are gathered into the next run,
 * so at most one run goes and one waits. A spec with errors prints them, one
 * positioned line each, and the output stays as the last good run left it.
 * Stops on SIGINT or SIGTERM, or when `signal` aborts; resolves to 0.
 */
import { existsSync, watch as watchFolder } from "node:fs";
import { join } from "node:path";
import { isSpecFailure } from "../core/spec-error.js";
import { shownPath } from "./args.js";
import type { ResolvedConfig } from "./config.js";
import type { ProgressMode } from "./progress.js";
import { regenerate } from "./regenerate.js";

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
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const runOnce = async (only: string[] | undefined) => {
    try {
      await regenerate({
        config,
        check: false,
        progress,
        ...(only ? { only, onlyReason: only.length === 1 ? "the changed spec" : "the changed specs" } : {}),
      });
    } catch (error) {
      // Whatever goes wrong in one run is reported, and the watch goes on.
      const message = isSpecFailure(error)
        ? error.message
        : `watch: internal error: ${error instanceof Error ? error.message : String(error)}`;
      console.error(`${message}\nwatch: the output is left as the last good run made it`);
    }
  };
  const drain = async () => {
    while (changed.size > 0 && !stopped) {
      const batch = [...changed];
      changed.clear();
      const only = packagesFor(batch, config.specs);
      if (only?.length !== 0) await runOnce(only);
    }
    running = undefined;
  };

  await runOnce(undefined);
  const watcher = watchFolder(config.specs, { recursive: true }, (_event, file) => {
    if (file === null || stopped) return;
    changed.add(String(file));
    clearTimeout(timer);
    timer = setTimeout(() => {
      running ??= drain();
    }, SETTLE_MS);
  });
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
