/**
 * `npm run generate`: the generator behind a cache, so that a run with
 * nothing to do costs milliseconds instead of loading TypeScript, ts-morph,
 * ajv and the formatter (seconds), and a run after one spec changed regenerates
 * that package only. Plain JavaScript on purpose: it must answer before any
 * TypeScript tooling is loaded.
 *
 * After every successful run it records, outside the repository tree
 * (node_modules/.cache/customer-adapters/), hashes of what the output depends
 * on (the generator's sources, templates and lock file; the specs every
 * package reads, i.e. the canonical customer and anything else in a
 * sub-folder; each vendor's spec) and the size, modification time and hash of
 * each output file. Then:
 * - same inputs, and every output file as recorded (a hand edit in
 *   generated/ is still caught): nothing to do;
 * - only some vendor specs changed or were added, or only some packages'
 *   files differ: the generator runs for those packages alone (`--only`);
 * - anything else (no cache, a changed generator or shared spec, a removed
 *   spec, a spec that refers to another file, a stray output file,
 *   `--no-cache`, an unknown option): the generator runs in full.
 * The generator itself is generator/cli.ts, run through tsx.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL("../", import.meta.url));
/** What the output depends on besides the specs. */
const GENERATOR_INPUTS = ["generator", "templates", "packages/runtime", "package.json", "package-lock.json"];
/** A vendor's own spec: a YAML file at the top of the specs folder (everything in sub-folders is read by every package). */
const VENDOR_SPEC = /^[^/]+\.ya?ml$/;
const CANONICAL_SPEC = "canonical/customer.yaml";
/** A `$ref` to another file: such a spec depends on more than itself, so a change runs everything. */
const CROSS_FILE_REF = /\$ref["']?\s*:\s*["']?[^"'#\s]+\.(ya?ml|json)/;

/** Every file under `path` (or `path` itself), relative to `base`, sorted; build output and dependencies left out. */
function listFiles(path, base = path) {
  if (!existsSync(path)) return [];
  const entries = readdirSync(path, { withFileTypes: true });
  return entries
    .flatMap((entry) => {
      const full = join(path, entry.name);
      if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "dist" ? [] : listFiles(full, base);
      // The generator's marker (generator/write/write-tree.ts) is no package's file.
      return entry.isFile() && entry.name !== ".customer-adapters-generated" ? [relative(base, full).split(sep).join("/")] : [];
    })
    .sort();
}

const hashBytes = (bytes) => createHash("sha256").update(bytes).digest("hex");

/** What the output depends on, as hashes. */
function readInputs(specsDir) {
  const generator = createHash("sha256");
  const addFile = (hash, file, label) => hash.update(`${label}\0`).update(readFileSync(file)).update("\0");
  for (const input of GENERATOR_INPUTS) {
    const path = join(root, input);
    if (!existsSync(path)) continue;
    if (statSync(path).isDirectory()) for (const file of listFiles(path)) addFile(generator, join(path, file), `${input}/${file}`);
    else addFile(generator, path, input);
  }
  const shared = createHash("sha256");
  const vendors = {};
  let crossFile = false;
  for (const file of listFiles(specsDir)) {
    const path = join(specsDir, file);
    if (!VENDOR_SPEC.test(file)) {
      addFile(shared, path, file);
      continue;
    }
    const bytes = readFileSync(path);
    vendors[file.replace(/\.ya?ml$/, "")] = hashBytes(bytes);
    crossFile ||= CROSS_FILE_REF.test(bytes.toString("utf8"));
  }
  return { generator: generator.digest("hex"), shared: shared.digest("hex"), vendors, crossFile, canonical: existsSync(join(specsDir, CANONICAL_SPEC)) };
}

/** Size, modification time and hash of each file now in the output folder; a file whose stat is as `previous` recorded keeps its hash unread. */
function outputRecords(outDir, previous = {}) {
  return Object.fromEntries(
    listFiles(outDir).map((file) => {
      const path = join(outDir, file);
      const { size, mtimeMs } = statSync(path);
      const known = previous[file];
      const hash = known && known.size === size && known.mtimeMs === mtimeMs ? known.hash : hashBytes(readFileSync(path));
      return [file, { size, mtimeMs, hash }];
    }),
  );
}

/**
 * The packages whose files are not as recorded, or undefined when a file
 * belongs to no package. As git does for its index, a file whose size and
 * modification time are as recorded is taken as unchanged; any other is
 * read and hashed.
 */
function differingPackages(outDir, recorded, packages) {
  const differing = new Set();
  const onDisk = listFiles(outDir);
  for (const file of onDisk) {
    const name = file.split("/")[0];
    if (!packages.has(name)) return undefined;
    const record = recorded[file];
    const path = join(outDir, file);
    const { size, mtimeMs } = record ? statSync(path) : {};
    if (!record || size !== record.size || (mtimeMs !== record.mtimeMs && hashBytes(readFileSync(path)) !== record.hash)) differing.add(name);
  }
  const present = new Set(onDisk);
  for (const file of Object.keys(recorded)) if (!present.has(file)) differing.add(file.split("/")[0]);
  return differing;
}

/** What this run must do: nothing, some packages, or everything. */
function plan(manifest, inputs, outDir) {
  if (!manifest || manifest.generator !== inputs.generator || manifest.shared !== inputs.shared || inputs.crossFile) return { full: true };
  if (Object.keys(manifest.vendors).some((slug) => !(slug in inputs.vendors))) return { full: true };
  const packages = new Set([...(inputs.canonical ? ["canonical"] : []), ...Object.keys(inputs.vendors)]);
  const differing = differingPackages(outDir, manifest.outputs, packages);
  if (!differing) return { full: true };
  for (const [slug, hash] of Object.entries(inputs.vendors)) if (manifest.vendors[slug] !== hash) differing.add(slug);
  return { only: [...differing].sort(), packages: packages.size };
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

// A reader that stops early (`npm run generate | head`) is no failure of the run, and no reason for a stack trace.
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") throw error;
});

