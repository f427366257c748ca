/**
 * Compiles the generator into dist/, the JavaScript the `customer-adapters`
 * command runs (no TypeScript loader at run time): every generator/**.ts
 * file transpiled on its own by esbuild (same folder layout, so that each
 * module's `new URL("../..", import.meta.url)` still finds what it reads),
 * beside the files the generator reads while it runs: the runtime's sources
 * (written into a user's output folder as its runtime package), the templates (with the starter that
 * `init` writes, whose canonical customer is this repository's), and a
 * package.json with the versions generated packages depend on.
 *
 * Run by `npm ci` and `npm pack` (the `prepare` script), and by
 * generator/run.mjs in a checkout whenever the sources changed since the last
 * build (dist/.sources names their hash). Each file is written aside and
 * renamed into place, so that a concurrent run never reads half a module.
 * Plain JavaScript: it runs before anything is compiled.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
export const distDir = join(root, "dist");
/** What dist/ is made from. */
const SOURCES = [
  "generator",
  "templates",
  "packages/runtime/src",
  "packages/runtime/package.json",
  "packages/runtime/README.md",
  "specs/canonical/customer.yaml",
  "package.json",
];
const STAMP = ".sources";

function listFiles(path, base = path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [relative(base, path).split(sep).join("/")];
  return readdirSync(path, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? listFiles(join(path, entry.name), base)
        : entry.isFile()
          ? [relative(base, join(path, entry.name)).split(sep).join("/")]
          : [],
    )
    .sort();
}

/** One hash over the paths and bytes of everything dist/ is made from. */
export function sourcesHash() {
  const hash = createHash("sha256");
  for (const source of SOURCES)
    for (const file of listFiles(join(root, source), root))
      hash
        .update(`${file}\0`)
        .update(readFileSync(join(root, file)))
        .update("\0");
  return hash.digest("hex");
}

/** Whether dist/ was built from the sources as they are now. */
export function isFresh(hash = sourcesHash()) {
  const stamp = join(distDir, STAMP);
  return existsSync(stamp) && readFileSync(stamp, "utf8") === hash;
}

/**
 * The generator imports its runtime package (`@customer-adapters/runtime/<subpath>`), which is not published: the
 * runtime is compiled into dist/ too, and those imports point at it by relative path.
 */
function runtimeImports() {
  const manifest = JSON.parse(readFileSync(join(root, "packages/runtime/package.json"), "utf8"));
  return Object.entries(manifest.exports).map(([subpath, conditions]) => ({
    specifier: `${manifest.name}${subpath.slice(1)}`,
    target: `packages/runtime/${conditions["customer-adapters-source"].replace(/^\.\//, "").replace(/\.ts$/, ".js")}`,
  }));
}

/** The files of dist/, as paths relative to it and their contents. */
async function distFiles() {
  const { transform } = await import("esbuild");
  const files = new Map();
  const imports = runtimeImports();
  const compileTs = async (source, path) =>
    (await transform(source, { loader: "ts", format: "esm", target: "node20", sourcefile: path })).code;
  for (const file of listFiles(join(root, "generator"))) {
    const source = readFileSync(join(root, "generator", file), "utf8");
    if (!file.endsWith(".ts")) {
      if (file !== "compile.mjs" && file !== "run.mjs") files.set(`generator/${file}`, source);
      continue;
    }
    const from = dirname(join(distDir, "generator", file));
    const code = (await compileTs(source, `generator/${file}`)).replace(
      /(from |import\()"([^"]+)"/g,
      (whole, lead, specifier) => {
        const runtime = imports.find((entry) => entry.specifier === specifier);
        if (!runtime) return whole;
        const path = relative(from, join(distDir, runtime.target)).split(sep).join("/");
        return `${lead}"${path.startsWith(".") ? path : `./${path}`}"`;
      },
    );
    files.set(`generator/${file.replace(/\.ts$/, ".js")}`, code);
  }
  for (const file of listFiles(join(root, "packages/runtime/src"))) {
    const source = readFileSync(join(root, "packages/runtime/src", file), "utf8");
    if (!file.endsWith(".ts")) continue;
    files.set(`packages/runtime/src/${file.replace(/\.ts$/, ".js")}`, await compileTs(source, file));
    // The sources too, as data: `generate` writes them into a user's output folder as the runtime package.
    files.set(`packages/runtime/src/${file}`, source);
  }
  for (const file of ["package.json", "README.md"])
    files.set(`packages/runtime/${file}`, readFileSync(join(root, "packages/runtime", file), "utf8"));
  for (const file of listFiles(join(root, "templates"))) {
    files.set(`templates/${file}`, readFileSync(join(root, "templates", file), "utf8"));
  }
  const canonical = readFileSync(join(root, "specs/canonical/customer.yaml"), "utf8");
  files.set("templates/init/specs/canonical/customer.yaml", canonical);
  files.set("generator/config.d.ts", await configDeclarations());
  const { version, dependencies, devDependencies } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  // The versions generated packages depend on, as generator/emit reads them from ../../package.json.
  files.set("package.json", `${JSON.stringify({ type: "module", version, dependencies, devDependencies }, null, 2)}\n`);
  return files;
}

/** Declarations of the public entry (`defineConfig`), written with explicit types for isolated declarations. */
async function configDeclarations() {
  const { default: ts } = await import("typescript");
  const file = join(root, "generator/config.ts");
  const { outputText, diagnostics } = ts.transpileDeclaration(readFileSync(file, "utf8"), {
    fileName: file,
    compilerOptions: { strict: true },
  });
  if (diagnostics?.length)
    throw new Error(`generator/config.ts: ${ts.flattenDiagnosticMessageText(diagnostics[0].messageText, "\n")}`);
  return outputText;
}

/** Builds dist/ from the sources; returns the number of files written. */
export async function compile(hash = sourcesHash()) {
  const files = await distFiles();
  const write = (path, content) => {
    const target = join(distDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(`${target}.${process.pid}`, content);
    renameSync(`${target}.${process.pid}`, target);
    files.set(path, content);
  };
  for (const [path, content] of files) write(path, content);
  // The two fixed schemas every spec is checked against, compiled here once instead of in every run (load/structure-validators.ts).
  const structure = await import(pathToFileURL(join(distDir, "generator/load/structure-validators.js")).href);
  for (const check of structure.STRUCTURE_CHECKS)
    write(`generator/load/${check}.compiled.cjs`, structure.structureValidatorModule(check));
  // And the shapes of the project's own extensions, checked in every spec (load/check-extensions.ts).
  const extensions = await import(pathToFileURL(join(distDir, "generator/load/check-extensions.js")).href);
  write(`generator/load/${extensions.EXTENSIONS_MODULE}.compiled.cjs`, extensions.extensionValidatorsModule());
  // The Handlebars templates, precompiled: a run loads only Handlebars' runtime (core/templates.ts).
  const templates = await import(pathToFileURL(join(distDir, "generator/core/templates.js")).href);
  write("generator/core/templates.compiled.cjs", templates.templatesModule());
  write(STAMP, hash);
  for (const file of listFiles(distDir)) if (!files.has(file) && !/\.\d+$/.test(file)) rmSync(join(distDir, file));
  return files.size;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const count = await compile();
  // On stderr: `npm pack --json` runs this first, and its stdout is the JSON.
  console.error(`compiled the generator into dist/ (${count} files)`);
}
