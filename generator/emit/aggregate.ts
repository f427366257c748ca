import { AGGREGATE_SLUG } from "../core/output-folders.js";
import { isSchemaObject, type Schema } from "../core/schema-walk.js";
import { schemasAt } from "../model/check-model.js";
import { canonicalLeaves, type MappingRow, requestRows } from "../model/mapping-table.js";
import type { SpecModel } from "../model/model.js";
import { importLine, importNames, runtimeModule } from "./imports.js";
import { printCode, printJsonFile, withParameters } from "./final-layout.js";
import type { GeneratedFile } from "./package.js";
import { emitTsconfig, GENERATOR_VERSION, packageVersion, RUNTIME_VERSION, SCOPE } from "./package-json.js";
import { jsDoc, printStatements } from "./source-file.js";

/**
 * The aggregate package of an output folder (`<scope>/vendors` in
 * `generated/vendors/`): every mapped vendor's adapter in one list, with
 * `preflight` and `createEverywhere` over them (run by the runtime's
 * `./vendors`), and a README with the coverage matrix. Unlike an output kind
 * (one package, one model), it reads all the models; a vendor package never
 * imports it.
 */
export { AGGREGATE_SLUG };

const identifier = (slug: string) => `vendor_${slug.replace(/[^a-zA-Z0-9]/g, "_")}`;

/** The x-context's inputs: required ones, then the others, each sorted. */
export function contextInputs(model: SpecModel): { required: string[]; optional: string[] } {
  const context = model.context;
  const properties = isSchemaObject(context?.properties) ? Object.keys(context.properties) : [];
  const required = new Set(Array.isArray(context?.required) ? (context.required as string[]) : []);
  return {
    required: properties.filter((name) => required.has(name)).sort(),
    optional: properties.filter((name) => !required.has(name)).sort(),
  };
}

/** The vendors the aggregate holds: those with a mapper, by slug. */
export const aggregatedVendors = (models: readonly SpecModel[]): SpecModel[] =>
  models
    .filter((model) => model.kind === "vendor" && model.mapping !== undefined && model.operation !== undefined)
    .sort((a, b) => (a.slug < b.slug ? -1 : 1));

