// The review's and lint's output for where they run: GitHub workflow commands
// (escaped as the runner reads them, at the head spec's line), JSON, and the
// command lines' usage errors and exit codes.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readYaml } from "../../generator/load/read-yaml.js";
import { diffOperation } from "../../generator/review/diff-operation.js";
import { formatLintFinding } from "../../generator/lint/format.js";
import { formatReview, reviewAnnotations } from "../../generator/review/format.js";
import type { ReviewReport } from "../../generator/review/review.js";
import { workflowCommand } from "../../generator/core/workflow-commands.js";
import { repoRoot, runCommand } from "../helpers/cli.js";
import { miniMapping, miniVendor, removeSpecsFolders, specsFolder } from "../helpers/mini-vendor.js";
import { editedSpec, remove, set } from "../helpers/spec-edits.js";

afterAll(removeSpecsFolders);

/** A report of one vendor's findings, made without generating packages. */
function reportOf(slug: string, head: string, acknowledged?: string): ReviewReport {
  const changes = diffOperation(readYaml(`${slug}.yaml`, editedSpec(slug)), readYaml(`${slug}.yaml`, head), slug);
  const breaking = changes.filter((change) => change.breaking).length;
  const generated = {
    filesAdded: [],
    filesRemoved: [],
    filesChanged: [],
    exportsAdded: [],
    exportsRemoved: [],
    mappingAdded: [],
    mappingRemoved: [],
    fixturesAdded: [],
    fixturesRemoved: [],
  };
  return {
    vendors: [
      {
        vendor: slug,
        file: `${slug}.yaml`,
        status: "changed",
        baseVersion: "1.0.0",
        headVersion: "1.0.0",
        changes,
        breaking,
        acknowledged,
        generated,
        warnings: [],
      },
    ],
    unacknowledged: acknowledged ? 0 : breaking,
  };
}

const lineOf = (text: string, line: number) => text.split("\n")[line - 1] ?? "";

describe("--format github", () => {
  it("escapes what the runner would misread", () => {
    const command = workflowCommand(
      {
        level: "error",
        path: join(repoRoot, "specs/a,b:c.yaml"),
        line: 3,
        column: 5,
        title: "t",
        message: "100% wrong\nsecond line",
      },
      repoRoot,
    );
    expect(command).toBe("::error file=specs/a%2Cb%3Ac.yaml,line=3,col=5,title=t::100%25 wrong%0Asecond line");
  });

  it("annotates a breaking change at its line in the head spec", () => {
    const head = editedSpec("jtl", [
      set(["paths", "/v1/customers", "post", "parameters", 1, "schema", "enum"], ["MyApp/1.0.0"]),
    ]);
    const [annotation, ...rest] = reviewAnnotations(reportOf("jtl", head), join(repoRoot, "specs"));
    expect(rest).toEqual([]);
    expect(annotation).toMatchObject({
      level: "error",
      path: join(repoRoot, "specs/jtl.yaml"),
      title: "review: request-parameter-became-enum",
    });
    // The line is the x-appid header's schema (its first keyword), in the head text.
    const lines = head.split("\n").slice(0, annotation?.line);
    expect(lineOf(head, annotation?.line ?? 0)).toMatch(/^\s+type: string$/);
    expect(lines.filter((line) => line.includes("- name:")).at(-1)).toContain("x-appid");
    const printed = formatReview(reportOf("jtl", head), "github", join(repoRoot, "specs"), repoRoot);
    expect(printed).toMatch(
      new RegExp(
        `^::error file=specs/jtl.yaml,line=${annotation?.line},col=${annotation?.column},` +
          "title=review%3A request-parameter-became-enum::",
      ),
    );
    expect(printed).toContain("breaks request senders");
  });

  it("puts what was removed at its nearest place in the head, with its base line; acknowledged is a warning", () => {
    const head = editedSpec("bydesign", [
      remove(["paths", "/api/users/customer", "post", "requestBody", "content", "application/x-www-form-urlencoded"]),
    ]);
    const [annotation] = reviewAnnotations(reportOf("bydesign", head, "major version"), join(repoRoot, "specs"));
    expect(annotation?.level).toBe("warning");
    expect(lineOf(head, annotation?.line ?? 0)).toContain("application/json:");
    expect(annotation?.message).toMatch(/; was at line \d+ of the base\)$/);
  });

  it("leaves info findings to the Markdown report", () => {
    const head = editedSpec("jtl", [
      set(["paths", "/v1/customers", "post", "parameters", 1, "description"], "Another."),
    ]);
    expect(reportOf("jtl", head).vendors[0]?.changes.map((change) => change.severity)).toEqual(["info"]);
    expect(reviewAnnotations(reportOf("jtl", head), "specs")).toEqual([]);
  });
});

