/**
 * A stand-in for a vendor's create endpoint, built from its spec: it checks
 * the credentials, reads the body in any content type the vendor accepts,
 * validates it with the generated validators, and answers as the vendor
 * documents: the success body with a new id, or the vendor's own error body
 * for the first broken rule, 401 for bad credentials, and the duplicate
 * error for a second create of the same customer. It runs anywhere `fetch`
 * does (no Node built-ins): use `mock.fetch` as the client's `fetch`, or
 * serve it over HTTP with `startMockServer` (`./mock-server`).
 *
 */
import { errorBody, readPointer, writePointer, type MappingPlan } from "./mapping.js";
import type { ValidationResult } from "./validation.js";
import { parseBody, type RootShape } from "./wire.js";

/** Where a credential is checked: an auth header, a query parameter, or a body field (`x-credential`). */
export interface CredentialCheck {
  readonly in: "basic" | "bearer" | "header" | "query" | "body";
  /** Header or query name, or JSON pointer into the body. */
  readonly name?: string;
  /** Context properties holding the expected values. */
  readonly context: readonly string[];
  /** Whether a request without this credential is let through (the vendor allows no auth). */
  readonly optional: boolean;
}

export interface MockDefinition {
  readonly plan: MappingPlan;
  readonly shape: RootShape | undefined;
  readonly credentials: readonly CredentialCheck[];
  readonly validateBody: ((value: unknown) => ValidationResult<unknown>) | undefined;
  readonly validateParameters: Partial<Record<"path" | "query" | "header", (value: unknown) => ValidationResult<unknown>>>;
  readonly success: { readonly status: number; readonly body: unknown };
  /** The context whose credentials the mock accepts unless told otherwise. */
  readonly context: object;
}

export interface MockRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface MockResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface MockVendor {
  /** Answers one request. */
  handle(request: MockRequest): MockResponse;
  /** A `fetch` for the client: no network involved. */
  fetch(url: string, init: { method: string; headers: Record<string, string>; body?: string }): Promise<{ status: number; text(): Promise<string>; headers: { get(name: string): string | null } }>;
  /** The bodies the mock accepted, parsed, in order. */
  readonly created: unknown[];
}

type Json = Record<string, unknown>;

interface WebGlobals {
  btoa(data: string): string;
  TextEncoder: new () => { encode(text: string): Uint8Array };
}

function base64(text: string): string {
  const { btoa, TextEncoder } = globalThis as unknown as WebGlobals;
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

const json = (status: number, body: unknown): MockResponse => ({ status, headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify(body) });

function pathPattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{([^}]+)\\?\}/g, "(?<$1>[^/]+)");
  return new RegExp(`${escaped}$`);
}