function emitIndex(vendors: SpecModel[]): string {
  const entries = vendors.map((model) => {
    const name = identifier(model.slug);
    const context = printCode(
      contextInputs(model),
      { indent: "    ", column: "    context: ".length, after: 1 },
      false,
    );
    return `  {\n    slug: ${printCode(model.slug, { indent: "    " })},\n    name: ${printCode(model.vendorName, { indent: "    " })},\n    context: ${context},\n    toRequest: ${name}.toRequest,\n    checkCustomer: ${name}.checkCustomer,\n    createCustomer: ${name}.createCustomer,\n  },`;
  });
  return printStatements([
    importLine(
      runtimeModule("vendors"),
      ["createEverywhere as createAtEach", "preflight as preflightAt"],
      ["Contexts", "EverywhereOptions", "EverywhereResult", "PreflightResult", "VendorEntry"],
    ),
    `import type { Customer } from "${SCOPE}/canonical";`,
    ...vendors.map((model) => `import * as ${identifier(model.slug)} from "${SCOPE}/${model.slug}";`),
    `${jsDoc("Every vendor of this output folder: its slug, name, the context inputs it needs, and its mapper and client.")}\nexport const vendors: readonly VendorEntry<Customer>[] = [\n${entries.join("\n")}\n];`,
    `${jsDoc("For each vendor, without sending anything: `ok`, or the exact problems its `toRequest` would give (canonical field, vendor field, rule, limit), and the required context inputs missing from `contexts` (by slug).")}\nexport function preflight(customer: Customer, contexts: Contexts = {}): PreflightResult[] {\n  return preflightAt(vendors, customer, contexts);\n}`,
    `${jsDoc("Creates the customer at each vendor (`options.vendors` to choose), `options.concurrency` at a time, each call bounded by `options.timeoutMs`. Never throws: one outcome per vendor (created, refused, unknown, unavailable) and a summary.")}\n${withParameters("export function createEverywhere", ["customer: Customer", "contexts: Contexts", "options: EverywhereOptions = {}"], ": Promise<EverywhereResult> {")}\n  return createAtEach(vendors, customer, contexts, options);\n}`,
    importNames(
      runtimeModule("vendors"),
      ["Contexts", "EverywhereOptions", "EverywhereResult", "PreflightResult", "Problem", "VendorOutcome"],
      "export type",
    ),
  ]);
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
const wildcard = (pointer: string) => pointer.replace(/\/\d+(?=\/|$)/g, "/*");

/** A vendor field's limits, as the matrix shows them (`maxLength 50`). */
function limitsOf(model: SpecModel, vendorField: string): string {
  const [, part, ...rest] = vendorField.split("/");
  let schemas: Schema[] = [];
  if (part === "body" && model.operation?.requestBody)
    schemas = schemasAt(model, model.operation.requestBody.schema, `/${rest.join("/")}`);
  else {
    const parameter = model.operation?.parameters.find((p) => p.in === part && p.name === rest.join("/"));
    if (parameter) schemas = [parameter.schema];
  }
  const limits: string[] = [];
  for (const key of ["maxLength", "maxItems", "maximum", "pattern", "format"] as const) {
    const value = schemas.map((schema) => schema[key]).find((found) => found !== undefined);
    // A long pattern would fill the table: its name says there is one, the vendor package's README has it.
    if (typeof value === "string" && value.length > 24) limits.push(key);
    else if (value !== undefined) limits.push(`${key} ${typeof value === "string" ? `\`${value}\`` : String(value)}`);
  }
  const values = schemas.map((schema) => schema.enum).find(Array.isArray);
  if (values) limits.push(`one of ${values.length}`);
  return limits.join(", ");
}

/** A vendor's column of the coverage matrix: its request rows and its fields' limits, each worked out once. */
function coverageColumn(model: SpecModel): (leaf: string) => string {
  const rows = requestRows(model);
  const limits = new Map<string, string>();
  const limitsAt = (vendor: string) => {
    if (!limits.has(vendor)) limits.set(vendor, limitsOf(model, vendor));
    return limits.get(vendor) as string;
  };
  return (leaf) => coverageCell(rows, limitsAt, leaf);
}

/** One cell of the coverage matrix: where a canonical field goes at a vendor, with its limit, or why it does not. */
function coverageCell(rows: MappingRow[], limitsAt: (vendor: string) => string, leaf: string): string {
  const covers = (source: string) => {
    const field = wildcard(source);
    return field === leaf || leaf.startsWith(`${field}/`) || field.startsWith(`${leaf}/`);
  };
  const places = rows.filter((row) => row.sources.some(covers));
  if (places.length === 0) return "no place";
  const shown = [...new Set(places.map((row) => row.vendor))].map((vendor) => {
    const limits = limitsAt(vendor);
    return `\`${vendor}\`${limits ? ` (${limits})` : ""}`;
  });
  return cell(shown.join(", "));
}

/** The coverage matrix: one row per canonical field, one column per vendor. */
export function coverageMatrix(vendors: SpecModel[], canonical: SpecModel): string {
  const header = `| canonical field | ${vendors.map((model) => model.slug).join(" | ")} |`;
  const rule = `|---|${vendors.map(() => "---").join("|")}|`;
  const columns = vendors.map(coverageColumn);
  const rows = canonicalLeaves(canonical).map(
    (leaf) => `| \`${leaf}\` | ${columns.map((column) => column(leaf)).join(" | ")} |`,
  );
  return [header, rule, ...rows].join("\n");
}

/** The README's example summary, in this folder's own slugs: every vendor created. */
const summaryExample = (vendors: SpecModel[]) =>
  `{ created: [${vendors.map((model) => JSON.stringify(model.slug)).join(", ")}], refused: [], unknown: [], unavailable: [] }`;

