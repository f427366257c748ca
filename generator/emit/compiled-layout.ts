import { printData } from "./final-layout.js";

/** A statement of ajv's standalone code assigning JSON data on one line: a schema, or a function's evaluated properties. */
const DATA_STATEMENT = /^(const \w+ = |\w+\.evaluated = )([[{].*);$/;

/** The data of a `DATA_STATEMENT`, or undefined when the literal is code rather than JSON (an error object). */
function parseData(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * ajv's standalone code with its JSON data laid out to fit the line width.
 * The statements are then laid out by esbuild (native, deterministic), which
 * indents the code a statement a line and keeps each object on one line or
 * broken as it was given: in the write stage (write/layout-js.ts), whose
 * esbuild process starts while the specs load. Biome spent more time on this
 * one file than the generator on a whole package.
 */
export function layoutCompiledData(code: string): string {
  return code
    .split("\n")
    .map((line) => {
      const [, assignment, literal] = DATA_STATEMENT.exec(line) ?? [];
      const data = assignment && literal ? parseData(literal) : undefined;
      return data === undefined || assignment === undefined
        ? line
        : `${assignment}${printData(data, { indent: "", column: assignment.length, after: 1 })};`;
    })
    .join("\n");
}
