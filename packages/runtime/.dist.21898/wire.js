import { XMLBuilder, XMLParser } from "fast-xml-parser";
const isRecord = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
function wireFormat(contentType) {
  if (/xml/i.test(contentType)) return "xml";
  if (/x-www-form-urlencoded/i.test(contentType)) return "form";
  return "json";
}
function fromText(text, shape) {
  if (shape.kind !== "value" || typeof text !== "string") return text;
  if ((shape.type === "integer" || shape.type === "number") && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text.trim()))
    return Number(text);
  if (shape.type === "boolean" && (text === "true" || text === "false")) return text === "true";
  return text;
}
function toXmlTree(value, shape) {
  if (shape.kind === "object" && isRecord(value)) {
    const tree = {};
    for (const property of shape.properties)
      if (value[property.name] !== void 0 && value[property.name] !== null)
        tree[property.element] = toXmlTree(value[property.name], property.shape);
    return tree;
  }
  if (shape.kind === "array" && Array.isArray(value))
    return { [shape.element]: value.map((item) => toXmlTree(item, shape.items)) };
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
function fromXmlTree(node, shape) {
  if (shape.kind === "object") {
    if (!isRecord(node)) return node === "" ? {} : node;
    const value = {};
    for (const property of shape.properties)
      if (property.element in node) value[property.name] = fromXmlTree(node[property.element], property.shape);
    return value;
  }
  if (shape.kind === "array") {
    if (!isRecord(node)) return node === "" ? [] : node;
    const items = node[shape.element];
    return (Array.isArray(items) ? items : items === void 0 ? [] : [items]).map(
      (item) => fromXmlTree(item, shape.items)
    );
  }
  return fromText(node, shape);
}
function formPairs(value, shape, prefix, into) {
  if (shape.kind === "object" && isRecord(value)) {
    for (const property of shape.properties)
      if (value[property.name] !== void 0 && value[property.name] !== null)
        formPairs(value[property.name], property.shape, prefix ? `${prefix}.${property.name}` : property.name, into);
  } else if (shape.kind === "array" && Array.isArray(value))
    value.forEach((item, index) => formPairs(item, shape.items, `${prefix}[${index}]`, into));
  else into.push([prefix, typeof value === "object" ? JSON.stringify(value) : String(value)]);
}
function fromForm(text, shape) {
  const root = {};
  const pairs = [...new URLSearchParams(text)];
  for (const [key, raw] of pairs) {
    const steps = key.match(/[^.[\]]+|\[\d+\]/g) ?? [];
    for (const step of steps)
      if (/^\[\d+\]$/.test(step) && Number(step.slice(1, -1)) >= pairs.length)
        throw new Error("a form index is out of range");
    let node = root;
    let current = shape;
    steps.forEach((step, position) => {
      const index = /^\[(\d+)\]$/.exec(step);
      const name = index ? Number(index[1]) : step;
      if (index && current?.kind === "array") current = current.items;
      else if (!index && current?.kind === "object")
        current = current.properties.find((property) => property.name === step)?.shape;
      else current = void 0;
      if (typeof name === "string" && (name === "__proto__" || name === "constructor" || name === "prototype")) return;
      if (Array.isArray(node) && typeof name === "string") throw new Error("a form names a property of a list");
      const last = position === steps.length - 1;
      const container = node;
      if (last) container[name] = current ? fromText(raw, current) : raw;
      else {
        const next = steps[position + 1] ?? "";
        container[name] ??= /^\[\d+\]$/.test(next) ? [] : {};
        node = container[name];
      }
    });
  }
  return root;
}
function serializeBody(body, root, contentType) {
  const format = wireFormat(contentType);
  if (format === "json" || root === void 0) return JSON.stringify(body);
  if (format === "form") {
    const pairs = [];
    formPairs(body, root.shape, "", pairs);
    return new URLSearchParams(pairs).toString();
  }
  const tree = toXmlTree(body, root.shape);
  const element = root.namespace === void 0 ? tree : { "@_xmlns": root.namespace, ...tree };
  return new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: false }).build({
    [root.element]: element
  });
}
function parseBody(text, root, contentType) {
  const format = wireFormat(contentType);
  if (format === "json" || root === void 0) return JSON.parse(text);
  if (format === "form") return fromForm(text, root.shape);
  const document = new XMLParser({ ignoreAttributes: true, parseTagValue: false, processEntities: true }).parse(
    text,
    true
  );
  if (!(root.element in document)) throw new Error(`the XML root element is not <${root.element}>`);
  return fromXmlTree(document[root.element], root.shape);
}
export {
  parseBody,
  serializeBody,
  wireFormat
};
//# sourceMappingURL=wire.js.map
