/**
 * Emitting code and data in their final layout, so that no formatter has to
 * rewrite them: Prettier's layout at 120 columns, which Biome (the check
 * over `generated/`, test/generated/final-layout.test.ts) follows too.
 */
export const LINE_WIDTH = 120;

// East Asian wide and fullwidth characters, and those beyond the Basic Multilingual Plane (emoji): two columns each.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\ud800-\udbff][\udc00-\udfff]/g;

/** The columns a line of text takes, as Biome counts them: a wide character two, a surrogate pair one character. */
export function textWidth(text: string): number {
  let width = text.length;
  for (const match of text.matchAll(WIDE)) width += match[0].length === 2 ? 0 : 1;
  return width;
}

/** Where a list is printed: the indent of the line it starts on, its column there, and how many characters follow it on its last line. */
export interface Place {
  indent: string;
  column?: number;
  after?: number;
}

/** How a list separates its items: `,` (ending a broken list in code, not in JSON) or `;` (a type literal's members, always ending one). */
export interface ListStyle {
  separator?: "," | ";";
  trailing?: boolean;
  mustBreak?: boolean;
}

/**
 * A bracketed list as Prettier lays it out: on one line when that fits in
 * the line width, else one item per line, one level deeper. An item
 * spanning lines always breaks the list.
 */
export function fitOrBreak(
  open: string,
  items: readonly string[],
  close: string,
  place: Place,
  { separator = ",", trailing = true, mustBreak = false }: ListStyle = {},
): string {
  const { indent, column = indent.length, after = 0 } = place;
  if (items.length === 0) return `${open}${close}`;
  const pad = open.endsWith("{") ? " " : "";
  const line = `${open}${pad}${items.join(`${separator} `)}${pad}${close}`;
  if (!mustBreak && !line.includes("\n") && column + textWidth(line) + after <= LINE_WIDTH) return line;
  return `${open}\n${indent}  ${items.join(`${separator}\n${indent}  `)}${trailing ? separator : ""}\n${indent}${close}`;
}

/** Prettier breaks an array of several objects, or of several arrays, each with more than one item, in code (not in JSON): a table reads better a row a line. */
function isTable(value: unknown[]): boolean {
  const size = (item: unknown) => (Array.isArray(item) ? item.length : Object.keys(item as object).length);
  const kind = (item: unknown) =>
    Array.isArray(item) ? "array" : item !== null && typeof item === "object" ? "object" : undefined;
  const first = kind(value[0]);
  return value.length > 1 && first !== undefined && value.every((item) => kind(item) === first && size(item) > 1);
}

/**
 * JSON data, its keys quoted, each array on one line when it fits (else one
 * item per line), each object the same unless `expandObjects`: then every
 * non-empty object is broken, as Biome keeps a JSON file's objects that
 * `JSON.stringify(value, null, 2)` wrote. Items are printed where they start
 * when the list breaks: when it does not, they fit there too.
 */
export function printData(value: unknown, place: Place, expandObjects = false): string {
  const inner = `${place.indent}  `;
  const print = (prefix: string, data: unknown, last: boolean) =>
    `${prefix}${printData(data, { indent: inner, column: inner.length + prefix.length, after: last ? 0 : 1 }, expandObjects)}`;
  if (Array.isArray(value))
    return fitOrBreak(
      "[",
      value.map((data, index) => print("", data, index === value.length - 1)),
      "]",
      place,
      { trailing: false },
    );
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const entries = Object.entries(value);
  const items = entries.map(([key, data], index) =>
    print(`${JSON.stringify(key)}: `, data, index === entries.length - 1),
  );
  if (expandObjects && items.length > 0) return `{\n${inner}${items.join(`,\n${inner}`)}\n${place.indent}}`;
  return fitOrBreak("{", items, "}", place, { trailing: false });
}

/** A JSON file as Biome lays it out (`printData` with every object broken), ending in a newline. */
export function printJsonFile(value: unknown): string {
  return `${printData(value, { indent: "" }, true)}\n`;
}

/** A property name bare when it is an identifier, as Biome writes it (`quoteProperties: "asNeeded"`; a quoted number it leaves quoted). */
export function propertyName(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : printString(key);
}

