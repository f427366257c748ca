/**
 * The review report in the forms `npm run review -- --format` prints:
 * Markdown (a pull-request comment), JSON (the report as it is) and GitHub
 * workflow commands (one annotation per finding, at its line in the head spec).
 */
import { join } from "node:path";
import { type Annotation, workflowCommand } from "../core/workflow-commands.js";
import { type ReviewReport, reviewMarkdown } from "./review.js";

export const REVIEW_FORMATS = ["markdown", "json", "github"] as const;
export type ReviewFormat = (typeof REVIEW_FORMATS)[number];

/**
 * One annotation per finding that matters to a consumer: an unacknowledged
 * breaking change is an error, an acknowledged one a warning, a non-breaking
 * change a notice; `info` findings (descriptions, added media types) are left
 * to the Markdown report, as GitHub shows only so many annotations.
 */
export function reviewAnnotations(report: ReviewReport, headDir: string): Annotation[] {
  return report.vendors.flatMap((vendor) =>
    vendor.changes
      .filter((change) => change.severity !== "info")
      .map(
        (change): Annotation => ({
          level: change.severity === "breaking" ? (vendor.acknowledged === undefined ? "error" : "warning") : "notice",
          path: join(headDir, vendor.file),
          line: change.headLine,
          column: change.headColumn,
          title: `review: ${change.rule}`,
          message: `${change.message} (${[
            change.severity + (change.breaking ? `, breaks ${change.breaks}` : ""),
            ...(change.side === "base" ? [`was at line ${change.line} of the base`] : []),
          ].join("; ")})`,
        }),
      ),
  );
}

export function formatReview(report: ReviewReport, format: ReviewFormat, headDir: string, cwd = process.cwd()): string {
  if (format === "json") return `${JSON.stringify(report, null, 2)}\n`;
  if (format === "github") {
    const lines = reviewAnnotations(report, headDir).map((annotation) => workflowCommand(annotation, cwd));
    return `${[...lines, `review: ${report.unacknowledged} unacknowledged breaking change(s)`].join("\n")}\n`;
  }
  return reviewMarkdown(report);
}
