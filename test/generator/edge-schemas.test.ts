// Schemas that are valid JSON Schema but unusual, through the whole
// generator (load, model, every emitter, formatting): the spec fuzz found
// each of these crashing a run before they were handled.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { MockVendor } from "@customer-adapters/runtime/mock";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { generate } from "../../generator/pipeline.js";
import { repoRoot, typeCheck } from "../helpers/cli.js";
import { miniMapping, miniVendor, removeSpecsFolders, specsFolder } from "../helpers/mini-vendor.js";

afterAll(removeSpecsFolders);

const withPhone = (phone: string) =>
  miniVendor(miniMapping).replace("phone: { type: string, description: Phone. }", `phone: ${phone}`);

async function run(spec: string) {
  const specs = specsFolder(spec);
  return generate(specs, join(specs, ".."), new Set(["mini"]));
}

describe("unusual schemas through the whole generator", () => {
  it("true and false as anyOf members: typed, sampled and guarded", async () => {
    const { files } = await run(withPhone("{ anyOf: [{ type: string, maxLength: 3 }, true], description: Phone. }"));
    const types = files.find((file) => file.path === "mini/src/types.ts")?.content ?? "";
    expect(types).toMatch(/phone\?: string \| unknown;/);
    const guards = files.find((file) => file.path === "mini/src/guards.ts")?.content ?? "";
    expect(guards).toContain("(() => true)(phone)");
  });

  it("enum and uniqueItems over objects: ajv's code gets its deep-equality helper", async () => {
    const { files } = await run(
      withPhone("{ type: array, uniqueItems: true, items: { type: object }, description: Phones. }"),
    );
    const compiled = files.find((file) => file.path === "mini/src/validators.compiled.js")?.content ?? "";
    // Each helper from the runtime module that holds it, none from the `./validation` barrel (it loads every one).
    expect(compiled).toContain('import { equal } from "@customer-adapters/runtime/equal";');
    expect(compiled).toContain('import { formatDefinitions } from "@customer-adapters/runtime/formats";');
    expect(compiled).toContain('import { ucs2length } from "@customer-adapters/runtime/checks";');
    expect(compiled).not.toContain("runtime/validation");
  });

  it("an optional property the fixture generator cannot satisfy is left out of the full sample, not a refusal", async () => {
    // A URI of at most 5 characters exists ("a:b"), but no sample the generator makes is one.
    const { files, models } = await run(withPhone("{ type: string, format: uri, maxLength: 5, description: Phone. }"));
    const fixtures = JSON.parse(
      files.find((file) => file.path === "mini/src/fixtures/request-body.json")?.content ?? "",
    );
    expect(fixtures.valid.full.name).toEqual(expect.any(String));
    expect(fixtures.valid.full).not.toHaveProperty("phone");
    expect(models.find((model) => model.slug === "mini")?.warnings).toEqual([]);
  });
});

describe("a mapped vendor whose context and success samples cannot be made", () => {
  // A URI of at most 5 characters exists ("a:b"), but no sample the generator makes is one: both fixtures are left out.
  const spec = miniVendor(miniMapping)
    .replace(
      "customerId: { type: integer, description: Id. }",
      "customerId: { type: string, format: uri, maxLength: 5, description: Id. }\n      required: [customerId]",
    )
    .replace("x-context:\n  type: object", "x-context:\n  type: object\n  required: [account]")
    .replace(
      "account: { type: string, description: Account. }",
      "account: { type: string, format: uri, maxLength: 5, description: Account. }",
    );

  it("still makes a mock that type-checks and answers the documented status", async () => {
    const { files, models } = await run(spec);
    const warnings = models.find((model) => model.slug === "mini")?.warnings.map(String) ?? [];
    expect(warnings.join("\n")).toMatch(/x-context[^\n]*\n.*responses\/201/);
    // Inside the repository, where the package finds the runtime.
    const work = join(repoRoot, ".test-output/mock-without-fixtures");
    rmSync(work, { recursive: true, force: true });
    onTestFinished(() => rmSync(work, { recursive: true, force: true }));
    const out = join(work, "generated");
    for (const file of files.filter((each) => each.path.startsWith("mini/"))) {
      mkdirSync(dirname(join(out, file.path)), { recursive: true });
      writeFileSync(join(out, file.path), file.content);
    }
    const fixtures = files.find((file) => file.path === "mini/src/fixtures.ts")?.content ?? "";
    expect(fixtures).not.toMatch(/export const (context|successResponse)\b/);
    const tsc = typeCheck(work, ["generated/mini/src/**/*.ts"]);
    expect(tsc.output).toBe("");
    const { createMock } = (await import(pathToFileURL(join(out, "mini/src/mock.ts")).href)) as {
      createMock(options: object): MockVendor;
    };
    const mock = createMock({ context: { account: "a:b", user: "u", password: "p" } });
    const answer = await mock.fetch("https://mini.test/api/customers?account=a%3Ab", {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Basic ${btoa("u:p")}` },
      body: JSON.stringify({ name: "Ann" }),
    });
    expect(answer.status).toBe(201);
  });
});

describe("a defect of the vendor's document", () => {
  it("an enum whose every value is longer than its maxLength is one positioned warning; the package is made", async () => {
    const { models } = await run(
      withPhone("{ type: string, enum: [MALE, FEMALE], maxLength: 1, description: Gender. }"),
    );
    const warnings = models.find((model) => model.slug === "mini")?.warnings ?? [];
    expect(warnings).toEqual([
      expect.stringMatching(
        /^specs\/mini\.yaml:\d+:\d+ \/components\/schemas\/Body\/properties\/phone\/enum: no value of `enum` satisfies the maxLength 1 beside it \("MALE" has 4 characters\): the validators refuse every value here \(warning\)$/,
      ),
    ]);
  });

  it("so is one whose limit is in another allOf part, at the enum, naming the limit's line", async () => {
    const { models } = await run(
      withPhone("{ allOf: [{ type: string, enum: [MALE, FEMALE] }, { maxLength: 1 }], description: Gender. }"),
    );
    const warnings = models.find((model) => model.slug === "mini")?.warnings ?? [];
    expect(warnings).toEqual([
      expect.stringMatching(
        /^specs\/mini\.yaml:(\d+):\d+ \/components\/schemas\/Body\/properties\/phone\/allOf\/0\/enum: no value of `enum` satisfies the maxLength 1 at specs\/mini\.yaml:\d+:\d+ \("MALE" has 4 characters\): the validators refuse every value here \(warning\)$/,
      ),
    ]);
  });
});
