// The runtime package in a user's output folder (config `runtime`): named in the user's own scope, never beside a spec of its name.
import { cpSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { removeScratch, repoRoot, runCommand, scratchCopy } from "../helpers/cli.js";

afterAll(removeScratch);

/** A project with init's starter specs and `config` as its customer-adapters.config.json. */
function project(config: object): string {
  const dir = scratchCopy("templates/init/specs");
  writeFileSync(join(dir, "customer-adapters.config.json"), JSON.stringify(config));
  return dir;
}

it("refuses, in one line, a config that writes the runtime without naming the scope", () => {
  const result = runCommand(["generate"], { cwd: project({ runtime: true }) });
  expect([result.status, result.stderr]).toEqual([
    2,
    "customer-adapters.config.json: set `scope` to your own npm scope (such as `@acme`): the packages and their runtime are named in it\n",
  ]);
});

it("refuses a spec whose package would take the runtime's folder or name, writing nothing", () => {
  const dir = project({ runtime: true, scope: "@acme" });
  cpSync(join(repoRoot, "templates/init/specs/example.yaml"), join(dir, "specs/runtime.yaml"));
  const result = runCommand(["generate"], { cwd: dir });
  expect([result.status, result.stderr]).toEqual([
    2,
    "customer-adapters generate: specs/runtime.yaml: `runtime` is the runtime package's name in generated/; rename the spec or name its package in the config's `names` (see `customer-adapters generate --help`)\n",
  ]);
  expect(existsSync(join(dir, "generated"))).toBe(false);
});
