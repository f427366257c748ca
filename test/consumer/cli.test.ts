/**
 * The journey of a user in another repository, as the README tells it, with
 * nothing from this checkout: `npm pack` of this repository, the tarball
 * installed (from npm's cache: no network beyond the npm registry) into a
 * fresh project outside it, `npx customer-adapters init` (the scope from the
 * project's package.json), a second vendor spec, `generate` (the runtime
 * written into the output folder and every package built), the output
 * folder as npm workspaces and `npm install` (no registry asked for any
 * generated name), then the README's own app example, type-checked under
 * strict settings and run against the package's mock and through its msw
 * handlers; then a spec edited, regenerated, and the app seeing the change
 * with no other step.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";
import { STRICT_APP_OPTIONS } from "../helpers/strict-app.js";

const work = mkdtempSync(join(tmpdir(), "cli-consumer-"));
const project = join(work, "project");
// The installed CLI keeps its cache where it would for a user (a test's own cache folder would hide that).
const env: NodeJS.ProcessEnv = { ...process.env, npm_config_update_notifier: "false" };
delete env.CUSTOMER_ADAPTERS_CACHE;
const tsc = join(repoRoot, "node_modules/typescript/bin/tsc");
const rootManifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
  devDependencies: Record<string, string>;
};
const runtimeVersion = (
  JSON.parse(readFileSync(join(repoRoot, "packages/runtime/package.json"), "utf8")) as { version: string }
).version;

function run(command: string, args: string[], cwd = project) {
  return spawnSync(command, args, { cwd, encoding: "utf8", env });
}

function ok(command: string, args: string[], cwd = project) {
  const result = run(command, args, cwd);
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result;
}

const cli = (...args: string[]) => run("npx", ["--no-install", "customer-adapters", ...args]);
const cliOk = (...args: string[]) => ok("npx", ["--no-install", "customer-adapters", ...args]);

/** The TypeScript blocks of the README's section on a user's repository: the app its tests compile and run. */
function readmeApp(readme: string): string {
  const section = readme.split("## Using customer-adapters in your repository")[1]?.split("\n## ")[0] ?? "";
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map(([, code]) => code).join("\n");
}

const config = `import { defineConfig } from "customer-adapters";

export default defineConfig({
  specs: "specs",
  out: "generated",
  scope: "@acme",
  names: { example: "example-vendor" },
  runtime: true,
});
`;

let packed: string[] = [];

beforeAll(() => {
  const tarballs = join(work, "tarballs");
  mkdirSync(tarballs);
  const pack = ok("npm", ["pack", "--json", "--pack-destination", tarballs], repoRoot);
  packed = (JSON.parse(pack.stdout) as { files: { path: string }[] }[])[0]?.files.map((file) => file.path) ?? [];
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "@acme/shop", private: true, type: "module" }));
  const [tarball] = readdirSync(tarballs);
  ok("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", join(tarballs, tarball as string)]);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000);

