/**
 * Runs a vendor's mapping plan (its spec's `x-mapping`, checked at generate
 * time and emitted as data) in both directions: a canonical customer to the
 * vendor's request, and the vendor's response to a canonical result.
 *
 * Nothing is lost silently: a value that does not fit the vendor is a
 * `MappingError` naming the canonical field, the vendor field and the rule;
 * values are never truncated or dropped. Errors name fields, never values, so
 * that credentials and personal data stay out of logs.
 */
import { applyTransform, type TransformName } from "./transforms.js";
import type { CompiledValidator, ErrorKind, ValidationResult, VendorError } from "./validation.js";

/** One declaration of the plan; see docs/mapping.md for the vocabulary. */
export interface FieldMapping {
  /** Target: `/body/...`, `/path/<name>`, `/query/<name>`, `/header/<name>` or `/server/<variable>` (relative to the parent inside `map`). */
  readonly to: string;
  /** Canonical pointer(s), relative to the enclosing `map` scope; several only for `join`. */
  readonly from?: string | readonly string[];
  /** A property of the context. */
  readonly context?: string;
  /** A constant. */
  readonly value?: unknown;
  readonly transform?: TransformName | "join" | "nth";
  readonly separator?: string;
  readonly index?: number;
  readonly where?: Readonly<Record<string, unknown>>;
  readonly pick?: string;
  readonly table?: Readonly<Record<string, unknown>>;
  readonly default?: unknown;
  /** Applies only when every canonical pointer here holds the given value. */
  readonly when?: Readonly<Record<string, unknown>>;
  /** Children, for an object (or each item of an array) of the source. */
  readonly map?: readonly FieldMapping[];
}

export interface AuthMapping {
  readonly type: "basic" | "bearer" | "apiKey";
  /** For apiKey: `header` or `query`, and the parameter name. */
  readonly in?: "header" | "query";
  readonly name?: string;
  /** Context properties holding the credentials. */
  readonly username?: string;
  readonly password?: string;
  readonly token?: string;
}

export interface ErrorLocation {
  readonly status: string;
  readonly code: string;
  readonly message?: string | undefined;
  readonly list?: string | undefined;
  /** An object in the body (or in each list item): the vendor's field name → its message, one error each. */
  readonly fields?: string | undefined;
  readonly when?: { readonly pointer: string; readonly equals: unknown } | undefined;
}

export interface MappingPlan {
  readonly method: string;
  readonly path: string;
  readonly server: string;
  /** Defaults of the server URL's variables, used where no declaration feeds one. */
  readonly serverDefaults: Readonly<Record<string, string>>;
  readonly contentType: string | undefined;
  readonly request: readonly FieldMapping[];
  readonly auth: readonly AuthMapping[];
  /** `/id`, `/number`, `/createdAt` of the canonical result, read from the success body. */
  readonly response: readonly FieldMapping[];
  readonly errorLocations: readonly ErrorLocation[];
  /** The vendor's documented errors, with the canonical field each reports where it names one. */
  readonly errors: readonly VendorError[];
  /** Vendor body field (`/BillingAddress/City`, list indexes as `*`) → the canonical field feeding it; where an error body names fields. */
  readonly fieldSources?: Readonly<Record<string, string>>;
}

export type { ErrorKind } from "./validation.js";

export interface MappingError {
  /** `invalid-customer`: the customer breaks the canonical schema; `invalid-context`: the context breaks the vendor's; `does-not-fit`: a value breaks a vendor rule; `no-place`: the vendor has nowhere to put it. */
  kind: "invalid-customer" | "invalid-context" | "does-not-fit" | "no-place";
  /** Canonical pointer (`/person/givenName`), or `context/<name>` for a context input. */
  field: string;
  /** Where it would go at the vendor (`/body/name`), when there is such a place. */
  vendorField?: string;
  /** The rule that fails (`maxLength`, `required`, a transform name). */
  rule?: string;
  /** The vendor's limit, for limit rules (`60` for `maxLength`). */
  limit?: unknown;
  message: string;
}

export interface VendorRequest<Body> {
  method: string;
  /** The whole URL: the server (its variables filled) and the path. */
  url: string;
  /** The path alone, its parameters filled: for sending to another base URL (a mock, a proxy). */
  path: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  body: Body;
}

