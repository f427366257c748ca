// npx tsx tools/cut-corpus.ts <git-dir> <file> <commit> <path> <method> <depth> > <out>.yaml
//
// Cuts one published version of a vendor's OpenAPI document (read from a git
// mirror of its repository) down to one operation and what it reaches, as an
// OpenAPI 3.1 document for the review corpus (test/fixtures/review-corpus/):
// component schemas up to <depth> `$ref` hops from the operation (deeper ones
// become one empty `Cut` schema, the same in every version, so they never show
// as changes); the security schemes the operation uses; prose and `x-`
// extensions dropped (the contract is what is compared); 3.0's `nullable` and
// boolean exclusive bounds written the 3.1 way.
import { execFileSync } from "node:child_process";
import { parse, stringify } from "yaml";

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => value !== null && typeof value === "object" && !Array.isArray(value);
const PROSE = new Set(["description", "summary", "example", "examples", "externalDocs", "tags", "title"]);

/** 3.0 → 3.1 for one schema object, and prose dropped, recursively. */
function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean);
  if (!isNode(value)) return value;
  const out: Node = {};
  for (const [key, child] of Object.entries(value))
    if (!PROSE.has(key) && !key.startsWith("x-") && key !== "nullable") out[key] = clean(child);
  for (const bound of ["Minimum", "Maximum"] as const)
    if (typeof out[`exclusive${bound}`] === "boolean") {
      if (out[`exclusive${bound}`] === true) out[`exclusive${bound}`] = out[bound.toLowerCase()];
      else delete out[`exclusive${bound}`];
      if (out[`exclusive${bound}`] !== undefined) delete out[bound.toLowerCase()];
    }
  if (value.nullable === true) {
    if (typeof out.type === "string") out.type = [out.type, "null"];
    else if (out.enum === undefined) return { anyOf: [out, { type: "null" }] };
  }
  return out;
}

function cut(document: Node, path: string, method: string, depth: number): Node {
  const pathItem = (document.paths as Node)[path] as Node;
  const operation = pathItem[method] as Node;
  const schemas = ((document.components as Node | undefined)?.schemas ?? {}) as Node;
  const kept = new Map<string, unknown>();
  let cutAny = false;
  // Breadth first, so a schema's depth is its shortest distance from the operation.
  const rewrite = (value: unknown, hops: number, queue: [string, number][]): unknown => {
    if (Array.isArray(value)) return value.map((item) => rewrite(item, hops, queue));
    if (!isNode(value)) return value;
    if (typeof value.$ref === "string" && value.$ref.startsWith("#/components/schemas/")) {
      const name = value.$ref.slice("#/components/schemas/".length);
      if (hops + 1 > depth) {
        cutAny = true;
        return { ...value, $ref: "#/components/schemas/Cut" };
      }
      queue.push([name, hops + 1]);
      return value;
    }
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, rewrite(child, hops, queue)]));
  };
  const queue: [string, number][] = [];
  const parameters =
    pathItem.parameters === undefined ? {} : { parameters: rewrite(clean(pathItem.parameters), 0, queue) };
  const op = rewrite(clean(operation), 0, queue) as Node;
  while (queue.length > 0) {
    const [name, hops] = queue.shift() as [string, number];
    if (kept.has(name)) continue;
    kept.set(name, undefined);
    kept.set(name, rewrite(clean(schemas[name]), hops, queue));
  }
  const requirements = (op.security ?? document.security ?? []) as Node[];
  const used = new Set(requirements.flatMap((requirement) => Object.keys(requirement)));
  const schemes = Object.entries(((document.components as Node | undefined)?.securitySchemes ?? {}) as Node).filter(
    ([name]) => used.has(name),
  );
  const info = document.info as Node;
  return {
    openapi: "3.1.0",
    info: { title: info.title, version: info.version },
    ...(document.servers === undefined ? {} : { servers: clean(document.servers) }),
    ...(document.security === undefined ? {} : { security: document.security }),
    paths: { [path]: { ...parameters, [method]: op } },
    components: {
      ...(schemes.length > 0
        ? { securitySchemes: Object.fromEntries(schemes.map(([name, scheme]) => [name, clean(scheme)])) }
        : {}),
      schemas: Object.fromEntries([
        ...[...kept].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        ...(cutAny ? [["Cut", {}]] : []),
      ]),
    },
  };
}

const [gitDir, file, commit, path, method, depth] = process.argv.slice(2);
if (!gitDir || !file || !commit || !path || !method || !depth) {
  console.error("usage: npx tsx tools/cut-corpus.ts <git-dir> <file> <commit> <path> <method> <depth>");
  process.exit(2);
}
const text = execFileSync("git", ["--git-dir", gitDir, "show", `${commit}:${file}`], {
  encoding: "utf8",
  maxBuffer: 256 * 1024 * 1024,
});
const date = execFileSync("git", ["--git-dir", gitDir, "log", "-1", "--format=%ad", "--date=short", commit], {
  encoding: "utf8",
}).trim();
const document = (file.endsWith(".json") ? JSON.parse(text) : parse(text)) as Node;
process.stdout.write(
  `# ${file} at ${commit} (${date}), ${method.toUpperCase()} ${path}, ${depth} $ref hop(s)` +
    ": cut by tools/cut-corpus.ts\n",
);
process.stdout.write(
  stringify(cut(document, path, method, Number(depth)), { lineWidth: 0, aliasDuplicateObjects: false }),
);
