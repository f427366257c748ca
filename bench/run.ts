/**
 * `npm run bench`: what users of the generator and of the generated packages
 * feel, each figure a median, each ratio against a peer measured in the same
 * run, interleaved with it. Prints progress on stderr, each row as it is
 * measured, then the table (targets, and whether each is met) on stdout, and
 * writes bench/results/latest.json. A script, not a test: timings vary by
 * machine. `--only generation,validators` runs a subset (sections: generation,
 * scaling, large, validators, detailed, cold, size, bundles); `--quick` takes
 * fewer runs.
 */
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, transform } from "esbuild";
import { Ajv2020 } from "ajv/dist/2020.js";
import formatsPlugin from "ajv-formats";
import { parse } from "yaml";
import { loadAll } from "../generator/pipeline.js";
import { validationSchema, COMPONENTS_ID } from "../generator/model/validation-schema.js";
import type { SpecModel } from "../generator/model/model.js";
import { isJtlRequest } from "./hand-written-jtl.js";
import { kib, ms, ops, progress, throughputs, timeProcesses } from "./measure.js";
import { buildTypia } from "./peers/typia.js";
import { schemasafeModuleSource, schemasafeValidator } from "./peers/schemasafe.js";

const SECTIONS = ["generation", "scaling", "large", "validators", "detailed", "cold", "size", "bundles"] as const;
type Section = (typeof SECTIONS)[number];
const root = fileURLToPath(new URL("../", import.meta.url));
const onlyIndex = process.argv.indexOf("--only");
const only = onlyIndex >= 0 ? (process.argv[onlyIndex + 1] ?? "").split(",") : [...SECTIONS];
for (const name of only) {
  if (!(SECTIONS as readonly string[]).includes(name)) {
    console.error(`bench: unknown section "${name}" (sections: ${SECTIONS.join(", ")})`);
    process.exit(2);
  }
}
const runs = (section: Section) => only.includes(section);
const quick = process.argv.includes("--quick");
const rounds = quick ? 3 : 7;
const processRuns = quick ? 3 : 5;

interface Row {
  measure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  met: string;
}
const rows: Row[] = [];
const notes: string[] = [];
const results: Record<string, unknown> = {};
function row(
  measure: string,
  value: string,
  baseline: string,
  ratio: number | undefined,
  target: string,
  met: boolean | undefined,
) {
  const entry = {
    measure,
    value,
    baseline,
    ratio: ratio === undefined ? "" : `${ratio.toFixed(2)}×`,
    target,
    met: met === undefined ? "" : met ? "yes" : "no",
  };
  rows.push(entry);
  console.error(
    `${measure}: ${value}${baseline ? ` (${baseline})` : ""}${entry.ratio ? ` ${entry.ratio}` : ""}${entry.met ? ` target ${target}: ${entry.met}` : ""}`,
  );
}
const note = (text: string) => {
  notes.push(text);
  console.error(`note: ${text}`);
};

