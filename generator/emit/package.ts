import { readFileSync } from "node:fs";
import type { SpecModel } from "../model/model.js";
import { emitIndex } from "./adapter.js";
import { banner } from "./banner.js";
import { emitPackageJson } from "./package-json.js";
import { emitTypes } from "./types.js";
import { emitCompiledValidators, emitValidators } from "./validators.js";

/** One file of a generated package, path relative to `generated/`. */
export interface GeneratedFile {
  path: string;
  content: string;
}

const RUNTIME_FILES = ["validation.ts", "adapter.ts"];

function rootVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    dependencies: Record<string, string>;
  };
  return `^${manifest.dependencies[name] ?? "0.0.0"}`;
}

/** Every file of one package. Each emitter reads the model; none reads YAML. */
export function emitPackage(model: SpecModel): GeneratedFile[] {
  const dir = model.slug;
  const code = (content: string) => banner(model, "js") + content;
  const compiled = emitCompiledValidators(model);
  const files: GeneratedFile[] = [
    { path: `${dir}/package.json`, content: emitPackageJson(model, { ajv: rootVersion("ajv"), "ajv-formats": rootVersion("ajv-formats") }) },
    { path: `${dir}/src/types.ts`, content: code(emitTypes(model)) },
    { path: `${dir}/src/validators.compiled.js`, content: code(compiled.js) },
    { path: `${dir}/src/validators.compiled.d.ts`, content: code(compiled.dts) },
    { path: `${dir}/src/validators.ts`, content: code(emitValidators(model)) },
    { path: `${dir}/src/index.ts`, content: code(emitIndex(model)) },
  ];
  if (model.kind === "canonical")
    for (const name of RUNTIME_FILES)
      files.push({
        path: `${dir}/src/runtime/${name}`,
        content: code(readFileSync(new URL(`../runtime/${name}`, import.meta.url), "utf8")),
      });
  return files;
}
