// Which generated files the pipeline still sends to Biome (write/format.ts):
// those no emitter lays out, and laid-out TypeScript with a line too long,
// which the emitters' printers did not know how to break.
import { describe, expect, it } from "vitest";
import { needsFormatting } from "../../generator/write/format.js";

const long = (text: string) => `${text}${"x".repeat(130)}`;

describe("needsFormatting", () => {
  it("sends what no emitter lays out, never Markdown", () => {
    expect(needsFormatting({ path: "a/src/guards.ts", content: "export const a = 1;\n" })).toBe(true);
    expect(needsFormatting({ path: "a/README.md", content: long("# ") })).toBe(false);
  });

  it("trusts a laid-out file whose long lines are comments or lone strings", () => {
    const content = [` * ${long("")}`, `// ${long("")}`, `    "${long("")}",`, `  '${long("")}'`, "const a = 1;"].join(
      "\n",
    );
    expect(needsFormatting({ path: "a/src/types.ts", content, verbatim: true })).toBe(false);
    expect(needsFormatting({ path: "a/src/fixtures/x.json", content: `"${long("")}"`, verbatim: true })).toBe(false);
    // A regular expression broken after its `=` (guards.ts' email format), brackets and escapes holding slashes.
    const pattern = `const EMAIL =\n  /^[a-z/]+\\/${long("")}$/i;\n`;
    expect(needsFormatting({ path: "a/src/guards.ts", content: pattern, verbatim: true })).toBe(false);
    expect(needsFormatting({ path: "a/src/guards.ts", content: `  /a/.test(${long("")});`, verbatim: true })).toBe(
      true,
    );
  });

  it("sends a laid-out TypeScript file with a long line of code", () => {
    const content = `export type A = ${long("")} | "b";\n`;
    expect(needsFormatting({ path: "a/src/types.ts", content, verbatim: true })).toBe(true);
  });
});
