/** Lint findings as `lint:specs -- --format` prints them: positioned lines (text) or GitHub annotations. */
import { join } from "node:path";
import { workflowCommand } from "../core/workflow-commands.js";
import type { LintFinding } from "./lint-specs.js";

export const LINT_FORMATS = ["text", "github"] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

/** One line per finding; `root` is the folder the findings' file names are relative to. */
export function formatLintFinding(finding: LintFinding, format: LintFormat, root: string, cwd = process.cwd()): string {
  const { file, line, column, pointer } = finding.at;
  if (format === "github")
    return workflowCommand(
      {
        level: finding.warning ? "warning" : "error",
        path: join(root, file),
        line,
        column,
        title: `lint:specs: ${finding.rule}`,
        message: `${pointer || "/"}: ${finding.message}`,
      },
      cwd,
    );
  return `${file}:${line}:${column} ${pointer || "/"}: [${finding.rule}]${finding.warning ? " (warning)" : ""} ${finding.message}`;
}
