import { Project } from "ts-morph";

const project = new Project({ useInMemoryFileSystem: true });

/**
 * Prints a whole file from its statements in one go, with ts-morph's writer
 * (adding nodes one by one re-parses the file each time; a source file built
 * from structures is parsed once, for an AST nothing here reads).
 */
export function printStatements(statements: string[]): string {
  const writer = project.createWriter();
  for (const statement of statements) {
    writer.write(statement);
    // A blank line after each declaration, as a person would write it.
    if (statement.startsWith("import ")) writer.newLine();
    else writer.blankLine();
  }
  return writer.toString();
}

/** A JSDoc block from text lines. */
export function jsDoc(text: string): string {
  return `/**\n${text
    .split("\n")
    .map((line) => ` * ${line}`.trimEnd())
    .join("\n")}\n */`;
}
