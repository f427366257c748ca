import {
  hasOwn,
  isIndex,
  isRecord,
  readPath,
  readPointer,
  scopedPointer,
  segments,
  writePath
} from "./pointer.js";
import { applyTransform } from "./transforms.js";
import { base64 } from "./utf8.js";
const PARTS = ["body", "path", "query", "header", "server"];
class RequestBuilder {
  constructor(customer, context) {
    this.customer = customer;
    this.context = context;
  }
  customer;
  context;
  parts = { body: {}, path: {}, query: {}, header: {}, server: {} };
  /** Which canonical field fed each vendor field, to name the source when the vendor rejects a value. */
  sourceOf = /* @__PURE__ */ new Map();
  /** Array items read by index, per canonical array: what is left over has no place at the vendor. */
  used = /* @__PURE__ */ new Map();
  errors = [];
  apply(mappings, scope, target) {
    for (const mapping of mappings) this.applyOne(mapping, scope, target);
  }
  read(pointer) {
    const parts = segments(pointer);
    for (const [position, key] of parts.entries())
      if (isIndex(key)) {
        const array = `/${parts.slice(0, position).join("/")}`;
        if (Array.isArray(readPointer(this.customer, array))) this.markUsed(array, Number(key));
      }
    return readPointer(this.customer, pointer);
  }
  markUsed(array, index) {
    const used = this.used.get(array) ?? /* @__PURE__ */ new Set();
    used.add(index);
    this.used.set(array, used);
  }
  matches(conditions, scope) {
    return Object.entries(conditions ?? {}).every(([pointer, expected]) => {
      const actual = readPointer(this.customer, scopedPointer(scope, pointer));
      return expected === null ? actual === void 0 || actual === null : actual === expected;
    });
  }
  applyOne(mapping, scope, target) {
    if (!this.matches(mapping.when, scope)) return;
    const to = target + mapping.to;
    const [part, ...path] = segments(to);
    if (part === void 0 || !PARTS.includes(part)) return;
    if (readPath(this.parts[part], path) !== void 0) return;
    const from = typeof mapping.from === "string" ? scopedPointer(scope, mapping.from) : void 0;
    if (mapping.map !== void 0 && from !== void 0) {
      const source = this.read(from);
      if (Array.isArray(source))
        source.forEach((_item, index) => this.apply(mapping.map ?? [], `${from}/${index}`, `${to}/${index}`));
      else if (isRecord(source)) this.apply(mapping.map, from, to);
      return;
    }
    let value;
    let sourceField = from ?? "";
    if (mapping.context !== void 0) {
      sourceField = `context/${mapping.context}`;
      value = hasOwn(this.context, mapping.context) ? this.context[mapping.context] : void 0;
    } else if (hasOwn(mapping, "value")) value = mapping.value;
    else if (mapping.transform === "join") {
      const pointers = (Array.isArray(mapping.from) ? mapping.from : [mapping.from]).map(
        (pointer) => scopedPointer(scope, String(pointer))
      );
      sourceField = pointers.join(" + ");
      const parts = pointers.map((pointer) => this.read(pointer)).filter((part2) => typeof part2 === "string" && part2 !== "");
      value = parts.length > 0 ? parts.join(mapping.separator ?? " ") : void 0;
    } else if (mapping.transform === "nth" && from !== void 0) {
      const items = this.read(from);
      const index = mapping.index ?? 0;
      if (Array.isArray(items)) {
        const found = items.map((item, position) => ({ item, position })).filter(
          ({ item }) => isRecord(item) && Object.entries(mapping.where ?? {}).every(([key, expected]) => item[key] === expected)
        )[index];
        if (found) {
          this.markUsed(from, found.position);
          sourceField = `${from}/${found.position}${mapping.pick ?? ""}`;
          value = mapping.pick === void 0 ? found.item : readPointer(found.item, mapping.pick);
        }
      }
    } else if (from !== void 0) value = this.read(from);
    if (value !== void 0 && mapping.transform !== void 0 && mapping.transform !== "join" && mapping.transform !== "nth") {
      const result = applyTransform(mapping.transform, value, mapping.table);
      if (!result.ok) {
        this.errors.push({
          kind: "does-not-fit",
          field: sourceField,
          vendorField: to,
          rule: mapping.transform,
          message: `${sourceField} ${result.problem}, so it cannot go to ${to}`
        });
        return;
      }
      value = result.value;
    }
    if (value === void 0) value = mapping.default;
    if (value === void 0) return;
    const body = this.parts.body;
    const startsList = part === "body" && isIndex(path[0]) && !Array.isArray(body) && Object.keys(body).length === 0;
    if (startsList) this.parts.body = [];
    writePath(this.parts[part], path, value);
    this.sourceOf.set(to, sourceField);
  }
  /** Items of an indexed canonical array that no declaration took. */
  leftovers() {
    const errors = [];
    for (const [array, used] of [...this.used].sort(([a], [b]) => a < b ? -1 : 1)) {
      const items = readPointer(this.customer, array);
      if (!Array.isArray(items)) continue;
      for (let index = 0; index < items.length; index++)
        if (!used.has(index))
          errors.push({
            kind: "no-place",
            field: `${array}/${index}`,
            message: `${array}/${index} has no place at this vendor: no field of its request takes it`
          });
    }
    return errors;
  }
}
function sourceFor(builder, vendorField, plan) {
  for (let path = vendorField; path !== ""; path = path.slice(0, path.lastIndexOf("/"))) {
    const found = builder.sourceOf.get(path);
    if (found !== void 0) return found;
  }
  const declared = plan.find((mapping) => mapping.to === vendorField);
  if (declared?.context !== void 0) return `context/${declared.context}`;
  if (typeof declared?.from === "string") return declared.from;
  if (Array.isArray(declared?.from)) return declared.from.join(" + ");
  return "";
}
function vendorErrors(builder, plan, part, validate) {
  if (validate === void 0) return [];
  const valid = safely(() => validate(builder.parts[part]));
  if (valid) return [];
  return (validate.errors ?? []).map((error) => {
    const missing = error.params.missingProperty;
    const vendorField = `/${part}${typeof missing === "string" ? `${error.instancePath}/${missing}` : error.instancePath}`;
    const field = sourceFor(builder, vendorField, plan.request);
    const limit = error.params.limit;
    const found = {
      kind: error.keyword === "required" && field === "" ? "no-place" : "does-not-fit",
      field,
      vendorField,
      rule: error.keyword,
      message: `${field || "a value"} does not fit ${vendorField}: it ${error.message ?? `breaks ${error.keyword}`}`
    };
    if (limit !== void 0) found.limit = limit;
    return found;
  });
}
function safely(run) {
  try {
    return run();
  } catch {
    return false;
  }
}
const basicCredentials = (username, password) => base64(`${username}:${password}`);
function addAuth(builder, auth, context) {
  const text = (name) => name !== void 0 && typeof context[name] === "string" ? context[name] : void 0;
  for (const scheme of auth) {
    if (scheme.type === "basic") {
      const username = text(scheme.username);
      const password = text(scheme.password);
      if (username !== void 0 && password !== void 0)
        builder.parts.header.authorization = `Basic ${basicCredentials(username, password)}`;
    } else if (scheme.type === "bearer") {
      const token = text(scheme.token);
      if (token !== void 0) builder.parts.header.authorization = `Bearer ${token}`;
    } else {
      const token = text(scheme.token);
      if (token !== void 0 && scheme.name !== void 0)
        builder.parts[scheme.in === "query" ? "query" : "header"][scheme.name] = token;
    }
  }
}
const asText = (value) => typeof value === "string" ? value : JSON.stringify(value);
function fillTemplate(template, values, encode) {
  return template.replace(/\{([^}]+)\}/g, (whole, name) => {
    if (!hasOwn(values, name)) return whole;
    const text = asText(values[name]);
    return encode ? encodeURIComponent(text) : text;
  });
}
function stringValues(values) {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, asText(value)]));
}
function invalid(kind, validate, value) {
  const result = validate(value);
  if (result.ok) return [];
  return result.errors.map((error) => ({
    kind,
    field: kind === "invalid-context" ? `context${error.path}` : error.path,
    rule: error.rule,
    message: kind === "invalid-context" ? `context: ${error.message}` : error.message
  }));
}
function headerMisfits(builder) {
  return Object.entries(builder.parts.header).filter(([, value]) => /[^\t\x20-\x7e\x80-\xff]/.test(asText(value))).map(([name]) => {
    const field = builder.sourceOf.get(`/header/${name}`) ?? "";
    return {
      kind: "does-not-fit",
      field,
      vendorField: `/header/${name}`,
      rule: "header-text",
      message: `${field || "a value"} does not fit the header ${name}: headers carry Latin-1 text only`
    };
  });
}
function buildRequest(plan, validators, customer, context) {
  const problems = [
    ...invalid("invalid-customer", validators.customer, customer),
    ...validators.context ? invalid("invalid-context", validators.context, context ?? {}) : []
  ];
  if (problems.length > 0) return { ok: false, errors: problems };
  const contextValues = isRecord(context) ? context : {};
  const builder = new RequestBuilder(customer, contextValues);
  builder.apply(plan.request, "", "");
  addAuth(builder, plan.auth, contextValues);
  const errors = [
    ...builder.errors,
    ...builder.leftovers(),
    ...headerMisfits(builder),
    ...vendorErrors(builder, plan, "body", validators.body),
    ...["path", "query", "header"].flatMap(
      (part) => vendorErrors(builder, plan, part, validators.parameters[part])
    )
  ];
  if (errors.length > 0) return { ok: false, errors };
  const { body, path, query, header, server } = builder.parts;
  const headers = stringValues(header);
  if (plan.contentType !== void 0) headers["content-type"] = plan.contentType;
  const base = fillTemplate(plan.server, { ...plan.serverDefaults, ...server }, false).replace(/\/$/, "");
  const filledPath = fillTemplate(plan.path, path, true);
  return {
    ok: true,
    request: {
      method: plan.method,
      url: `${base}${filledPath}`,
      path: filledPath,
      headers,
      query: stringValues(query),
      body
    }
  };
}
export {
  RequestBuilder,
  buildRequest
};
//# sourceMappingURL=build-request.js.map
