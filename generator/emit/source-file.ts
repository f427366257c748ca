/**
 * Prints a whole file from its statements: a blank line after each
 * declaration, as a person would write it, and imports kept together. Plain
 * strings (not a TypeScript printer), so that a generate run does not load
 * the TypeScript compiler, a fifth of its start-up, for text it never parses.
 */
export function printStatements(statements: string[]): string {
  let text = "";
  for (const statement of statements) {
    text += statement.replace(/\r\n/g, "\n");
    if (statement.startsWith("import ")) text += "\n";
    else text += text.endsWith("\n") ? "\n" : "\n\n";
  }
  return text;
}

/** A JSDoc block from text lines. */
export function jsDoc(text: string): string {
  return `/**\n${text
    .split("\n")
    .map((line) => ` * ${line}`.trimEnd())
    .join("\n")}\n */`;
}