describe("lint findings", () => {
  const at = { file: "specs/acme.yaml", line: 7, column: 9, pointer: "/components/schemas/A/format" };
  it("a warning (an annotation the generator keeps) says so, as a line and as ::warning; others are ::error", () => {
    const warning = { rule: "known-format", at, message: "`decimal` is kept as an annotation", warning: true as const };
    expect(formatLintFinding(warning, "text", repoRoot)).toBe(
      "specs/acme.yaml:7:9 /components/schemas/A/format: [known-format] (warning) `decimal` is kept as an annotation",
    );
    expect(formatLintFinding(warning, "github", repoRoot, repoRoot)).toMatch(
      /^::warning file=specs\/acme\.yaml,line=7,col=9,/,
    );
    const { warning: _, ...error } = warning;
    expect(formatLintFinding(error, "text", repoRoot)).not.toContain("(warning)");
    expect(formatLintFinding(error, "github", repoRoot, repoRoot)).toMatch(/^::error /);
  });
});

describe("--format json", () => {
  it("is the report itself", () => {
    const report = reportOf("jtl", editedSpec("jtl", [remove(["paths", "/v1/customers", "post", "parameters", 0])]));
    expect(JSON.parse(formatReview(report, "json", "specs"))).toEqual(report);
  });
});

describe("the command lines", () => {
  const run = (command: string, args: string[]) => runCommand([command, ...args]);

  it("a format neither knows is a usage error: one line, exit 2", () => {
    for (const command of ["review", "lint"]) {
      const result = run(command, ["--base-dir", "specs", "--format", "xml"].slice(command === "lint" ? 2 : 0));
      expect(result.status).toBe(2);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(new RegExp(`^customer-adapters ${command}: --format xml: one of `));
    }
  });

  it("lint:specs --format github prints one annotation per finding, and exits 1", () => {
    const dir = specsFolder(miniVendor(miniMapping));
    const result = run("lint", ["--specs", dir, "--format", "github"]);
    expect(result.status).toBe(1);
    const annotations = result.stdout.split("\n").filter((line) => line.startsWith("::error "));
    expect(annotations.length).toBeGreaterThan(0);
    expect(annotations[0]).toMatch(
      /^::error file=[^,]*specs\/mini\.yaml,line=\d+,col=\d+,title=lint%3Aspecs%3A [a-z-]+::\//,
    );
  });

  it("review --format github exits 1 on an unacknowledged breaking change, 0 without", () => {
    const base = miniVendor(miniMapping);
    const [before, after] = [specsFolder(base), specsFolder(base.replace("maxLength: 60", "maxLength: 40"))];
    const out = join(after, "..", "review");
    const failing = run("review", ["--base-dir", before, "--head-dir", after, "--out", out, "--format", "github"]);
    expect(failing.status).toBe(1);
    expect(failing.stdout).toMatch(
      /^::error file=[^,]*specs\/mini\.yaml,line=19,col=\d+,title=review%3A request-property-max-length-decreased::/m,
    );
    const passing = run("review", ["--base-dir", before, "--head-dir", before, "--out", out, "--format", "github"]);
    expect(passing.status).toBe(0);
    expect(passing.stdout.trim()).toBe("review: 0 unacknowledged breaking change(s)");
  }, 300_000);
});
