// `customer-adapters generate --watch` in a starter from `init` with a second vendor: a saved spec regenerates
// that package alone; a broken save prints its positioned error and leaves the output as it was; SIGTERM stops it;
// a save during the first run is not lost, and the first run answers from the generate cache.
import { spawn } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packagesFor } from "../../generator/cli/watch.js";
import { removeScratch, repoRoot, runCommand, scratchCopy, treeHash } from "../helpers/cli.js";

afterAll(removeScratch);

/** A starter from `init` with a second vendor, `other` (and `others` more after it): its project folder. */
function starter(others: string[] = []): string {
  // In a scratch folder (removed after the tests); the config copied there is not the project's.
  const project = join(scratchCopy("templates/init/customer-adapters.config.json", "unused.json"), "project");
  expect(runCommand(["init", project, "--scope", "@acme"]).status).toBe(0);
  const example = join(project, "specs/example.yaml");
  for (const slug of ["other", ...others])
    writeFileSync(
      join(project, `specs/${slug}.yaml`),
      readFileSync(example, "utf8").replace("slug: example, name: Example", `slug: ${slug}, name: ${slug}`),
    );
  return project;
}

/** `generate --watch` (plus `args`) started in `project`, its output gathered, and bounded waits on it. */
function startWatch(project: string, args: string[] = []) {
  const child = spawn(
    process.execPath,
    [join(repoRoot, "generator/run.mjs"), "generate", "--watch", "--no-format", ...args],
    { cwd: project },
  );
  const output = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  /** Waits (at most 90 s) until `read()` matches `pattern`. */
  const waitFor = async (read: () => string, pattern: RegExp) => {
    for (let waited = 0; !pattern.test(read()); waited += 100) {
      if (waited > 90_000 || child.exitCode !== null)
        throw new Error(`never saw ${pattern}:\n${output.stdout}\n${output.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return { child, output, exited, waitFor };
}

it("regenerates the one changed spec, keeps the last good output on an error, and stops on SIGTERM", async () => {
  const dir = scratchCopy("templates/init/customer-adapters.config.json", "customer-adapters.config.json");
  const refused = runCommand(["init"], { cwd: dir });
  expect([refused.status, refused.stderr]).toEqual([
    2,
    "customer-adapters init: `customer-adapters.config.json` exists already; init writes only new files (see `customer-adapters init --help`)\n",
  ]);
  const project = starter();
  const example = join(project, "specs/example.yaml");
  const { child, output, exited, waitFor } = startWatch(project);
  const stdout = () => output.stdout;
  const stderr = () => output.stderr;

  try {
    await waitFor(stderr, /^watch: watching specs \(Ctrl-C stops\)$/m);
    expect(stdout()).toMatch(/^generated 3 packages, \d+ files into generated\/$/m);
    const otherTypes = join(project, "generated/other/src/types.ts");
    const untouched = [otherTypes, join(project, "generated/canonical/src/types.ts")].map(
      (file) => statSync(file).mtimeMs,
    );

    // An editor's probe file alone calls for no run, and must not stop the watch from running on the next save.
    writeFileSync(join(project, "specs/4913"), "");
    await new Promise((resolve) => setTimeout(resolve, 500));
    writeFileSync(example, readFileSync(example, "utf8").replace("maxLength: 100", "maxLength: 120"));
    await waitFor(stdout, /^generated 1 package, \d+ files into generated\/ \(the changed spec: example\)$/m);
    expect(readFileSync(join(project, "generated/example/src/types.ts"), "utf8")).toContain("@maxLength 120");
    expect(
      [otherTypes, join(project, "generated/canonical/src/types.ts")].map((file) => statSync(file).mtimeMs),
    ).toEqual(untouched);

    const good = treeHash(join(project, "generated"));
    writeFileSync(example, readFileSync(example, "utf8").replace("maxLength: 120", "maxLength: -1"));
    await waitFor(stderr, /the output is left as the last good run made it/);
    expect(stderr()).toMatch(
      /^specs\/example\.yaml:\d+:\d+ \/components\/schemas\/NewCustomer\/properties\/name\/minLength: minLength 1 is greater than maxLength -1/m,
    );
    expect(stderr()).not.toMatch(/\n\s+at /);
    expect(treeHash(join(project, "generated"))).toBe(good);
  } finally {
    child.kill("SIGTERM");
  }
  expect(await exited).toBe(0);
  expect(stderr()).toMatch(/^watch: stopped$/m);
}, 180_000);

/**
 * A watch in a fresh starter, saved once its first run has emitted example and before that run has written anything:
 * its project, or undefined when the first run finished before the save (a machine too loaded to leave the window).
 */
async function saveDuringFirstRun(): Promise<string | undefined> {
  // Vendors after example keep the first run busy after it has emitted example.
  const project = starter(["other-2", "other-3", "other-4", "other-5", "other-6"]);
  const example = join(project, "specs/example.yaml");
  const types = join(project, "generated/example/src/types.ts");
  const first = startWatch(project, ["--progress"]);
  try {
    // Progress comes in the packages' order: canonical, example, other...
    await first.waitFor(() => first.output.stderr, /^\[2\/8\] example \d+ ms$/m);
    writeFileSync(example, readFileSync(example, "utf8").replace("maxLength: 100", "maxLength: 130"));
    if (/^generated /m.test(first.output.stdout)) return undefined;
    await first.waitFor(() => first.output.stderr, /^watch: watching specs \(Ctrl-C stops\)$/m);
    // The save is in the output without another save to wake the watch.
    for (let waited = 0; !readFileSync(types, "utf8").includes("@maxLength 130"); waited += 100) {
      if (waited > 90_000) throw new Error(`the save never landed:\n${first.output.stdout}\n${first.output.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    first.child.kill("SIGTERM");
  }
  expect(await first.exited).toBe(0);
  return project;
}

it("a save during the first run lands; the next watch's first run answers from the cache", async () => {
  // Up to three tries for a first run still going when the save comes; each try is bounded.
  let project: string | undefined;
  for (let attempt = 0; attempt < 3 && project === undefined; attempt++) project = await saveDuringFirstRun();
  if (project === undefined) throw new Error("three first runs in a row finished before the save: no window to test");
  const types = join(project, "generated/example/src/types.ts");
  const written = statSync(types).mtimeMs;
  const second = startWatch(project);
  try {
    await second.waitFor(() => second.output.stderr, /^watch: watching specs \(Ctrl-C stops\)$/m);
    expect(second.output.stdout).toMatch(
      /^generated\/ is already what specs\/ gives \(\d+ files, 8 packages\): nothing to write$/m,
    );
    expect(second.output.stdout).not.toMatch(/^generated \d+ package/m);
    expect(statSync(types).mtimeMs).toBe(written);
  } finally {
    second.child.kill("SIGTERM");
  }
  expect(await second.exited).toBe(0);
}, 240_000);

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
