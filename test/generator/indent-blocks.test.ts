// indentBlocks (emit/source-file.ts): code emitted a statement a line,
// indented as Biome would, without a formatter.
import { describe, expect, it } from "vitest";
import { indentBlocks } from "../../generator/emit/source-file.js";

describe("indentBlocks", () => {
  it("indents a level per brace, a switch's cases one and their statements two", () => {
    const code = [
      "function f(key: string) {",
      "switch (key) {",
      "case 1:",
      "return 1;",
      "default:",
      "break;",
      "}",
      "if (key) {",
      "return 2;",
      "} else {",
      "return 3;",
      "}",
      "}",
    ];
    expect(indentBlocks(code.join("\n"))).toBe(
      [
        "function f(key: string) {",
        "  switch (key) {",
        "    case 1:",
        "      return 1;",
        "    default:",
        "      break;",
        "  }",
        "  if (key) {",
        "    return 2;",
        "  } else {",
        "    return 3;",
        "  }",
        "}",
      ].join("\n"),
    );
  });

  it("opens no block at a comment line that ends with a brace (a vendor's description)", () => {
    const code = ["export interface A {", "/**", " * Sent as {", " */", "a: string;", "}", "export type B = string;"];
    expect(indentBlocks(code.join("\n"))).toBe(
      ["export interface A {", "  /**", "   * Sent as {", "   */", "  a: string;", "}", "export type B = string;"].join(
        "\n",
      ),
    );
  });
});
