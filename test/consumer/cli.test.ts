/**
 * Another repository installs the CLI: `npm pack` of this repository, the
 * tarball installed (from npm's cache: no network beyond the npm registry)
 * into a fresh project outside it, a starter from `npx customer-adapters
 * init`, a TypeScript config through `defineConfig`, and `npx
 * customer-adapters generate` against that project's own specs.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";

const work = mkdtempSync(join(tmpdir(), "cli-consumer-"));
const project = join(work, "project");
// The installed CLI keeps its cache where it would for a user (a test's own cache folder would hide that).
const env: NodeJS.ProcessEnv = { ...process.env, npm_config_update_notifier: "false" };
delete env.CUSTOMER_ADAPTERS_CACHE;

function run(command: string, args: string[], cwd = project) {
  return spawnSync(command, args, { cwd, encoding: "utf8", env });
}

function ok(command: string, args: string[], cwd = project) {
  const result = run(command, args, cwd);
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result;
}

const config = `import { defineConfig } from "customer-adapters";

export default defineConfig({
  specs: "specs",
  out: "packages",
  scope: "@acme",
  names: { example: "example-vendor" },
});
`;

let packed: string[] = [];

beforeAll(() => {
  const tarballs = join(work, "tarballs");
  mkdirSync(tarballs);
  const pack = ok("npm", ["pack", "--json", "--pack-destination", tarballs], repoRoot);
  packed = (JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0]?.files.map((file) => file.path) ?? [];
  mkdirSync(project);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "consumer-repo", private: true, type: "module" }),
  );
  const [tarball] = readdirSync(tarballs);
  ok("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", join(tarballs, tarball as string)]);
  ok("npx", ["--no-install", "customer-adapters", "init"]);
  rmSync(join(project, "customer-adapters.config.json"));
  writeFileSync(join(project, "customer-adapters.config.ts"), config);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000);

describe("the customer-adapters CLI, installed from its tarball in another repository", () => {
  it("ships compiled JavaScript and nothing that loads TypeScript at run time", () => {
    expect(packed).toContain("dist/generator/cli/main.js");
    expect(packed).toContain("generator/run.mjs");
    // The runtime's TypeScript is data (copied into every canonical package), not code the CLI runs.
    expect(
      packed.filter(
        (file) => file.endsWith(".ts") && !file.endsWith(".d.ts") && !file.startsWith("dist/generator/runtime/"),
      ),
    ).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(project, "node_modules/customer-adapters/package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies)).not.toContain("tsx");
  });

  it("wrote the starter with init: a config, the canonical customer and one example vendor", () => {
    expect(readdirSync(join(project, "specs")).sort()).toEqual(["canonical", "example.yaml"]);
    expect(existsSync(join(project, "specs/canonical/customer.yaml"))).toBe(true);
  });

  it("generates the project's own specs as its config says, then answers again from its cache", () => {
    const first = ok("npx", ["--no-install", "customer-adapters", "generate"]);
    expect(first.stdout).toMatch(/^generated 2 packages, \d+ files into packages\/$/m);
    const vendor = JSON.parse(readFileSync(join(project, "packages/example/package.json"), "utf8")) as {
      name: string;
      dependencies: Record<string, string>;
    };
    expect(vendor.name).toBe("@acme/example-vendor");
    expect(Object.keys(vendor.dependencies)).toContain("@acme/canonical");
    // The runtime package keeps its own name; the packages generated here take the config's.
    const index = readFileSync(join(project, "packages/example/src/index.ts"), "utf8");
    expect(index).toContain('from "@acme/canonical"');
    expect(index).not.toMatch(/@customer-adapters\/(?!runtime)/);

    const cache = join(project, "node_modules/customer-adapters/node_modules/.cache/customer-adapters");
    expect(readdirSync(cache).filter((name) => /^generate-[0-9a-f]{16}\.json$/.test(name))).toHaveLength(1);
    const again = ok("npx", ["--no-install", "customer-adapters", "generate", "--check"]);
    expect(again.stdout).toMatch(/^packages\/ is up to date with specs\/ \(\d+ files, 2 packages\)$/m);
  }, 240_000);

  it("types the config with defineConfig: a wrong value fails to compile", () => {
    const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
    const check = (file: string) => {
      const compilerOptions = {
        noEmit: true,
        strict: true,
        module: "nodenext",
        moduleResolution: "nodenext",
        types: [],
        skipLibCheck: true,
      };
      writeFileSync(join(project, "tsconfig.check.json"), JSON.stringify({ compilerOptions, files: [file] }));
      return run(process.execPath, [tsc, "-p", "tsconfig.check.json"]);
    };
    expect(check("customer-adapters.config.ts").status).toBe(0);
    writeFileSync(join(project, "bad.config.ts"), config.replace('scope: "@acme"', 'scope: "@acme", outputs: ["zod"]'));
    const bad = check("bad.config.ts");
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toMatch(
      /bad\.config\.ts\(\d+,\d+\): error TS2322: Type '"zod"' is not assignable to type 'OutputKind'/,
    );
  }, 120_000);

  it("lints the project's specs, and refuses a usage error in one line, exit 2", () => {
    // The starter's example follows every rule the lint has, however many there are.
    expect(ok("npx", ["--no-install", "customer-adapters", "lint"]).stdout).toMatch(
      /^lint: 1 vendor specs follow all \d+ rules\n$/,
    );
    const usage = run("npx", ["--no-install", "customer-adapters", "generate", "--specs", "nowhere"]);
    expect([usage.status, usage.stderr]).toEqual([
      2,
      "customer-adapters generate: no specs folder `nowhere` (see `customer-adapters generate --help`)\n",
    ]);
  });
});
