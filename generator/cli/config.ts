/**
 * customer-adapters.config.{json,mjs,ts}: found in the working directory (or
 * named with `--config`), validated, and merged under the command-line flags.
 * Every problem is a line: `file:line:column pointer: problem` for JSON,
 * `file: key.path: problem` for a module. Light on purpose: the generate
 * cache reads the config before any of the generator is loaded.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { OUTPUT_NAMES, type CustomerAdaptersConfig, type OutputKind } from "../config.js";
import { isSpecFailure } from "../core/spec-error.js";
import { shownPath, stringValue, UsageError, type Values } from "./args.js";

export const CONFIG_FILES = [
  "customer-adapters.config.json",
  "customer-adapters.config.mjs",
  "customer-adapters.config.ts",
];

const KEYS = ["specs", "out", "scope", "names", "outputs", "format", "runtime"] as const;
export const SCOPE_PATTERN = /^@[a-z0-9][a-z0-9._-]*$/;
const NAME = /^[a-z0-9][a-z0-9._-]*$/;

/** The options that say where the specs are, shared by the commands that read specs. */
export const CONFIG_OPTIONS = {
  config: {
    type: "string",
    value: "file",
    description: "the config file (default: customer-adapters.config.{json,mjs,ts} here, if any)",
  },
  specs: { type: "string", value: "dir", description: "the specs folder (default: the config's, else specs)" },
} as const;

/** A config file that says something wrong: one line per problem. */
export class ConfigError extends UsageError {
  override name = "ConfigError";
  override readonly positioned = true;
}

/** What the generator is told, after the config file and the flags. */
export interface ResolvedConfig {
  /** The config file read, relative to the working directory, if any. */
  file?: string;
  specs: string;
  out: string;
  scope?: string;
  names?: Record<string, string>;
  outputs?: OutputKind[];
  format: boolean;
  /** Whether the runtime package is written into the output folder, and the packages there built as they are written. */
  runtime: boolean;
}

type Path = (string | number)[];

/** The problems of a config value, each with the path of the key it is about. */
export function configProblems(config: unknown): { path: Path; problem: string }[] {
  if (config === null || typeof config !== "object" || Array.isArray(config))
    return [{ path: [], problem: "the config must be an object" }];
  const problems: { path: Path; problem: string }[] = [];
  const add = (path: Path, problem: string) => problems.push({ path, problem });
  const value = config as Record<string, unknown>;
  for (const key of Object.keys(value))
    if (!(KEYS as readonly string[]).includes(key)) add([key], `unknown key (expected one of ${KEYS.join(", ")})`);
  for (const key of ["specs", "out"] as const)
    if (key in value && (typeof value[key] !== "string" || value[key] === ""))
      add([key], "must be a folder name (a non-empty string)");
  if ("scope" in value && (typeof value.scope !== "string" || !SCOPE_PATTERN.test(value.scope)))
    add(["scope"], "must be an npm scope such as `@acme`");
  if ("names" in value) {
    const names = value.names;
    if (names === null || typeof names !== "object" || Array.isArray(names))
      add(["names"], "must map spec slugs to package names");
    else
      for (const [slug, name] of Object.entries(names))
        if (typeof name !== "string" || !NAME.test(name))
          add(["names", slug], "must be a package name (lower case, without the scope)");
  }
  if ("outputs" in value) {
    const outputs: unknown = value.outputs;
    if (!Array.isArray(outputs)) add(["outputs"], `must be a list of output kinds (${OUTPUT_NAMES.join(", ")})`);
    else
      outputs.forEach((kind: unknown, index) => {
        if (!OUTPUT_NAMES.includes(kind as OutputKind))
          add(
            ["outputs", index],
            `unknown output kind ${JSON.stringify(kind)} (expected one of ${OUTPUT_NAMES.join(", ")})`,
          );
        else if (outputs.indexOf(kind) !== index) add(["outputs", index], `${JSON.stringify(kind)} is listed twice`);
      });
  }
  for (const key of ["format", "runtime"] as const)
    if (key in value && typeof value[key] !== "boolean") add([key], "must be true or false");
  return problems;
}

/** `outputs[1]`, `names.jtl`: a key path as it is written in a module. */
const keyPath = (path: Path) =>
  path.map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? part : `.${part}`)).join("") ||
  "(the default export)";

