import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import { afterAll, expect, it } from "vitest";
import { loadAll } from "../../generator/pipeline.js";
import { responseTypeName } from "../../generator/emit/names.js";
import { typeName } from "../../generator/emit/type-expression.js";
import { repoRoot, typeCheck } from "../helpers/cli.js";
import { componentName } from "../../generator/model/lookup.js";

const out = join(repoRoot, ".test-output/openapi-typescript");
afterAll(() => rmSync(out, { recursive: true, force: true }));

it("agrees with openapi-typescript on every vendor's request and response types", async () => {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const vendors = loadAll(join(repoRoot, "specs"), repoRoot).filter((model) => model.kind === "vendor");
  expect(vendors.length).toBeGreaterThan(0);
  const checks: string[] = [
    "type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;",
    "type Fits<A, B> = [A] extends [B] ? true : false;",
  ];
  for (const model of vendors) {
    // defaultNonNullable would make a field with a default required; a request may leave it out (the vendor applies the default).
    const theirs = astToString(
      await openapiTS(pathToFileURL(join(repoRoot, model.specFile)), { defaultNonNullable: false }),
    );
    writeFileSync(join(out, `${model.slug}.ts`), theirs);
    const operation = model.operation;
    if (!operation) continue;
    const alias = model.slug.replace(/\W/g, "_");
    checks.push(
      `import type * as ${alias}Theirs from "./${model.slug}.js";`,
      `import type * as ${alias}Ours from "../../generated/${model.slug}/src/index.js";`,
    );
    const prefix = typeName(operation.id);
    const body = operation.requestBody ? componentName(operation.requestBody.schema) : undefined;
    if (body)
      checks.push(
        `export const ${alias}Request: Same<${alias}Ours.${prefix}RequestBody, ${alias}Theirs.components["schemas"]["${body}"]> = true;`,
      );
    for (const response of operation.responses) {
      const schema = response.body ? componentName(response.body.schema) : undefined;
      if (schema)
        checks.push(
          `export const ${alias}Response${response.status}: Fits<${alias}Ours.${responseTypeName(model, response.status)}, ${alias}Theirs.components["schemas"]["${schema}"]> = true;`,
        );
    }
  }
  writeFileSync(join(out, "agree.ts"), `${checks.join("\n")}\n`);
  const tsc = typeCheck(out, ["*.ts"]);
  expect(tsc.output).toBe("");
  expect(tsc.status).toBe(0);
});