export type ToRequestResult<Body> = { ok: true; request: VendorRequest<Body> } | { ok: false; errors: MappingError[] };

export interface CanonicalError {
  kind: ErrorKind;
  code: string | number | undefined;
  message: string;
  /** The canonical field the vendor names, where its error names one. */
  field?: string;
  /** The vendor's own name for the field, as its error body gives it (`BillingAddress.City`). */
  vendorField?: string;
}

export type FromResponseResult =
  | { ok: true; id: string; number?: string; createdAt?: string }
  | { ok: false; status: number; errors: CanonicalError[] };

/** The validators one request needs, from the vendor package. */
export interface RequestValidators {
  customer: (value: unknown) => ValidationResult<unknown>;
  context: ((value: unknown) => ValidationResult<unknown>) | undefined;
  body: CompiledValidator | undefined;
  parameters: Partial<Record<"path" | "query" | "header", CompiledValidator>>;
}

type Part = "body" | "path" | "query" | "header" | "server";
type Json = Record<string, unknown>;

const PARTS: readonly string[] = ["body", "path", "query", "header", "server"];
const hasOwn = (object: object, key: string) => Object.hasOwn(object, key);
const isRecord = (value: unknown): value is Json =>
  value !== null && typeof value === "object" && !Array.isArray(value);
const isIndex = (key: string | undefined): key is string => key !== undefined && /^\d+$/.test(key);

/** Split pointers, by pointer: a mapping reads the same few hundred pointers for every customer. */
const splitPointers = new Map<string, readonly string[]>();

function segments(pointer: string): readonly string[] {
  let parts = splitPointers.get(pointer);
  if (parts === undefined) {
    parts =
      pointer === ""
        ? []
        : pointer
            .split("/")
            .slice(1)
            .map((part) => (part.includes("~") ? part.replace(/~1/g, "/").replace(/~0/g, "~") : part));
    // Pointers into customer arrays carry indexes: the cache is bounded, not a leak.
    if (splitPointers.size >= 4096) splitPointers.clear();
    splitPointers.set(pointer, parts);
  }
  return parts;
}

/** A `from` pointer inside a `map` is relative to the mapped object; `#/...` reaches from the customer's root. */
export function scopedPointer(scope: string, pointer: string): string {
  return pointer.startsWith("#") ? pointer.slice(1) : scope + pointer;
}

/** Reads a pointer from plain data, own properties only: `__proto__` and friends are never followed. */
export function readPointer(root: unknown, pointer: string): unknown {
  return readPath(root, segments(pointer));
}

function readPath(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const key of path) {
    if (Array.isArray(node) && isIndex(key)) node = node[Number(key)];
    else if (isRecord(node) && hasOwn(node, key)) node = node[key];
    else return undefined;
  }
  return node;
}

/** Writes `value` at a JSON pointer under `root`, creating objects (or arrays, before an index) on the way. */
export function writePointer(root: Record<string, unknown> | unknown[], pointer: string, value: unknown): void {
  writePath(root, segments(pointer), value);
}

/** Sets an own property; `__proto__` as a key is data, never the prototype (assignment would set the prototype). */
function setOwn(node: Json | unknown[], key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
  else (node as Json)[key] = value;
}

/** Writes `value` at `path` under `root`, creating objects, or arrays where the next key is an index. */
function writePath(root: Json | unknown[], path: readonly string[], value: unknown): void {
  let node: Json | unknown[] = root;
  for (const [position, key] of path.entries()) {
    const last = position === path.length - 1;
    const next = path[position + 1];
    // Own properties only: an inherited `__proto__` or `constructor` is never walked into.
    const slot = hasOwn(node, key) ? (node as Json)[key] : undefined;
    if (last) {
      setOwn(node, key, value);
      return;
    }
    if (slot === null || typeof slot !== "object") {
      const created = isIndex(next) ? [] : {};
      setOwn(node, key, created);
      node = created;
    } else node = slot as Json;
  }
}

/** The request being built; the body is a list where the vendor takes one (`/body/0/email`). */
type Parts = Record<Exclude<Part, "body">, Json> & { body: Json | unknown[] };

