// Runs groups of the official JSON-Schema-Test-Suite (draft 2020-12, in
// test/fixtures/json-schema-test-suite/) through the generator: each group's
// schema becomes the only component of a minimal canonical spec, goes through
// load -> model -> emit as `generate` runs them (without the formatter), and
// each case is checked with the generated `isCustomer` and `validateCustomer`.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { emitPackage } from "../../generator/emit/package.js";
import { loadSpecWithSource } from "../../generator/spec.js";
import { isSpecFailure } from "../../generator/core/spec-error.js";
import { withSampleWarnings } from "../../generator/pipeline.js";
import { repoRoot } from "../helpers/cli.js";

export const suiteDir = join(repoRoot, "test/fixtures/json-schema-test-suite/tests/draft2020-12");

export interface SuiteCase {
  description: string;
  data: unknown;
  valid: boolean;
}

export interface SuiteGroup {
  file: string;
  description: string;
  schema: unknown;
  tests: SuiteCase[];
}

export const readGroups = (file: string): SuiteGroup[] =>
  (JSON.parse(readFileSync(join(suiteDir, file), "utf8")) as Omit<SuiteGroup, "file">[]).map((group) => ({
    ...group,
    file,
  }));

/** Refs to the schemas the suite serves from a web server (refRemote and friends): not part of one document. */
export const usesRemoteRef = (schema: unknown): boolean => /localhost:1234/.test(JSON.stringify(schema));

const COMPONENT = "#/components/schemas/Customer";
/** The generated files `isCustomer` and `validateCustomer` need (types are erased). */
const RUN_FILES = new Set(["suite/src/validators.ts", "suite/src/guards.ts", "suite/src/validators.compiled.js"]);

/**
 * The group's schema as a component: its document-relative refs (`#`,
 * `#/$defs/x`) are relative to the component now, unless a schema resource
 * (`$id`) encloses them, which the loader resolves them against.
 */
function asComponent(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(asComponent);
  if (schema === null || typeof schema !== "object" || "$id" in schema) return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      (key === "$ref" || key === "$dynamicRef") &&
      typeof value === "string" &&
      value.startsWith("#") &&
      !/^#[A-Za-z]/.test(value)
        ? COMPONENT + value.slice(1)
        : // `enum` and `const` hold data, not schemas
          key === "enum" || key === "const"
          ? value
          : asComponent(value),
    ]),
  );
}

export const specOf = (schema: unknown): string =>
  JSON.stringify(
    {
      openapi: "3.1.0",
      info: { title: "Suite", version: "1.0.0" },
      components: { schemas: { Customer: asComponent(schema) } },
    },
    null,
    2,
  );

export type Outcome =
  | { kind: "refused"; message: string }
  | { kind: "crashed"; message: string }
  | {
      kind: "generated";
      isCustomer: (value: unknown) => boolean;
      validateCustomer: (value: unknown) => { ok: boolean };
    };

/** Generates the group's package into `dir` and imports its validators, or says why it could not. */
export async function generateGroup(schema: unknown, dir: string): Promise<Outcome> {
  const path = join(dir, "suite.yaml");
  const text = specOf(schema);
  let files: { path: string; content: string }[];
  try {
    const { model, source } = loadSpecWithSource(path, {
      root: dir,
      slug: "suite",
      // A canonical-kind spec: one schema, no operation (the loader tells kinds by place otherwise).
      kind: "canonical",
      readFile: (file) => (file === path ? text : undefined),
    });
    files = withSampleWarnings(source, model, () => emitPackage(model));
  } catch (error) {
    if (isSpecFailure(error)) return { kind: "refused", message: error.message };
    return { kind: "crashed", message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  mkdirSync(join(dir, "suite/src"), { recursive: true });
  for (const file of files) {
    if (!RUN_FILES.has(file.path)) continue;
    writeFileSync(join(dir, file.path), file.content);
  }
  const module = (await import(join(dir, "suite/src/validators.ts"))) as {
    isCustomer: (value: unknown) => boolean;
    validateCustomer: (value: unknown) => { ok: boolean };
  };
  return { kind: "generated", isCustomer: module.isCustomer, validateCustomer: module.validateCustomer };
}
