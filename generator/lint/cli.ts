// npm run lint:specs [-- --specs <dir>]: the project's rules for its specs, one positioned line per finding.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { isSpecFailure } from "../core/spec-error.js";
import { loadAllWithSources } from "../pipeline.js";
import { LINT_RULES, lintSpec } from "./lint-specs.js";

try {
  const { values } = parseArgs({ options: { specs: { type: "string", default: "specs" } } });
  const specsDir = resolve(values.specs);
  const loaded = loadAllWithSources(specsDir, resolve(specsDir, ".."));
  const findings = loaded.flatMap(({ model, source }) => lintSpec(model, source));
  for (const finding of findings) console.error(`${finding.at.file}:${finding.at.line}:${finding.at.column} ${finding.at.pointer || "/"}: [${finding.rule}] ${finding.message}`);
  const vendors = loaded.filter(({ model }) => model.kind === "vendor").length;
  console.log(findings.length === 0 ? `lint:specs: ${vendors} vendor specs follow all ${Object.keys(LINT_RULES).length} rules` : `lint:specs: ${findings.length} findings`);
  process.exitCode = findings.length === 0 ? 0 : 1;
} catch (error) {
  console.error(isSpecFailure(error) ? error.message : `lint:specs: internal error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