class RequestBuilder {
  readonly parts: Parts = { body: {}, path: {}, query: {}, header: {}, server: {} };
  /** Which canonical field fed each vendor field, to name the source when the vendor rejects a value. */
  readonly sourceOf = new Map<string, string>();
  /** Array items read by index, per canonical array: what is left over has no place at the vendor. */
  readonly used = new Map<string, Set<number>>();
  readonly errors: MappingError[] = [];

  constructor(
    private readonly customer: unknown,
    private readonly context: Json,
  ) {}

  apply(mappings: readonly FieldMapping[], scope: string, target: string): void {
    for (const mapping of mappings) this.applyOne(mapping, scope, target);
  }

  private read(pointer: string): unknown {
    // Every indexed read marks the item as used, whether or not it holds a value.
    const parts = segments(pointer);
    for (const [position, key] of parts.entries())
      if (isIndex(key)) {
        const array = `/${parts.slice(0, position).join("/")}`;
        if (Array.isArray(readPointer(this.customer, array))) this.markUsed(array, Number(key));
      }
    return readPointer(this.customer, pointer);
  }

  private markUsed(array: string, index: number): void {
    const used = this.used.get(array) ?? new Set<number>();
    used.add(index);
    this.used.set(array, used);
  }

  private matches(conditions: Readonly<Record<string, unknown>> | undefined, scope: string): boolean {
    // `null` in a condition means "absent": the canonical customer leaves out what it does not have.
    return Object.entries(conditions ?? {}).every(([pointer, expected]) => {
      const actual = readPointer(this.customer, scopedPointer(scope, pointer));
      return expected === null ? actual === undefined || actual === null : actual === expected;
    });
  }

  private applyOne(mapping: FieldMapping, scope: string, target: string): void {
    if (!this.matches(mapping.when, scope)) return;
    const to = target + mapping.to;
    const [part, ...path] = segments(to);
    if (part === undefined || !PARTS.includes(part)) return;
    // The first declaration that gives a target a value wins: later ones are alternatives.
    if (readPath(this.parts[part as Part], path) !== undefined) return;
    const from = typeof mapping.from === "string" ? scopedPointer(scope, mapping.from) : undefined;

    if (mapping.map !== undefined && from !== undefined) {
      const source = this.read(from);
      if (Array.isArray(source))
        source.forEach((_item, index) => this.apply(mapping.map ?? [], `${from}/${index}`, `${to}/${index}`));
      else if (isRecord(source)) this.apply(mapping.map, from, to);
      return;
    }

    let value: unknown;
    let sourceField = from ?? "";
    if (mapping.context !== undefined) {
      sourceField = `context/${mapping.context}`;
      value = hasOwn(this.context, mapping.context) ? this.context[mapping.context] : undefined;
    } else if (hasOwn(mapping, "value")) value = mapping.value;
    else if (mapping.transform === "join") {
      const pointers = (Array.isArray(mapping.from) ? mapping.from : [mapping.from]).map((pointer) =>
        scopedPointer(scope, String(pointer)),
      );
      sourceField = pointers.join(" + ");
      const parts = pointers
        .map((pointer) => this.read(pointer))
        .filter((part): part is string => typeof part === "string" && part !== "");
      value = parts.length > 0 ? parts.join(mapping.separator ?? " ") : undefined;
    } else if (mapping.transform === "nth" && from !== undefined) {
      const items = this.read(from);
      const index = mapping.index ?? 0;
      if (Array.isArray(items)) {
        const found = items
          .map((item, position) => ({ item, position }))
          .filter(
            ({ item }) =>
              isRecord(item) && Object.entries(mapping.where ?? {}).every(([key, expected]) => item[key] === expected),
          )[index];
        if (found) {
          this.markUsed(from, found.position);
          sourceField = `${from}/${found.position}${mapping.pick ?? ""}`;
          value = mapping.pick === undefined ? found.item : readPointer(found.item, mapping.pick);
        }
      }
    } else if (from !== undefined) value = this.read(from);

    if (
      value !== undefined &&
      mapping.transform !== undefined &&
      mapping.transform !== "join" &&
      mapping.transform !== "nth"
    ) {
      const result = applyTransform(mapping.transform, value, mapping.table);
      if (!result.ok) {
        this.errors.push({
          kind: "does-not-fit",
          field: sourceField,
          vendorField: to,
          rule: mapping.transform,
          message: `${sourceField} ${result.problem}, so it cannot go to ${to}`,
        });
        return;
      }
      value = result.value;
    }
    if (value === undefined) value = mapping.default;
    if (value === undefined) return;
    // The first value written to the body decides its shape: an index first makes it a list.
    const body = this.parts.body;
    const startsList = part === "body" && isIndex(path[0]) && !Array.isArray(body) && Object.keys(body).length === 0;
    if (startsList) this.parts.body = [];
    writePath(this.parts[part as Part], path, value);
    this.sourceOf.set(to, sourceField);
  }

