// The printers that emit code and data in their final layout: Biome, the
// check over generated/, would leave what they print as it is.
import { Biome } from "@biomejs/js-api/nodejs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assignCall,
  assignLiteral,
  fitOrBreak,
  ifStatement,
  printCode,
  printData,
  printJsonFile,
  withParameters,
} from "../../generator/emit/final-layout.js";
import { CONFIGURATION } from "../../generator/write/format.js";

const biome = new Biome();
const { projectKey } = biome.openProject();
biome.applyConfiguration(projectKey, CONFIGURATION);
const format = (content: string, filePath: string) => biome.formatContent(projectKey, content, { filePath }).content;

describe("fitOrBreak", () => {
  it("keeps a list on one line up to the line width, counting its column and what follows it", () => {
    const items = ["a".repeat(50), "b".repeat(50)];
    // `[` + 50 + `, ` + 50 + `]` = 104 characters.
    expect(fitOrBreak("[", items, "]", { indent: "", column: 16 })).toBe(`[${items.join(", ")}]`);
    expect(fitOrBreak("[", items, "]", { indent: "", column: 16, after: 1 })).toBe(
      `[\n  ${items[0]},\n  ${items[1]},\n]`,
    );
  });

  it("pads braces, breaks at the indent given, ends with a comma only in code", () => {
    expect(fitOrBreak("{", ["a: 1"], "}", { indent: "  " })).toBe("{ a: 1 }");
    expect(fitOrBreak("{", ["a: {\n}"], "}", { indent: "  " }, { trailing: false })).toBe("{\n    a: {\n}\n  }");
    expect(fitOrBreak("(", [], ")", { indent: "" })).toBe("()");
  });
});

describe("printData", () => {
  it("fits nested objects on one line or breaks them, keys quoted", () => {
    const value = { type: "object", properties: { name: { maxLength: 60, type: "string" } }, list: ["x".repeat(110)] };
    expect(printData(value, { indent: "" })).toBe(
      `{\n  "type": "object",\n  "properties": { "name": { "maxLength": 60, "type": "string" } },\n  "list": [\n    "${"x".repeat(110)}"\n  ]\n}`,
    );
  });
});

// JSON as generated data holds it: no number arrays long enough to wrap (Biome fills those several to a line).
const key = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom("a", "$ref", "_x1", "0", "12", "01", "a-b", "/kind", "it's", 'say "hi"'),
);
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  // Wide characters take two columns: faker's Japanese samples are in the fixtures.
  fc.string({ unit: fc.constantFrom("よ", "く", "あ", "つ", "한", "a", "😀"), minLength: 20, maxLength: 70 }),
  fc.string({ minLength: 80, maxLength: 130 }),
  fc.constantFrom("it's", 'say "hi"', `both ' and "`, "\\"),
);
const leaf = fc.oneof(text, fc.boolean(), fc.constant(null), fc.integer());
const tree = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, leaf, tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 6 }),
  object: fc.dictionary(key, tie("value"), { maxKeys: 6 }),
}));
const data = tree.value;
// Generated code declares objects and arrays, never a bare value.
const literal = fc.oneof(tree.array, tree.object);

describe("printJsonFile", () => {
  it("prints a JSON file as Biome formats it", () => {
    fc.assert(
      fc.property(data, (value) => {
        const printed = printJsonFile(value);
        expect(JSON.parse(printed)).toEqual(value);
        expect(format(printed, "data.json")).toBe(printed);
      }),
      { numRuns: 300 },
    );
  });
});

describe("printCode", () => {
  it("prints data as TypeScript as Biome formats it", () => {
    fc.assert(
      fc.property(literal, fc.integer({ min: 0, max: 3 }), fc.boolean(), (value, depth, expand) => {
        const indent = "  ".repeat(depth);
        const head = `${indent}const value = `;
        const statement = `${head}${printCode(value, { indent, column: head.length, after: 1 }, expand)};`;
        const levels = Array.from({ length: depth }, (_, level) => "  ".repeat(level));
        const source = `${levels.map((pad) => `${pad}{\n`).join("")}${statement}\n${levels
          .reverse()
          .map((pad) => `${pad}}\n`)
          .join("")}`;
        expect(format(source, "data.ts")).toBe(source);
      }),
      { numRuns: 300 },
    );
  });
});

describe("withParameters", () => {
  it("breaks a signature's parameters one a line only when it does not fit", () => {
    const short = withParameters("export function f", ["a: A", "b: B"], ": R {");
    expect(short).toBe("export function f(a: A, b: B): R {");
    const long = withParameters("export function f", ["a: A".repeat(30), "b: B"], ": R {");
    const source = `${long}\n  return 1;\n}\n`;
    expect(long).toContain("(\n  a: A");
    expect(format(source, "f.ts")).toBe(source);
  });
});

