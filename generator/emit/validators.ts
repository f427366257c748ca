import standaloneModule from "ajv/dist/standalone/index.js";
import { formatDefinitions } from "@customer-adapters/runtime/formats";
import type { SpecModel } from "../model/model.js";
import type { Schema } from "../core/schema-walk.js";
import { ajvWithDefinitions, COMPONENTS_ID, FORMATS_MODULE, validationSchema } from "../model/validation-schema.js";
import { layoutCompiledData } from "./compiled-layout.js";
import { importLine, importTypes, runtimeModule, type RuntimeSubpath } from "./imports.js";
import { printCode } from "./final-layout.js";
import type { OutputKind } from "./output-kind.js";
import { emitGuards } from "./guards/index.js";
import { jsDoc, printStatements } from "./source-file.js";
import { typeName } from "./type-expression.js";
import { validationTargets } from "./validation-targets.js";

// CommonJS default export: under NodeNext it arrives as the module object.
const standaloneCode = standaloneModule as unknown as typeof standaloneModule.default;

/**
 * ajv's standalone ESM output still `require`s its runtime helpers
 * (ajv-validator/ajv#2209). Each known one becomes an import that means the
 * same under Node and under bundlers; an unknown one stops generation.
 */
const FORMATS = `require("${FORMATS_MODULE}").formats`;
const RUNTIME_HELPERS: Record<string, { name: string; from: string }> = {
  'require("ajv/dist/runtime/ucs2length").default': { name: "ucs2length", from: runtimeModule("checks") },
  'require("ajv/dist/runtime/equal").default': { name: "equal", from: runtimeModule("equal") },
  [FORMATS]: { name: "formats", from: runtimeModule("format-set") },
};
/** The format a read of the formats names (`<formats>.int32`, `<formats>["date-time"]`), from what follows it. */
const FORMAT_NAME = /^(?:\.([\w$]+)|\["([^"]+)"\])/;

/**
 * The helpers for `code`: its formats from `./formats` (no ajv-formats at
 * load) when it calls only formats defined there, else the whole set.
 */
function helpersFor(code: string): Record<string, { name: string; from: string }> {
  const read = code
    .split(FORMATS)
    .slice(1)
    .map((after) => FORMAT_NAME.exec(after))
    .map((match) => match?.[1] ?? match?.[2] ?? "");
  const light = read.every((name) => Object.hasOwn(formatDefinitions, name));
  return light
    ? { ...RUNTIME_HELPERS, [FORMATS]: { name: "formatDefinitions", from: runtimeModule("formats") } }
    : RUNTIME_HELPERS;
}

/**
 * The runtime module of each helper a guard calls. Only these subpaths: the
 * `./validation` barrel loads ajv-formats and fast-deep-equal (CommonJS),
 * which cost a guard's cold start more than the guard itself.
 */
const GUARD_HELPERS: Record<string, RuntimeSubpath> = {
  ucs2length: "checks",
  isDate: "formats",
  isDateTime: "formats",
  isInt32: "formats",
};
const guardHelperModule = (helper: string): string => runtimeModule(GUARD_HELPERS[helper] ?? "format-set");

export function esmImports(code: string, helpers: Record<string, { name: string; from: string }>): string {
  const used = new Map<string, Set<string>>();
  let body = code;
  for (const [expression, { name, from }] of Object.entries(helpers))
    if (body.includes(expression)) {
      body = body.split(expression).join(name);
      used.set(from, (used.get(from) ?? new Set()).add(name));
    }
  const leftover = /require\("[^"]+"\)[^;]*/.exec(body);
  if (leftover)
    throw new Error(`ajv's standalone code needs \`${leftover[0]}\`, which the generator cannot import yet`);
  const imports = [...used]
    .map(([from, names]) => `import { ${[...names].sort().join(", ")} } from "${from}";`)
    .join("\n");
  return `${imports}\n${body.replace(/^"use strict";/, "")}`;
}

/** `validators.compiled.js`: ajv compiled at generate time, so consumers never compile schemas (no eval, CSP-safe). */
export function emitCompiledValidators(model: SpecModel): { js: string; dts: string } {
  const targets = validationTargets(model);
  // Every export points into one root schema (ajv declares shared functions
  // twice when exports come from several roots); a target that is just a
  // reference exports the component itself, others become extra definitions.
  const exportsMap: Record<string, string> = {};
  const aliases: string[] = [];
  const extra: { name: string; schema: Schema }[] = [];
  for (const target of targets) {
    const { $ref, ...rest } = validationSchema(target.schema);
    if (typeof $ref === "string" && Object.keys(rest).length === 0) {
      // ajv declares a function once per export: two exports of one schema would clash.
      const first = Object.entries(exportsMap).find(([, key]) => key === $ref)?.[0];
      if (first) aliases.push(`export const ${target.id} = ${first};`);
      else exportsMap[target.id] = $ref;
    } else {
      extra.push({ name: `@${target.id}`, schema: target.schema });
      exportsMap[target.id] = `${COMPONENTS_ID}#/$defs/@${target.id}`;
    }
  }
  // The ajv that compiled the spec's schemas for the generate-time checks: what they compiled is not compiled again.
  const ajv = ajvWithDefinitions(model.schemas, extra);
  const code = `${standaloneCode(ajv, exportsMap)}\n${aliases.join("\n")}\n`;
  const dts = [
    `import type { CompiledValidator } from "${runtimeModule("checks")}";`,
    ...targets.map(
      (target) => `/** Validates ${target.summary}. */\nexport declare const ${target.id}: CompiledValidator;`,
    ),
  ].join("\n\n");
  return { js: layoutCompiledData(esmImports(code, helpersFor(code))), dts: `${dts}\n` };
}