  /** Items of an indexed canonical array that no declaration took. */
  leftovers(): MappingError[] {
    const errors: MappingError[] = [];
    for (const [array, used] of [...this.used].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const items = readPointer(this.customer, array);
      if (!Array.isArray(items)) continue;
      for (let index = 0; index < items.length; index++)
        if (!used.has(index))
          errors.push({
            kind: "no-place",
            field: `${array}/${index}`,
            message: `${array}/${index} has no place at this vendor: no field of its request takes it`,
          });
    }
    return errors;
  }
}

/** The canonical field behind a vendor field: the nearest fed ancestor. */
function sourceFor(builder: RequestBuilder, vendorField: string, plan: readonly FieldMapping[]): string {
  for (let path = vendorField; path !== ""; path = path.slice(0, path.lastIndexOf("/"))) {
    const found = builder.sourceOf.get(path);
    if (found !== undefined) return found;
  }
  // A required vendor field nobody fed: name the declared source, if any.
  const declared = plan.find((mapping) => mapping.to === vendorField);
  if (declared?.context !== undefined) return `context/${declared.context}`;
  if (typeof declared?.from === "string") return declared.from;
  if (Array.isArray(declared?.from)) return declared.from.join(" + ");
  return "";
}

function vendorErrors(
  builder: RequestBuilder,
  plan: MappingPlan,
  part: Part,
  validate: CompiledValidator | undefined,
): MappingError[] {
  if (validate === undefined) return [];
  const valid = safely(() => validate(builder.parts[part]));
  if (valid) return [];
  return (validate.errors ?? []).map((error) => {
    const missing = error.params.missingProperty;
    const vendorField = `/${part}${typeof missing === "string" ? `${error.instancePath}/${missing}` : error.instancePath}`;
    const field = sourceFor(builder, vendorField, plan.request);
    const limit = error.params.limit;
    const found: MappingError = {
      kind: error.keyword === "required" && field === "" ? "no-place" : "does-not-fit",
      field,
      vendorField,
      rule: error.keyword,
      message: `${field || "a value"} does not fit ${vendorField}: it ${error.message ?? `breaks ${error.keyword}`}`,
    };
    if (limit !== undefined) found.limit = limit;
    return found;
  });
}

function safely(run: () => boolean): boolean {
  try {
    return run();
  } catch {
    return false;
  }
}

/** Web APIs that Node 20 and browsers share; declared here because the packages compile without DOM or Node types. */
interface WebGlobals {
  btoa(data: string): string;
  TextEncoder: new () => { encode(text: string): Uint8Array };
}

function basicCredentials(username: string, password: string): string {
  // UTF-8, then base64, without Node's Buffer so that it runs in browsers too.
  const { btoa, TextEncoder } = globalThis as unknown as WebGlobals;
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function addAuth(builder: RequestBuilder, auth: readonly AuthMapping[], context: Json): void {
  const text = (name: string | undefined) =>
    name !== undefined && typeof context[name] === "string" ? (context[name] as string) : undefined;
  for (const scheme of auth) {
    if (scheme.type === "basic") {
      const username = text(scheme.username);
      const password = text(scheme.password);
      if (username !== undefined && password !== undefined)
        builder.parts.header.authorization = `Basic ${basicCredentials(username, password)}`;
    } else if (scheme.type === "bearer") {
      const token = text(scheme.token);
      if (token !== undefined) builder.parts.header.authorization = `Bearer ${token}`;
    } else {
      const token = text(scheme.token);
      if (token !== undefined && scheme.name !== undefined)
        builder.parts[scheme.in === "query" ? "query" : "header"][scheme.name] = token;
    }
  }
}

const asText = (value: unknown): string => (typeof value === "string" ? value : JSON.stringify(value));

function fillTemplate(template: string, values: Json, encode: boolean): string {
  return template.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    if (!hasOwn(values, name)) return whole;
    const text = asText(values[name]);
    return encode ? encodeURIComponent(text) : text;
  });
}

