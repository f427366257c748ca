// customer-adapters check <customer.json>: the preflight of one customer against every vendor's rules, nothing sent;
// exit 1 when a chosen vendor would refuse it, 2 on a usage error.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { PreflightResult, Problem } from "@customer-adapters/runtime/vendors";
import { readJson as readJsonDocument } from "../load/read-json.js";
import { workflowCommand } from "../core/workflow-commands.js";
import { runCommand, shownPath, stringValue, UsageError, type CommandSpec } from "./args.js";
import { CONFIG_OPTIONS, configFromValues } from "./config.js";

export const CHECK_FORMATS = ["table", "json", "github"] as const;
type CheckFormat = (typeof CHECK_FORMATS)[number];

export const checkCommand: CommandSpec = {
  name: "check",
  summary: "Checks one customer against every vendor's rules without sending it: exit 1 if a vendor would refuse it.",
  positionals: [{ name: "customer.json", description: "the canonical customer, as JSON", required: true }],
  options: {
    ...CONFIG_OPTIONS,
    vendors: { type: "string", value: "a,b", description: "just these vendors (default: every vendor with a mapping)" },
    contexts: {
      type: "string",
      value: "file",
      description: "each vendor's context by slug, as JSON (default none: the inputs missing are listed)",
    },
    format: { type: "string", value: "table|json|github", description: "how to print the verdicts (default table)" },
  },
};

/** `canonical field → vendor field: rule (limit)`, the way every format says a problem. */
export function problemText(problem: Problem): string {
  const where = problem.vendorField ? `${problem.field || "(no field)"} → ${problem.vendorField}` : problem.field;
  const rule = problem.rule ?? problem.kind;
  const limit = problem.limit !== undefined ? ` (${JSON.stringify(problem.limit)})` : "";
  return `${where}: ${rule}${limit}`;
}

/** The verdicts as a table: one row per vendor, each problem on a line of its own below it. */
export function checkTable(results: PreflightResult[]): string {
  const width = Math.max(6, ...results.map((result) => result.vendor.length));
  const lines = [`${"vendor".padEnd(width)}  verdict  problems`];
  for (const result of results) {
    const [first, ...rest] = result.problems.map(problemText);
    lines.push(`${result.vendor.padEnd(width)}  ${result.verdict.padEnd(7)}  ${first ?? "-"}`.trimEnd());
    for (const line of rest) lines.push(`${"".padEnd(width)}           ${line}`);
    if (result.missingContext.length > 0)
      lines.push(`${"".padEnd(width)}           (context needed to send: ${result.missingContext.join(", ")})`);
  }
  const refusing = results.filter((result) => result.verdict === "refuses").length;
  lines.push("", `${results.length - refusing} of ${results.length} vendors would take this customer`);
  return lines.join("\n");
}

/** One GitHub annotation per problem, on the customer file. */
function checkAnnotations(results: PreflightResult[], file: string): string[] {
  return results.flatMap((result) =>
    result.problems.map((problem) =>
      workflowCommand({
        level: "error",
        path: file,
        line: 1,
        column: 1,
        title: `check: ${result.vendor}`,
        message: problemText(problem),
      }),
    ),
  );
}

/** The closest known name, for a "did you mean". */
function closest(name: string, known: readonly string[]): string | undefined {
  const distance = (a: string, b: string) => {
    const row = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i++) {
      let diagonal = row[0] as number;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const above = row[j] as number;
        row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length] as number;
  };
  const [best] = [...known].sort((a, b) => distance(name, a) - distance(name, b));
  return best !== undefined && distance(name, best) <= 2 ? best : undefined;
}

/** A JSON file the user names: its value, or one line saying why not (exit 1, as any bad input). */
function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new UsageError(`cannot read \`${shownPath(path)}\``);
  }
  // A syntax error is one positioned line (`customer.json:3:12 /: JSON: ValueExpected`), never the text itself.
  return readJsonDocument(shownPath(path), text).value;
}

export function main(args: string[]): Promise<number> {
  return runCommand(checkCommand, args, async ({ values, positionals }) => {
    const format = (stringValue(values, "format") ?? "table") as CheckFormat;
    if (!CHECK_FORMATS.includes(format)) throw new UsageError(`--format ${format}: one of ${CHECK_FORMATS.join(", ")}`);
    const config = await configFromValues(values);
    const file = positionals[0] as string;
    const customer = readJson(file);
    const contextsFile = stringValue(values, "contexts");
    const contexts = (contextsFile === undefined ? {} : readJson(contextsFile)) as Record<
      string,
      Record<string, unknown>
    >;
    const [{ loadAll }, { preflightVendors }, { preflight }] = await Promise.all([
      import("../pipeline.js"),
      import("../emit/preflight-vendors.js"),
      import("@customer-adapters/runtime/vendors"),
    ]);
    const vendors = preflightVendors(loadAll(config.specs, dirname(config.specs)));
    const known = vendors.map((vendor) => vendor.slug);
    const chosen = stringValue(values, "vendors")?.split(",").filter(Boolean) ?? known;
    for (const slug of chosen)
      if (!known.includes(slug)) {
        const guess = closest(slug, known);
        throw new UsageError(
          `--vendors: no vendor \`${slug}\`${guess ? ` (did you mean \`${guess}\`?)` : ""}; the vendors are ${known.join(", ")}`,
        );
      }
    const results = preflight(
      vendors.filter((vendor) => chosen.includes(vendor.slug)),
      customer,
      contexts,
    );
    if (format === "json") console.log(JSON.stringify(results, null, 2));
    else if (format === "github")
      for (const line of checkAnnotations(results, join(process.cwd(), file))) console.log(line);
    else console.log(checkTable(results));
    return results.some((result) => result.verdict === "refuses") ? 1 : 0;
  });
}
