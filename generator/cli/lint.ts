// customer-adapters lint: the project's rules for its specs, one positioned line (or GitHub annotation) per finding;
// exit 1 on findings or a spec that does not load, 2 on a usage error.
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
      description: "positioned lines, or GitHub workflow annotations (default text)",
    },
  },
};

export function main(args: string[]): Promise<number> {
  return runCommand(lintCommand, args, async ({ values }) => {
    const config = await configFromValues(values);
    const format = (stringValue(values, "format") ?? "text") as LintFormat;
    if (!LINT_FORMATS.includes(format)) throw new UsageError(`--format ${format}: one of ${LINT_FORMATS.join(", ")}`);
    const [{ loadAllWithSources }, { LINT_RULES, lintSpec }] = await Promise.all([
      import("../pipeline.js"),
      import("../lint/lint-specs.js"),
    ]);
    const loaded = loadAllWithSources(config.specs, dirname(config.specs));
    const findings = loaded.flatMap(({ model, source }) => lintSpec(model, source));
    // Workflow commands are read from standard output; positioned lines go to standard error.
    for (const finding of findings)
      (format === "github" ? console.log : console.error)(formatLintFinding(finding, format, dirname(config.specs)));
    const vendors = loaded.filter(({ model }) => model.kind === "vendor").length;
    // A warning (an annotation the generator keeps, such as an unknown format) is shown, not failed on.
    const failing = findings.filter((finding) => !finding.warning).length;
    const rules = Object.keys(LINT_RULES).length;
    console.log(
      failing === 0 ? `lint: ${vendors} vendor specs follow all ${rules} rules` : `lint: ${failing} findings`,
    );
    return failing === 0 ? 0 : 1;
  });
}