/** A string literal in the quotes that need fewer escapes, double when even, as Prettier chooses. */
export function printString(text: string): string {
  const json = JSON.stringify(text);
  const doubles = text.split('"').length - 1;
  const singles = text.split("'").length - 1;
  if (doubles <= singles) return json;
  return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** Code inside data given to `printCode`, printed as it is (a name the module declares or imports). */
export class Code {
  constructor(readonly text: string) {}
}

/**
 * JSON data as TypeScript in its final layout: every non-empty object broken
 * (as Biome keeps an object literal written over several lines, the layout
 * a reader scans) or, without `expandObjects`, fitted as arrays are; names
 * bare where they can be, trailing commas.
 */
export function printCode(value: unknown, place: Place, expandObjects = true): string {
  const inner = `${place.indent}  `;
  const print = (prefix: string, data: unknown) =>
    `${prefix}${printCode(data, { indent: inner, column: inner.length + prefix.length, after: 1 }, expandObjects)}`;
  if (Array.isArray(value))
    return fitOrBreak(
      "[",
      value.map((data) => print("", data)),
      "]",
      place,
      { mustBreak: isTable(value) },
    );
  if (typeof value === "string") return printString(value);
  if (value instanceof Code) return value.text;
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  // As JSON.stringify, which wrote this data before: a property without a value is left out.
  const items = Object.entries(value)
    .filter(([, data]) => data !== undefined)
    .map(([key, data]) => {
      const name = `${propertyName(key)}:`;
      // A string too long for its line goes on the next one, a level deeper, as Prettier breaks after the
      // colon; not after a name shorter than the indent and three, where breaking would gain too little.
      const long =
        typeof data === "string" && inner.length + textWidth(name) + textWidth(printString(data)) + 2 > LINE_WIDTH;
      return long && name.length > 5 ? `${name}\n${inner}  ${printString(data)}` : print(`${name} `, data);
    });
  if (!expandObjects) return fitOrBreak("{", items, "}", place);
  return items.length === 0 ? "{}" : `{\n${inner}${items.join(`,\n${inner}`)},\n${place.indent}}`;
}

/**
 * A declaration's parameter list between `head` (`export function f`) and
 * `rest` (`): R {` without its `)`): on one line when it fits, else one
 * parameter per line.
 */
export function withParameters(head: string, parameters: readonly string[], rest: string, indent = ""): string {
  return `${head}${fitOrBreak("(", parameters, ")", { indent, column: indent.length + head.length, after: rest.length })}${rest}`;
}

/**
 * `left callee(argument);` (left ending in `=`) as Prettier lays it out:
 * on one line when it fits; else, when the argument is short (a call that
 * breaks poorly), the call on the next line; else the argument on its own.
 */
export function assignCall(left: string, callee: string, argument: string): string {
  const call = `${callee}(${argument});`;
  if (textWidth(left) + 1 + textWidth(call) <= LINE_WIDTH) return `${left} ${call}`;
  if (argument.length <= LINE_WIDTH / 4) return `${left}\n  ${call}`;
  return `${left} ${callee}(\n  ${argument},\n);`;
}

/** `left literal;` (left ending in `=`): a literal too long for the line on the next one, a level deeper, as Prettier breaks after the operator. */
export function assignLiteral(left: string, literal: string): string {
  return textWidth(`${left} ${literal};`) <= LINE_WIDTH ? `${left} ${literal};` : `${left}\n  ${literal};`;
}

/** Visits each character of `text` outside string literals, with the bracket depth before it, until `visit` returns true. */
function scan(text: string, visit: (index: number, depth: number) => boolean): void {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] as string;
    if (char === '"' || char === "'" || char === "`") {
      // Past the closing quote; a backslash escapes the character after it.
      for (index++; index < text.length && text[index] !== char; index++) if (text[index] === "\\") index++;
      continue;
    }
    if (visit(index, depth)) return;
    if ("([{".includes(char)) depth++;
    else if (")]}".includes(char)) depth--;
  }
}

