/**
 * The Handlebars templates of templates/, each with the options it is
 * compiled with. generator/compile.mjs precompiles them into dist/, so that
 * the command loads only Handlebars' runtime (not its compiler and
 * source-map) and compiles nothing; from the sources (under the tests)
 * they are compiled here, once.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

type Handlebars = typeof import("handlebars");
type TemplateSpec = Parameters<Handlebars["template"]>[0];
export type Template = (context: object) => string;

const TEMPLATES = {
  banner: { file: "banner.hbs", options: { noEscape: true, strict: true } },
  "package-readme": { file: "package-readme.hbs", options: { noEscape: true } },
  "review-report": { file: "review-report.hbs", options: { noEscape: true, strict: false } },
} as const;
export type TemplateName = keyof typeof TEMPLATES;

const require = createRequire(import.meta.url);
const sourceOf = (name: TemplateName) =>
  readFileSync(new URL(`../../templates/${TEMPLATES[name].file}`, import.meta.url), "utf8");
const precompiledFile = fileURLToPath(new URL("./templates.compiled.cjs", import.meta.url));

/** Every template precompiled, as a CommonJS module exporting each one's spec by name (written into dist/). */
export function templatesModule(): string {
  const handlebars = require("handlebars") as Handlebars;
  const specs = Object.entries(TEMPLATES).map(
    ([name, { options }]) =>
      `  ${JSON.stringify(name)}: ${handlebars.precompile(sourceOf(name as TemplateName), options)},`,
  );
  return `"use strict";\nmodule.exports = {\n${specs.join("\n")}\n};\n`;
}

/** A template: precompiled in dist/ (the command), else compiled from templates/. */
export function template(name: TemplateName): Template {
  if (existsSync(precompiledFile)) {
    const specs = require(precompiledFile) as Record<TemplateName, TemplateSpec>;
    return (require("handlebars/runtime") as Handlebars).template(specs[name]);
  }
  return (require("handlebars") as Handlebars).compile(sourceOf(name), TEMPLATES[name].options);
}
