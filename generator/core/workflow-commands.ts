/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`): a
 * finding printed this way shows as an annotation on that line of the pull
 * request. Used by `review` and `lint:specs` for `--format github`.
 */
import { relative, sep } from "node:path";

export type AnnotationLevel = "error" | "warning" | "notice";

export interface Annotation {
  level: AnnotationLevel;
  /** The file's path on disk; printed relative to the working directory (the repository root in CI). */
  path: string;
  line: number;
  column: number;
  title: string;
  message: string;
}

// The escapes GitHub's runner undoes: in the message, % and line breaks; in a property, also `:` and `,`.
const escapeData = (text: string) => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");

export function workflowCommand(annotation: Annotation, cwd = process.cwd()): string {
  const file = relative(cwd, annotation.path).split(sep).join("/");
  const properties = [
    `file=${file}`,
    `line=${annotation.line}`,
    `col=${annotation.column}`,
    `title=${annotation.title}`,
  ].map((property) => {
    const [key, ...value] = property.split("=");
    return `${key}=${escapeProperty(value.join("="))}`;
  });
  return `::${annotation.level} ${properties.join(",")}::${escapeData(annotation.message)}`;
}
