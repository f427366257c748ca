// A sample of the corpus (`npm run corpus` runs it all): small real published documents, each generated on
// its own as a new user would, type-checked, its fixtures run through its own validators. And the shapes
// of operations that real documents have and that made packages which did not type-check.
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCorpusDocument } from "../../tools/corpus.js";
import { repoRoot, runGenerate, typeCheck } from "../helpers/cli.js";
import { loadPackage } from "../helpers/package.js";

// Inside the repository so that the packages find the runtime and the canonical package in node_modules.
const work = join(repoRoot, ".test-output/corpus-sample");
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Swagger 2.0 YAML without operationIds (named "PUT /Contacts"), OpenAPI 3.0 JSON, OpenAPI 3.1 JSON.
const SAMPLE = ["xero-accounting-swagger2", "twilio-conversations", "adyen-legal-entity"];

describe("a sample of the corpus", () => {
  it.each(SAMPLE)(
    "%s generates, type-checks and its fixtures agree with its validators",
    async (slug) => {
      const row = await runCorpusDocument(slug, join(work, slug));
      expect(row.problem).toBeUndefined();
      expect(row).toMatchObject({ generated: true, typeChecks: true, fixturesAgree: true });
    },
    180_000,
  );
});

describe("operation shapes of published documents", () => {
  it("a POST with query parameters only and a 2XX success: the package type-checks; the body validators refuse any body", async () => {
    const dir = join(work, "bodyless");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, "specs"), { recursive: true });
    cpSync(join(repoRoot, "specs/canonical"), join(dir, "specs/canonical"), { recursive: true });
    writeFileSync(
      join(dir, "specs/acme.yaml"),
      `openapi: 3.0.3
info: { title: Acme, version: "1.0" }
paths:
  /contacts:
    post:
      operationId: createContact
      parameters:
        - { name: email, in: query, required: true, schema: { type: string, maxLength: 80 } }
      responses:
        "2XX":
          description: Created.
          content:
            application/json:
              schema: { type: object, properties: { id: { type: string } }, required: [id] }
        "4XX":
          description: Refused.
`,
    );
    const generation = runGenerate(["--specs", join(dir, "specs"), "--out", join(dir, "generated")]);
    expect(generation.stderr).toBe("");
    expect(generation.status).toBe(0);
    const tsc = typeCheck(dir, ["generated/acme/src/**/*.ts"]);
    expect(tsc.output).toBe("");
    expect(tsc.status).toBe(0);
    const pkg = await loadPackage<{
      adapter: { validateRequest(value: unknown): { ok: boolean }; isRequest(value: unknown): boolean };
      fixtures: { successResponse: { status: number } };
    }>("acme", join(dir, "generated"));
    expect(pkg.adapter.validateRequest({})).toMatchObject({ ok: false });
    expect(pkg.adapter.isRequest(undefined)).toBe(false);
    expect(pkg.fixtures.successResponse.status).toBe(200);
  }, 180_000);
});
