// customer-adapters review: every spec change between two versions, classified for consumers.
// Writes review.md (a pull-request comment) and review.json, and prints the report as markdown, JSON or GitHub
// annotations; exits 0 with no unacknowledged breaking change, 1 with one, 2 on a usage error.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { refuseFile, runCommand, stringValue, UsageError, type CommandSpec } from "./args.js";
import { isSpecFailure } from "../core/spec-error.js";
import { formatReview, REVIEW_FORMATS, type ReviewFormat } from "../review/format.js";
import { CONFIG_OPTIONS, configFromValues } from "./config.js";

export const reviewCommand: CommandSpec = {
  name: "review",
  summary: "Reviews the spec changes from a base (git ref or folder); exit 1 on an unacknowledged breaking change.",
  options: {
    base: { type: "string", value: "git-ref", description: "the base: the specs folder as it is at this git ref" },
    "base-dir": { type: "string", value: "dir", description: "the base: a specs folder" },
    "head-dir": {
      type: "string",
      value: "dir",
      description: "the head specs folder (default: the config's, else specs)",
    },
    config: CONFIG_OPTIONS.config,
    out: { type: "string", value: "dir", description: "where review.md and review.json go (default .review)" },
    format: { type: "string", value: "markdown|json|github", description: "what is printed (default markdown)" },
  },
};

export function main(args: string[]): Promise<number> {
  return runCommand(reviewCommand, args, async ({ values }) => {
    const base = stringValue(values, "base");
    const baseDirFlag = stringValue(values, "base-dir");
    if (!base && !baseDirFlag) throw new UsageError("give the base: --base <git-ref> or --base-dir <dir>");
    if (base && baseDirFlag) throw new UsageError("--base and --base-dir do not go together");
    const head = stringValue(values, "head-dir");
    const config = await configFromValues({ ...values, ...(head !== undefined ? { specs: head } : {}) });
    const out = stringValue(values, "out") ?? ".review";
    refuseFile(out, "--out");
    const format = (stringValue(values, "format") ?? "markdown") as ReviewFormat;
    if (!REVIEW_FORMATS.includes(format))
      throw new UsageError(`--format ${format}: one of ${REVIEW_FORMATS.join(", ")}`);
    let baseDir = baseDirFlag && resolve(baseDirFlag);
    if (baseDir !== undefined && !statSync(baseDir, { throwIfNoEntry: false })?.isDirectory())
      throw new UsageError(`--base-dir: no folder \`${baseDirFlag}\``);
    let scratch: string | undefined;
    if (baseDir === undefined) {
      // The base specs as they were at the ref, unpacked beside nothing else.
      const specs = relative(process.cwd(), config.specs) || ".";
      scratch = mkdtempSync(join(tmpdir(), "review-base-"));
      let archive: Buffer;
      try {
        archive = execFileSync("git", ["archive", "--format=tar", base as string, specs], {
          maxBuffer: 64 * 1024 * 1024,
          stdio: ["ignore", "pipe", "pipe"],
        });
      } catch {
        rmSync(scratch, { recursive: true, force: true });
        throw new UsageError(`--base ${base}: no \`${specs}\` at that git ref`);
      }
      execFileSync("tar", ["-x", "-C", scratch], { input: archive });
      baseDir = join(scratch, specs);
    }
    try {
      const { review, reviewMarkdown } = await import("../review/review.js");
      // A spec that does not load is exit 2, not 1: 1 says a breaking change was found.
      const report = await review(baseDir, config.specs).catch((error: unknown) => {
        if (isSpecFailure(error)) return error;
        throw error;
      });
      if (isSpecFailure(report)) {
        console.error(report.message);
        return 2;
      }
      for (const vendor of report.vendors) for (const warning of vendor.warnings) console.error(`warning: ${warning}`);
      const markdown = reviewMarkdown(report);
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, "review.md"), markdown);
      writeFileSync(join(out, "review.json"), `${JSON.stringify(report, null, 2)}\n`);
      console.log(formatReview(report, format, config.specs).trimEnd());
      return report.unacknowledged > 0 ? 1 : 0;
    } finally {
      if (scratch) rmSync(scratch, { recursive: true, force: true });
    }
  });
}
