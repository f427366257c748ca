// customer-adapters lint: the project's rules for its specs, one positioned line per finding; exit 1 on findings.
import { dirname } from "node:path";
import { formatLintFinding, LINT_FORMATS, type LintFormat } from "../lint/format.js";
import { runCommand, stringValue, UsageError, type CommandSpec } from "./args.js";
import { CONFIG_OPTIONS, configFromValues } from "./config.js";

export const lintCommand: CommandSpec = {
  name: "lint",
  summary: "Checks the specs against the spec conventions: one positioned line per finding, exit 1 on any.",
  options: {
    ...CONFIG_OPTIONS,
    format: {
      type: "string",
      value: "text|github",
      description: "findings as positioned lines (default) or GitHub annotations",
    },
  },
};

export function main(args: string[]): Promise<number> {
  return runCommand(lintCommand, args, async ({ values }) => {
    const format = (stringValue(values, "format") ?? "text") as LintFormat;
    if (!LINT_FORMATS.includes(format))
      throw new UsageError(`--format must be one of ${LINT_FORMATS.join(", ")}, not \`${format}\``);
    const config = await configFromValues(values);
    const [{ loadAllWithSources }, { LINT_RULES, lintSpec }] = await Promise.all([
      import("../pipeline.js"),
      import("../lint/lint-specs.js"),
    ]);
    const loaded = loadAllWithSources(config.specs, dirname(config.specs));
    const findings = loaded.flatMap(({ model, source }) => lintSpec(model, source));
    // Workflow commands are read from standard output; positioned lines go to standard error.
    const print = format === "github" ? console.log : console.error;
    for (const finding of findings) print(formatLintFinding(finding, format, dirname(config.specs)));
    const vendors = loaded.filter(({ model }) => model.kind === "vendor").length;
    const rules = Object.keys(LINT_RULES).length;
    console.log(
      findings.length === 0
        ? `lint: ${vendors} vendor specs follow all ${rules} rules`
        : `lint: ${findings.length} findings`,
    );
    return findings.length === 0 ? 0 : 1;
  });
}
