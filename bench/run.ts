/**
 * `npm run bench`: what users of the generator and of the generated packages
 * feel, each figure a median over repeated runs and a ratio against a
 * baseline measured in the same run. Prints a table and writes
 * bench/results/latest.json. A script, not a test: timings vary by machine.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { Ajv2020 } from "ajv/dist/2020.js";
import formatsPlugin from "ajv-formats";
import { loadAll } from "../generator/pipeline.js";
import { validationSchema, COMPONENTS_ID } from "../generator/model/validation-schema.js";
import { isJtlRequest } from "./hand-written-jtl.js";

const root = fileURLToPath(new URL("../", import.meta.url));
// What `npm run generate` runs (npm's own start-up, ~0.25 s, left out).
const launcher = join(root, "generator/run.mjs");
/** `customer-adapters generate`, as `npm run generate` runs it. */
const generateCommand = [launcher, "generate"];
const quick = process.argv.includes("--quick");
const rows: { measure: string; value: string; baseline: string; ratio: string; target: string; met: string }[] = [];
const results: Record<string, unknown> = {};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const ops = (value: number) => `${(value / 1e6).toFixed(2)} M/s`;

function timeProcess(command: string, args: string[], runs: number): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const result = spawnSync(command, args, { cwd: root, encoding: "utf8", env: { ...process.env, CUSTOMER_ADAPTERS_CACHE: cacheDir } });
    if (result.status !== 0) throw new Error(`${command} ${args.join(" ")}: ${result.stderr}`);
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Operations per second of `run`, median of several timed batches. */
function throughput(run: () => unknown, batch = 20_000, batches = quick ? 3 : 7): number {
  for (let index = 0; index < batch; index++) run();
  const rates: number[] = [];
  for (let round = 0; round < batches; round++) {
    const start = performance.now();
    for (let index = 0; index < batch; index++) run();
    rates.push(batch / ((performance.now() - start) / 1000));
  }
  return median(rates);
}

function row(measure: string, value: string, baseline: string, ratio: number | undefined, target: string, met: boolean | undefined) {
  rows.push({ measure, value, baseline, ratio: ratio === undefined ? "" : `${ratio.toFixed(2)}×`, target, met: met === undefined ? "" : met ? "yes" : "no" });
}

// ---- generation, whole process, cold ----
const runs = quick ? 3 : 5;
const scratch = mkdtempSync(join(tmpdir(), "bench-"));
const specFiles = readdirSync(join(root, "specs")).filter((name) => name.endsWith(".yaml"));
// The generator's cache is kept in the scratch folder, away from the repository's own.
const cacheDir = join(scratch, "cache");
const generation = timeProcess(process.execPath, [...generateCommand, "--no-cache", "--out", join(scratch, "out")], runs);
// openapi-typescript takes one spec per run: one process per vendor, as a build step would run it.
const openapiTsCli = join(root, "node_modules/openapi-typescript/bin/cli.js");
const openapiTs = timeProcess(
  process.execPath,
  ["-e", `for (const f of ${JSON.stringify(specFiles)}) require("node:child_process").execFileSync(process.execPath, [${JSON.stringify(openapiTsCli)}, "specs/" + f, "-o", ${JSON.stringify(join(scratch, "oapi"))} + "/" + f + ".d.ts"])`],
  runs,
);
results.generation = { ms: generation, openapiTypescriptMs: openapiTs, specs: specFiles.length };
row(`generate all ${specFiles.length} vendors + canonical (whole process)`, ms(generation), `openapi-typescript CLI, types only: ${ms(openapiTs)}`, generation / openapiTs, "< 1 s and ≤ 3×", generation < 1000 && generation / openapiTs <= 3);

// ---- scaling: synthetic vendors made from the real ones ----
const scaling: Record<number, number> = {};
for (const count of quick ? [10] : [10, 50, 200]) {
  const dir = join(scratch, `specs-${count}`);
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, "specs/canonical"), join(dir, "canonical"), { recursive: true });
  for (let index = 0; index < count; index++) {
    const source = specFiles[index % specFiles.length] as string;
    const slug = `${source.replace(".yaml", "")}${index}`;
    const text = readFileSync(join(root, "specs", source), "utf8").replace(/(x-vendor:[\s\S]*?slug: )([a-z]+)/, `$1${slug}`).replace(/(slug: )([a-z]+)(,| *\n|\s*})/, `$1${slug}$3`);
    writeFileSync(join(dir, `${slug}.yaml`), text);
  }
  const time = timeProcess(process.execPath, [...generateCommand, "--specs", dir, "--out", join(scratch, `out-${count}`)], 1);
  scaling[count] = time;
  row(`generate ${count} synthetic vendors`, ms(time), `per spec: ${ms(time / count)}`, undefined, count === 200 ? "< 20 s, flat per spec" : "flat per spec", count === 200 ? time < 20_000 : undefined);
}
results.scaling = scaling;

