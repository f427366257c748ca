import { existsSync, realpathSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { isSpecFailure } from "./core/spec-error.js";
import { generate } from "./pipeline.js";
import { compareTree, outDirRefusal, writeTree } from "./write/write-tree.js";

const usage = "usage: npm run generate -- [--check] [--specs <dir>] [--out <dir>] [--no-cache]";

async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      check: { type: "boolean", default: false },
      specs: { type: "string", default: "specs" },
      out: { type: "string", default: "generated" },
      help: { type: "boolean", default: false },
      // Read by generator/run.mjs, which answers from its cache unless told not to.
      "no-cache": { type: "boolean", default: false },
      // Given by generator/run.mjs: the packages whose inputs or files changed since its last run; the others are left as they are.
      only: { type: "string" },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const specsDir = resolve(values.specs);
  const outDir = resolve(values.out);
  const refusal = values.check ? undefined : outDirRefusal(outDir, values.out);
  if (refusal !== undefined) {
    console.error(refusal);
    return 2;
  }
  // Paths in banners are relative to the folder that holds specs/, whatever the working directory.
  const only = values.only?.split(",").filter(Boolean);
  const { models, files } = await generate(specsDir, dirname(specsDir), only && new Set(only));
  const scope = only ? ` (${only.length === 1 ? "the package" : "the packages"} whose inputs or files changed since the last run: ${only.join(", ")})` : "";

  if (values.check) {
    const { stale, missing, extra } = compareTree(outDir, files, only);
    const problems = [
      ...stale.map((path) => `stale    ${values.out}/${path}`),
      ...missing.map((path) => `missing  ${values.out}/${path}`),
      ...extra.map((path) => `extra    ${values.out}/${path}`),
    ];
    if (problems.length === 0) {
      console.log(only ? `${values.out}/ is up to date with ${values.specs}/${scope}` : `${values.out}/ is up to date with ${values.specs}/ (${files.length} files, ${models.length} packages)`);
      return 0;
    }
    console.error(`${values.out}/ is not what ${values.specs}/ gives; run \`npm run generate\`:\n${problems.join("\n")}`);
    return 1;
  }

  writeTree(outDir, files, only);
  for (const model of models) {
    const own = files.filter((file) => file.path.startsWith(`${model.slug}/`));
    const bytes = own.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0);
    console.log(`${model.slug.padEnd(10)} ${own.length} files, ${(bytes / 1024).toFixed(1)} KiB  from ${model.specFile}`);
  }
  console.log(`generated ${models.length} ${models.length === 1 ? "package" : "packages"}, ${files.length} files into ${values.out}/${scope}`);
  return 0;
}

/** Runs the generator on command-line arguments; resolves to the exit code. Every failure is a message, never a stack trace. */
export function runCli(args: string[]): Promise<number> {
  return main(args).catch((error: unknown) => {
    if (isSpecFailure(error)) console.error(error.message);
    else if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))
      console.error(`${error.message}\n${usage}`);
    else console.error(`generate: internal error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  });
}

// Run directly (`tsx generator/cli.ts`) or imported by generator/run.mjs, which calls runCli itself.
const entry = process.argv[1];
if (entry !== undefined && existsSync(entry) && realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url)))
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
