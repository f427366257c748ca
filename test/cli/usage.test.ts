// One parser and one help style for every command: --help, -h and --version exit 0; every usage error is
// one line and exit 2, never a stack trace; an internal failure is one line unless --debug asks for the stack.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeScratch, repoRoot, runCommand, scratchCopy } from "../helpers/cli.js";

afterAll(removeScratch);

const COMMANDS = ["generate", "review", "lint", "mock", "build", "init"];
const { version } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string };

describe("help and version", () => {
  it.each(
    COMMANDS.flatMap((command) => [
      [command, "--help"],
      [command, "-h"],
    ]),
  )("%s %s prints the command's usage and exits 0", (command, flag) => {
    const result = runCommand([command, flag]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^usage: customer-adapters ${command} \\[options\\]`));
    expect(result.stdout).toMatch(/^ {2}-h, --help +show this help and exit$/m);
    expect(result.stdout).toMatch(/^ {2}--debug +show internal stack traces on failure$/m);
    expect(result.stderr).toBe("");
  });

  it.each([...COMMANDS.map((command) => [command]), []])("%s --version prints the version", (...command) => {
    const result = runCommand([...command, "--version"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${version}\n`);
  });

  it("lists every command in the top-level help", () => {
    const result = runCommand(["--help"]);
    expect(result.status).toBe(0);
    for (const command of COMMANDS) expect(result.stdout).toMatch(new RegExp(`^ {2}${command} +\\S`, "m"));
  });
});