// ---- no-op regeneration, and one changed spec, among the most specs generated above ----
const most = Math.max(...Object.keys(scaling).map(Number));
const mostArgs = ["--specs", join(scratch, `specs-${most}`), "--out", join(scratch, `out-${most}`)];
const noop = timeProcess(process.execPath, [...generateCommand, "--check", ...mostArgs], runs);
const noopWrite = timeProcess(process.execPath, [...generateCommand, ...mostArgs], runs);
results.noop = { specs: most, checkMs: noop, generateMs: noopWrite };
row(`no-op run among ${most} specs (\`generate --check\`, nothing changed)`, ms(noop), `\`generate\`: ${ms(noopWrite)}`, undefined, "< 300 ms", noop < 300 && noopWrite < 300);
const edited = join(scratch, `specs-${most}`, readdirSync(join(scratch, `specs-${most}`)).filter((name) => name.endsWith(".yaml")).sort()[0] as string);
// A comment is the one edit that is safe in any spec; the inputs change all the same.
writeFileSync(edited, `${readFileSync(edited, "utf8")}\n# edited\n`);
const oneChanged = timeProcess(process.execPath, [...generateCommand, ...mostArgs], 1);
results.oneChangedMs = oneChanged;
row(`one changed spec among ${most}`, ms(oneChanged), `all ${most} cold: ${ms(scaling[most] as number)}`, oneChanged / (scaling[most] as number), "", undefined);

// ---- validators ----
const models = loadAll(join(root, "specs"), root).filter((model) => model.kind === "vendor");
const validatorResults: Record<string, unknown> = {};
for (const model of models) {
  const pkg = (await import(`../generated/${model.slug}/src/index.ts`)) as {
    adapter: { isRequest(value: unknown): boolean; toRequest?(customer: unknown, context: unknown): unknown; fromResponse?(status: number, body: unknown): unknown };
    fixtures: { valid: { full: unknown; boundary: unknown }; invalid: { value: unknown }[]; context?: unknown; successResponse?: { status: number; body: unknown } };
  };
  const ajv = new Ajv2020({ strict: false, allowUnionTypes: true });
  (formatsPlugin as unknown as typeof formatsPlugin.default)(ajv);
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: Object.fromEntries(model.schemas.map(({ name, schema }) => [name, validationSchema(schema)])) });
  const runtime = ajv.compile(validationSchema(model.operation?.requestBody?.schema ?? {}));
  const valid = pkg.fixtures.valid.full;
  const invalid = pkg.fixtures.invalid[0]?.value;
  const generatedValid = throughput(() => pkg.adapter.isRequest(valid));
  const ajvValid = throughput(() => runtime(valid));
  const generatedInvalid = throughput(() => pkg.adapter.isRequest(invalid));
  const ajvInvalid = throughput(() => runtime(invalid));
  validatorResults[model.slug] = { generatedValid, ajvValid, generatedInvalid, ajvInvalid };
  row(`${model.slug}: isRequest, valid payload`, ops(generatedValid), `ajv default, compiled at run time: ${ops(ajvValid)}`, generatedValid / ajvValid, "≥ 2× ajv", generatedValid / ajvValid >= 2);
  row(`${model.slug}: isRequest, invalid payload`, ops(generatedInvalid), `ajv default: ${ops(ajvInvalid)}`, generatedInvalid / ajvInvalid, "", undefined);
  if (model.slug === "jtl") {
    const samples = [valid, pkg.fixtures.valid.boundary, ...pkg.fixtures.invalid.map((fixture) => fixture.value)];
    const disagreements = samples.filter((sample) => isJtlRequest(sample) !== pkg.adapter.isRequest(sample));
    if (disagreements.length > 0) throw new Error(`the hand-written JTL validator disagrees with the generated one on ${disagreements.length} fixtures`);
    const hand = throughput(() => isJtlRequest(valid));
    validatorResults.handWrittenJtl = hand;
    row("jtl: hand-written validator, valid payload", ops(hand), `generated: ${ops(generatedValid)}`, hand / generatedValid, "generated within 1.25× of it", hand / generatedValid <= 1.25);
  }
  if (pkg.adapter.toRequest && pkg.fixtures.context !== undefined) {
    const customer = JSON.parse(readFileSync(join(root, "generated/canonical/fixtures/customer.json"), "utf8")).valid.minimal;
    const mapped = throughput(() => pkg.adapter.toRequest?.(customer, pkg.fixtures.context), 5_000);
    const answer = pkg.fixtures.successResponse;
    const read = answer ? throughput(() => pkg.adapter.fromResponse?.(answer.status, answer.body), 5_000) : 0;
    validatorResults[`${model.slug}Mapper`] = { toRequest: mapped, fromResponse: read };
    row(`${model.slug}: toRequest / fromResponse`, `${ops(mapped)} / ${ops(read)}`, "", undefined, "", undefined);
  }
}
results.validators = validatorResults;

