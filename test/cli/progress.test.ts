// Progress on stderr: an updating line on a terminal, a line per package with --progress, else nothing.
import { describe, expect, it } from "vitest";
import { createProgress, progressMode } from "../../generator/cli/progress.js";

describe("progress", () => {
  it("is one updating line on a terminal, lines when asked, and quiet otherwise", () => {
    expect(progressMode(false, { isTTY: true })).toBe("line");
    expect(progressMode(false, { isTTY: false })).toBe("quiet");
    expect(progressMode(false, {})).toBe("quiet");
    expect(progressMode(true, { isTTY: false })).toBe("lines");
    expect(progressMode(true, { isTTY: true })).toBe("lines");
  });

  it("writes one line per package, with its count and time", () => {
    const written: string[] = [];
    const progress = createProgress("lines", 2, (text) => written.push(text));
    progress.done("canonical", 812.4);
    progress.done("jtl", 95.6);
    progress.end();
    expect(written).toEqual(["[1/2] canonical 812 ms\n", "[2/2] jtl 96 ms\n"]);
  });

  it("rewrites a single line on a terminal and clears it at the end", () => {
    const written: string[] = [];
    const progress = createProgress("line", 2, (text) => written.push(text));
    progress.done("canonical", 10);
    progress.done("jtl", 20);
    progress.end();
    expect(written).toEqual(["\r\x1b[K[1/2] canonical 10 ms", "\r\x1b[K[2/2] jtl 20 ms", "\r\x1b[K"]);
  });

  it("writes nothing when quiet", () => {
    const written: string[] = [];
    const progress = createProgress("quiet", 1, (text) => written.push(text));
    progress.done("canonical", 10);
    progress.end();
    expect(written).toEqual([]);
  });
});
