// customer-adapters lint: the project's rules for its specs, one positioned line per finding; exit 1 on findings.
import { dirname } from "node:path";
import { runCommand, type CommandSpec } from "./args.js";
import { CONFIG_OPTIONS, configFromValues } from "./config.js";

export const lintCommand: CommandSpec = {
  name: "lint",
  summary: "Checks the specs against the spec conventions: one positioned line per finding, exit 1 on any.",
  options: { ...CONFIG_OPTIONS },
};

export function main(args: string[]): Promise<number> {
  return runCommand(lintCommand, args, async ({ values }) => {
    const config = await configFromValues(values);
    const [{ loadAllWithSources }, { LINT_RULES, lintSpec }] = await Promise.all([
      import("../pipeline.js"),
      import("../lint/lint-specs.js"),
    ]);
    const loaded = loadAllWithSources(config.specs, dirname(config.specs));
    const findings = loaded.flatMap(({ model, source }) => lintSpec(model, source));
    for (const { at, rule, message } of findings)
      console.error(`${at.file}:${at.line}:${at.column} ${at.pointer || "/"}: [${rule}] ${message}`);
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