// ---- cold start: import + first validation in a fresh process ----
// Both sides are bundled by esbuild as an application would ship them, and
// time themselves from the import to the first answer. Left out, as the same
// for both: node's start-up and the ESM loader's set-up on its first file
// import (5 ms here, paid by any program), done beforehand with an empty module.
async function bundle(name: string, contents: string): Promise<string> {
  const outfile = join(scratch, `${name}.mjs`);
  await build({ stdin: { contents, resolveDir: root, loader: "ts" }, bundle: true, format: "esm", platform: "node", conditions: ["customer-adapters-source"], outfile, logLevel: "silent" });
  return outfile;
}
const warmUp = join(scratch, "empty.mjs");
writeFileSync(warmUp, "export {};\n");
function coldStart(file: string, payload: string): number {
  const script = `await import(${JSON.stringify(warmUp)}); const t = performance.now(); const m = await import(${JSON.stringify(file)}); if (typeof m.check(${payload}) !== "boolean") process.exit(1); console.log(performance.now() - t);`;
  const times: number[] = [];
  for (let run = 0; run < runs * 2; run++) {
    const result = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`cold start of ${file}: ${result.stderr}`);
    times.push(Number(result.stdout.trim()));
  }
  return median(times);
}
const jtlBody = JSON.stringify(JSON.parse(readFileSync(join(root, "generated/jtl/fixtures/request-body.json"), "utf8")).valid.full);
const jtlModel = models.find((model) => model.slug === "jtl");
const defs = JSON.stringify(Object.fromEntries((jtlModel?.schemas ?? []).map(({ name, schema }) => [name, validationSchema(schema)])));
const guardCold = coldStart(await bundle("guard", `export { isCreateCustomerRequestBody as check } from "./generated/jtl/src/index.ts";`), jtlBody);
const detailedCold = coldStart(await bundle("detailed", `import { validateCreateCustomerRequestBody } from "./generated/jtl/src/index.ts"; export const check = (value: unknown) => validateCreateCustomerRequestBody(value).ok;`), jtlBody);
const ajvCold = coldStart(
  await bundle(
    "ajv",
    `import { Ajv2020 } from "ajv/dist/2020.js"; import formats from "ajv-formats";
export function check(value: unknown) { const ajv = new Ajv2020({ strict: false, allowUnionTypes: true }); formats(ajv); ajv.addSchema({ $id: "components", $defs: ${defs} }); return ajv.compile(${JSON.stringify(validationSchema(jtlModel?.operation?.requestBody?.schema ?? {}))})(value); }`,
  ),
  jtlBody,
);
results.coldStart = { guardMs: guardCold, detailedMs: detailedCold, ajvMs: ajvCold };
row("jtl cold start: import + first `isRequest`", ms(guardCold), `ajv compile at run time: ${ms(ajvCold)}`, ajvCold / guardCold, "≥ 20× faster", ajvCold / guardCold >= 20);
row("jtl cold start: import + first `validateRequest`", ms(detailedCold), `ajv compile at run time: ${ms(ajvCold)}`, ajvCold / detailedCold, "", undefined);

// ---- size: each package's JavaScript, minified and gzipped ----
const sizes: Record<string, unknown> = {};
for (const name of readdirSync(join(root, "generated")).sort()) {
  const output = await build({
    entryPoints: [join(root, "generated", name, "src/index.ts")],
    bundle: true,
    minify: true,
    write: false,
    format: "esm",
    platform: "browser",
    conditions: ["customer-adapters-source"],
    external: name === "canonical" ? [] : ["@customer-adapters/canonical"],
    logLevel: "silent",
  });
  const code = output.outputFiles[0]?.contents ?? new Uint8Array();
  sizes[name] = { minified: code.length, gzipped: gzipSync(code).length };
  row(`${name}: index bundle, minified / gzipped`, `${(code.length / 1024).toFixed(1)} / ${(gzipSync(code).length / 1024).toFixed(1)} KiB`, "", undefined, "", undefined);
}
results.size = sizes;
rmSync(scratch, { recursive: true, force: true });

const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}, Node ${process.version}`;
const date = new Date().toISOString().slice(0, 10);
console.log(`\n${date}, ${machine}\n`);
console.log("| measure | value | baseline | ratio | target | met |\n|---|---|---|---|---|---|");
for (const entry of rows) console.log(`| ${entry.measure} | ${entry.value} | ${entry.baseline} | ${entry.ratio} | ${entry.target} | ${entry.met} |`);
mkdirSync(join(root, "bench/results"), { recursive: true });
writeFileSync(join(root, "bench/results/latest.json"), `${JSON.stringify({ date, machine, results, rows }, null, 2)}\n`);