function emitReadme(vendors: SpecModel[], canonical: SpecModel): string {
  const name = `${SCOPE}/${AGGREGATE_SLUG}`;
  const list = vendors.map((model) => {
    const { required, optional } = contextInputs(model);
    const inputs = [...required.map((input) => `\`${input}\``), ...optional.map((input) => `\`${input}\`?`)];
    return `| \`${model.slug}\` | ${cell(model.vendorName)} | ${inputs.join(", ") || "none"} |`;
  });
  const unmapped = vendors.flatMap((model) =>
    (model.mapping?.unmapped ?? []).map((entry) => `- ${model.vendorName} \`${entry.field}\`: ${cell(entry.reason)}`),
  );
  const needs = vendors.flatMap((model) =>
    (model.mapping?.needs ?? []).map(
      (entry) => `- ${model.vendorName} needs \`${entry.field}\`: ${cell(entry.reason)}`,
    ),
  );
  return `# ${name}

One customer, every vendor: each vendor package of this folder in one list, a
preflight against every vendor's rules, and a create at each of them.

\`\`\`ts
import { createEverywhere, preflight, vendors } from "${name}";

for (const result of preflight(customer, contexts))
  for (const problem of result.problems)
    console.log(result.vendor, problem.field, "→", problem.vendorField, problem.rule, problem.limit);

const { results, summary } = await createEverywhere(customer, contexts, { concurrency: 4, timeoutMs: 10_000 });
// summary: ${summaryExample(vendors)}
\`\`\`

\`contexts\` holds each vendor's context by slug. \`preflight\` sends nothing;
given a vendor's whole context it says exactly what \`toRequest\` would, and
without it the customer's problems and the inputs still missing.
\`createEverywhere\` never throws: each vendor's outcome is \`created\` (with
its id), \`refused\` (\`sent: false\` when the request was never built, else the
vendor's own errors), \`unknown\` (it may have been made: a timeout after
sending, an unreadable answer) or \`unavailable\`. Each vendor package works
without this one.

## Vendors

| slug | vendor | context (\`?\`: optional) |
|---|---|---|
${list.join("\n")}

## Coverage

Where each canonical field goes at each vendor (one column per slug), with
the vendor's limits there; \`no place\`: no field of the vendor's request takes
it (it may still steer the mapping, as \`/kind\` does through \`when\`).

${coverageMatrix(vendors, canonical)}
${needs.length > 0 ? `\nWhat each vendor needs beyond the canonical schema:\n\n${needs.join("\n")}\n` : ""}${unmapped.length > 0 ? `\nVendor fields left unfed, and why:\n\n${unmapped.join("\n")}\n` : ""}`;
}

function emitPackageJson(vendors: SpecModel[], canonical: SpecModel): string {
  const built = { types: "./dist/index.d.ts", default: "./dist/index.js" };
  const manifest = {
    name: `${SCOPE}/${AGGREGATE_SLUG}`,
    version: GENERATOR_VERSION,
    description: `Every vendor of this folder at once: preflight and createEverywhere over ${vendors.map((model) => model.vendorName).join(", ")}.`,
    license: "UNLICENSED",
    type: "module",
    sideEffects: false,
    engines: { node: ">=20" },
    exports: { ".": { "customer-adapters-source": "./src/index.ts", ...built } },
    main: "./dist/index.js",
    types: "./dist/index.d.ts",
    files: ["dist", "README.md"],
    dependencies: Object.fromEntries(
      [
        [`${SCOPE}/canonical`, packageVersion(canonical)],
        [`${SCOPE}/runtime`, RUNTIME_VERSION],
        ...vendors.map((model) => [`${SCOPE}/${model.slug}`, packageVersion(model)]),
      ].sort(([a], [b]) => ((a as string) < (b as string) ? -1 : 1)),
    ),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The package's tsconfig, with the vendor packages beside it found by their built declarations: a build in the output folder needs no install. */
function aggregateTsconfig(vendors: SpecModel[]): string {
  const config = JSON.parse(emitTsconfig()) as { compilerOptions: Record<string, unknown> };
  config.compilerOptions.paths = Object.fromEntries(
    vendors.map((model) => [`${SCOPE}/${model.slug}`, [`../${model.slug}/dist/index.d.ts`]]),
  );
  return printJsonFile(config);
}

/** The aggregate package's files (paths relative to the output folder), or none when no vendor has a mapper. */
export function emitAggregate(models: readonly SpecModel[], canonical: SpecModel | undefined): GeneratedFile[] {
  const vendors = aggregatedVendors(models);
  if (!canonical || vendors.length === 0) return [];
  const clash = models.find((model) => model.slug === AGGREGATE_SLUG);
  if (clash)
    throw new Error(
      `${clash.specFile}: the slug \`${AGGREGATE_SLUG}\` is the aggregate package's folder; name the vendor otherwise`,
    );
  const banner = `Generated by customer-adapters from the vendor specs with an x-mapping (${vendors.map((model) => model.specFile).join(", ")}).\nDo not edit by hand: change the specs and run \`npm run generate\`.`;
  return [
    { path: "package.json", content: emitPackageJson(vendors, canonical), verbatim: true },
    { path: "tsconfig.json", content: aggregateTsconfig(vendors), verbatim: true },
    { path: "README.md", content: `<!--\n${banner}\n-->\n${emitReadme(vendors, canonical)}` },
    {
      path: "src/index.ts",
      content: `/**\n${banner.replace(/^/gm, " * ")}\n */\n${emitIndex(vendors)}`,
      verbatim: true,
    },
  ].map((file) => ({ ...file, path: `${AGGREGATE_SLUG}/${file.path}` }));
}