/** Builds a mock vendor; `options.context` replaces the credentials it accepts. */
export function createMockVendor(definition: MockDefinition, options: { context?: Record<string, unknown> } = {}): MockVendor {
  const context: Record<string, unknown> = { ...definition.context, ...options.context };
  const { plan } = definition;
  const seen = new Set<string>();
  const created: unknown[] = [];
  const route = pathPattern(plan.path.replace(/\{([^}]+)\}/g, (_whole, name: string) => `{${name.replace(/\W/g, "_")}}`));
  let nextId = 1000;

  const documented = (kind: string) => plan.errors.find((error) => error.kind === kind && plan.errorLocations.some((location) => location.status === String(error.status)));
  const answerError = (error: MappingPlan["errors"][number] | undefined, fallbackStatus: number, fallback: string): MockResponse => {
    const location = error ? plan.errorLocations.find((candidate) => candidate.status === String(error.status)) : undefined;
    if (!error || !location) return json(fallbackStatus, { message: fallback });
    return json(location.status === "200" ? 200 : error.status, errorBody(location, error.code, error.message));
  };

  function credentialsFit(request: MockRequest, query: URLSearchParams, body: unknown): boolean {
    const expected = (name: string | undefined) => (name === undefined ? undefined : context[name]);
    return definition.credentials.every((check) => {
      let given: string | undefined;
      let wanted: string | undefined;
      const [first, second] = check.context;
      if (check.in === "basic") {
        given = request.headers.authorization;
        wanted = expected(first) === undefined ? undefined : `Basic ${base64(`${String(expected(first))}:${String(expected(second))}`)}`;
      } else if (check.in === "bearer") {
        given = request.headers.authorization;
        wanted = expected(first) === undefined ? undefined : `Bearer ${String(expected(first))}`;
      } else {
        const raw = check.in === "header" ? request.headers[(check.name ?? "").toLowerCase()] : check.in === "query" ? query.get(check.name ?? "") : readPointer(body, check.name ?? "");
        given = raw === undefined || raw === null ? undefined : String(raw);
        wanted = expected(first) === undefined ? undefined : String(expected(first));
      }
      if (given === undefined) return check.optional;
      return wanted === undefined || given === wanted;
    });
  }

  function handle(request: MockRequest): MockResponse {
    const url = new URL(request.url, "http://mock.invalid");
    const match = route.exec(url.pathname);
    if (request.method.toUpperCase() !== plan.method.toUpperCase() || !match) return json(404, { message: "no such endpoint at this vendor" });
    const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]));
    let body: unknown;
    try {
      body = definition.shape === undefined && request.body === "" ? undefined : parseBody(request.body, definition.shape, headers["content-type"] ?? "application/json");
    } catch {
      return answerError(documented("invalid-field"), 400, "the body could not be read");
    }
    if (!credentialsFit({ ...request, headers }, url.searchParams, body)) return answerError(documented("unauthorized"), 401, "unauthorized");

    const parameters: Record<"path" | "query" | "header", Json> = {
      path: Object.fromEntries(Object.entries(match.groups ?? {}).map(([name, value]) => [name, decodeURIComponent(value)])),
      query: Object.fromEntries(url.searchParams),
      header: headers,
    };
    const results = [
      ...(["path", "query", "header"] as const).map((part) => {
        const validate = definition.validateParameters[part];
        if (!validate) return undefined;
        // Parameters arrive as text: a typed one (`updatedBy=1`, `x-workflow-disabled: true`) is read back when the text alone does not pass.
        const raw = validate(parameters[part]);
        if (raw.ok) return raw;
        const mistyped = new Set(raw.errors.filter((error) => error.rule === "type").map((error) => error.path.slice(1)));
        return validate(coerceParameters(parameters[part], mistyped));
      }),
      definition.validateBody?.(body),
    ];
    for (const result of results)
      if (result && !result.ok) {
        const first = result.errors.find((error) => error.vendorCode !== undefined) ?? result.errors[0];
        const known = plan.errors.find((error) => first?.vendorCode !== undefined && String(error.code) === String(first.vendorCode));
        return answerError(known ?? documented("invalid-field"), 400, first?.message ?? "invalid request");
      }

    const key = JSON.stringify(body);
    if (seen.has(key) && documented("duplicate")) return answerError(documented("duplicate"), 409, "duplicate");
    seen.add(key);
    created.push(body);
    const answer = structuredClone(definition.success.body) as Json;
    const idField = plan.response.find((mapping) => mapping.to === "/id")?.from;
    if (typeof idField === "string") {
      const current = readPointer(answer, idField);
      const id = nextId++;
      writePointer(answer, idField, typeof current === "string" ? String(id) : id);
    }
    return json(definition.success.status, answer);
  }

  return {
    handle,
    created,
    async fetch(url, init) {
      const response = handle({ method: init.method, url, headers: init.headers, body: init.body ?? "" });
      return { status: response.status, text: async () => response.body, headers: { get: (name: string) => response.headers[name.toLowerCase()] ?? null } };
    },
  };
}

/** Query and header values arrive as text; numbers and booleans are read back for the validators. */
function coerceParameters(values: Json, names: Set<string>): Json {
  const read = (value: unknown) => (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value === "true" ? true : value === "false" ? false : value);
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, names.has(name) ? read(value) : value]));
}
