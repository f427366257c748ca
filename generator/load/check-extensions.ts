import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import standaloneModule from "ajv/dist/standalone/index.js";
import { closestName } from "../core/did-you-mean.js";
import { EXTENSION_NAMES, EXTENSIONS, type ExtensionSpec } from "../core/extensions.js";
import { escapePointerPart, joinPointer, splitPointer } from "../core/pointer.js";
import { isSchemaObject } from "../core/schema-walk.js";
import type { SourceDocument } from "../core/source.js";
import { SpecError, SpecErrors } from "../core/spec-error.js";
import { precompiledModule } from "./structure-validators.js";

// CommonJS default export: under NodeNext it arrives as the module object.
const standaloneCode = standaloneModule as unknown as typeof standaloneModule.default;

/** The name of the extensions' precompiled module in dist/ (`extensions.compiled.cjs`). */
export const EXTENSIONS_MODULE = "extensions";

/** Keys whose value is data (a sample, a default), never read for extensions. */
const DATA_KEYS = new Set(["example", "default", "enum", "const", "value"]);

/** Keys whose value maps names (properties, headers, status codes, paths) to objects: the names are not extensions. */
const NAME_MAPS = new Set([
  ...["properties", "patternProperties", "$defs", "dependentSchemas", "headers", "schemas", "securitySchemes"],
  ...["paths", "responses", "content", "examples", "callbacks", "links", "encoding", "variables", "parameters"],
  ...["requestBodies", "pathItems", "webhooks", "scopes", "mapping"],
]);

/**
 * One ajv holding every extension's shape under the extension's name. The
 * shapes are the project's own (tested), so they are not checked against the
 * meta-schema: compiling it cost an ajv instance a fifth of a second.
 */
function extensionsAjv(source: boolean): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true, validateSchema: false, code: { source } });
  for (const name of EXTENSION_NAMES) ajv.addSchema((EXTENSIONS[name] as ExtensionSpec).shape, name);
  return ajv;
}

/** The shapes' standalone validators (CommonJS, one export per extension name), which generator/compile.mjs writes into dist/. */
export function extensionValidatorsModule(): string {
  return standaloneCode(extensionsAjv(true), Object.fromEntries(EXTENSION_NAMES.map((name) => [name, name])));
}

let validators: ((name: string) => ValidateFunction) | undefined;

/** Each extension's shape: compiled ahead of time in dist/ (the command), else compiled here once (the sources, under the tests). */
function validatorOf(name: string): ValidateFunction {
  if (!validators) {
    const precompiled = precompiledModule<Record<string, ValidateFunction>>(EXTENSIONS_MODULE);
    const ajv = precompiled ? undefined : extensionsAjv(false);
    validators = (wanted) => {
      const validate = precompiled?.[wanted] ?? ajv?.getSchema(wanted);
      if (!validate) throw new Error(`no validator for \`${wanted}\``);
      return validate;
    };
  }
  return validators(name);
}

/** A shape's problem as a line: an unknown key with the nearest known one, or what the value must be. */
function describe(name: string, error: ErrorObject): { pointer: string; problem: string } {
  const key = (error.params as { additionalProperty?: string }).additionalProperty;
  if (key !== undefined) {
    const known = Object.keys((error.parentSchema as { properties?: object }).properties ?? {});
    const near = closestName(key, known);
    return {
      pointer: `${error.instancePath}/${escapePointerPart(key)}`,
      problem:
        `unknown key \`${key}\` in \`${name}\`` +
        (near ? ` (did you mean \`${near}\`?)` : `; known keys here: ${known.join(", ")}`),
    };
  }
  const where = error.instancePath ? `${error.instancePath} of \`${name}\`` : `\`${name}\``;
  return { pointer: error.instancePath, problem: `${where} ${error.message ?? "is not valid"}` };
}

/** The problems of one of our extensions: its place, then its value against its shape. */
function extensionProblems(name: string, value: unknown, parent: string): { pointer: string; problem: string }[] {
  const at = `${parent}/${escapePointerPart(name)}`;
  const spec = EXTENSIONS[name];
  if (!spec) return [];
  if (spec.place && !spec.place.test(parent))
    return [{ pointer: at, problem: `\`${name}\` goes on ${spec.on}; here nothing reads it` }];
  const validate = validatorOf(name);
  if (validate(value)) return [];
  // The deepest problem first: an unknown key inside a declaration rather than the declaration's other errors.
  return (validate.errors ?? []).map((error) => {
    const { pointer, problem } = describe(name, error);
    return { pointer: at + joinPointer(splitPointer(pointer)), problem };
  });
}

/**
 * Checks every `x-` key of the document against the project's vocabulary
 * (core/extensions.ts): ours must sit where they are read and hold what they
 * are read as, with no unknown key; one whose name is a near miss of ours
 * (`x-maping`) is an error naming ours. Every other `x-` key is the
 * vendor's (Stripe's `x-stripeResource`) and left alone.
 */
export function checkExtensions(source: SourceDocument): void {
  const problems: { pointer: string; problem: string }[] = [];
  const visit = (node: unknown, pointer: string, names: boolean): void => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${pointer}/${index}`, false));
      return;
    }
    if (!isSchemaObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      const at = `${pointer}/${escapePointerPart(key)}`;
      if (names) visit(value, at, false);
      else if (key.startsWith("x-")) {
        if (key in EXTENSIONS) {
          problems.push(...extensionProblems(key, value, pointer));
          if (EXTENSIONS[key]?.schema) visit(value, at, false);
        } else {
          const near = closestName(key, EXTENSION_NAMES);
          if (near) problems.push({ pointer: at, problem: `unknown extension \`${key}\` (did you mean \`${near}\`?)` });
        }
      } else if (DATA_KEYS.has(key) || (key === "examples" && Array.isArray(value))) continue;
      else visit(value, at, NAME_MAPS.has(key));
    }
  };
  visit(source.value, "", false);
  if (problems.length === 0) return;
  const errors = problems.map(({ pointer, problem }) => new SpecError(source.locate(pointer), problem));
  throw errors.length === 1 ? errors[0] : new SpecErrors(errors);
}
