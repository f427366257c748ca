// customer-adapters.config.{json,mjs,ts}: validated with positioned errors (json: file:line:column pointer;
// modules: the key path), folders relative to the config file, and flags over the config.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, configProblems, resolveConfig } from "../../generator/cli/config.js";
import { OUTPUT_NAMES } from "../../generator/config.js";
import { OUTPUT_NAMES as REGISTRY_NAMES } from "../../generator/emit/registry.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A folder holding one config file. */
function withConfig(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), "config-"));
  dirs.push(dir);
  writeFileSync(join(dir, name), content);
  return dir;
}

async function problem(dir: string): Promise<string> {
  const error = await resolveConfig(dir, {}).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as Error).message;
}

describe("the config's rules", () => {
  it("knows the registry's output kinds (the config module lists them without loading the emitters)", () => {
    expect(OUTPUT_NAMES).toEqual(REGISTRY_NAMES);
  });

  it("accepts every key with a good value", () => {
    const config = {
      specs: "api",
      out: "packages",
      scope: "@acme",
      names: { jtl: "jtl-wawi" },
      outputs: ["types", "validators"],
      format: false,
    };
    expect(configProblems(config)).toEqual([]);
  });

  it.each([
    [[], [{ path: [], problem: "the config must be an object" }]],
    [
      { spec: "x" },
      [{ path: ["spec"], problem: "unknown key (expected one of specs, out, scope, names, outputs, format, runtime)" }],
    ],
    [{ out: "" }, [{ path: ["out"], problem: "must be a folder name (a non-empty string)" }]],
    [{ scope: "acme" }, [{ path: ["scope"], problem: "must be an npm scope such as `@acme`" }]],
    [
      { names: { jtl: "JTL Wawi" } },
      [{ path: ["names", "jtl"], problem: "must be a package name (lower case, without the scope)" }],
    ],
    [
      { outputs: "types" },
      [
        {
          path: ["outputs"],
          problem:
            "must be a list of output kinds (types, operation, validators, standard-schema, mapper, fixtures, mock, msw)",
        },
      ],
    ],
    [{ outputs: ["types", "types"] }, [{ path: ["outputs", 1], problem: '"types" is listed twice' }]],
    [{ format: "yes" }, [{ path: ["format"], problem: "must be true or false" }]],
  ])("%j: %j", (config, problems) => {
    expect(configProblems(config)).toEqual(problems);
  });
});

describe("reading the config file", () => {
  it("positions a JSON config's problems at file:line:column with the pointer, one line each", async () => {
    const dir = withConfig("customer-adapters.config.json", '{\n  "scope": "acme",\n  "names": { "jtl": 7 }\n}\n');
    expect((await problem(dir)).split("\n")).toEqual([
      "customer-adapters.config.json:2:12 /scope: must be an npm scope such as `@acme`",
      "customer-adapters.config.json:3:21 /names/jtl: must be a package name (lower case, without the scope)",
    ]);
  });

  it("positions a JSON syntax error as JSON's, not YAML's", async () => {
    const dir = withConfig(
      "customer-adapters.config.json",
      '{\n  "specs": "specs",\n  "outputs": ["types" "mock"]\n}\n',
    );
    expect(await problem(dir)).toBe("customer-adapters.config.json:3:23 /: JSON: CommaExpected");
  });

  it("refuses a key given twice", async () => {
    const dir = withConfig("customer-adapters.config.json", '{\n  "specs": "specs",\n  "specs": "again"\n}\n');
    expect(await problem(dir)).toMatch(/^customer-adapters\.config\.json:3:3 \/: YAML: Map keys must be unique/);
  });

  it("names the key path in a module config", async () => {
    const dir = withConfig(
      "customer-adapters.config.mjs",
      'export default { outputs: ["types", "zod"], names: { jtl: "" } };\n',
    );
    expect((await problem(dir)).split("\n")).toEqual([
      "customer-adapters.config.mjs: names.jtl: must be a package name (lower case, without the scope)",
      'customer-adapters.config.mjs: outputs[1]: unknown output kind "zod" (expected one of types, operation, validators, standard-schema, mapper, fixtures, mock, msw)',
    ]);
  });

  it("reads a TypeScript config without a loader, its folders relative to the config's folder", async () => {
    const dir = withConfig(
      "customer-adapters.config.ts",
      'const out: string = "packages";\nexport default { specs: "api", out, format: false as boolean };\n',
    );
    const config = await resolveConfig(dir, {});
    expect(config).toEqual({
      file: "customer-adapters.config.ts",
      specs: join(dir, "api"),
      out: join(dir, "packages"),
      format: false,
      runtime: false,
    });
  });

  it("wants a default export", async () => {
    const dir = withConfig("customer-adapters.config.mjs", "export const config = {};\n");
    expect(await problem(dir)).toMatch(/customer-adapters\.config\.mjs: has no default export/);
  });

  it("is overridden by the flags, whose folders are relative to the working directory", async () => {
    const dir = withConfig(
      "customer-adapters.config.json",
      '{ "specs": "api", "out": "packages", "scope": "@acme", "format": true }',
    );
    const config = await resolveConfig(dir, { out: "elsewhere", scope: "@other", format: false });
    expect(config).toEqual({
      file: "customer-adapters.config.json",
      specs: join(dir, "api"),
      out: join(dir, "elsewhere"),
      scope: "@other",
      format: false,
      runtime: false,
    });
  });

  it("has defaults when there is no config file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "config-"));
    dirs.push(dir);
    expect(await resolveConfig(dir, {})).toEqual({
      specs: join(dir, "specs"),
      out: join(dir, "generated"),
      format: true,
      runtime: false,
    });
  });
});
