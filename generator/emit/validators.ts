import standaloneModule from "ajv/dist/standalone/index.js";
import type { SpecModel } from "../model/model.js";
import type { Schema } from "../model/schema-walk.js";
import { COMPONENTS_ID, createAjv, FORMATS_MODULE, validationSchema } from "../model/validation-schema.js";
import { jsDoc, printStatements } from "./source-file.js";
import { validationTargets } from "./validation-targets.js";

/** Where the shared runtime is imported from by vendor packages; the canonical package has it locally. */
export function runtimeImport(model: SpecModel): string {
  return model.kind === "canonical" ? "./runtime/validation.js" : "@customer-adapters/canonical";
}

/** Where the small validation helpers (`ucs2length`) come from, without the rest of the canonical package. */
export function validationImport(model: SpecModel): string {
  return model.kind === "canonical" ? "./runtime/validation.js" : "@customer-adapters/canonical/validation";
}

// CommonJS default export: under NodeNext it arrives as the module object.
const standaloneCode = standaloneModule as unknown as typeof standaloneModule.default;

/**
 * ajv's standalone ESM output still `require`s its runtime helpers
 * (ajv-validator/ajv#2209). Each known one becomes an import that means the
 * same under Node and under bundlers; an unknown one stops generation.
 */
function runtimeHelpers(model: SpecModel): Record<string, { name: string; from: string }> {
  return {
    'require("ajv/dist/runtime/ucs2length").default': { name: "ucs2length", from: validationImport(model) },
    'require("ajv/dist/runtime/equal").default': { name: "equal", from: validationImport(model) },
    [`require("${FORMATS_MODULE}").formats`]: { name: "formats", from: validationImport(model) },
  };
}

export function esmImports(code: string, helpers: Record<string, { name: string; from: string }>): string {
  const used = new Map<string, Set<string>>();
  let body = code;
  for (const [expression, { name, from }] of Object.entries(helpers))
    if (body.includes(expression)) {
      body = body.split(expression).join(name);
      used.set(from, (used.get(from) ?? new Set()).add(name));
    }
  const leftover = /require\("[^"]+"\)[^;]*/.exec(body);
  if (leftover) throw new Error(`ajv's standalone code needs \`${leftover[0]}\`, which the generator cannot import yet`);
  const imports = [...used].map(([from, names]) => `import { ${[...names].sort().join(", ")} } from "${from}";`).join("\n");
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
  // inlineRefs: false compiles each shared definition once instead of into every caller.
  const ajv = createAjv(model.schemas, { inlineRefs: false, code: { source: true, esm: true, optimize: true, lines: true } }, extra);
  const code = `${standaloneCode(ajv, exportsMap)}\n${aliases.join("\n")}\n`;
  const dts = [
    `import type { CompiledValidator } from "${runtimeImport(model)}";`,
    ...targets.map((target) => `/** Validates ${target.summary}. */\nexport declare const ${target.id}: CompiledValidator;`),
  ].join("\n\n");
  return { js: esmImports(code, runtimeHelpers(model)), dts };
}

/** `validators.ts`: typed `isX` guards and `validateX` functions with the vendor's own error codes attached. */
export function emitValidators(model: SpecModel): string {
  const targets = validationTargets(model);
  const errors = model.operation?.errors ?? [];
  const statements: string[] = [
    `import { passes, runValidator, type ValidationResult, type VendorRule } from "${runtimeImport(model)}";`,
    `import * as compiled from "./validators.compiled.js";`,
    `import * as guards from "./guards.js";`,
    `import type { ${targets.map((target) => target.type).sort().join(", ")} } from "./types.js";`,
  ];
  const rulesByLocation = new Map<string, unknown[]>();
  for (const error of errors)
    for (const rule of error.rules) {
      const list = rulesByLocation.get(rule.in) ?? [];
      list.push({ path: rule.path, keywords: rule.keywords, code: error.code, message: error.message });
      rulesByLocation.set(rule.in, list);
    }
  for (const [location, rules] of [...rulesByLocation].sort(([a], [b]) => (a < b ? -1 : 1)))
    statements.push(
      `${jsDoc(`The vendor's error codes for rules on the ${location}, from the spec's \`x-errors\`.`)}\nconst ${location}Rules: readonly VendorRule[] = ${JSON.stringify(rules, null, 2)};`,
    );
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
    const cases = responses.map((target) => `    case ${JSON.stringify(target.status)}:\n      return validate${target.type}(body);`).join("\n");
    statements.push(
      `const documentedStatuses: readonly string[] = ${JSON.stringify(documented)};`,
      `${jsDoc("Validates a response body against the schema the vendor documents for its status (exact status first, then `4XX`-style ranges, then `default`).")}
export function validateResponse(status: number, body: unknown): ValidationResult<unknown> {
  const range = \`\${String(status).charAt(0)}XX\`;
  const key = [String(status), range, "default"].find((candidate) => documentedStatuses.includes(candidate));
  switch (key) {
${cases}
    default:
      return { ok: false, errors: [{ path: "", rule: "status", message: \`status \${status} is not documented for this operation\` }] };
  }
}`,
    );
  }
  return printStatements(statements);
}
