/**
 * The README's example of a generated package ("A generated package") is
 * code a user can call: it type-checks against this repository's JTL
 * package under strict, exactOptionalPropertyTypes and
 * noUncheckedIndexedAccess, as a user's app would be (its `customer` and
 * JTL's credentials declared, as the app has them). The example of a user's
 * repository is compiled and run by test/consumer/cli.test.ts.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { repoRoot } from "../helpers/cli.js";
import { STRICT_APP_OPTIONS } from "../helpers/strict-app.js";

const work = mkdtempSync(join(tmpdir(), "readme-example-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it("type-checks the README's example of a generated package under strict settings", () => {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const example = readme.split("## A generated package")[1]?.match(/```ts\n([\s\S]*?)```/)?.[1] ?? "";
  expect(example).toContain('from "@customer-adapters/jtl"');
  const entry = (name: string) => JSON.stringify(join(repoRoot, "generated", name, "src/index.js"));
  const app = [
    `import type { Customer } from ${entry("canonical")};`,
    "declare const customer: Customer;",
    "declare const tenantId: string;",
    "declare const apiKey: string;",
    example.replace('"@customer-adapters/jtl"', entry("jtl")),
    "export {};",
  ].join("\n");
  writeFileSync(join(work, "app.ts"), app);
  writeFileSync(join(work, "package.json"), JSON.stringify({ type: "module" }));
  const compilerOptions = {
    ...STRICT_APP_OPTIONS,
    lib: ["es2022", "dom", "dom.iterable"],
    noEmit: true,
    // The repository's packages resolve to their sources, as its own type-check reads them.
    customConditions: ["customer-adapters-source"],
  };
  writeFileSync(join(work, "tsconfig.json"), JSON.stringify({ compilerOptions, files: ["app.ts"] }));
  const tsc = spawnSync(
    process.execPath,
    [join(repoRoot, "node_modules/typescript/bin/tsc"), "-p", join(work, "tsconfig.json")],
    { encoding: "utf8" },
  );
  expect(tsc.stdout + tsc.stderr).toBe("");
  expect(tsc.status).toBe(0);
}, 120_000);