/** The request body type of an operation that takes none (query parameters only), or undefined. */
export function bodylessRequest(model: SpecModel): { type: string; operation: string } | undefined {
  const operation = model.operation;
  if (!operation || operation.requestBody) return undefined;
  return { type: `${typeName(operation.id)}RequestBody`, operation: `${operation.method} ${operation.path}` };
}

/** `validateX`/`isX` for the body of an operation that takes none: every value is refused, as the adapter's shape needs them. */
function bodylessValidators(type: string, operation: string): string[] {
  return [
    `${jsDoc(`${operation} takes no request body: every value is refused.`)}\nexport function validate${type}(_value: unknown): ValidationResult<${type}> {\n  return { ok: false, errors: [{ path: "", rule: "requestBody", message: ${JSON.stringify(`${operation} takes no request body`)} }] };\n}`,
    `${jsDoc(`${operation} takes no request body: no value is one.`)}\nexport function is${type}(_value: unknown): _value is ${type} {\n  return false;\n}`,
  ];
}

const STATUSES = "const documentedStatuses: readonly string[] = ";

/** `validators.ts`: typed `isX` guards and `validateX` functions with the vendor's own error codes attached. */
export function emitValidators(model: SpecModel): string {
  const targets = validationTargets(model);
  const bodyless = bodylessRequest(model);
  const errors = model.operation?.errors ?? [];
  const helpers = errors.some((error) => error.rules.length > 0)
    ? ["passes", "runValidator", "vendorRules"]
    : ["passes", "runValidator"];
  const statements: string[] = [
    importLine(runtimeModule("checks"), helpers, ["ValidationResult", ...(helpers.length > 2 ? ["VendorRule"] : [])]),
    `import * as compiled from "./validators.compiled.js";`,
    `import * as guards from "./guards.js";`,
    importTypes("./types.js", [...targets.map((target) => target.type), ...(bodyless ? [bodyless.type] : [])]),
  ];
  if (bodyless) statements.push(...bodylessValidators(bodyless.type, bodyless.operation));
  const locations = [...new Set(errors.flatMap((error) => error.rules.map((rule) => rule.in)))].sort();
  if (locations.length > 0) statements.splice(2, 0, `import { vendorErrors } from "./operation.js";`);
  for (const location of locations) {
    // Marked pure: a bundle that takes only `isX` drops the table and the vendor's error list with it.
    const rules = `/* @__PURE__ */ vendorRules(vendorErrors, ${JSON.stringify(location)})`;
    statements.push(
      `${jsDoc(`The vendor's error codes for rules on the ${location}.`)}\nconst ${location}Rules: readonly VendorRule[] = ${rules};`,
    );
  }
  const rulesByLocation = new Set(locations);
  for (const target of targets) {
    const rules = target.location && rulesByLocation.has(target.location) ? `, ${target.location}Rules` : "";
    statements.push(
      `${jsDoc(`Validates ${target.summary}: every broken rule, with the vendor's code where it has one.`)}\nexport function validate${target.type}(value: unknown): ValidationResult<${target.type}> {\n  return runValidator<${target.type}>(compiled.${target.id}, value${rules});\n}`,
      `${jsDoc(`Whether a value is ${target.summary.replace(/^the /, "a valid ")}. Never throws; stops at the first broken rule (\`validate${target.type}\` lists them all).`)}\nexport function is${target.type}(value: unknown): value is ${target.type} {\n  return passes(guards.${target.id}, value);\n}`,
    );
  }
  const responses = targets.filter((target) => target.status !== undefined);
  if (model.operation) {
    const documented = responses.map((target) => target.status as string);
    const cases = responses
      .map((target) => `    case ${JSON.stringify(target.status)}:\n      return validate${target.type}(body);`)
      .join("\n");
    statements.push(
      `${STATUSES}${printCode(documented, { indent: "", column: STATUSES.length, after: 1 })};`,
      `${jsDoc("Validates a response body against the schema the vendor documents for its status (exact status first, then `4XX`-style ranges, then `default`).")}
export function validateResponse(status: number, body: unknown): ValidationResult<unknown> {
  const range = \`\${String(status).charAt(0)}XX\`;
  const key = [String(status), range, "default"].find((candidate) => documentedStatuses.includes(candidate));
  switch (key) {
${cases}
    default:
      return {
        ok: false,
        errors: [{ path: "", rule: "status", message: \`status \${status} is not documented for this operation\` }],
      };
  }
}`,
    );
  }
  return printStatements(statements);
}

/** Validators: ajv compiled ahead of time, the fail-fast guards and the typed `isX` / `validateX` over both. */
export const validatorsOutput: OutputKind = {
  name: "validators",
  summary:
    "`isX(value)` (a type guard that stops at the first broken rule and never throws) and `validateX(value)` (every broken rule, with the vendor's own error code) for each validated type; no `eval` at run time.",
  optional: false,
  appliesTo: () => true,
  files: ({ model }) => {
    const compiled = emitCompiledValidators(model);
    return [
      { path: "src/validators.compiled.js", content: compiled.js, verbatim: true, layout: "js" },
      { path: "src/validators.compiled.d.ts", content: compiled.dts, verbatim: true },
      { path: "src/guards.ts", content: emitGuards(model, guardHelperModule), verbatim: true },
      { path: "src/validators.ts", content: emitValidators(model), verbatim: true },
    ];
  },
  main: () => [{ source: "./validators.js" }],
  entries: () => [{ subpath: "./validators", source: "src/validators.ts" }],
  adapter: (model) => {
    const body = `${typeName(model.operation?.id ?? "")}RequestBody`;
    return {
      imports: [`import { is${body}, validate${body}, validateResponse } from "./validators.js";`],
      members: [`validateRequest: validate${body}`, `isRequest: is${body}`, "validateResponse"],
    };
  },
};
