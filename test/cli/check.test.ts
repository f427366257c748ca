// customer-adapters check: the preflight of one customer, as a table, JSON or
// GitHub annotations; exit 1 when a chosen vendor would refuse it, 2 and one
// line on a usage error.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { main } from "../../generator/cli/check.js";
import { repoRoot } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "check-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

/** Runs the command in-process: its exit code and what it printed, each stream's lines joined. */
async function check(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((line: unknown) => void out.push(String(line)));
  const error = vi.spyOn(console, "error").mockImplementation((line: unknown) => void err.push(String(line)));
  try {
    const status = await main([...args, "--specs", join(repoRoot, "specs")]);
    return { status, stdout: out.join("\n"), stderr: err.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

const person = {
  kind: "person",
  email: "ada@example.com",
  currency: "EUR",
  language: "de",
  person: { givenName: "Ada", familyName: "Lovelace" },
  billingAddress: { lines: ["Hauptstraße 1"], city: "Köln", postalCode: "50667", country: "DE" },
};
// Caliq's Surname holds 30 characters; the others take 50 or more.
const longSurname = { ...person, person: { givenName: "Ada", familyName: "Montgomery-Fitzwilliam-Ashworth" } };

describe("customer-adapters check", () => {
  it("prints one row per vendor and exits 0 when every vendor would take the customer", async () => {
    const result = await check(file("person.json", person));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatchSnapshot();
  });

  it("names the canonical field, the vendor field, the rule and its limit, and exits 1 when one would refuse", async () => {
    const result = await check(file("long.json", longSurname));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("caliq     refuses  /person/familyName → /body/Surname: maxLength (30)");
    expect(result.stdout).toMatchSnapshot();
  });

  it("checks only the vendors chosen: without caliq nothing refuses", async () => {
    const result = await check(file("long.json", longSurname), "--vendors", "jasper,storm");
    expect(result.status).toBe(0);
    expect(
      result.stdout
        .split("\n")
        .slice(1, 5)
        .map((line) => line.split(/\s+/)[0]),
    ).toEqual(["jasper", "", "storm", ""]);
  });

  it("with each vendor's context, lists no missing inputs", async () => {
    const contexts = file("contexts.json", { caliq: { apiKey: "k", channelId: 1 } });
    const result = await check(file("long.json", longSurname), "--vendors", "caliq", "--contexts", contexts);
    expect(result.status).toBe(1);
    expect(result.stdout).not.toContain("context needed");
  });

  it("prints JSON and GitHub annotations", async () => {
    const json = await check(file("long.json", longSurname), "--format", "json", "--vendors", "caliq");
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({
        vendor: "caliq",
        verdict: "refuses",
        problems: [expect.objectContaining({ field: "/person/familyName", vendorField: "/body/Surname", limit: 30 })],
      }),
    ]);
    const github = await check(file("long.json", longSurname), "--format", "github", "--vendors", "caliq");
    // The file is in a temporary folder: its path varies from run to run.
    expect(github.stdout.replace(/file=[^,]*long\.json/, "file=<dir>/long.json")).toMatchSnapshot();
  });

  it.each([
    [
      ["--vendors", "calq"],
      "customer-adapters check: --vendors: no vendor `calq` (did you mean `caliq`?); the vendors are bydesign, caliq, jasper, jtl, storm (see `customer-adapters check --help`)",
    ],
    [
      ["--format", "yaml"],
      "customer-adapters check: --format yaml: one of table, json, github (see `customer-adapters check --help`)",
    ],
  ])("usage error %j: one line, exit 2", async (extra, line) => {
    const result = await check(file("person.json", person), ...extra);
    expect(result).toEqual({ status: 2, stdout: "", stderr: line });
  });

  it("a customer file that is not JSON is one positioned line, exit 1, without its text", async () => {
    const result = await check(file("bad.json", '{\n  "kind": "person",\n  "email": }\n'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/bad\.json:3:12 \/: JSON: ValueExpected$/);
    expect(result.stderr).not.toContain("person");
  });
});
