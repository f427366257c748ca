// One process over every spec given, through openapi-typescript's Node API
// (its CLI takes one spec a run). Usage: <out dir> <spec>…
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const [out, ...specs] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
for (const spec of specs) {
  const ast = await openapiTS(pathToFileURL(resolve(spec)));
  writeFileSync(join(out, `${basename(spec, ".yaml")}.d.ts`), astToString(ast));
}
