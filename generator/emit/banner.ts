import { template as loadTemplate } from "../core/templates.js";
import type { SpecModel } from "../model/model.js";

const template = loadTemplate("banner");

/** The banner every generated file starts with, as a comment in the file's own syntax. */
export function banner(model: SpecModel, syntax: "js" | "md"): string {
  const lines = template({ specFile: model.specFile, title: model.title, version: model.version })
    .trimEnd()
    .split("\n");
  if (syntax === "md") return `<!--\n${lines.join("\n")}\n-->\n`;
  return `/**\n${lines.map((line) => ` * ${line}`).join("\n")}\n */\n`;
}
