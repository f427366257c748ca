/**
 * Prints a whole file from its statements: a blank line after each
 * declaration, as a person would write it, and imports kept together. Plain
 * strings (not a TypeScript printer), so that a generate run does not load
 * the TypeScript compiler, a fifth of its start-up, for text it never parses.
 */
export function printStatements(statements: string[]): string {
  const parts: string[] = [];
  // Whether the text so far ends a line, kept aside: asking the joined text would copy it at every statement.
  let endsLine = false;
  for (const statement of statements) {
    const text = statement.replace(/\r\n/g, "\n");
    if (text !== "") endsLine = text.endsWith("\n");
    parts.push(text, statement.startsWith("import ") || endsLine ? "\n" : "\n\n");
    endsLine = true;
  }
  // The file ends with its last statement's line, as a formatter leaves it.
  if (parts.at(-1) === "\n\n") parts[parts.length - 1] = "\n";
  return parts.join("");
}

/** A JSDoc block from text lines. */
export function jsDoc(text: string): string {
  return `/**\n${text
    .split("\n")
    .map((line) => ` * ${line}`.trimEnd())
    .join("\n")}\n */`;
}

/**
 * Code or type text written a statement (or member) a line without
 * indentation, indented two spaces per open brace, a `switch`'s cases one
 * level in and their statements two (a JSDoc's ` *` lines keep their one
 * space). A line opens a block when it ends with `{` and closes one when it
 * starts with `}`.
 */
export function indentBlocks(text: string): string {
  let depth = 0;
  const blocks: ("switch" | "block")[] = [];
  return text
    .split("\n")
    .map((line) => {
      if (line.startsWith("}")) depth -= blocks.pop() === "switch" ? 2 : 1;
      const level = /^(case |default:)/.test(line) && blocks.at(-1) === "switch" ? depth - 1 : depth;
      const indented = line === "" ? "" : `${"  ".repeat(level)}${line}`;
      // A comment's text (a vendor's description) may end with a brace that opens nothing.
      if (line.endsWith("{") && !/^(\/\*\*| \*)/.test(line)) {
        const opened = /^switch \(/.test(line) ? "switch" : "block";
        blocks.push(opened);
        depth += opened === "switch" ? 2 : 1;
      }
      return indented;
    })
    .join("\n");
}