describe("the customer-adapters CLI, installed from its tarball in another repository", () => {
  it("ships compiled JavaScript, the runtime's sources as data, and the docs its README names", () => {
    expect(packed).toContain("dist/generator/cli/main.js");
    expect(packed).toContain("generator/run.mjs");
    // The runtime's TypeScript is data (written into a user's output folder), not code the CLI runs.
    expect(
      packed.filter(
        (file) => file.endsWith(".ts") && !file.endsWith(".d.ts") && !file.startsWith("dist/packages/runtime/src/"),
      ),
    ).toEqual([]);
    expect(packed).toContain("dist/packages/runtime/src/validation.ts");
    for (const doc of ["docs/spec-conventions.md", "docs/mapping.md", "docs/review-rules.md", "README.md"])
      expect(packed).toContain(doc);
    const manifest = JSON.parse(readFileSync(join(project, "node_modules/customer-adapters/package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies)).not.toContain("tsx");
  });

  it("init takes the scope from the project's package.json, or refuses in one line without one", () => {
    const bare = join(work, "bare");
    mkdirSync(bare);
    const refused = run("npx", ["--no-install", "customer-adapters", "init", bare]);
    expect([refused.status, refused.stderr]).toEqual([
      2,
      `customer-adapters init: no npm scope to name the packages in: give \`--scope @yours\`, or a scoped \`name\` in \`${join(bare, "package.json")}\` (see \`customer-adapters init --help\`)\n`,
    ]);
    expect(readdirSync(bare)).toEqual([]);

    expect(cliOk("init").stdout).toContain("the packages are named in @acme");
    expect(readdirSync(join(project, "specs")).sort()).toEqual(["canonical", "example.yaml"]);
    const written = JSON.parse(readFileSync(join(project, "customer-adapters.config.json"), "utf8")) as unknown;
    expect(written).toEqual({ specs: "specs", out: "generated", scope: "@acme", format: true, runtime: true });
  });

  it("generates the runtime and the packages, built, in the project's scope, then answers from its cache", () => {
    const example = readFileSync(join(project, "specs/example.yaml"), "utf8");
    writeFileSync(
      join(project, "specs/other.yaml"),
      example.replace("slug: example, name: Example", "slug: other, name: Other"),
    );
    const first = cliOk("generate");
    expect(first.stdout).toMatch(/^generated 3 packages, \d+ files into generated\/$/m);
    expect(first.stdout).toMatch(
      /^built 5 packages into dist\/ \(runtime, canonical, example, other, vendors\) in \d+ ms$/m,
    );
    const folders = readdirSync(join(project, "generated")).filter((name) => !name.startsWith("."));
    expect(folders.sort()).toEqual(["canonical", "example", "other", "runtime", "vendors"]);
    const manifest = (name: string) =>
      JSON.parse(readFileSync(join(project, "generated", name, "package.json"), "utf8")) as {
        name: string;
        version: string;
        dependencies: Record<string, string>;
      };
    const runtime = manifest("runtime");
    expect(runtime.name).toBe("@acme/runtime");
    expect(manifest("other").dependencies).toEqual({ "@acme/canonical": "2.0.0", "@acme/runtime": runtime.version });
    // Nothing generated names a package the user does not own.
    for (const name of ["runtime", "canonical", "example", "other"]) {
      const files = readdirSync(join(project, "generated", name), { recursive: true, withFileTypes: true });
      for (const file of files.filter((entry) => entry.isFile()))
        expect(readFileSync(join(file.parentPath, file.name), "utf8")).not.toContain("@customer-adapters/");
    }
    expect(existsSync(join(project, "generated/other/dist/index.js"))).toBe(true);
    // Each file names the command that regenerates it here, and each README the workspace line that links it.
    expect(readFileSync(join(project, "generated/other/src/index.ts"), "utf8")).toContain(
      "Do not edit by hand: change the spec and run `npx --no-install customer-adapters generate`.",
    );
    const readme = readFileSync(join(project, "generated/other/README.md"), "utf8");
    expect(readme).toContain('"workspaces": ["generated/*"]');
    expect(readme).not.toMatch(/npm install @/);
    const cache = join(project, "node_modules/customer-adapters/node_modules/.cache/customer-adapters");
    expect(readdirSync(cache).filter((name) => /^generate-[0-9a-f]{16}\.json$/.test(name))).toHaveLength(1);
    expect(existsSync(join(project, "generated/runtime/dist/index.d.ts"))).toBe(true);

    const again = cliOk("generate", "--check");
    expect(again.stdout).toMatch(/^generated\/ is up to date with specs\/ \(\d+ files, 3 packages\)$/m);
  }, 240_000);

  it("links the packages as npm workspaces with no registry asked for them, and runs the README's app", () => {
    const manifest = JSON.parse(readFileSync(join(project, "package.json"), "utf8")) as Record<string, unknown>;
    writeFileSync(join(project, "package.json"), JSON.stringify({ ...manifest, workspaces: ["generated/*"] }));
    // msw for the README's msw example, as a user who tests with it installs it.
    ok("npm", [
      "install",
      "--no-audit",
      "--no-fund",
      "--prefer-offline",
      "--save-dev",
      `msw@${rootManifest.devDependencies.msw}`,
    ]);
    const lock = readFileSync(join(project, "package-lock.json"), "utf8");
    expect(lock).toContain(
      '"node_modules/@acme/runtime": {\n      "resolved": "generated/runtime",\n      "link": true',
    );

    const readme = readFileSync(join(project, "node_modules/customer-adapters/README.md"), "utf8");
    writeFileSync(join(project, "app.ts"), readmeApp(readme));
    const compilerOptions = { ...STRICT_APP_OPTIONS, lib: ["es2022", "dom"], outDir: "out" };
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["app.ts"] }));
    const compiled = run(process.execPath, [tsc, "-p", "tsconfig.json"]);
    expect(compiled.stdout + compiled.stderr).toBe("");
    const app = ok(process.execPath, ["out/app.js"]);
    expect(app.stdout).toMatch(
      /^POST https:\/\/api\.example\.test\/v1\/customers\ncreated \S+\ncreated \S+ through msw\n$/,
    );
  }, 240_000);

  it("serves a vendor's mock on 127.0.0.1 with `customer-adapters mock`, stopped by SIGTERM", async () => {
    const bin = join(project, "node_modules/customer-adapters/generator/run.mjs");
    const child = spawn(process.execPath, [bin, "mock", "example"], { cwd: project, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    try {
      for (let waited = 0; !/POST (http:\/\/127\.0\.0\.1:\d+\/customers)/.test(stdout); waited += 100) {
        if (waited > 60_000 || child.exitCode !== null)
          throw new Error(`the mock never started:\n${stdout}\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const url = /POST (\S+)/.exec(stdout)?.[1] as string;
      // No credentials: the vendor's stand-in refuses as the vendor would.
      const reply = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      expect(reply.status).toBe(401);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  }, 120_000);

  it("gives the app what a spec edit generates, with no other step", () => {
    const spec = join(project, "specs/example.yaml");
    writeFileSync(
      spec,
      readFileSync(spec, "utf8").replace("https://api.example.test/v1", "https://api.example.test/v2"),
    );
    const regenerated = cliOk("generate");
    expect(regenerated.stdout).toMatch(/^built 1 package into dist\/ \(example\) in \d+ ms$/m);
    expect(ok(process.execPath, ["out/app.js"]).stdout).toMatch(/^POST https:\/\/api\.example\.test\/v2\/customers\n/);
    // build rebuilds only what changed: here nothing.
    expect(cliOk("build").stdout).not.toMatch(/built into/);
  }, 240_000);

  it("refuses a dist/ older than its sources and a package made for another runtime, each in one line", () => {
    const index = join(project, "generated/other/src/index.ts");
    const source = readFileSync(index, "utf8");
    writeFileSync(index, `${source}// an edit\n`);
    const stale = cli("generate", "--check");
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(
      /^stale {4}generated\/other\/dist \(not built from its src\/; run `customer-adapters build`\)$/m,
    );
    writeFileSync(index, source);

    const file = join(project, "generated/other/package.json");
    const manifest = readFileSync(file, "utf8");
    writeFileSync(file, manifest.replace(/"@acme\/runtime": "[^"]+"/, '"@acme/runtime": "0.9.0"'));
    const build = cli("build");
    expect([build.status, build.stderr]).toEqual([
      2,
      `customer-adapters build: generated/other was generated for @acme/runtime 0.9.0, but generated/runtime is ${runtimeVersion}: run \`customer-adapters generate\` (see \`customer-adapters build --help\`)\n`,
    ]);
    writeFileSync(file, manifest);
  }, 120_000);

  it("types the config with defineConfig: a wrong value fails to compile", () => {
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
    writeFileSync(join(project, "good.config.ts"), config);
    expect(check("good.config.ts").status).toBe(0);
    writeFileSync(join(project, "bad.config.ts"), config.replace('scope: "@acme"', 'scope: "@acme", outputs: ["zod"]'));
    const bad = check("bad.config.ts");
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toMatch(
      /bad\.config\.ts\(\d+,\d+\): error TS2322: Type '"zod"' is not assignable to type 'OutputKind'/,
    );
  }, 120_000);

  it("lints the project's specs, and refuses a usage error in one line, exit 2", () => {
    // The starter's example follows every rule the lint has, however many there are.
    expect(cliOk("lint").stdout).toMatch(/^lint: 2 vendor specs follow all \d+ rules\n$/);
    const usage = cli("generate", "--specs", "nowhere");
    expect([usage.status, usage.stderr]).toEqual([
      2,
      "customer-adapters generate: no specs folder `nowhere` (see `customer-adapters generate --help`)\n",
    ]);
  });
});
