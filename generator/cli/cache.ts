/**
 * The generate cache, so that a run with nothing to do costs milliseconds
 * instead of loading TypeScript, ts-morph, ajv and the formatter (seconds),
 * and a run after one spec changed regenerates that package only. Only node's
 * own modules here: it answers before any of the generator is loaded.
 *
 * After every successful run it records, outside the output tree
 * (node_modules/.cache/customer-adapters/), hashes of what the output depends
 * on (the generator's code, its runtime, templates and manifests, and the options that
 * shape the output; the specs every package reads, i.e. the canonical
 * customer and anything else in a sub-folder; each vendor's spec) and the
 * size, modification time and hash of each output file. Then:
 * - same inputs, and every output file as recorded (a hand edit in the
 *   output is still caught): nothing to do;
 * - only some vendor specs changed or were added, or only some packages'
 *   files differ: the generator runs for those packages alone (`only`);
 * - anything else (no cache, a changed generator, options or shared spec, a
 *   removed spec, a spec that refers to another file, a stray output file):
 *   the generator runs in full.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { OUT_MARKER } from "../write/write-tree.js";
import { AGGREGATE_SLUG, RUNTIME_FOLDER } from "../core/output-folders.js";

/** The generator's code: generator/ in a checkout, dist/generator/ once compiled. */
const codeDir = fileURLToPath(new URL("../", import.meta.url));
/** What holds the code, templates and package.json beside it: the repository, or dist/. */
const codeRoot = dirname(codeDir);
const packageRoot = basename(codeRoot) === "dist" ? dirname(codeRoot) : codeRoot;
/** What the output depends on besides the specs and the options. */
const GENERATOR_INPUTS = [
  codeDir,
  join(codeRoot, "templates"),
  join(codeRoot, "packages/runtime"),
  join(codeRoot, "package.json"),
  join(packageRoot, "package-lock.json"),
];
/**
 * A vendor's own files: a YAML or JSON file at the top of the specs folder, and the overlay beside it
 * (`<slug>.overlay.yaml`, hashed into the same package); everything in sub-folders is read by every package.
 */
const VENDOR_SPEC = /^[^/]+\.(ya?ml|json)$/;
/** A spec, or a file a spec's `$ref` may name. */
const SPEC_FILE = /\.(ya?ml|json)$/;
const vendorSlug = (file: string) => file.replace(/(\.overlay)?\.(ya?ml|json)$/, "");
const CANONICAL_SPEC = "canonical/customer.yaml";
/** A `$ref` to another file: such a spec depends on more than itself, so a change runs everything. */
const CROSS_FILE_REF = /\$ref["']?\s*:\s*["']?[^"'#\s]+\.(ya?ml|json)/;

interface OutputRecord {
  size: number;
  mtimeMs: number;
  hash: string;
}

export interface Inputs {
  generator: string;
  shared: string;
  vendors: Record<string, string>;
  crossFile: boolean;
  canonical: boolean;
}

interface Manifest {
  generator: string;
  shared: string;
  vendors: Record<string, string>;
  outputs: Record<string, OutputRecord>;
}

/**
 * What a run must do: nothing (`only` empty), some packages, or everything. `sound`: the specs whose inputs are
 * those of the recorded run, which checked them with this very generator (the canonical customer included).
 */
export type Plan = { full: true } | { only: string[]; packages: number; sound: string[] };

/** Every file under `path` (or `path` itself), relative to `base`, sorted; build output and dependencies left out. */
function listFiles(path: string, base = path): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [relative(base, path).split(sep).join("/")];
  return readdirSync(path, { withFileTypes: true })
    .flatMap((entry) => {
      const full = join(path, entry.name);
      if (entry.isDirectory())
        return entry.name === "node_modules" || entry.name === "dist" ? [] : listFiles(full, base);
      // The generator's marker (write/write-tree.ts) is no package's file.
      return entry.isFile() && entry.name !== OUT_MARKER ? [relative(base, full).split(sep).join("/")] : [];
    })
    .sort();
}

const hashBytes = (bytes: string | Buffer) => createHash("sha256").update(bytes).digest("hex");

const addFile = (hash: ReturnType<typeof createHash>, file: string, label: string) =>
  hash.update(`${label}\0`).update(readFileSync(file)).update("\0");

/** What the output of `specsDir` with `options` (anything that shapes the output, as JSON) depends on, as hashes. */
export function readInputs(specsDir: string, options: unknown): Inputs {
  const generator = createHash("sha256").update(JSON.stringify(options)).update("\0");
  for (const input of GENERATOR_INPUTS)
    for (const file of listFiles(input, codeRoot)) addFile(generator, join(codeRoot, file), file);
  return { generator: generator.digest("hex"), ...readSpecs(specsDir) };
}

/** The specs' part of the inputs. */
function readSpecs(specsDir: string): Omit<Inputs, "generator"> {
  const shared = createHash("sha256");
  const vendors: Record<string, string> = {};
  let crossFile = false;
  for (const file of listFiles(specsDir)) {
    // What no spec is (an editor's swap file, a README) shapes no output.
    if (!SPEC_FILE.test(file)) continue;
    const path = join(specsDir, file);
    if (!VENDOR_SPEC.test(file)) {
      addFile(shared, path, file);
      continue;
    }
    const bytes = readFileSync(path);
    const slug = vendorSlug(file);
    vendors[slug] = hashBytes(`${vendors[slug] ?? ""}\0${file}\0${hashBytes(bytes)}`);
    crossFile ||= CROSS_FILE_REF.test(bytes.toString("utf8"));
  }
  return {
    shared: shared.digest("hex"),
    vendors,
    crossFile,
    canonical: existsSync(join(specsDir, CANONICAL_SPEC)),
  };
}

