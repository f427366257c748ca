import { readFileSync } from "node:fs";
import type { SpecModel } from "../model/model.js";
import { emitIndex } from "./adapter.js";
import { banner } from "./banner.js";
import { emitPackageJson, emitTsconfig, importedPackages, SCOPE } from "./package-json.js";
import { emitReadme } from "./readme.js";
import { emitTypes } from "./types.js";
import { emitCompiledValidators, emitValidators } from "./validators.js";

/** One file of a generated package, path relative to `generated/`. */
export interface GeneratedFile {
  path: string;
  content: string;
}

const RUNTIME_FILES = ["validation.ts", "adapter.ts"];

const rootManifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  dependencies: Record<string, string>;
};

/** Runtime dependencies: what the package's sources import, at the versions this repository tests with. */
function dependenciesOf(sources: string[]): Record<string, string> {
  const names = importedPackages(sources.join("\n"));
  return Object.fromEntries(
    names.map((name) => [name, name.startsWith(`${SCOPE}/`) ? "^1.0.0" : `^${rootManifest.dependencies[name] ?? "0.0.0"}`]),
  );
}

/** Every file of one package. Each emitter reads the model; none reads YAML. */
export function emitPackage(model: SpecModel): GeneratedFile[] {
  const dir = model.slug;
  const code = (content: string) => banner(model, "js") + content;
  const compiled = emitCompiledValidators(model);
  const sources = [emitTypes(model), compiled.js, emitValidators(model), emitIndex(model)];
  const [types, js, validators, index] = sources as [string, string, string, string];
  const files: GeneratedFile[] = [
    { path: `${dir}/package.json`, content: emitPackageJson(model, dependenciesOf(sources)) },
    { path: `${dir}/tsconfig.json`, content: emitTsconfig() },
    { path: `${dir}/README.md`, content: emitReadme(model) },
    { path: `${dir}/src/types.ts`, content: code(types) },
    { path: `${dir}/src/validators.compiled.js`, content: code(js) },
    { path: `${dir}/src/validators.compiled.d.ts`, content: code(compiled.dts) },
    { path: `${dir}/src/validators.ts`, content: code(validators) },
    { path: `${dir}/src/index.ts`, content: code(index) },
  ];
  if (model.kind === "canonical")
    for (const name of RUNTIME_FILES)
      files.push({
        path: `${dir}/src/runtime/${name}`,
        content: code(readFileSync(new URL(`../runtime/${name}`, import.meta.url), "utf8")),
      });
  return files;
}
