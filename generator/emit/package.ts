import { readFileSync } from "node:fs";
import type { SpecModel } from "../model/model.js";
import { emitIndex } from "./adapter.js";
import { emitFixtures } from "./fixtures.js";
import { emitMapping, emitMock } from "./mapping.js";
import { banner } from "./banner.js";
import { emitPackageJson, emitTsconfig, importedPackages, SCOPE } from "./package-json.js";
import { emitReadme } from "./readme.js";
import { emitTypes } from "./types.js";
import { emitGuards } from "./guards.js";
import { emitCompiledValidators, emitValidators, validationImport } from "./validators.js";

/** One file of a generated package, path relative to `generated/`. */
export interface GeneratedFile {
  path: string;
  content: string;
  /** Already in its final layout (hand-written runtime sources, data written with JSON.stringify): the formatter skips it. */
  verbatim?: boolean;
}

const RUNTIME_FILES = ["validation.ts", "formats.ts", "adapter.ts", "mapping.ts", "transforms.ts", "wire.ts", "client.ts", "redact.ts", "mock.ts", "mock-server.ts"];
const runtimeSource = (name: string) => readFileSync(new URL(`../runtime/${name}`, import.meta.url), "utf8");

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
export function emitPackage(model: SpecModel, canonical?: SpecModel): GeneratedFile[] {
  const dir = model.slug;
  const code = (content: string) => banner(model, "js") + content;
  const compiled = emitCompiledValidators(model);
  const mapping = emitMapping(model);
  const fixtures = emitFixtures(model, canonical);
  const mock = emitMock(model);
  const sources = [emitTypes(model), compiled.js, emitGuards(model, validationImport(model)), emitValidators(model), emitIndex(model)];
  const [types, js, guards, validators, index] = sources as [string, string, string, string, string];
  const runtime = model.kind === "canonical" ? RUNTIME_FILES.map((name) => ({ name, content: runtimeSource(name) })) : [];
  const files: GeneratedFile[] = [
    { path: `${dir}/package.json`, content: emitPackageJson(model, dependenciesOf([...sources, ...(mapping ? [mapping] : []), ...(mock ? [mock] : []), ...runtime.map((file) => file.content)])) },
    { path: `${dir}/tsconfig.json`, content: emitTsconfig() },
    { path: `${dir}/README.md`, content: emitReadme(model, canonical) },
    { path: `${dir}/src/types.ts`, content: code(types) },
    { path: `${dir}/src/validators.compiled.js`, content: code(js) },
    { path: `${dir}/src/validators.compiled.d.ts`, content: code(compiled.dts) },
    { path: `${dir}/src/guards.ts`, content: code(guards) },
    { path: `${dir}/src/validators.ts`, content: code(validators) },
    { path: `${dir}/src/index.ts`, content: code(index) },
    ...(mapping ? [{ path: `${dir}/src/mapping.ts`, content: code(mapping) }] : []),
    { path: `${dir}/src/fixtures.ts`, content: code(fixtures.module), verbatim: true },
    ...(mock ? [{ path: `${dir}/src/mock.ts`, content: code(mock) }] : []),
    ...fixtures.json.map((file) => ({ path: `${dir}/fixtures/${file.name}`, content: file.content, verbatim: true })),
    ...runtime.map((file) => ({ path: `${dir}/src/runtime/${file.name}`, content: code(file.content), verbatim: true })),
  ];
  return files;
}
