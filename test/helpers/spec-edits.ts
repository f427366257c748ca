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

const parsed = new Map<string, Document>();
const unedited = new Map<string, string>();

/** The text of `specs/<slug>.yaml` with the edits made (each spec is parsed once; edits work on a copy). */
export function editedSpec(slug: string, edits: Edit[] = []): string {
  if (edits.length === 0 && unedited.has(slug)) return unedited.get(slug) as string;
  let original = parsed.get(slug);
  if (!original) {
    original = parseDocument(readFileSync(join(repoRoot, "specs", `${slug}.yaml`), "utf8"));
    parsed.set(slug, original);
  }
  const doc = original.clone();
  for (const edit of edits) edit(doc);
  const text = doc.toString({ lineWidth: 0 });
  if (edits.length === 0) unedited.set(slug, text);
  return text;
}
