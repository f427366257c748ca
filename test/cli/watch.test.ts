// `customer-adapters generate --watch` in a starter from `init` with a second vendor: a saved spec regenerates
// that package alone; a broken save prints its positioned error and leaves the output as it was; SIGTERM stops it.
import { spawn } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packagesFor } from "../../generator/cli/watch.js";
import { removeScratch, repoRoot, runCommand, scratchCopy, treeHash } from "../helpers/cli.js";

afterAll(removeScratch);

it("regenerates the one changed spec, keeps the last good output on an error, and stops on SIGTERM", async () => {
  const dir = scratchCopy("templates/init/customer-adapters.config.json", "customer-adapters.config.json");
  const refused = runCommand(["init"], { cwd: dir });
  expect([refused.status, refused.stderr]).toEqual([
    2,
    "customer-adapters init: `customer-adapters.config.json` exists already; init writes only new files (see `customer-adapters init --help`)\n",
  ]);
  const project = join(dir, "project");
  expect(runCommand(["init", project, "--scope", "@acme"]).status).toBe(0);
  const example = join(project, "specs/example.yaml");
  writeFileSync(
    join(project, "specs/other.yaml"),
    readFileSync(example, "utf8").replace("slug: example, name: Example", "slug: other, name: Other"),
  );

  const child = spawn(process.execPath, [join(repoRoot, "generator/run.mjs"), "generate", "--watch", "--no-format"], {
    cwd: project,
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  /** Waits (at most 90 s) until `read()` matches `pattern`. */
  const waitFor = async (read: () => string, pattern: RegExp) => {
    for (let waited = 0; !pattern.test(read()); waited += 100) {
      if (waited > 90_000 || child.exitCode !== null) throw new Error(`never saw ${pattern}:\n${stdout}\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  try {
    await waitFor(() => stderr, /^watch: watching specs \(Ctrl-C stops\)$/m);
    expect(stdout).toMatch(/^generated 3 packages, \d+ files into generated\/$/m);
    const otherTypes = join(project, "generated/other/src/types.ts");
    const untouched = [otherTypes, join(project, "generated/canonical/src/types.ts")].map(
      (file) => statSync(file).mtimeMs,
    );

    writeFileSync(example, readFileSync(example, "utf8").replace("maxLength: 100", "maxLength: 120"));
    await waitFor(() => stdout, /^generated 1 package, \d+ files into generated\/ \(the changed spec: example\)$/m);
    expect(readFileSync(join(project, "generated/example/src/types.ts"), "utf8")).toContain("@maxLength 120");
    expect(
      [otherTypes, join(project, "generated/canonical/src/types.ts")].map((file) => statSync(file).mtimeMs),
    ).toEqual(untouched);

    const good = treeHash(join(project, "generated"));
    writeFileSync(example, readFileSync(example, "utf8").replace("maxLength: 120", "maxLength: -1"));
    await waitFor(() => stderr, /the output is left as the last good run made it/);
    expect(stderr).toMatch(
      /^specs\/example\.yaml:\d+:\d+ \/components\/schemas\/NewCustomer\/properties\/name\/minLength: minLength 1 is greater than maxLength -1/m,
    );
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(treeHash(join(project, "generated"))).toBe(good);
  } finally {
    child.kill("SIGTERM");
  }
  expect(await exited).toBe(0);
  expect(stderr).toMatch(/^watch: stopped$/m);
}, 180_000);

describe("which packages a batch of saves calls for", () => {
  const specs = join(repoRoot, "specs");
  it.each([
    [["jtl.yaml"], ["jtl"]],
    [
      ["storm.yaml", "jtl.yaml", "jtl.yaml"],
      ["jtl", "storm"],
    ],
    [[".jtl.yaml.swp", "4913"], []],
    [["jtl.yaml", "canonical/customer.yaml"], undefined],
    [["removed.yaml"], undefined],
  ])("%j: %j", (changed, packages) => {
    expect(packagesFor(changed, specs)).toEqual(packages);
  });
});
