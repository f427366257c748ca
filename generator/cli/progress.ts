/**
 * Progress of long work, on stderr (stdout keeps the results): on a
 * terminal, one line rewritten as each package is done; with `--progress`,
 * one line per package, for logs and CI; otherwise nothing.
 */

export type ProgressMode = "line" | "lines" | "quiet";

export function progressMode(asked: boolean, stream: { isTTY?: boolean } = process.stderr): ProgressMode {
  return asked ? "lines" : stream.isTTY ? "line" : "quiet";
}

export interface Progress {
  /** One package done, in `milliseconds`. */
  done(slug: string, milliseconds: number): void;
  /** Clears the updating line, before the results are printed. */
  end(): void;
}

export function createProgress(
  mode: ProgressMode,
  total: number,
  write: (text: string) => unknown = (text) => process.stderr.write(text),
): Progress {
  let count = 0;
  let shown = false;
  return {
    done(slug, milliseconds) {
      count += 1;
      const line = `[${count}/${total}] ${slug} ${Math.round(milliseconds)} ms`;
      if (mode === "lines") write(`${line}\n`);
      else if (mode === "line") {
        write(`\r\x1b[K${line}`);
        shown = true;
      }
    },
    end() {
      if (shown) write("\r\x1b[K");
      shown = false;
    },
  };
}