const packageVersion = (name: string) =>
  (JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
const peers = Object.fromEntries(
  ["@hey-api/openapi-ts", "openapi-typescript", "typia", "@exodus/schemasafe", "ajv"].map((name) => [
    name,
    packageVersion(name),
  ]),
);
const scratch = mkdtempSync(join(tmpdir(), "bench-"));
// Peers' code that must resolve packages from the repository lives in its node_modules.
const local = join(root, "node_modules/.bench");
rmSync(local, { recursive: true, force: true });
mkdirSync(local, { recursive: true });
// The generator's cache is kept in the scratch folder, away from the repository's own.
const cacheDir = join(scratch, "cache");
const nodeCommand = (args: string[]) => ({
  command: process.execPath,
  args,
  cwd: root,
  env: { ...process.env, CUSTOMER_ADAPTERS_CACHE: cacheDir },
});
// What `npm run generate` runs (npm's own start-up, ~0.25 s, left out).
const launcher = join(root, "generator/run.mjs");
/** `customer-adapters generate`, as `npm run generate` runs it. */
const generateCommand = (args: string[]) => nodeCommand([launcher, "generate", ...args]);
const specFiles = readdirSync(join(root, "specs")).filter((name) => name.endsWith(".yaml"));
const allSpecs = [...specFiles.map((name) => join(root, "specs", name)), join(root, "specs/canonical/customer.yaml")];

// ---- generation, whole process, cold ----
if (runs("generation")) {
  progress(`generation: ours, hey-api and openapi-typescript taking turns, ${processRuns} runs each`);
  const times = timeProcesses(
    {
      ours: generateCommand(["--no-cache", "--out", join(scratch, "out")]),
      heyApi: nodeCommand([join(root, "bench/peers/generate-hey-api.mjs"), join(scratch, "hey-api"), ...allSpecs]),
      openapiTs: nodeCommand([
        join(root, "bench/peers/generate-openapi-typescript.mjs"),
        join(scratch, "oapi"),
        ...allSpecs,
      ]),
    },
    processRuns,
  );
  results.generation = { ...times, specs: allSpecs.length };
  const label = `generate all ${specFiles.length} vendors + canonical (whole process, cold)`;
  row(
    label,
    ms(times.ours),
    `@hey-api/openapi-ts, types + zod: ${ms(times.heyApi)}`,
    times.ours / times.heyApi,
    "≤ 1.0×",
    times.ours <= times.heyApi,
  );
  row(
    label,
    ms(times.ours),
    `openapi-typescript, one process, types only: ${ms(times.openapiTs)}`,
    times.ours / times.openapiTs,
    "≤ 1.5×",
    times.ours <= 1.5 * times.openapiTs,
  );

  // A save: one vendor spec changed among the six, the cache warm from the run before, as `generate` and `--watch` find it.
  progress(`a save: one changed spec among ${allSpecs.length}, and hey-api's full run, ${processRuns} runs each`);
  const saveSpecs = join(scratch, "save-specs");
  cpSync(join(root, "specs"), saveSpecs, { recursive: true });
  const saveArgs = ["--specs", saveSpecs, "--out", join(scratch, "save-out")];
  timeProcesses({ warm: generateCommand(saveArgs) }, 1);
  const saved = join(saveSpecs, specFiles[0] as string);
  const original = readFileSync(saved, "utf8");
  let saves = 0;
  const save = timeProcesses(
    {
      // A comment is the one edit that is safe in any spec; the inputs change all the same.
      ours: { ...generateCommand(saveArgs), before: () => writeFileSync(saved, `${original}\n# save ${++saves}\n`) },
      heyApi: nodeCommand([join(root, "bench/peers/generate-hey-api.mjs"), join(scratch, "hey-api"), ...allSpecs]),
    },
    processRuns,
  );
  results.save = save;
  row(
    `a save: ${specFiles[0]} changed among ${allSpecs.length} specs, regenerated (\`generate\`, cache warm, whole process)`,
    ms(save.ours),
    `@hey-api/openapi-ts, all ${allSpecs.length} specs: ${ms(save.heyApi)}`,
    save.ours / save.heyApi,
    "≤ 0.3×",
    save.ours <= 0.3 * save.heyApi,
  );
}

// ---- a large published document: generating its create operation ----
if (runs("large")) {
  const fixture = join(root, "bench/fixtures/stripe");
  const document = join(fixture, "stripe.yaml");
  progress("large document: Stripe's create-customer operation");
  const dir = join(scratch, "large-specs");
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, "specs/canonical"), join(dir, "canonical"), { recursive: true });
  for (const file of ["stripe.yaml", "stripe.overlay.yaml"]) cpSync(join(fixture, file), join(dir, file));
  // The generator's peak memory, from the process itself as it exits (worker threads included).
  const exitReport =
    'process.on("exit", () => process.stderr.write(["", "maxRSS", process.resourceUsage().maxRSS, ""].join("\\n")));';
  const peak = `data:text/javascript,${encodeURIComponent(exitReport)}`;
  const measured: { ms: number; rss: number }[] = [];
  for (let run = 0; run < (quick ? 1 : 3); run++) {
    const start = performance.now();
    const result = spawnSync(
      process.execPath,
      ["--import", peak, launcher, "generate", "--no-cache", "--specs", dir, "--out", join(scratch, "large-out")],
      { cwd: root, encoding: "utf8", env: { ...process.env, CUSTOMER_ADAPTERS_CACHE: cacheDir } },
    );
    if (result.status !== 0) throw new Error(`large document: ${result.stdout}${result.stderr}`);
    measured.push({ ms: performance.now() - start, rss: Number(/maxRSS\n(\d+)/.exec(result.stderr)?.[1]) * 1024 });
  }
  const [model] = loadAll(dir, root).filter((each) => each.slug === "stripe");
  const components = Object.keys(
    (parse(readFileSync(document, "utf8")) as { components?: { schemas?: object } }).components?.schemas ?? {},
  ).length;
  const time = measured.map((each) => each.ms).sort((a, b) => a - b)[Math.floor(measured.length / 2)] as number;
  const rss = Math.max(...measured.map((each) => each.rss));
  results.large = { measured, bytes: statSync(document).size, components, reached: model?.schemas.length };
  row(
    "Stripe's published document: generate its create operation with the canonical customer (whole process, cold)",
    `${ms(time)}, peak ${(rss / 1024 / 1024).toFixed(0)} MiB`,
    `document ${kib(statSync(document).size)}, ${components} component schemas, ${model?.schemas.length ?? "?"} reached by the operation`,
    undefined,
    "printed with its size (no ratio)",
    undefined,
  );
}