const args = process.argv.slice(2);
const options = parse(args);
const cacheDir = process.env.CUSTOMER_ADAPTERS_CACHE ?? join(root, "node_modules/.cache/customer-adapters");

if (options && !options["no-cache"]) {
  const specsDir = resolve(options.specs);
  const outDir = resolve(options.out);
  const manifestFile = join(cacheDir, `generate-${hashBytes(`${specsDir}\0${outDir}`).slice(0, 16)}.json`);
  const inputs = existsSync(specsDir) ? readInputs(specsDir) : undefined;
  const manifest = inputs && existsSync(manifestFile) ? readManifest(manifestFile) : undefined;
  const todo = inputs ? plan(manifest, inputs, outDir) : { full: true };
  if (todo.only?.length === 0) {
    const count = Object.keys(manifest.outputs).length;
    console.log(
      options.check
        ? `${options.out}/ is up to date with ${options.specs}/ (${count} files, ${todo.packages} packages)`
        : `${options.out}/ is already what ${options.specs}/ gives (${count} files, ${todo.packages} packages): nothing to write`,
    );
    process.exit(0);
  }
  const code = await runGenerator(todo.only ? [...args, "--only", todo.only.join(",")] : args);
  if (code === 0 && inputs && JSON.stringify(readInputs(specsDir)) === JSON.stringify(inputs)) {
    const { generator, shared, vendors } = inputs;
    const outputs = outputRecords(outDir, manifest?.outputs);
    mkdirSync(cacheDir, { recursive: true });
    // Written aside and renamed, so that a concurrent run never reads half a manifest.
    writeFileSync(`${manifestFile}.${process.pid}`, JSON.stringify({ generator, shared, vendors, outputs }));
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
    const objects = [manifest.vendors, manifest.outputs].every((value) => value !== null && typeof value === "object");
    return typeof manifest.generator === "string" && typeof manifest.shared === "string" && objects ? manifest : undefined;
  } catch {
    return undefined;
  }
}

async function runGenerator(cliArgs) {
  const { tsImport } = await import("tsx/esm/api");
  const { runCli } = await tsImport("./cli.ts", import.meta.url);
  return runCli(cliArgs);
}
