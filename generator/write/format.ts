import { format, type Options } from "prettier";
import type { GeneratedFile } from "../emit/package.js";

// Markdown comes from handlebars templates as it should read; prettier would pad every table column to its widest cell.
const PARSERS: Record<string, string> = { ts: "typescript", js: "babel", json: "json" };

/** Fixed options: output must not depend on a prettier config found on the machine. */
const OPTIONS: Options = { printWidth: 120, trailingComma: "all", endOfLine: "lf" };

/** Formats every file with prettier, by extension. */
export async function formatFiles(files: GeneratedFile[]): Promise<GeneratedFile[]> {
  return Promise.all(
    files.map(async (file) => {
      const extension = file.path.split(".").pop() ?? "";
      const parser = PARSERS[extension];
      const { verbatim: _verbatim, ...plain } = file;
      return parser && !file.verbatim ? { ...plain, content: await format(file.content, { ...OPTIONS, parser }) } : plain;
    }),
  );
}
