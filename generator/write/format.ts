import { Worker } from "node:worker_threads";
import type { Configuration } from "@biomejs/wasm-nodejs";
import type { GeneratedFile } from "../emit/package.js";

// Markdown comes from handlebars templates as it should read; a formatter would pad every table column to its widest cell.
const FORMATTED = /\.(ts|js|json)$/;

/** A line Biome would break: wider than 120 columns, and neither a comment nor a lone string or regular expression, which no layout shortens. */
function isLongCodeLine(line: string): boolean {
  return (
    line.length > 120 &&
    !/^\s*(\/\*\*|\*|\/\/)/.test(line) &&
    !/^\s*("([^"\\]|\\.)*"|'([^'\\]|\\.)*'),?$/.test(line) &&
    !/^\s*\/([^/\\\n[]|\\.|\[([^\]\\]|\\.)*\])+\/[a-z]*;$/.test(line)
  );
}

/**
 * Whether a file goes to Biome: one its emitter does not lay out, or
 * TypeScript laid out by the emitters' printers (emit/final-layout.ts) with
 * a line they did not break, a construct they do not know (a union wider
 * than a line) in a spec other than the six of generated/, where a test
 * holds every file to Biome's layout.
 */
export function needsFormatting(file: GeneratedFile): boolean {
  if (!FORMATTED.test(file.path)) return false;
  if (!file.verbatim) return true;
  return file.path.endsWith(".ts") && file.content.split("\n").some(isLongCodeLine);
}

/**
 * Fixed options, Prettier's layout at 120 columns (Biome formats as
 * Prettier does, four to nine times faster): output must not depend on a
 * configuration found on the machine.
 */
export const CONFIGURATION: Configuration = {
  // Biome skips files over 1 MiB by default, with an empty diagnostic; a vendor's whole model (Stripe's validators) is larger.
  files: { maxSize: 64 * 1024 * 1024 },
  formatter: { enabled: true, indentStyle: "space", indentWidth: 2, lineWidth: 120, lineEnding: "lf" },
  javascript: {
    formatter: {
      quoteStyle: "double",
      trailingCommas: "all",
      semicolons: "always",
      arrowParentheses: "always",
      quoteProperties: "asNeeded",
    },
  },
  json: { formatter: { enabled: true } },
};

interface Pending {
  resolve(formatted: string[]): void;
  reject(error: Error): void;
}

/**
 * Biome on a worker thread, started on the first file that needs it
 * (`needsFormatting`): emitters write their final layout (verbatim files),
 * so a run of specs they lay out whole never starts Biome's WebAssembly
 * module (a quarter second of CPU). Once started, one worker formats each
 * package while the next one is emitted; a second would cost its start for
 * little to format. Each file is formatted alone, so the output does not
 * depend on which worker took it.
 */
export class Formatter {
  private workers: { worker: Worker; queued: number; pending: Map<number, Pending> }[] | undefined;
  private nextId = 0;

  constructor(private readonly threads = 1) {}

  private start() {
    this.workers ??= Array.from({ length: Math.max(1, this.threads) }, () => {
      const worker = new Worker(new URL("./format-worker.mjs", import.meta.url), {
        workerData: { configuration: CONFIGURATION },
      });
      const entry = { worker, queued: 0, pending: new Map<number, Pending>() };
      worker.on("message", ({ id, formatted, error }: { id: number; formatted?: string[]; error?: string }) => {
        const pending = entry.pending.get(id);
        entry.pending.delete(id);
        if (error !== undefined) pending?.reject(new Error(`could not format generated code: ${error}`));
        else pending?.resolve(formatted ?? []);
      });
      worker.on("error", (error) => {
        for (const pending of entry.pending.values()) pending.reject(error);
      });
      return entry;
    });
    return this.workers;
  }

  /** The files formatted by extension (verbatim ones as they are), in the same order. */
  async format(files: GeneratedFile[]): Promise<GeneratedFile[]> {
    const jobs = files.flatMap((file, index) =>
      needsFormatting(file) ? [{ index, path: file.path, content: file.content }] : [],
    );
    if (jobs.length === 0) return files.map(({ path, content }) => ({ path, content }));
    const target = this.start().reduce((best, entry) => (entry.queued < best.queued ? entry : best));
    const size = jobs.reduce((sum, job) => sum + job.content.length, 0);
    target.queued += size;
    const id = this.nextId++;
    const formatted = await new Promise<string[]>((resolve, reject) => {
      target.pending.set(id, { resolve, reject });
      target.worker.postMessage({ id, jobs: jobs.map(({ path, content }) => ({ path, content })) });
    }).finally(() => {
      target.queued -= size;
    });
    const byIndex = new Map(jobs.map((job, position) => [job.index, formatted[position] as string]));
    return files.map((file, index) => ({ path: file.path, content: byIndex.get(index) ?? file.content }));
  }

  async close(): Promise<void> {
    await Promise.all((this.workers ?? []).map(({ worker }) => worker.terminate()));
  }
}
