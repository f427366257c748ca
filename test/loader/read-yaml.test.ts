import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readYaml } from "../../generator/load/read-yaml.js";
import { repoRoot } from "../helpers/cli.js";

const specs = [
  ...readdirSync(join(repoRoot, "specs"))
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => `specs/${name}`),
  "specs/canonical/customer.yaml",
  "bench/fixtures/stripe/stripe.yaml",
];

describe("readYaml: js-yaml for the value, the yaml library for positions and problems", () => {
  it.each(specs)("%s reads as the full parse reads it (anchors and aliases included)", (file) => {
    const text = readFileSync(join(repoRoot, file), "utf8");
    expect(readYaml(file, text).value).toEqual(parse(text, { uniqueKeys: true, strict: true }));
  });

  it("locates a value at its line and column, parsing for positions only when asked", () => {
    const source = readYaml("x.yaml", "openapi: 3.1.0\ninfo:\n  title: T\n  version: '1'\n");
    const at = source.locate("/info/version");
    expect({ ...at }).toEqual({ file: "x.yaml", line: 4, column: 12, pointer: "/info/version" });
  });

  it("refuses aliases that expand a few lines into billions of nodes, as the full parse does", () => {
    const lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      lines.push(`${name}: &${name} [${Array.from({ length: 10 }, () => `*${previous}`).join(", ")}]`);
    }
    expect(() => readYaml("bomb.yaml", `${lines.join("\n")}\n`)).toThrow(/YAML: Excessive alias count/);
  });

  it("reports a duplicate key at its position", () => {
    expect(() => readYaml("dup.yaml", "openapi: 3.1.0\nopenapi: 3.1.1\n")).toThrow(
      /dup\.yaml:2:1.*YAML: Map keys must be unique/,
    );
  });
});