// ---- scaling: synthetic vendors made from the real ones ----
if (runs("scaling")) {
  const scaling: Record<number, number> = {};
  for (const count of quick ? [10] : [10, 50, 200]) {
    progress(`scaling: ${count} synthetic vendors`);
    const dir = join(scratch, `specs-${count}`);
    mkdirSync(dir, { recursive: true });
    cpSync(join(root, "specs/canonical"), join(dir, "canonical"), { recursive: true });
    for (let index = 0; index < count; index++) {
      const source = specFiles[index % specFiles.length] as string;
      const slug = `${source.replace(".yaml", "")}${index}`;
      const text = readFileSync(join(root, "specs", source), "utf8")
        .replace(/(x-vendor:[\s\S]*?slug: )([a-z]+)/, `$1${slug}`)
        .replace(/(slug: )([a-z]+)(,| *\n|\s*})/, `$1${slug}$3`);
      writeFileSync(join(dir, `${slug}.yaml`), text);
    }
    const time = timeProcesses(
      { ours: generateCommand(["--specs", dir, "--out", join(scratch, `out-${count}`)]) },
      1,
    ).ours;
    scaling[count] = time;
    row(
      `generate ${count} synthetic vendors`,
      ms(time),
      `per spec: ${ms(time / count)}`,
      undefined,
      count === 200 ? "< 20 s, flat per spec" : "flat per spec",
      count === 200 ? time < 20_000 : undefined,
    );
  }
  results.scaling = scaling;

  // ---- no-op regeneration, and one changed spec, among the most specs generated above ----
  const most = Math.max(...Object.keys(scaling).map(Number));
  progress(`no-op and one changed spec among ${most}`);
  const mostArgs = ["--specs", join(scratch, `specs-${most}`), "--out", join(scratch, `out-${most}`)];
  const noop = timeProcesses(
    { check: generateCommand(["--check", ...mostArgs]), generate: generateCommand(mostArgs) },
    processRuns,
  );
  results.noop = { specs: most, checkMs: noop.check, generateMs: noop.generate };
  row(
    `no-op run among ${most} specs (\`generate --check\`, nothing changed)`,
    ms(noop.check),
    `\`generate\`: ${ms(noop.generate)}`,
    undefined,
    "< 300 ms",
    noop.check < 300 && noop.generate < 300,
  );
  const edited = join(
    scratch,
    `specs-${most}`,
    readdirSync(join(scratch, `specs-${most}`))
      .filter((name) => name.endsWith(".yaml"))
      .sort()[0] as string,
  );
  // A comment is the one edit that is safe in any spec; the inputs change all the same.
  writeFileSync(edited, `${readFileSync(edited, "utf8")}\n# edited\n`);
  const oneChanged = timeProcesses({ ours: generateCommand(mostArgs) }, 1).ours;
  results.oneChangedMs = oneChanged;
  row(
    `one changed spec among ${most}`,
    ms(oneChanged),
    `all ${most} cold: ${ms(scaling[most] as number)}`,
    oneChanged / (scaling[most] as number),
    "",
    undefined,
  );
}