function stringValues(values: Json): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, asText(value)]));
}

function invalid(
  kind: "invalid-customer" | "invalid-context",
  validate: (value: unknown) => ValidationResult<unknown>,
  value: unknown,
): MappingError[] {
  const result = validate(value);
  if (result.ok) return [];
  return result.errors.map((error) => ({
    kind,
    field: kind === "invalid-context" ? `context${error.path}` : error.path,
    rule: error.rule,
    message: kind === "invalid-context" ? `context: ${error.message}` : error.message,
  }));
}

/** HTTP header values are Latin-1 text: anything else cannot be sent, so it is an error here rather than a failed call. */
function headerMisfits(builder: RequestBuilder): MappingError[] {
  return Object.entries(builder.parts.header)
    .filter(([, value]) => /[^\t\x20-\x7e\x80-\xff]/.test(asText(value)))
    .map(([name]) => {
      const field = builder.sourceOf.get(`/header/${name}`) ?? "";
      return {
        kind: "does-not-fit",
        field,
        vendorField: `/header/${name}`,
        rule: "header-text",
        message: `${field || "a value"} does not fit the header ${name}: headers carry Latin-1 text only`,
      };
    });
}

/** Canonical customer + context → the vendor's request, or every reason it cannot be built. */
export function buildRequest<Body>(
  plan: MappingPlan,
  validators: RequestValidators,
  customer: unknown,
  context: unknown,
): ToRequestResult<Body> {
  const problems = [
    ...invalid("invalid-customer", validators.customer, customer),
    ...(validators.context ? invalid("invalid-context", validators.context, context ?? {}) : []),
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
    ...(["path", "query", "header"] as const).flatMap((part) =>
      vendorErrors(builder, plan, part, validators.parameters[part]),
    ),
  ];
  if (errors.length > 0) return { ok: false, errors };
  const { body, path, query, header, server } = builder.parts;
  const headers = stringValues(header);
  if (plan.contentType !== undefined) headers["content-type"] = plan.contentType;
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
      body: body as Body,
    },
  };
}

function kindOfStatus(status: number): ErrorKind {
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 404) return "not-found";
  if (status === 409) return "duplicate";
  if (status === 400 || status === 422) return "invalid-field";
  if (status === 502 || status === 503 || status === 504) return "unavailable";
  return "unknown";
}

function canonicalError(plan: MappingPlan, status: number, code: unknown, message: unknown): CanonicalError {
  const known =
    plan.errors.find((error) => String(error.code) === String(code) && (error.status === status || status === 200)) ??
    plan.errors.find((error) => String(error.code) === String(code));
  // An answer without a code (a bare 402, a 401 body with only a message) is its status's error when the spec documents just one.
  const ofStatus = plan.errors.filter((error) => error.status === status);
  const documented = known ?? (code === undefined && ofStatus.length === 1 ? ofStatus[0] : undefined);
  const text = typeof message === "string" ? message : (documented?.message ?? `the vendor answered ${status}`);
  const found: CanonicalError = {
    kind: documented?.kind ?? kindOfStatus(status),
    code: typeof code === "string" || typeof code === "number" ? code : undefined,
    message: text,
  };
  // An error that covers several fields (a generic "validation failed") names none.
  const field = known?.fields?.length === 1 ? known.fields[0] : undefined;
  if (field !== undefined) found.field = field;
  return found;
}

/** `BillingAddress.City`, `$.Lines[0].Zip` or `/BillingAddress/City` → a body pointer with list indexes as `*`. */
export function vendorFieldPointer(name: string): string {
  const pointer = name.startsWith("/")
    ? name
    : `/${name
        .replace(/^\$\.?/, "")
        .replace(/\[(\d+)\]/g, ".$1")
        .split(".")
        .filter((part) => part !== "")
        .join("/")}`;
  return pointer.replace(/\/\d+(?=\/|$)/g, "/*");
}

