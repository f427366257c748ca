// npm run lint:specs [-- --specs <dir>] [--format text|github]: the project's rules for its specs, one positioned line
// (or GitHub annotation) per finding. Exits 0 with none, 1 with findings or a spec that does not load, 2 on a usage error.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { isSpecFailure } from "../core/spec-error.js";
import { loadAllWithSources } from "../pipeline.js";
import { formatLintFinding, LINT_FORMATS, type LintFormat } from "./format.js";
import { LINT_RULES, lintSpec } from "./lint-specs.js";

try {
  const { values } = parseArgs({ options: { specs: { type: "string", default: "specs" }, format: { type: "string", default: "text" } } });
  const format = values.format as LintFormat;
  if (!LINT_FORMATS.includes(format)) {
    console.error("usage: npm run lint:specs -- [--specs <dir>] [--format text|github]");
    process.exit(2);
  }
  const specsDir = resolve(values.specs);
  const loaded = loadAllWithSources(specsDir, resolve(specsDir, ".."));
  const findings = loaded.flatMap(({ model, source }) => lintSpec(model, source));
  // Workflow commands are read from standard output; positioned lines go to standard error, as before.
  for (const finding of findings) (format === "github" ? console.log : console.error)(formatLintFinding(finding, format, resolve(specsDir, "..")));
  const vendors = loaded.filter(({ model }) => model.kind === "vendor").length;
  console.log(findings.length === 0 ? `lint:specs: ${vendors} vendor specs follow all ${Object.keys(LINT_RULES).length} rules` : `lint:specs: ${findings.length} findings`);
  process.exitCode = findings.length === 0 ? 0 : 1;
} catch (error) {
  console.error(isSpecFailure(error) ? error.message : `lint:specs: internal error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