// ---- the validators: each vendor's request body, through every validator ----
interface Vendor {
  slug: string;
  model: SpecModel;
  body: Record<string, unknown>;
  defs: Record<string, unknown>;
  fixtures: { valid: Record<string, unknown>; invalid: { name: string; value: unknown }[] };
}
const needValidators = runs("validators") || runs("detailed") || runs("cold") || runs("size");
const vendors: Vendor[] = needValidators
  ? loadAll(join(root, "specs"), root)
      .filter((model) => model.kind === "vendor")
      .map((model) => ({
        slug: model.slug,
        model,
        body: validationSchema(model.operation?.requestBody?.schema ?? {}) as Record<string, unknown>,
        defs: Object.fromEntries(model.schemas.map(({ name, schema }) => [name, validationSchema(schema)])),
        fixtures: JSON.parse(
          readFileSync(join(root, "generated", model.slug, "src/fixtures/request-body.json"), "utf8"),
        ),
      }))
  : [];
const typiaDir = join(local, "typia");
let typiaGaps: Record<string, string[]> = {};
if (runs("validators") || runs("cold") || runs("size")) {
  progress("typia: writing tagged types and running typia's transform");
  typiaGaps = buildTypia(
    root,
    typiaDir,
    vendors.map(({ slug, body, defs }) => ({ slug, root: body, defs })),
  );
  for (const [slug, gaps] of Object.entries(typiaGaps))
    if (gaps.length > 0) note(`typia cannot express, for ${slug}: ${gaps.join(", ")}`);
}
if (runs("validators"))
  note(
    "schemasafe is given the schemas without `format: int32`: its default mode refuses it beside `type: [integer, null]` (it applies format to strings only), so int32 ranges go unchecked by it",
  );