/** One error per field a vendor's error names (`{ "BillingAddress.City": "required" }`), each with the vendor's name and, where the mapping feeds it, the canonical field; the error itself when it names none. */
function fieldErrors(plan: MappingPlan, error: CanonicalError, named: unknown): CanonicalError[] {
  if (!isRecord(named)) return [error];
  const sources = Object.entries(plan.fieldSources ?? {});
  const errors = Object.entries(named).map(([name, text]): CanonicalError => {
    const pointer = vendorFieldPointer(name).toLowerCase();
    // Case-insensitive: .NET and Java binders report a field in the casing of the model, not always of the JSON.
    const field = sources.find(([vendor]) => vendor.toLowerCase() === pointer)?.[1];
    const message =
      Array.isArray(text) && typeof text[0] === "string"
        ? text.join(" ")
        : typeof text === "string"
          ? text
          : error.message;
    return {
      kind: error.kind,
      code: error.code,
      message,
      vendorField: name,
      ...(field === undefined ? {} : { field }),
    };
  });
  return errors.length > 0 ? errors : [error];
}

/** A vendor error body laid out as its `x-error-body` says: the code and message in place, in a list and under the failure flag where there are ones. */
export function errorBody(location: ErrorLocation, code: string | number, message: string): unknown {
  const item: Json = {};
  writePath(item, segments(location.code), code);
  if (location.message !== undefined) writePath(item, segments(location.message), message);
  const body: Json = location.list === undefined ? item : {};
  if (location.list !== undefined) writePath(body, segments(location.list), [item]);
  if (location.when !== undefined) writePath(body, segments(location.when.pointer), location.when.equals);
  return body;
}

/** An id as the vendor may give one: text that is not empty, or a finite number; never an object, a list or a flag. */
const isId = (value: unknown): boolean =>
  (typeof value === "string" && value !== "") || (typeof value === "number" && Number.isFinite(value));

const unknownAnswer = (status: number, message: string): FromResponseResult => ({
  ok: false,
  status,
  errors: [{ kind: "unknown", code: undefined, message }],
});

/**
 * The vendor's answer → a canonical result: the new customer's id, or its errors. With `validate` (the package's
 * `validateResponse`), a success is believed only when its body passes it. Never throws.
 */
export function readResponse(
  plan: MappingPlan,
  status: number,
  body: unknown,
  validate?: (status: number, body: unknown) => ValidationResult<unknown>,
): FromResponseResult {
  try {
    const location = plan.errorLocations.find(
      (candidate) =>
        candidate.status === String(status) &&
        (candidate.when === undefined || readPointer(body, candidate.when.pointer) === candidate.when.equals),
    );
    if (location !== undefined) {
      const items = location.list === undefined ? [body] : readPointer(body, location.list);
      const errors = (Array.isArray(items) ? items : []).flatMap((item) => {
        const found = canonicalError(
          plan,
          status,
          readPointer(item, location.code),
          location.message === undefined ? undefined : readPointer(item, location.message),
        );
        return location.fields === undefined ? [found] : fieldErrors(plan, found, readPointer(item, location.fields));
      });
      return {
        ok: false,
        status,
        errors: errors.length > 0 ? errors : [canonicalError(plan, status, undefined, undefined)],
      };
    }
    if (status < 200 || status > 299)
      return { ok: false, status, errors: [canonicalError(plan, status, undefined, undefined)] };
    const checked = validate?.(status, body);
    if (checked !== undefined && !checked.ok)
      return unknownAnswer(
        status,
        `the vendor's success answer does not match its documented schema (${checked.errors[0]?.message ?? "invalid"}), so its id is not believed`,
      );
    const result: Json = {};
    const builder = new RequestBuilder(body, {});
    builder.apply(plan.response, "", "/body");
    for (const key of ["id", "number", "createdAt"]) {
      const value = readPath(builder.parts.body, [key]);
      if (isId(value)) result[key] = String(value);
      else if (key === "id" && value !== undefined && value !== null)
        return unknownAnswer(status, "the vendor's success answer carries an id that is not text or a number");
    }
    if (builder.errors.length > 0 || typeof result.id !== "string")
      return unknownAnswer(status, "the vendor's success answer carries no customer id");
    return { ok: true, ...(result as { id: string }) };
  } catch {
    return unknownAnswer(status, "the vendor's answer could not be read");
  }
}
