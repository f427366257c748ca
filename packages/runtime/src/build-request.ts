/**
 * A canonical customer to the vendor's whole request (body, path, query,
 * headers, server variables, auth), by the plan. Nothing is lost silently: a
 * value that does not fit the vendor is a `MappingError` naming the
 * canonical field, the vendor field and the rule; values are never truncated
 * or dropped. Errors name fields, never values, so that credentials and
 * personal data stay out of logs.
 */
import type {
  AuthMapping,
  FieldMapping,
  MappingError,
  MappingPlan,
  RequestValidators,
  ToRequestResult,
} from "./plan.js";
import {
  errorPointer,
  hasOwn,
  isIndex,
  isRecord,
  type Json,
  readPath,
  readPointer,
  scopedPointer,
  segments,
  writePath,
} from "./pointer.js";
import type { Transforms } from "./transforms.js";
import { base64 } from "./utf8.js";
import { errorMessage } from "./error-messages.js";
import type { CompiledValidator, ValidationResult } from "./validation.js";

type Part = "body" | "path" | "query" | "header" | "server";

const PARTS: readonly string[] = ["body", "path", "query", "header", "server"];

/** The request being built; the body is a list where the vendor takes one (`/body/0/email`). */
type Parts = Record<Exclude<Part, "body">, Json> & { body: Json | unknown[] };

/** Also reads the success answer into the canonical result, by the plan's `response` declarations. */
export class RequestBuilder {
  readonly parts: Parts = { body: {}, path: {}, query: {}, header: {}, server: {} };
  /** Which canonical fields fed each vendor field (a join's parts, each a pointer), to name them when the vendor rejects a value. */
  readonly sourceOf: Map<string, readonly string[]> = new Map();
  /** Array items read by index, per canonical array: what is left over has no place at the vendor. */
  readonly used: Map<string, Set<number>> = new Map();
  readonly errors: MappingError[] = [];

  constructor(
    private readonly customer: unknown,
    private readonly context: Json,
    private readonly transforms: Transforms = {},
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
    let sources: readonly string[] = from === undefined ? [] : [from];
    if (mapping.context !== undefined) {
      sources = [`context/${mapping.context}`];
      value = hasOwn(this.context, mapping.context) ? this.context[mapping.context] : undefined;
    } else if (hasOwn(mapping, "value")) value = mapping.value;
    else if (mapping.transform === "join") {
      const pointers = (Array.isArray(mapping.from) ? mapping.from : [mapping.from]).map((pointer) =>
        scopedPointer(scope, String(pointer)),
      );
      sources = pointers;
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
          sources = [`${from}/${found.position}${mapping.pick ?? ""}`];
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
      const transform = this.transforms[mapping.transform];
      // A plan written by hand may name a transform it does not pass: an error, as a value that does not fit would be.
      const result = transform
        ? transform(value, mapping.table)
        : { ok: false as const, problem: `needs the transform ${mapping.transform}, which the plan does not pass` };
      const otherwise = mapping.otherwise;
      if (!result.ok && otherwise !== undefined) {
        // A lookup's fallback: an optional vendor field is left out, or a constant goes instead.
        if (otherwise === "omit") return;
        value = otherwise.value;
      } else if (!result.ok) {
        this.errors.push({
          kind: "does-not-fit",
          ...fieldsOf(sources),
          vendorField: to,
          rule: mapping.transform,
          message: `${sources.join(" and ")} ${result.problem}, so it cannot go to ${to}`,
        });
        return;
      } else value = result.value;
    }
    if (value === undefined) value = mapping.default;
    if (value === undefined) return;
    // The first value written to the body decides its shape: an index first makes it a list.
    const body = this.parts.body;
    const startsList = part === "body" && isIndex(path[0]) && !Array.isArray(body) && Object.keys(body).length === 0;
    if (startsList) this.parts.body = [];
    writePath(this.parts[part as Part], path, value);
    this.sourceOf.set(to, sources);
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

/** A mapping error's canonical field (a pointer), and with several (a join's parts) each as its own pointer in `fields`. */
function fieldsOf(sources: readonly string[]): { field: string; fields?: string[] } {
  return { field: sources[0] ?? "", ...(sources.length > 1 ? { fields: [...sources] } : {}) };
}

/** The canonical fields behind a vendor field: the nearest fed ancestor's. */
function sourcesFor(builder: RequestBuilder, vendorField: string, plan: readonly FieldMapping[]): readonly string[] {
  for (let path = vendorField; path !== ""; path = path.slice(0, path.lastIndexOf("/"))) {
    const found = builder.sourceOf.get(path);
    if (found !== undefined) return found;
  }
  // A required vendor field nobody fed: name the declared source, if any.
  const declared = plan.find((mapping) => mapping.to === vendorField);
  if (declared?.context !== undefined) return [`context/${declared.context}`];
  if (typeof declared?.from === "string") return [declared.from];
  if (Array.isArray(declared?.from)) return declared.from;
  return [];
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
    const vendorField = `/${part}${errorPointer(error)}`;
    const sources = sourcesFor(builder, vendorField, plan.request);
    const limit = error.params.limit;
    const found: MappingError = {
      kind: error.keyword === "required" && sources.length === 0 ? "no-place" : "does-not-fit",
      ...fieldsOf(sources),
      vendorField,
      rule: error.keyword,
      message: `${sources.join(" and ") || "a value"} does not fit ${vendorField}: it ${error.message ?? errorMessage(error.keyword, error.params)}`,
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

/** `user:password` as HTTP Basic sends it: UTF-8, then base64. */
const basicCredentials = (username: string, password: string): string => base64(`${username}:${password}`);

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
      const sources = builder.sourceOf.get(`/header/${name}`) ?? [];
      const field = sources.join(" and ");
      return {
        kind: "does-not-fit",
        ...fieldsOf(sources),
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
  const builder = new RequestBuilder(customer, contextValues, plan.transforms);
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