describe("usage errors", () => {
  const dir = scratchCopy("specs/canonical", "specs/canonical");
  mkdirSync(join(dir, "empty"));
  mkdirSync(join(dir, "badconfig"));
  writeFileSync(
    join(dir, "badconfig/customer-adapters.config.json"),
    '{\n  "specs": "specs",\n  "outputs": ["types", "zod"]\n}\n',
  );
  // A JSON config with a syntax error, some packages to mock, a specs folder with a vendor, a file where a folder goes.
  mkdirSync(join(dir, "jsonconfig"));
  writeFileSync(join(dir, "jsonconfig/customer-adapters.config.json"), '{\n  "specs": "specs",\n  "out": "out"\n');
  for (const slug of ["canonical", "jtl", "mollie"]) {
    mkdirSync(join(dir, "out", slug), { recursive: true });
    writeFileSync(join(dir, "out", slug, "package.json"), "{}\n");
  }
  cpSync(join(dir, "specs"), join(dir, "withvendor"), { recursive: true });
  writeFileSync(join(dir, "withvendor/mollie.yaml"), "openapi: 3.1.0\n");
  writeFileSync(join(dir, "afile"), "not a folder\n");
  mkdirSync(join(dir, "badmodule"));
  writeFileSync(join(dir, "badmodule/customer-adapters.config.mjs"), "export default {\n");
  const cases: [string[], string, RegExp][] = [
    [
      [],
      ".",
      /^customer-adapters: no command given \(commands: generate, review, lint, check, mock, build, init; see `customer-adapters --help`\)$/,
    ],
    [["frob"], ".", /^customer-adapters: unknown command `frob` \(commands: /],
    [["generat"], ".", /^customer-adapters: unknown command `generat` \(did you mean `generate`\?\) \(commands: /],
    [
      ["generate", "--chek"],
      ".",
      /^customer-adapters generate: unknown option --chek \(did you mean `--check`\?\) \(see `customer-adapters generate --help`\)$/,
    ],
    [
      ["generate", "--specs", "withvendor", "--only", "molie"],
      ".",
      /^customer-adapters generate: --only molie: no spec `molie` in withvendor\/ \(did you mean `mollie`\?\); the specs: canonical, mollie /,
    ],
    [["generate"], "jsonconfig", /^customer-adapters\.config\.json:4:1 \/: JSON: CloseBraceExpected$/],
    [["generate"], "badmodule", /^customer-adapters\.config\.mjs: the config does not parse: \S/],
    [["review", "--base-dir", "/missing"], ".", /^customer-adapters review: --base-dir: no folder `\/missing` /],
    [["review", "--base-dir", "afile"], ".", /^customer-adapters review: --base-dir: no folder `afile` /],
    [
      ["review", "--base-dir", "specs", "--out", "afile"],
      ".",
      /^customer-adapters review: --out afile is a file, not a folder /,
    ],
    [["build", "--out", "afile"], ".", /^customer-adapters build: --out afile is a file, not a folder /],
    [["mock", "jtl", "--out", "afile"], ".", /^customer-adapters mock: --out afile is a file, not a folder /],
    [["init", "afile"], ".", /^customer-adapters init: <dir> afile is a file, not a folder /],
    [
      ["generate", "--frob"],
      ".",
      /^customer-adapters generate: unknown option --frob \(see `customer-adapters generate --help`\)$/,
    ],
    [["generate", "-x"], ".", /^customer-adapters generate: unknown option -x /],
    [["generate", "--out"], ".", /^customer-adapters generate: option --out needs a value /],
    [["generate", "--check=yes"], ".", /^customer-adapters generate: option --check takes no value /],
    [["generate", "stray"], ".", /^customer-adapters generate: unexpected argument `stray` /],
    [["generate", "--specs", "nowhere"], ".", /^customer-adapters generate: no specs folder `nowhere` /],
    [["generate", "--specs", "empty"], ".", /^customer-adapters generate: no specs in `empty\/` /],
    [["generate", "--watch", "--check"], ".", /^customer-adapters generate: --watch and --check do not go together /],
    [
      ["generate", "--scope", "acme"],
      ".",
      /^customer-adapters generate: --scope must be an npm scope such as `@acme`, not `acme` /,
    ],
    [["generate", "--config", "missing.json"], ".", /^customer-adapters generate: no config file `missing.json` /],
    [
      ["generate"],
      "badconfig",
      /^customer-adapters\.config\.json:3:24 \/outputs\/1: unknown output kind "zod" \(expected one of types, /,
    ],
    [["lint", "--specs", "nowhere"], ".", /^customer-adapters lint: no specs folder `nowhere` /],
    [["lint", "--fix"], ".", /^customer-adapters lint: unknown option --fix /],
    [["review"], ".", /^customer-adapters review: give the base: --base <git-ref> or --base-dir <dir> /],
    [
      ["review", "--base", "main", "--base-dir", "specs"],
      ".",
      /^customer-adapters review: --base and --base-dir do not go together /,
    ],
    [
      ["review", "--base-dir", "specs", "--head-dir", "nowhere"],
      ".",
      /^customer-adapters review: no specs folder `nowhere` /,
    ],
    [["mock"], ".", /^customer-adapters mock: missing <slug> /],
    [
      ["mock", "jtl", "--port", "abc"],
      ".",
      /^customer-adapters mock: --port must be a port number \(0-65535\), not `abc` /,
    ],
    [
      ["mock", "jtl", "--port", "70000"],
      ".",
      /^customer-adapters mock: --port must be a port number \(0-65535\), not `70000` /,
    ],
    [
      ["mock", "nosuch", "--out", "nowhere"],
      ".",
      /^customer-adapters mock: no generated packages in `nowhere\/`; run `customer-adapters generate` first /,
    ],
    [
      ["mock", "molly", "--out", "out"],
      ".",
      /^customer-adapters mock: no generated package `molly` in `out\/` \(did you mean `mollie`\?\); the packages: jtl, mollie /,
    ],
    [
      ["mock", "storm", "--out", "out"],
      ".",
      /^customer-adapters mock: no generated package `storm` in `out\/`; the packages: jtl, mollie /,
    ],
    [
      ["build", "--out", "nowhere"],
      ".",
      /^customer-adapters build: no output folder `nowhere`; run `customer-adapters generate` first /,
    ],
    [["init", "a", "b"], ".", /^customer-adapters init: unexpected argument `b` /],
  ];

  it.each(cases)("%j is one line and exit 2", (args, cwd, message) => {
    const result = runCommand(args, { cwd: join(dir, cwd) });
    expect(result.stderr.trimEnd()).toMatch(message);
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
  });
});

describe("an internal failure", () => {
  const dir = scratchCopy("specs/canonical", "specs/canonical");
  writeFileSync(join(dir, "customer-adapters.config.mjs"), 'throw new Error("the config broke");\n');

  it("is one line without --debug, exit 1", () => {
    const result = runCommand(["generate"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("customer-adapters generate: internal error: the config broke (--debug shows where)\n");
  });

  it("shows the stack with --debug", () => {
    const result = runCommand(["generate", "--debug"], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^customer-adapters generate: internal error: the config broke\n/);
    expect(result.stderr).toMatch(/\n\s+at .*customer-adapters\.config\.mjs/);
  });
});
