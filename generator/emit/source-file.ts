import { Project, type CodeBlockWriter, type StatementStructures } from "ts-morph";

const project = new Project({ useInMemoryFileSystem: true });
let counter = 0;

/** Prints a whole file from its statements in one go (adding nodes one by one re-parses the file each time). */
export function printStatements(statements: (string | StatementStructures)[]): string {
  // A blank line after each declaration, as a person would write it.
  const spaced = statements.map((statement) =>
    typeof statement === "string" && !statement.startsWith("import ")
      ? (writer: CodeBlockWriter) => writer.write(statement).blankLine()
      : statement,
  );
  const file = project.createSourceFile(`file${counter++}.ts`, { statements: spaced });
  const text = file.getFullText();
  project.removeSourceFile(file);
  return text;
}

/** A JSDoc block from text lines. */
export function jsDoc(text: string): string {
  return `/**\n${text.split("\n").map((line) => ` * ${line}`.trimEnd()).join("\n")}\n */`;
}