describe("assignCall", () => {
  it("keeps the call on the line, moves a short one to the next, else breaks its argument out", () => {
    const left = (width: number) => `export const ${"x".repeat(width)}: T =`;
    for (const [width, argument] of [
      [10, "validateShort"],
      [80, "validateShort"],
      [80, `validate${"A".repeat(30)}`],
    ] as const) {
      const source = `${assignCall(left(width), "standardSchema", argument)}\n`;
      expect(format(source, "a.ts")).toBe(source);
    }
    expect(assignCall(left(110), "f", "a")).toBe(`${left(110)}\n  f(a);`);
  });
});

// Conditions as the guards write them: comparisons, calls, strings holding brackets and operators, chains of the
// other operator in parentheses, negated chains (`!(a || b)`), nested one level or two.
const name = fc.stringMatching(/^[a-z][A-Za-z0-9]{0,40}$/);
const quoted = fc.constantFrom('"a || b"', '"(x"', "'say \"hi\"'", '"x-app && id"', '"]"');
const atom = fc.oneof(
  name.map((field) => `fields.${field} === undefined`),
  name.map((field) => `typeof ${field} !== "number"`),
  name.map((field) => `!Number.isInteger(${field})`),
  fc.tuple(name, quoted).map(([field, text]) => `${field} !== ${text}`),
  fc.tuple(name, fc.integer({ min: 1, max: 9999 })).map(([field, limit]) => `${field}.length > ${limit}`),
);
type Operator = "||" | "&&";
const otherThan = (operator: Operator): Operator => (operator === "||" ? "&&" : "||");
const chainOf = (operand: fc.Arbitrary<string>, operator: Operator, minLength = 2) =>
  fc.array(operand, { minLength, maxLength: 6 }).map((operands) => operands.join(` ${operator} `));
/** Operands of an `operator` chain: atoms, chains of the other operator in parentheses, negated chains. */
const operandOf = (operator: Operator, nested: boolean): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: atom },
    chainOf(atom, otherThan(operator)).map((text) => `(${text})`),
    ...(nested ? [] : [fc.constantFrom<Operator>("||", "&&").chain((inner) => negatedChain(inner))]),
  );
const negatedChain = (operator: Operator) => chainOf(operandOf(operator, true), operator).map((text) => `!(${text})`);
const condition = fc
  .constantFrom<Operator>("||", "&&")
  .chain((operator) => fc.oneof(atom, negatedChain(operator), chainOf(operandOf(operator, false), operator)));

describe("ifStatement", () => {
  it("lays out an if as Biome does, or leaves to it a condition it cannot break", () => {
    let laidOut = 0;
    let broken = 0;
    fc.assert(
      fc.property(
        condition,
        fc.constantFrom("return false;", "{"),
        fc.integer({ min: 0, max: 6 }),
        (test, then, depth) => {
          // Inside a function and `depth` blocks.
          const indent = "  ".repeat(depth + 1);
          const statement = ifStatement(test, then, indent);
          if (statement === undefined) return;
          laidOut++;
          if (statement.includes("if (\n")) broken++;
          const pads = Array.from({ length: depth }, (_, level) => "  ".repeat(level + 1));
          const body = then === "{" ? `\n${indent}  return false;\n${indent}}` : "";
          const opened = pads.map((pad) => `${pad}if (fields) {\n`).join("");
          const closed = pads
            .reverse()
            .map((pad) => `${pad}}\n`)
            .join("");
          const source = `function f(fields: any) {\n${opened}${statement}${body}\n${closed}  return true;\n}\n`;
          expect(format(source, "guards.ts")).toBe(source);
        },
      ),
      { numRuns: 400 },
    );
    // The check is real: most conditions are laid out here, not left to Biome, many of them broken.
    expect(laidOut).toBeGreaterThan(200);
    expect(broken).toBeGreaterThan(50);
  });

  it("keeps what fits, moves a statement under an if that fits, else breaks the condition", () => {
    const long = (field: string) => `fields.${field.repeat(80)} === undefined`;
    expect(ifStatement("a || b", "return false;", "  ")).toBe("  if (a || b) return false;");
    expect(ifStatement(`${long("a")} || b`, "return false;", "")).toBe(`if (${long("a")} || b)\n  return false;`);
    expect(ifStatement(`${long("a")} || ${long("b")}`, "{", "")).toBe(`if (\n  ${long("a")} ||\n  ${long("b")}\n) {`);
    // A call too long for its line Prettier breaks otherwise: left to Biome.
    expect(ifStatement(`f(${"x".repeat(130)})`, "{", "")).toBeUndefined();
  });
});

describe("assignLiteral", () => {
  it("moves a literal too long for the line under its `=`", () => {
    for (const pattern of ["/^a+$/i", `/^${"[a-z/]".repeat(25)}$/`]) {
      const source = `${assignLiteral("const EMAIL_FORMAT =", pattern)}\n`;
      expect(format(source, "guards.ts")).toBe(source);
    }
  });
});
