/**
 * `npm run generate`: the generator behind a cache, so that a run with
 * nothing to do costs milliseconds instead of loading TypeScript, ts-morph,
 * ajv and prettier (seconds). Plain JavaScript on purpose: it must answer
 * before any TypeScript tooling is loaded.
 *
 * After every successful run it records, outside the repository tree
 * (node_modules/.cache/customer-adapters/), a hash of everything the output
 * depends on (the specs folder, the generator's sources and templates, the
 * lock file) and the size, modification time and hash of each file in the
 * output folder. When the inputs
 * hash the same and every output file is still the bytes recorded (so a hand
 * edit in generated/ is still caught), the answer is known: `--check` reports
 * up to date and `generate` has nothing to write. Anything else (no cache, a
 * changed input, an edited, missing or extra output file, `--no-cache`, an
 * unknown option) runs the generator itself (generator/cli.ts, through tsx).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL("../", import.meta.url));
/** What the output depends on besides the specs. */
const GENERATOR_INPUTS = ["generator", "templates", "package.json", "package-lock.json"];

/** Every file under `path` (or `path` itself), relative to `base`, sorted; build output and dependencies left out. */
function listFiles(path, base = path) {
  if (!existsSync(path)) return [];
  const entries = readdirSync(path, { withFileTypes: true });
  return entries
    .flatMap((entry) => {
      const full = join(path, entry.name);
      if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "dist" ? [] : listFiles(full, base);
      return entry.isFile() ? [relative(base, full).split(sep).join("/")] : [];
    })
    .sort();
}

const hashBytes = (bytes) => createHash("sha256").update(bytes).digest("hex");

/** One hash over the paths and bytes of every file the output depends on. */
function inputsHash(specsDir) {
  const hash = createHash("sha256");
  const add = (file, label) => hash.update(`${label}\0`).update(readFileSync(file)).update("\0");
  for (const input of GENERATOR_INPUTS) {
    const path = join(root, input);
    if (!existsSync(path)) continue;
    if (statSync(path).isDirectory()) for (const file of listFiles(path)) add(join(path, file), `${input}/${file}`);
    else add(path, input);
  }
  for (const file of listFiles(specsDir)) add(join(specsDir, file), `specs/${file}`);
  return hash.digest("hex");
}

/** Size, modification time and hash of each file now in the output folder. */
function outputRecords(outDir) {
  return Object.fromEntries(
    listFiles(outDir).map((file) => {
      const path = join(outDir, file);
      const { size, mtimeMs } = statSync(path);
      return [file, { size, mtimeMs, hash: hashBytes(readFileSync(path)) }];
    }),
  );
}

/**
 * Whether the output folder holds exactly the recorded files and bytes. As
 * git does for its index, a file whose size and modification time are as
 * recorded is taken as unchanged; any other is read and hashed.
 */
function sameOutputs(outDir, recorded) {
  const files = listFiles(outDir);
  const expected = Object.keys(recorded);
  if (files.length !== expected.length) return false;
  return files.every((file, index) => {
    const record = recorded[file];
    if (file !== expected[index] || !record) return false;
    const path = join(outDir, file);
    const { size, mtimeMs } = statSync(path);
    if (size !== record.size) return false;
    return mtimeMs === record.mtimeMs || hashBytes(readFileSync(path)) === record.hash;
  });
}

function parse(args) {
  try {
    const { values } = parseArgs({
      args,
      options: {
        check: { type: "boolean", default: false },
        specs: { type: "string", default: "specs" },
        out: { type: "string", default: "generated" },
        "no-cache": { type: "boolean", default: false },
      },
    });
    return values;
  } catch {
    return undefined;
  }
}

const args = process.argv.slice(2);
const options = parse(args);
const cacheDir = process.env.CUSTOMER_ADAPTERS_CACHE ?? join(root, "node_modules/.cache/customer-adapters");

if (options && !options["no-cache"]) {
  const specsDir = resolve(options.specs);
  const outDir = resolve(options.out);
  const manifestFile = join(cacheDir, `generate-${hashBytes(`${specsDir}\0${outDir}`).slice(0, 16)}.json`);
  const inputs = existsSync(specsDir) ? inputsHash(specsDir) : undefined;
  const manifest = inputs && existsSync(manifestFile) ? readManifest(manifestFile) : undefined;
  if (manifest && manifest.inputs === inputs && sameOutputs(outDir, manifest.outputs)) {
    const count = Object.keys(manifest.outputs).length;
    console.log(
      options.check
        ? `${options.out}/ is up to date with ${options.specs}/ (${count} files, ${manifest.packages} packages)`
        : `${options.out}/ is already what ${options.specs}/ gives (${count} files, ${manifest.packages} packages): nothing to write`,
    );
    process.exit(0);
  }
  const code = await runGenerator(args);
  if (code === 0 && inputs && inputs === inputsHash(specsDir)) {
    const outputs = outputRecords(outDir);
    const packages = new Set(Object.keys(outputs).map((file) => file.split("/")[0])).size;
    mkdirSync(cacheDir, { recursive: true });
    // Written aside and renamed, so that a concurrent run never reads half a manifest.
    writeFileSync(`${manifestFile}.${process.pid}`, JSON.stringify({ inputs, packages, outputs }));
    renameSync(`${manifestFile}.${process.pid}`, manifestFile);
  }
  process.exitCode = code;
} else {
  process.exitCode = await runGenerator(args);
}

/** A manifest, or undefined when the file is not one (a corrupt cache is an empty cache). */
function readManifest(file) {
  try {
    const manifest = JSON.parse(readFileSync(file, "utf8"));
    return typeof manifest.inputs === "string" && manifest.outputs && typeof manifest.outputs === "object" ? manifest : undefined;
  } catch {
    return undefined;
  }
}

async function runGenerator(cliArgs) {
  const { tsImport } = await import("tsx/esm/api");
  const { runCli } = await tsImport("./cli.ts", import.meta.url);
  return runCli(cliArgs);
}
