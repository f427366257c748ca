import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { isSpecFailure } from "./load/spec-error.js";
import { generate } from "./pipeline.js";
import { compareTree, writeTree } from "./write/write-tree.js";

const usage = "usage: npm run generate -- [--check] [--specs <dir>] [--out <dir>]";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      check: { type: "boolean", default: false },
      specs: { type: "string", default: "specs" },
      out: { type: "string", default: "generated" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const specsDir = resolve(values.specs);
  const outDir = resolve(values.out);
  // Paths in banners are relative to the folder that holds specs/, whatever the working directory.
  const { models, files } = await generate(specsDir, dirname(specsDir));

  if (values.check) {
    const { stale, missing, extra } = compareTree(outDir, files);
    const problems = [
      ...stale.map((path) => `stale    ${values.out}/${path}`),
      ...missing.map((path) => `missing  ${values.out}/${path}`),
      ...extra.map((path) => `extra    ${values.out}/${path}`),
    ];
    if (problems.length === 0) {
      console.log(`${values.out}/ is up to date with ${values.specs}/ (${files.length} files, ${models.length} packages)`);
      return 0;
    }
    console.error(`${values.out}/ is not what ${values.specs}/ gives; run \`npm run generate\`:\n${problems.join("\n")}`);
    return 1;
  }

  writeTree(outDir, files);
  for (const model of models) {
    const own = files.filter((file) => file.path.startsWith(`${model.slug}/`));
    const bytes = own.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0);
    console.log(`${model.slug.padEnd(10)} ${own.length} files, ${(bytes / 1024).toFixed(1)} KiB  from ${model.specFile}`);
  }
  console.log(`generated ${models.length} packages, ${files.length} files into ${values.out}/`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (isSpecFailure(error)) console.error(error.message);
    else if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))
      console.error(`${error.message}\n${usage}`);
    else console.error(`generate: internal error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
