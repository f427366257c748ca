// npm run review -- --base <git-ref> | --base-dir <dir> [--head-dir <dir>] [--out <dir>] [--format markdown|json|github]
// Writes review.md (a pull-request comment) and review.json, prints the report in the format asked for;
// exits 0 with no unacknowledged breaking change, 1 with one, 2 on a usage error or a spec that does not load.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { isSpecFailure } from "../core/spec-error.js";
import { formatReview, REVIEW_FORMATS, type ReviewFormat } from "./format.js";
import { review, reviewMarkdown } from "./review.js";

const usage = "usage: npm run review -- (--base <git-ref> | --base-dir <dir>) [--head-dir <dir>] [--out <dir>] [--format markdown|json|github]";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { base: { type: "string" }, "base-dir": { type: "string" }, "head-dir": { type: "string", default: "specs" }, out: { type: "string", default: ".review" }, format: { type: "string", default: "markdown" } } });
  const format = values.format as ReviewFormat;
  if (!REVIEW_FORMATS.includes(format)) {
    console.error(usage);
    return 2;
  }
  let baseDir = values["base-dir"] && resolve(values["base-dir"]);
  let scratch: string | undefined;
  if (!baseDir && values.base) {
    // The base specs as they were at the ref, unpacked beside nothing else.
    scratch = mkdtempSync(join(tmpdir(), "review-base-"));
    const archive = execFileSync("git", ["archive", "--format=tar", values.base, "specs"], { maxBuffer: 64 * 1024 * 1024 });
    execFileSync("tar", ["-x", "-C", scratch], { input: archive });
    baseDir = join(scratch, "specs");
  }
  if (!baseDir) {
    console.error(usage);
    return 2;
  }
  try {
    const report = await review(baseDir, resolve(values["head-dir"]));
    const markdown = reviewMarkdown(report);
    mkdirSync(values.out, { recursive: true });
    writeFileSync(join(values.out, "review.md"), markdown);
    writeFileSync(join(values.out, "review.json"), `${JSON.stringify(report, null, 2)}\n`);
    console.log(formatReview(report, format, resolve(values["head-dir"])).trimEnd());
    return report.unacknowledged > 0 ? 1 : 0;
  } finally {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(isSpecFailure(error) ? error.message : `review: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