/**
 * Size, modification time and hash of each file now in the output folder; a
 * file whose stat is as `previous` recorded keeps its hash unread.
 */
function outputRecords(outDir: string, previous: Record<string, OutputRecord> = {}): Record<string, OutputRecord> {
  return Object.fromEntries(
    listFiles(outDir).map((file) => {
      const path = join(outDir, file);
      const { size, mtimeMs } = statSync(path);
      const known = previous[file];
      const hash =
        known && known.size === size && known.mtimeMs === mtimeMs ? known.hash : hashBytes(readFileSync(path));
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
function differingPackages(
  outDir: string,
  recorded: Record<string, OutputRecord>,
  packages: Set<string>,
): Set<string> | undefined {
  const differing = new Set<string>();
  const onDisk = listFiles(outDir);
  for (const file of onDisk) {
    const name = file.split("/")[0] as string;
    if (!packages.has(name)) return undefined;
    const record = recorded[file];
    const path = join(outDir, file);
    if (!record) {
      differing.add(name);
      continue;
    }
    const { size, mtimeMs } = statSync(path);
    if (size !== record.size || (mtimeMs !== record.mtimeMs && hashBytes(readFileSync(path)) !== record.hash))
      differing.add(name);
  }
  const present = new Set(onDisk);
  for (const file of Object.keys(recorded)) if (!present.has(file)) differing.add(file.split("/")[0] as string);
  return differing;
}

/** The cache of one specs folder and output folder. */
export class GenerateCache {
  private readonly manifestFile: string;
  private manifest: Manifest | undefined;

  constructor(
    private readonly specsDir: string,
    private readonly outDir: string,
    cacheDir = process.env.CUSTOMER_ADAPTERS_CACHE ?? join(packageRoot, "node_modules/.cache/customer-adapters"),
  ) {
    this.manifestFile = join(cacheDir, `generate-${hashBytes(`${specsDir}\0${outDir}`).slice(0, 16)}.json`);
  }

  /** What this run must do, given the inputs now. */
  plan(inputs: Inputs): Plan {
    this.manifest = readManifest(this.manifestFile);
    const manifest = this.manifest;
    if (!manifest || manifest.generator !== inputs.generator || manifest.shared !== inputs.shared || inputs.crossFile)
      return { full: true };
    if (Object.keys(manifest.vendors).some((slug) => !(slug in inputs.vendors))) return { full: true };
    const packages = new Set([...(inputs.canonical ? ["canonical"] : []), ...Object.keys(inputs.vendors)]);
    // The aggregate package is remade with any vendor, and the runtime package (in a user's repository) with every
    // run; their own files are checked like a package's.
    const differing = differingPackages(
      this.outDir,
      manifest.outputs,
      new Set([...packages, AGGREGATE_SLUG, RUNTIME_FOLDER]),
    );
    // Those two are no spec's package: a change there is remade by a whole run.
    if (!differing || differing.has(AGGREGATE_SLUG) || differing.has(RUNTIME_FOLDER)) return { full: true };
    const sound = inputs.canonical ? ["canonical"] : [];
    for (const [slug, hash] of Object.entries(inputs.vendors))
      if (manifest.vendors[slug] !== hash) differing.add(slug);
      else sound.push(slug);
    return { only: [...differing].sort(), packages: packages.size, sound: sound.sort() };
  }

  /** The number of output files recorded. */
  get recordedFiles(): number {
    return Object.keys(this.manifest?.outputs ?? {}).length;
  }

  /**
   * Records a successful run made from `inputs`, unless the specs changed while it ran. (A generator changed
   * meanwhile needs no second look: the run is recorded under the generator it started with, which the next run
   * then finds changed.)
   */
  save(inputs: Inputs): void {
    const { generator, ...specs } = inputs;
    if (JSON.stringify(readSpecs(this.specsDir)) !== JSON.stringify(specs)) return;
    const { shared, vendors } = inputs;
    const outputs = outputRecords(this.outDir, this.manifest?.outputs);
    mkdirSync(dirname(this.manifestFile), { recursive: true });
    // Written aside and renamed, so that a concurrent run never reads half a manifest.
    writeFileSync(`${this.manifestFile}.${process.pid}`, JSON.stringify({ generator, shared, vendors, outputs }));
    renameSync(`${this.manifestFile}.${process.pid}`, this.manifestFile);
  }
}

/** A manifest, or undefined when there is none or the file is not one (a corrupt cache is an empty cache). */
function readManifest(file: string): Manifest | undefined {
  try {
    if (!existsSync(file)) return undefined;
    const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
    const objects = [manifest.vendors, manifest.outputs].every((value) => value !== null && typeof value === "object");
    return typeof manifest.generator === "string" && typeof manifest.shared === "string" && objects
      ? manifest
      : undefined;
  } catch {
    return undefined;
  }
}