/** `text` split at its top level by ` || ` or ` && `: the operands and the operator; undefined when both occur there. */
function logicalChain(text: string): { operands: string[]; operator: "||" | "&&" | undefined } | undefined {
  const operands: string[] = [];
  let operator: "||" | "&&" | undefined;
  let mixed = false;
  let start = 0;
  scan(text, (index, depth) => {
    if (depth > 0 || !(text.startsWith(" || ", index) || text.startsWith(" && ", index))) return false;
    const found = text.slice(index + 1, index + 3) as "||" | "&&";
    // Prettier parenthesizes an `&&` chain within `||`: text with both at one level is not in its layout.
    mixed ||= operator !== undefined && operator !== found;
    operator = found;
    operands.push(text.slice(start, index));
    start = index + 4;
    return mixed;
  });
  return mixed ? undefined : { operands: [...operands, text.slice(start)], operator };
}

/** Whether `text` is `open…)` (`open` ending in `(`), that parenthesis closing at its very end. */
function isGroup(text: string, open: "(" | "!("): boolean {
  if (!text.startsWith(open)) return false;
  let closes = -1;
  scan(text, (index, depth) => {
    if (depth === 1 && text[index] === ")") closes = index;
    return closes >= 0;
  });
  return closes === text.length - 1;
}

/**
 * `(a op b op c)` too long for its line, as Prettier breaks it within a
 * broken chain: the first operand after `(`, the others on lines of their
 * own a level deeper; undefined when a line still does not fit.
 */
function breakGroup(group: string, indent: string, end: string): string | undefined {
  const chain = logicalChain(group.slice(1, -1));
  if (chain === undefined || chain.operator === undefined) return undefined;
  const { operands, operator } = chain;
  const lines = operands.map((operand, index) =>
    index === 0
      ? `${indent}(${operand} ${operator}`
      : `${indent}  ${operand}${index < operands.length - 1 ? ` ${operator}` : `)${end}`}`,
  );
  return lines.every((line) => textWidth(line) <= LINE_WIDTH) ? lines.join("\n") : undefined;
}

/**
 * A condition broken as Prettier breaks one inside `if (…)` or `!(…)`, each
 * line at `indent`: one operand a line, the operator ending the line; an
 * operand `!(…)` too long for its line broken the same way, a level deeper;
 * a chain in parentheses too long for its line (`breakGroup`) after each
 * operator. Undefined when an operand cannot be laid out so (a call too long
 * for its line): the formatter's safety net then takes the file, for its
 * line over the width.
 */
export function breakCondition(condition: string, indent: string): string | undefined {
  const chain = logicalChain(condition);
  if (chain === undefined) return undefined;
  const { operands, operator } = chain;
  const lines: (string | undefined)[] = operands.map((operand, index) => {
    const end = index < operands.length - 1 ? ` ${operator}` : "";
    if (textWidth(`${indent}${operand}${end}`) <= LINE_WIDTH) return `${indent}${operand}${end}`;
    if (isGroup(operand, "(")) return breakGroup(operand, indent, end);
    if (!isGroup(operand, "!(")) return undefined;
    const inner = breakCondition(operand.slice(2, -1), `${indent}  `);
    return inner === undefined ? undefined : `${indent}!(\n${inner}\n${indent})${end}`;
  });
  return lines.every((line) => line !== undefined) ? lines.join("\n") : undefined;
}

/**
 * `if (condition) then` at `indent` as Prettier lays it out, `then` being a
 * statement or the `{` opening a block: on one line when it fits; a
 * statement on the next line when the `if (…)` fits; else the condition
 * broken (`breakCondition`) between `if (` and `)`. Undefined when the
 * condition cannot be broken so.
 */
export function ifStatement(condition: string, then: string, indent: string): string | undefined {
  const head = `${indent}if (${condition})`;
  if (textWidth(`${head} ${then}`) <= LINE_WIDTH) return `${head} ${then}`;
  if (then !== "{" && textWidth(head) <= LINE_WIDTH) return `${head}\n${indent}  ${then}`;
  const broken = breakCondition(condition, `${indent}  `);
  if (broken === undefined) return undefined;
  return `${indent}if (\n${broken}\n${indent})${then === "{" ? " {" : `\n${indent}  ${then}`}`;
}
