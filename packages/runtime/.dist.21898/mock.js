import { errorBody, readPointer, writePointer } from "./mapping.js";
import { parseBody } from "./wire.js";
import { base64, utf8Length } from "./utf8.js";
const MOCK_DEFAULTS = {
  maxBodyBytes: 1048576,
  rememberCustomers: 1e3,
  detailedValidationBytes: 16384
};
const json = (status, body) => ({
  status,
  headers: { "content-type": "application/json; charset=utf-8" },
  body: JSON.stringify(body)
});
const withHeader = (response, name, value) => ({
  ...response,
  headers: { ...response.headers, [name]: value }
});
function pathPattern(template) {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{([^}]+)\\?\}/g, "(?<$1>[^/]+)");
  return new RegExp(`${escaped}$`);
}
function fingerprint(text) {
  let h1 = 3735928559;
  let h2 = 1103547991;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ h1 >>> 16, 2246822507) ^ Math.imul(h2 ^ h2 >>> 13, 3266489909);
  h2 = Math.imul(h2 ^ h2 >>> 16, 2246822507) ^ Math.imul(h1 ^ h1 >>> 13, 3266489909);
  return `${text.length}:${(h2 >>> 0).toString(16)}${(h1 >>> 0).toString(16)}`;
}
function byteLength(text) {
  if (text.length * 3 <= 65535) return text.length * 3;
  return utf8Length(text);
}
const mediaType = (contentType) => (contentType.split(";")[0] ?? "").trim().toLowerCase();
function createMockVendor(definition, options = {}) {
  const context = { ...definition.context, ...options.context };
  const maxBodyBytes = options.maxBodyBytes ?? MOCK_DEFAULTS.maxBodyBytes;
  const remember = Math.max(1, options.rememberCustomers ?? MOCK_DEFAULTS.rememberCustomers);
  const detailedBytes = options.detailedValidationBytes ?? MOCK_DEFAULTS.detailedValidationBytes;
  const { plan } = definition;
  const accepted = (definition.contentTypes ?? (plan.contentType === void 0 ? [] : [plan.contentType])).map(
    mediaType
  );
  const seen = /* @__PURE__ */ new Set();
  const created = [];
  const route = pathPattern(
    plan.path.replace(/\{([^}]+)\}/g, (_whole, name) => `{${name.replace(/\W/g, "_")}}`)
  );
  let nextId = 1e3;
  const headerNames = new Map(
    plan.request.filter((mapping) => mapping.to.startsWith("/header/")).map((mapping) => mapping.to.slice("/header/".length)).map((name) => [name.toLowerCase(), name])
  );
  const documented = (kind) => plan.errors.find(
    (error) => error.kind === kind && plan.errorLocations.some((location) => location.status === String(error.status))
  );
  const invalidErrors = plan.errors.filter(
    (error) => error.kind === "invalid-field" && error.status === 400 && plan.errorLocations.some((location) => location.status === "400")
  );
  const generic = invalidErrors.length === 1 ? invalidErrors[0] : void 0;
  const unreadable = plan.errors.find((error) => error.unreadable === true) ?? generic;
  const answerError = (error, fallbackStatus, fallback) => {
    const location = error ? plan.errorLocations.find((candidate) => candidate.status === String(error.status)) : void 0;
    if (!error || !location) return json(fallbackStatus, { message: fallback });
    return {
      ...json(location.status === "200" ? 200 : error.status, errorBody(location, error.code, error.message)),
      code: error.code
    };
  };
  function credentialsFit(request, query, body) {
    const expected = (name) => name === void 0 ? void 0 : context[name];
    return definition.credentials.every((check) => {
      let given;
      let wanted;
      const [first, second] = check.context;
      if (check.in === "basic") {
        given = request.headers.authorization;
        wanted = expected(first) === void 0 ? void 0 : `Basic ${base64(`${String(expected(first))}:${String(expected(second))}`)}`;
      } else if (check.in === "bearer") {
        given = request.headers.authorization;
        wanted = expected(first) === void 0 ? void 0 : `Bearer ${String(expected(first))}`;
      } else {
        const raw = check.in === "header" ? request.headers[(check.name ?? "").toLowerCase()] : check.in === "query" ? query.get(check.name ?? "") : readPointer(body, check.name ?? "");
        given = raw === void 0 || raw === null ? void 0 : String(raw);
        wanted = expected(first) === void 0 ? void 0 : String(expected(first));
      }
      if (given === void 0) return check.optional;
      return wanted === void 0 || given === wanted;
    });
  }
  function bodyProblem(body, size) {
    if (definition.validateBody === void 0 || definition.isBody?.(body) === true) return void 0;
    if (definition.isBody !== void 0 && size > detailedBytes)
      return answerError(generic, 400, "the body breaks the vendor's rules");
    return validationProblem(definition.validateBody(body));
  }
  function validationProblem(result) {
    if (result.ok) return void 0;
    const first = result.errors.find((error) => error.vendorCode !== void 0) ?? result.errors[0];
    const known = plan.errors.find(
      (error) => first?.vendorCode !== void 0 && String(error.code) === String(first.vendorCode)
    );
    return answerError(known ?? generic, 400, first?.message ?? "invalid request");
  }
  function answer(request) {
    let url;
    try {
      url = new URL(request.url, "http://mock.invalid");
    } catch {
      return json(400, { message: "the request target is not a URL" });
    }
    const match = route.exec(url.pathname);
    if (!match) return json(404, { message: "no such endpoint at this vendor" });
    if (String(request.method).toUpperCase() !== plan.method.toUpperCase())
      return withHeader(
        json(405, { message: `this endpoint takes ${plan.method.toUpperCase()} only` }),
        "allow",
        plan.method.toUpperCase()
      );
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), String(value)])
    );
    const size = byteLength(request.body);
    if (size > maxBodyBytes) return json(413, { message: `the body is larger than ${maxBodyBytes} bytes` });
    const contentType = headers["content-type"];
    if (plan.contentType !== void 0 && request.body !== "" && (contentType === void 0 || !accepted.includes(mediaType(contentType))))
      return json(415, { message: `the body must be one of: ${accepted.join(", ")}` });
    let body;
    try {
      body = plan.contentType === void 0 || definition.shape === void 0 && request.body === "" ? void 0 : parseBody(request.body, definition.shape, contentType ?? accepted[0] ?? "application/json");
    } catch {
      return answerError(unreadable, 400, "the body could not be read");
    }
    if (!credentialsFit({ ...request, headers }, url.searchParams, body))
      return answerError(documented("unauthorized"), 401, "unauthorized");
    let path;
    try {
      path = Object.fromEntries(
        Object.entries(match.groups ?? {}).map(([name, value]) => [name, decodeURIComponent(value)])
      );
    } catch {
      return json(400, { message: "the path is not valid percent-encoding" });
    }
    const parameters = {
      path,
      query: Object.fromEntries(url.searchParams),
      // Header names arrive in any case; the validators know them as the spec spells them (`applicationId`).
      header: Object.fromEntries(
        Object.entries(headers).map(([name, value]) => [headerNames.get(name) ?? name, value])
      )
    };
    for (const part of ["path", "query", "header"]) {
      const validate = definition.validateParameters[part];
      if (!validate) continue;
      const raw = validate(parameters[part]);
      const mistyped = raw.ok ? void 0 : new Set(raw.errors.filter((error) => error.rule === "type").map((error) => error.path.slice(1)));
      const problem2 = validationProblem(
        mistyped === void 0 ? raw : validate(coerceParameters(parameters[part], mistyped))
      );
      if (problem2) return problem2;
    }
    const problem = bodyProblem(body, size);
    if (problem) return problem;
    const key = fingerprint(JSON.stringify(body) ?? "");
    if (seen.has(key) && documented("duplicate")) return answerError(documented("duplicate"), 409, "duplicate");
    seen.delete(key);
    seen.add(key);
    created.push(body);
    if (seen.size > remember) seen.delete(seen.values().next().value);
    if (created.length > remember) created.shift();
    const success = structuredClone(definition.success.body);
    const idField = plan.response.find((mapping) => mapping.to === "/id")?.from;
    if (typeof idField === "string") {
      const current = readPointer(success, idField);
      const id = nextId++;
      writePointer(success, idField, typeof current === "string" ? String(id) : id);
    }
    return json(definition.success.status, success);
  }
  function handle(request) {
    try {
      return answer(request);
    } catch {
      return json(400, { message: "the request could not be read" });
    }
  }
  return {
    handle,
    created,
    async fetch(url, init) {
      const response = handle({ method: init.method, url, headers: init.headers, body: init.body ?? "" });
      return {
        status: response.status,
        text: async () => response.body,
        headers: { get: (name) => response.headers[name.toLowerCase()] ?? null }
      };
    }
  };
}
function coerceParameters(values, names) {
  const read = (value) => typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value === "true" ? true : value === "false" ? false : value;
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, names.has(name) ? read(value) : value])
  );
}
export {
  MOCK_DEFAULTS,
  createMockVendor
};
//# sourceMappingURL=mock.js.map
