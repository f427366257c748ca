/**
 * The XML wire format: element names and order as the vendor documents them,
 * built and parsed with fast-xml-parser. The writer is imported by the
 * generated code of a vendor that takes XML and passed to the client; the
 * reader by the mock vendor: two exports, so that a bundle holds only one.
 */
import { XMLBuilder, XMLParser } from "fast-xml-parser";
import { isRecord } from "./pointer.js";
import { fromText } from "./text-value.js";
import type { BodyShape, XmlReader, XmlWriter } from "./wire.js";

type Json = Record<string, unknown>;

function toXmlTree(value: unknown, shape: BodyShape): unknown {
  if (shape.kind === "object" && isRecord(value)) {
    const tree: Json = {};
    // Insertion order is element order: the vendor's documented order, not the order the mapper filled the object in.
    for (const property of shape.properties)
      if (value[property.name] !== undefined && value[property.name] !== null)
        tree[property.element] = toXmlTree(value[property.name], property.shape);
    return tree;
  }
  if (shape.kind === "array" && Array.isArray(value))
    return { [shape.element]: value.map((item) => toXmlTree(item, shape.items)) };
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

function fromXmlTree(node: unknown, shape: BodyShape): unknown {
  if (shape.kind === "object") {
    if (!isRecord(node)) return node === "" ? {} : node;
    const value: Json = {};
    for (const property of shape.properties)
      if (property.element in node) value[property.name] = fromXmlTree(node[property.element], property.shape);
    return value;
  }
  if (shape.kind === "array") {
    if (!isRecord(node)) return node === "" ? [] : node;
    const items = node[shape.element];
    return (Array.isArray(items) ? items : items === undefined ? [] : [items]).map((item) =>
      fromXmlTree(item, shape.items),
    );
  }
  return fromText(node, shape);
}

export const writeXml: XmlWriter = (body, root) => {
  const tree = toXmlTree(body, root.shape) as Json;
  const element = root.namespace === undefined ? tree : { "@_xmlns": root.namespace, ...tree };
  return new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: false }).build({
    [root.element]: element,
  }) as string;
};

export const readXml: XmlReader = (text, root) => {
  const document = new XMLParser({ ignoreAttributes: true, parseTagValue: false, processEntities: true }).parse(
    text,
    true,
  ) as Json;
  if (!(root.element in document)) throw new Error(`the XML root element is not <${root.element}>`);
  return fromXmlTree(document[root.element], root.shape);
};
