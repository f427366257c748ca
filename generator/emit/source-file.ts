import { Project, type StatementStructures } from "ts-morph";

const project = new Project({ useInMemoryFileSystem: true });
let counter = 0;

/** Prints a whole file from its statements in one go (adding nodes one by one re-parses the file each time). */
export function printStatements(statements: (string | StatementStructures)[]): string {
  const file = project.createSourceFile(`file${counter++}.ts`, { statements });
  const text = file.getFullText();
  project.removeSourceFile(file);
  return text;
}

/** A JSDoc block from text lines. */
export function jsDoc(text: string): string {
  return `/**\n${text.split("\n").map((line) => ` * ${line}`.trimEnd()).join("\n")}\n */`;
}
