import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { stop as stopEsbuild, transform } from "esbuild";
import type { Options } from "prettier";
import type { GeneratedFile } from "../emit/package.js";

// Markdown comes from handlebars templates as it should read; prettier would pad every table column to its widest cell.
const PARSERS: Record<string, string> = { ts: "typescript", js: "babel", json: "json" };

/** Fixed options: output must not depend on a prettier config found on the machine. */
const OPTIONS: Options = { printWidth: 120, trailingComma: "all", endOfLine: "lf" };

interface Pending {
  resolve(formatted: string[]): void;
  reject(error: Error): void;
}

/**
 * Prettier on worker threads, one per core. Formatting is most of a
 * generate run's time; with workers started before the specs are loaded,
 * each package is formatted while the next one is emitted. Each file is
 * formatted alone, so the output does not depend on which worker took it.
 */
export class Formatter {
  private readonly workers: { worker: Worker; queued: number; pending: Map<number, Pending> }[];
  private nextId = 0;

  constructor(threads = availableParallelism()) {
    this.workers = Array.from({ length: Math.max(1, threads) }, () => {
      const worker = new Worker(new URL("./format-worker.mjs", import.meta.url), { workerData: { options: OPTIONS } });
      const entry = { worker, queued: 0, pending: new Map<number, Pending>() };
      worker.on("message", ({ id, formatted, error }: { id: number; formatted?: string[]; error?: string }) => {
        const pending = entry.pending.get(id);
        entry.pending.delete(id);
        if (error !== undefined) pending?.reject(new Error(`prettier could not format generated code: ${error}`));
        else pending?.resolve(formatted ?? []);
      });
      worker.on("error", (error) => {
        for (const pending of entry.pending.values()) pending.reject(error);
      });
      return entry;
    });
  }

  /** The files laid out as each asks (prettier by extension unless told otherwise), in the same order. */
  async format(files: GeneratedFile[]): Promise<GeneratedFile[]> {
    const jobs = files.flatMap((file, index) => {
      const parser = PARSERS[file.path.split(".").pop() ?? ""];
      return parser && file.layout === undefined ? [{ index, parser, content: file.content }] : [];
    });
    const compiled = files.map((file) => (file.layout === "compiled" ? printCompiled(file.content) : undefined));
    const formatted = await this.prettier(jobs);
    const byIndex = new Map(jobs.map((job, position) => [job.index, formatted[position] as string]));
    return Promise.all(
      files.map(async (file, index) => ({ path: file.path, content: byIndex.get(index) ?? (await compiled[index]) ?? file.content })),
    );
  }

  private async prettier(jobs: { parser: string; content: string }[]): Promise<string[]> {
    const target = this.workers.reduce((best, entry) => (entry.queued < best.queued ? entry : best));
    const size = jobs.reduce((sum, job) => sum + job.content.length, 0);
    target.queued += size;
    const id = this.nextId++;
    try {
      return await new Promise<string[]>((resolve, reject) => {
        target.pending.set(id, { resolve, reject });
        target.worker.postMessage({ id, jobs: jobs.map(({ parser, content }) => ({ parser, content })) });
      });
    } finally {
      target.queued -= size;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
    await stopEsbuild();
  }
}

/**
 * ajv's standalone code printed by esbuild (in its own process, so the
 * main thread goes on emitting): prettier spent a third of a run on it.
 * esbuild keeps no comments, so the banner is set back on top.
 */
async function printCompiled(content: string): Promise<string> {
  const banner = /^\/\*\*[\s\S]*?\*\/\n/.exec(content)?.[0] ?? "";
  const { code } = await transform(content.slice(banner.length), { format: "esm", target: "es2022", charset: "utf8" });
  return banner + code;
}