/** A string property with `maxLength` at the top of the body, or one level down in an object the full fixture has. */
function overLimit(vendor: Vendor): { path: string; value: unknown } | undefined {
  const resolve = (schema: Record<string, unknown>): Record<string, unknown> => {
    const ref = schema.$ref;
    return typeof ref === "string"
      ? resolve(vendor.defs[ref.slice(ref.lastIndexOf("/") + 1)] as Record<string, unknown>)
      : schema;
  };
  const full = vendor.fixtures.valid.full as Record<string, unknown>;
  const search = (
    schema: Record<string, unknown>,
    value: Record<string, unknown>,
    path: string[],
  ): { path: string[]; max: number } | undefined => {
    const properties = (resolve(schema).properties ?? {}) as Record<string, Record<string, unknown>>;
    for (const [key, property] of Object.entries(properties)) {
      const max = resolve(property).maxLength;
      if (typeof max === "number") return { path: [...path, key], max };
    }
    for (const [key, property] of Object.entries(properties)) {
      const inner = value[key];
      if (path.length === 0 && inner && typeof inner === "object" && !Array.isArray(inner)) {
        const found = search(property, inner as Record<string, unknown>, [key]);
        if (found) return found;
      }
    }
    return undefined;
  };
  const found = search(vendor.body, full, []);
  if (!found) return undefined;
  const value = structuredClone(full);
  let target = value;
  for (const key of found.path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[found.path.at(-1) as string] = "x".repeat(Math.max(321, found.max + 1));
  return { path: `/${found.path.join("/")}`, value };
}

type Check = (value: unknown) => boolean;

/**
 * The full fixture with one field's value of no declared type (`[[]]`): the
 * last field that ajv, the reference, then refuses. Fields come in the
 * fixture's order, so a guard that walks every key first pays for it here.
 */
function invalidKey(full: Record<string, unknown>, reference: Check): { key: string; value: unknown } | undefined {
  for (const key of Object.keys(full).reverse()) {
    const value = { ...full, [key]: [[]] };
    if (!reference(value)) return { key, value };
  }
  return undefined;
}
interface Candidates {
  isX: Check;
  typia: Check;
  schemasafe: Check;
}
async function candidatesOf(
  vendor: Vendor,
): Promise<Candidates & { ajv: Check; ajvAllErrors: Check; validateX: (value: unknown) => { ok: boolean } }> {
  const pkg = (await import(`../generated/${vendor.slug}/src/index.ts`)) as {
    adapter: { isRequest: Check; validateRequest(value: unknown): { ok: boolean } };
  };
  const ajvOf = (allErrors: boolean) => {
    const ajv = new Ajv2020({ strict: false, allowUnionTypes: true, allErrors });
    (formatsPlugin as unknown as typeof formatsPlugin.default)(ajv);
    ajv.addSchema({ $id: COMPONENTS_ID, $defs: vendor.defs });
    return ajv.compile(vendor.body) as Check;
  };
  const typia = runs("validators")
    ? ((await import(join(typiaDir, "out", `${vendor.slug}.ts`))) as { check: Check }).check
    : () => false;
  return {
    isX: pkg.adapter.isRequest,
    typia,
    schemasafe: schemasafeValidator(COMPONENTS_ID, vendor.body, vendor.defs) as Check,
    ajv: ajvOf(false),
    ajvAllErrors: ajvOf(true),
    validateX: pkg.adapter.validateRequest,
  };
}

/** Each sample through each validator against its documented verdict; the disagreements, named. */
function disagreements(
  slug: string,
  checks: Record<string, Check>,
  samples: { name: string; value: unknown; valid: boolean }[],
) {
  const found: string[] = [];
  for (const sample of samples) {
    for (const [name, check] of Object.entries(checks)) {
      if (check(sample.value) !== sample.valid)
        found.push(`${name} says ${sample.valid ? "invalid" : "valid"} to ${sample.name}`);
    }
  }
  for (const name of Object.keys(checks)) {
    const own = found.filter((text) => text.startsWith(`${name} `));
    if (own.length === 0) continue;
    const shown = own.slice(0, 4).join("; ");
    note(
      `${slug}: ${name} disagrees with the fixtures' verdicts ${own.length} time(s): ${shown}${own.length > 4 ? "; …" : ""}`,
    );
  }
  return found;
}

const validatorResults: Record<string, unknown> = {};
if (runs("validators") || runs("detailed")) {
  for (const vendor of vendors) {
    progress(`validators: ${vendor.slug}`);
    const candidates = await candidatesOf(vendor);
    const { valid, invalid } = vendor.fixtures;
    const fixtureSamples = [
      ...Object.entries(valid).map(([name, value]) => ({ name: `valid.${name}`, value, valid: true })),
      ...invalid.map(({ name, value }) => ({ name: `invalid "${name}"`, value, valid: false })),
    ];
    const long = overLimit(vendor);
    const wrongKey = invalidKey(vendor.fixtures.valid.full as Record<string, unknown>, candidates.ajv);
    const classes: { name: string; value: unknown; valid: boolean }[] = [
      { name: "empty `{}`", value: {}, valid: candidates.isX({}) },
      ...(wrongKey
        ? [{ name: `one invalid key (/${wrongKey.key}) in the full fixture`, value: wrongKey.value, valid: false }]
        : []),
      { name: "one undeclared key `{ notAField: true }`", value: { notAField: true }, valid: false },
      ...(long ? [{ name: `long string over maxLength at ${long.path}`, value: long.value, valid: false }] : []),
      { name: "full valid", value: valid.full, valid: true },
    ];
    const result: Record<string, unknown> = {};
    if (runs("validators")) {
      const { isX, typia, schemasafe } = candidates;
      result.disagreements = disagreements(vendor.slug, { isX, typia, schemasafe, ajv: candidates.ajv }, [
        ...fixtureSamples,
        ...classes,
      ]);
      const compare = (label: string, inputs: unknown[]) => {
        const rates = throughputs({ isX, typia, schemasafe }, inputs, { rounds });
        const worst = Math.min(rates.isX / rates.typia, rates.isX / rates.schemasafe);
        row(
          `${vendor.slug}: isRequest, ${label}`,
          ops(rates.isX),
          `typia ${ops(rates.typia)}, schemasafe ${ops(rates.schemasafe)}`,
          worst,
          "≥ 1.0× both",
          worst >= 1,
        );
        return rates;
      };
      result.mixed = compare(
        `mixed workload (all ${fixtureSamples.length} fixtures in turn)`,
        fixtureSamples.map(({ value }) => value),
      );
      for (const sample of classes) result[sample.name] = compare(sample.name, [sample.value]);
      const againstAjv = throughputs({ isX, ajv: candidates.ajv }, [valid.full], { rounds });
      row(
        `${vendor.slug}: isRequest, full valid`,
        ops(againstAjv.isX),
        `ajv default, compiled at run time: ${ops(againstAjv.ajv)}`,
        againstAjv.isX / againstAjv.ajv,
        "≥ 2× ajv",
        againstAjv.isX / againstAjv.ajv >= 2,
      );
      if (vendor.slug === "jtl") {
        const wrong = fixtureSamples.filter((sample) => isJtlRequest(sample.value) !== isX(sample.value));
        if (wrong.length > 0)
          throw new Error(
            `the hand-written JTL validator disagrees with the generated one on ${wrong.length} fixtures`,
          );
        const hand = throughputs({ hand: isJtlRequest, isX }, [valid.full], { rounds });
        result.handWritten = hand;
        row(
          "jtl: hand-written validator, full valid",
          ops(hand.hand),
          `generated: ${ops(hand.isX)}`,
          hand.hand / hand.isX,
          "generated within 1.25× of it",
          hand.hand / hand.isX <= 1.25,
        );
      }
    }
    if (runs("detailed")) {
      const invalidValues = invalid.map(({ value }) => value);
      const wrong = invalidValues.filter((value) => candidates.validateX(value).ok || candidates.ajvAllErrors(value));
      if (wrong.length > 0)
        note(`${vendor.slug}: validateX or ajv (allErrors) accepts ${wrong.length} invalid fixture(s)`);
      const rates = throughputs(
        { validateX: (value) => candidates.validateX(value).ok, ajv: candidates.ajvAllErrors },
        invalidValues,
        { rounds, batch: 5_000 },
      );
      result.detailed = rates;
      row(
        `${vendor.slug}: validateRequest, all ${invalidValues.length} invalid fixtures in turn`,
        ops(rates.validateX),
        `ajv allErrors: ${ops(rates.ajv)}`,
        rates.validateX / rates.ajv,
        "≥ 1.0×",
        rates.validateX >= rates.ajv,
      );
    }
    validatorResults[vendor.slug] = result;
  }
  results.validators = validatorResults;
}

/** The generated package's lightest entry with the request guard: `./validators` where the package has one. */
function guardEntry(slug: string): { dist: string; source: string; name: string } {
  const dir = join(root, "generated", slug);
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { exports: Record<string, unknown> };
  const sub = "./validators" in manifest.exports ? "validators" : "index";
  const text = readFileSync(join(dir, "src/validators.ts"), "utf8");
  const name = /export function (is\w*RequestBody)\(/.exec(text)?.[1];
  if (!name) throw new Error(`${slug}: no isXRequestBody in src/validators.ts`);
  return { dist: join(dir, "dist", `${sub}.js`), source: join(dir, "src", `${sub}.ts`), name };
}

// ---- cold start: plain Node, a fresh process, import + the first check ----
if (runs("cold")) {
  progress("cold start: building the generated packages (`npm run build`)");
  const built = spawnSync(process.execPath, [launcher, "build"], { cwd: root, encoding: "utf8" });
  if (built.status !== 0) throw new Error(`npm run build: ${built.stdout}${built.stderr}`);
  const coldResults: Record<string, unknown> = {};
  for (const vendor of vendors) {
    progress(`cold start: ${vendor.slug}`);
    const payload = JSON.stringify(vendor.fixtures.valid.full);
    const entry = guardEntry(vendor.slug);
    const typiaModule = join(typiaDir, `${vendor.slug}.mjs`);
    writeFileSync(
      typiaModule,
      (
        await transform(readFileSync(join(typiaDir, "out", `${vendor.slug}.ts`), "utf8"), {
          loader: "ts",
          format: "esm",
        })
      ).code,
    );
    const schemasafeModule = join(local, `schemasafe-${vendor.slug}.mjs`);
    writeFileSync(schemasafeModule, schemasafeModuleSource(COMPONENTS_ID, vendor.body, vendor.defs));
    const script = (file: string, name: string) => [
      "--input-type=module",
      "-e",
      `const m = await import(${JSON.stringify(file)}); if (m[${JSON.stringify(name)}](${payload}) !== true) process.exit(3);`,
    ];
    const times = timeProcesses(
      {
        isX: { command: process.execPath, args: script(entry.dist, entry.name), cwd: root },
        typia: { command: process.execPath, args: script(typiaModule, "check"), cwd: root },
        schemasafe: { command: process.execPath, args: script(schemasafeModule, "check"), cwd: root },
      },
      quick ? 3 : 7,
    );
    coldResults[vendor.slug] = times;
    row(
      `${vendor.slug} cold start: node, import + first \`isRequest\` (whole process)`,
      ms(times.isX),
      `typia ${ms(times.typia)}, schemasafe compiling at run time ${ms(times.schemasafe)}`,
      times.isX / times.typia,
      "≤ 1.1× typia",
      times.isX <= 1.1 * times.typia,
    );
  }
  results.coldStart = coldResults;
}

/** `contents` bundled for the browser (the generated packages' sources), minified: its size, and gzipped. */
async function bundleSize(contents: string, resolveDir: string): Promise<{ minified: number; gzipped: number }> {
  const output = await build({
    stdin: { contents, resolveDir, loader: "ts" },
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "browser",
    conditions: ["customer-adapters-source"],
    logLevel: "silent",
  });
  const code = output.outputFiles[0]?.contents ?? new Uint8Array();
  return { minified: code.length, gzipped: gzipSync(code).length };
}

// ---- size: the request guard alone, minified and gzipped, against the peers' code for the same schema ----
if (runs("size")) {
  const minified = async (contents: string, resolveDir: string) => (await bundleSize(contents, resolveDir)).gzipped;
  const sizes: Record<string, unknown> = {};
  for (const vendor of vendors) {
    progress(`size: ${vendor.slug}`);
    const entry = guardEntry(vendor.slug);
    const isX = await minified(`export { ${entry.name} } from ${JSON.stringify(entry.source)};`, root);
    const validate = schemasafeValidator(COMPONENTS_ID, vendor.body, vendor.defs) as unknown as { toModule(): string };
    writeFileSync(join(local, `schemasafe-${vendor.slug}.cjs`), validate.toModule());
    const schemasafe = await minified(
      `export { default } from ${JSON.stringify(join(local, `schemasafe-${vendor.slug}.cjs`))};`,
      local,
    );
    const typia = await minified(
      `export { check } from ${JSON.stringify(join(typiaDir, "out", `${vendor.slug}.ts`))};`,
      typiaDir,
    );
    sizes[vendor.slug] = { isX, schemasafe, typia };
    row(
      `${vendor.slug}: \`isRequest\` bundle, minified + gzipped`,
      kib(isX),
      `schemasafe's module ${kib(schemasafe)}, typia ${kib(typia)}`,
      isX / schemasafe,
      "≤ 1.0× schemasafe",
      isX <= schemasafe,
    );
  }
  results.size = sizes;
}
// ---- bundles: a vendor's `{ adapter }`, against the same vendor's hey-api zod schemas and fetch client ----
if (runs("bundles")) {
  progress("bundles: hey-api's zod schemas, fetch client and SDK for every vendor");
  // In the repository's node_modules, so that its imports of zod resolve.
  const heyApiOut = join(local, "hey-api-client");
  const vendorSpecs = specFiles.map((name) => join(root, "specs", name));
  timeProcesses(
    { heyApi: nodeCommand([join(root, "bench/peers/generate-hey-api.mjs"), "--client", heyApiOut, ...vendorSpecs]) },
    1,
  );
  const bundled = (contents: string) => bundleSize(contents, root);
  const bundles: Record<string, unknown> = {};
  for (const name of specFiles) {
    const slug = name.replace(/\.yaml$/, "");
    const ours = await bundled(
      `export { adapter } from ${JSON.stringify(join(root, "generated", slug, "src/index.ts"))};`,
    );
    const dir = join(heyApiOut, slug);
    const heyApi = await bundled(
      `export * from ${JSON.stringify(join(dir, "sdk.gen.ts"))};\nexport * from ${JSON.stringify(join(dir, "zod.gen.ts"))};`,
    );
    bundles[slug] = { ours, heyApi };
    row(
      `${slug}: \`{ adapter }\` bundle, minified (gzipped)`,
      `${kib(ours.minified)} (${kib(ours.gzipped)})`,
      `@hey-api/openapi-ts zod schemas + fetch client + SDK: ${kib(heyApi.minified)} (${kib(heyApi.gzipped)})`,
      ours.gzipped / heyApi.gzipped,
      "≤ 1.0× gzipped",
      ours.gzipped <= heyApi.gzipped,
    );
  }
  results.bundles = bundles;
}
rmSync(scratch, { recursive: true, force: true });

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}, Node ${process.version}`;
const date = new Date().toISOString().slice(0, 10);
const versions = Object.entries(peers)
  .map(([name, version]) => `${name} ${version}`)
  .join(", ");
console.log(`\n${date}, ${machine}; peers: ${versions}\n`);
console.log("| measure | value | baseline | ratio | target | met |\n|---|---|---|---|---|---|");
for (const entry of rows)
  console.log(
    `| ${entry.measure} | ${entry.value} | ${entry.baseline} | ${entry.ratio} | ${entry.target} | ${entry.met} |`,
  );
if (notes.length > 0) console.log(`\n${notes.map((text) => `- ${text}`).join("\n")}`);
const met = rows.filter((entry) => entry.met === "yes").length;
const missed = rows.filter((entry) => entry.met === "no").length;
console.log(`\nTargets met: ${met} of ${met + missed}.`);
mkdirSync(join(root, "bench/results"), { recursive: true });
writeFileSync(
  join(root, "bench/results/latest.json"),
  `${JSON.stringify({ date, machine, peers, results, rows, notes }, null, 2)}\n`,
);
if (existsSync(local)) rmSync(local, { recursive: true, force: true });
