// Edits of a real spec from specs/, for before/after pairs: each edit is one
// change to the YAML document (comments and layout kept), so a rule's test
// is "this spec, with this changed".
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Document, isMap, isScalar, parseDocument } from "yaml";
import { repoRoot } from "./cli.js";

export type Edit = (doc: Document) => void;
type Path = (string | number)[];

function mustHave(doc: Document, path: Path): void {
  if (path.length > 0 && !doc.hasIn(path)) throw new Error(`spec edit: nothing at ${path.join(" / ")}`);
}

/** Sets the value at `path` (its parent must exist, so a mistyped path fails the test). */
export const set =
  (path: Path, value: unknown): Edit =>
  (doc) => {
    mustHave(doc, path.slice(0, -1));
    doc.setIn(path, doc.createNode(value));
  };

export const remove =
  (path: Path): Edit =>
  (doc) => {
    mustHave(doc, path);
    doc.deleteIn(path);
  };

/** Appends to the list at `path` (a key is added to a map with `set`). */
export const append =
  (path: Path, value: unknown): Edit =>
  (doc) => {
    mustHave(doc, path);
    doc.addIn(path, doc.createNode(value));
  };

/** Renames the key `from` of the map at `path`, keeping its place and value. */
export const rename =
  (path: Path, from: string, to: string): Edit =>
  (doc) => {
    const map = doc.getIn(path, true);
    const pair = isMap(map) ? map.items.find((item) => isScalar(item.key) && item.key.value === from) : undefined;
    if (!pair) throw new Error(`spec edit: no key ${from} at ${path.join(" / ")}`);
    pair.key = doc.createNode(to);
  };

/** The text of `specs/<slug>.yaml` with the edits made. */
export function editedSpec(slug: string, edits: Edit[] = []): string {
  const doc = parseDocument(readFileSync(join(repoRoot, "specs", `${slug}.yaml`), "utf8"));
  for (const edit of edits) edit(doc);
  return doc.toString({ lineWidth: 0 });
}