/** A module config: its default export, TypeScript first transpiled beside it so that its own imports resolve. */
async function importConfig(file: string): Promise<unknown> {
  let target = file;
  if (file.endsWith(".ts")) {
    // ts-morph, a dependency already, carries TypeScript; loaded only for a .ts config.
    const { ts } = await import("ts-morph");
    const { outputText } = ts.transpileModule(readFileSync(file, "utf8"), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    target = join(dirname(file), `.${basename(file, ".ts")}.${process.pid}.mjs`);
    writeFileSync(target, outputText);
  }
  try {
    const module = (await import(pathToFileURL(target).href).catch((error: unknown) => {
      // A module that does not parse is the config's mistake (one line, exit 2); one that throws as it runs is not.
      if (error instanceof SyntaxError)
        throw new ConfigError(`${shownPath(file)}: the config does not parse: ${error.message}`);
      throw error;
    })) as { default?: unknown };
    if (!("default" in module))
      throw new ConfigError(`${shownPath(file)}: has no default export (\`export default defineConfig({ ... })\`)`);
    return module.default;
  } finally {
    if (target !== file) rmSync(target, { force: true });
  }
}

/** The config file's value, validated; `undefined` when there is none. */
export async function readConfig(
  cwd: string,
  explicit?: string,
): Promise<{ file: string; config: CustomerAdaptersConfig } | undefined> {
  const file = explicit
    ? resolve(cwd, explicit)
    : CONFIG_FILES.map((name) => join(cwd, name)).find((path) => existsSync(path));
  if (!file) return undefined;
  const shown = shownPath(file, cwd);
  if (!existsSync(file)) throw new UsageError(`no config file \`${explicit}\``);
  if (!/\.(json|mjs|ts)$/.test(file)) throw new UsageError(`\`${explicit}\`: a config file is .json, .mjs or .ts`);
  if (file.endsWith(".json")) {
    const text = readFileSync(file, "utf8");
    if (text.trim() === "") throw new ConfigError(`${shown}: the file is empty; expected a JSON object`);
    // A syntax error is JSON's, positioned by the JSON reader; the YAML reader (JSON is YAML) then keeps positions
    // and refuses a key given twice. Each is loaded only for a JSON config: the YAML reader is most of a no-op run's time.
    const { readJson } = await import("../load/read-json.js");
    const { readYaml } = await import("../load/read-yaml.js");
    let document: ReturnType<typeof readYaml>;
    try {
      readJson(shown, text);
      document = readYaml(shown, text);
    } catch (error) {
      if (isSpecFailure(error)) throw new ConfigError(error.message.split("\n")[0] ?? error.message);
      throw error;
    }
    const problems = configProblems(document.value);
    if (problems.length > 0)
      throw new ConfigError(
        problems
          .map(({ path, problem }) => {
            const at = document.locate(path.map((part) => `/${part}`).join(""));
            return `${at.file}:${at.line}:${at.column} ${at.pointer || "/"}: ${problem}`;
          })
          .join("\n"),
      );
    return { file: shown, config: document.value as CustomerAdaptersConfig };
  }
  const config = await importConfig(file);
  const problems = configProblems(config);
  if (problems.length > 0)
    throw new ConfigError(problems.map(({ path, problem }) => `${shown}: ${keyPath(path)}: ${problem}`).join("\n"));
  return { file: shown, config: config as CustomerAdaptersConfig };
}

/** The flags that override the config. */
export interface ConfigFlags {
  config?: string;
  specs?: string;
  out?: string;
  scope?: string;
  format?: boolean;
}

/** A `--scope` flag's value, or a UsageError. */
export function checkScopeFlag(scope: string): string {
  if (!SCOPE_PATTERN.test(scope))
    throw new UsageError(`--scope must be an npm scope such as \`@acme\`, not \`${scope}\``);
  return scope;
}

/** The config file under the flags; folders absolute (the config's relative to its own folder, the flags' to `cwd`). */
export async function resolveConfig(cwd: string, flags: ConfigFlags): Promise<ResolvedConfig> {
  if (flags.scope !== undefined) checkScopeFlag(flags.scope);
  const found = await readConfig(cwd, flags.config);
  const base = found ? dirname(resolve(cwd, found.file)) : cwd;
  const config = found?.config ?? {};
  const scope = flags.scope ?? config.scope;
  // Packages meant for a user's own registry are named in the user's scope: there is no default that may be someone else's.
  if (config.runtime && scope === undefined)
    throw new ConfigError(
      `${found?.file}: set \`scope\` to your own npm scope (such as \`@acme\`): the packages and their runtime are named in it`,
    );
  return {
    ...(found ? { file: found.file } : {}),
    specs: flags.specs !== undefined ? resolve(cwd, flags.specs) : resolve(base, config.specs ?? "specs"),
    out: flags.out !== undefined ? resolve(cwd, flags.out) : resolve(base, config.out ?? "generated"),
    ...(scope !== undefined ? { scope } : {}),
    ...(config.names ? { names: config.names } : {}),
    ...(config.outputs ? { outputs: config.outputs } : {}),
    format: flags.format ?? config.format ?? true,
    runtime: config.runtime ?? false,
  };
}

/** A specs folder that exists and holds specs, or a UsageError naming the folder. */
export function checkSpecsFolder(specs: string, cwd: string): void {
  const shown = shownPath(specs, cwd);
  if (!existsSync(specs)) throw new UsageError(`no specs folder \`${shown}\``);
  const hasSpecs =
    readdirNames(specs).some((name) => /\.(ya?ml|json)$/.test(name)) ||
    existsSync(join(specs, "canonical/customer.yaml"));
  if (!hasSpecs)
    throw new UsageError(`no specs in \`${shown}/\` (expected <slug>.yaml files and canonical/customer.yaml)`);
}

function readdirNames(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    throw new UsageError(`\`${dir}\` is not a folder`);
  }
}

/**
 * The config under a command's flags (those it has of --config, --specs,
 * --out, --scope, --no-format), its specs folder checked unless the command
 * reads no specs.
 */
export async function configFromValues(values: Values, { readsSpecs = true } = {}): Promise<ResolvedConfig> {
  const cwd = process.cwd();
  const flags: ConfigFlags = {};
  for (const name of ["config", "specs", "out", "scope"] as const) {
    const value = stringValue(values, name);
    if (value !== undefined) flags[name] = value;
  }
  if (values["no-format"]) flags.format = false;
  const config = await resolveConfig(cwd, flags);
  if (readsSpecs) checkSpecsFolder(config.specs, cwd);
  return config;
}
