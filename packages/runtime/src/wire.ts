/**
 * Request bodies on the wire: JSON, XML (element names and order as the
 * vendor documents them: `./xml`, passed in by the code of a vendor that
 * takes XML, so that no other bundle holds an XML library) and
 * form-urlencoded (ASP.NET model-binding names: `Address.City`,
 * `Contacts[0].Name`). Reading XML or a form back gives the same object as
 * the JSON body: text is turned back into numbers and booleans by the body's
 * shape.
 */
import { fromText } from "./text-value.js";

export type BodyShape =
  | {
      readonly kind: "object";
      readonly properties: readonly { readonly name: string; readonly element: string; readonly shape: BodyShape }[];
    }
  | { readonly kind: "array"; readonly element: string; readonly items: BodyShape }
  | { readonly kind: "value"; readonly type: "string" | "integer" | "number" | "boolean" };

export interface RootShape {
  readonly element: string;
  readonly namespace?: string | undefined;
  readonly shape: BodyShape;
}

/** XML text of a body, by its root shape (`writeXml` from `./xml`). */
export type XmlWriter = (body: unknown, root: RootShape) => string;
/** A body read from XML text by its root shape (`readXml` from `./xml`); throws on text that is not XML or whose root element is another. */
export type XmlReader = (text: string, root: RootShape) => unknown;

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);

export type WireFormat = "json" | "xml" | "form";

export function wireFormat(contentType: string): WireFormat {
  if (/xml/i.test(contentType)) return "xml";
  if (/x-www-form-urlencoded/i.test(contentType)) return "form";
  return "json";
}

function formPairs(value: unknown, shape: BodyShape, prefix: string, into: [string, string][]): void {
  if (shape.kind === "object" && isRecord(value)) {
    for (const property of shape.properties)
      if (value[property.name] !== undefined && value[property.name] !== null)
        formPairs(value[property.name], property.shape, prefix ? `${prefix}.${property.name}` : property.name, into);
  } else if (shape.kind === "array" && Array.isArray(value))
    value.forEach((item, index) => formPairs(item, shape.items, `${prefix}[${index}]`, into));
  else into.push([prefix, typeof value === "object" ? JSON.stringify(value) : String(value)]);
}

function fromForm(text: string, shape: BodyShape): unknown {
  const root: Json = {};
  const pairs = [...new URLSearchParams(text)];
  for (const [key, raw] of pairs) {
    const steps = key.match(/[^.[\]]+|\[\d+\]/g) ?? [];
    // An index past the number of pairs can only make a sparse list (`x[4294967294]=1`): too long to walk.
    for (const step of steps)
      if (/^\[\d+\]$/.test(step) && Number(step.slice(1, -1)) >= pairs.length)
        throw new Error("a form index is out of range");
    let node: Json | unknown[] = root;
    let current: BodyShape | undefined = shape;
    steps.forEach((step, position) => {
      const index = /^\[(\d+)\]$/.exec(step);
      const name = index ? Number(index[1]) : step;
      if (index && current?.kind === "array") current = current.items;
      else if (!index && current?.kind === "object")
        current = current.properties.find((property) => property.name === step)?.shape;
      else current = undefined;
      if (typeof name === "string" && (name === "__proto__" || name === "constructor" || name === "prototype")) return;
      // A list takes indexes only: `contacts.length=4294967295` would otherwise set its length.
      if (Array.isArray(node) && typeof name === "string") throw new Error("a form names a property of a list");
      const last = position === steps.length - 1;
      const container = node as Json;
      if (last) container[name] = current ? fromText(raw, current) : raw;
      else {
        const next = steps[position + 1] ?? "";
        container[name] ??= /^\[\d+\]$/.test(next) ? [] : {};
        node = container[name] as Json;
      }
    });
  }
  return root;
}

/** No XML format was passed for an XML content type: the vendor takes no XML. */
function noXml(contentType: string): never {
  throw new Error(`${contentType} needs the XML wire format, which this vendor's code does not pass`);
}

/** The body as text in the given content type; XML with `writeXml` only. */
export function serializeBody(
  body: unknown,
  root: RootShape | undefined,
  contentType: string,
  writeXml?: XmlWriter,
): string {
  const format = wireFormat(contentType);
  if (format === "json" || root === undefined) return JSON.stringify(body);
  if (format === "form") {
    const pairs: [string, string][] = [];
    formPairs(body, root.shape, "", pairs);
    return new URLSearchParams(pairs).toString();
  }
  return writeXml ? writeXml(body, root) : noXml(contentType);
}

/** A body read back from text: the object the JSON body would have given; XML with `readXml` only. Throws on text that is not the format at all. */
export function parseBody(
  text: string,
  root: RootShape | undefined,
  contentType: string,
  readXml?: XmlReader,
): unknown {
  const format = wireFormat(contentType);
  if (format === "json" || root === undefined) return JSON.parse(text);
  if (format === "form") return fromForm(text, root.shape);
  return readXml ? readXml(text, root) : noXml(contentType);
}
