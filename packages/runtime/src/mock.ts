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
import { errorBody, readPointer, writePointer, type ErrorLocation, type MappingPlan } from "./mapping.js";
import type { ValidationResult } from "./validation.js";
import { parseBody, type RootShape } from "./wire.js";
import { readXml } from "./xml.js";
import { base64, utf8Length } from "./utf8.js";
import { fingerprint } from "./hash.js";

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
  /** The content types the vendor accepts; a body in any other is answered 415 before it is read. */
  readonly contentTypes?: readonly string[];
  /** The fail-fast check of the body (the package's `isX`); the detailed validator runs only on a rejection. */
  readonly isBody?: ((value: unknown) => boolean) | undefined;
  readonly validateBody: ((value: unknown) => ValidationResult<unknown>) | undefined;
  readonly validateParameters: Partial<
    Record<"path" | "query" | "header", (value: unknown) => ValidationResult<unknown>>
  >;
  readonly success: { readonly status: number; readonly body: unknown };
  /**
   * Per documented error status: its content type, and a sample of its schema that the error's code and message are
   * written into, so that a mock error passes the vendor's own response schema (what else it requires is there).
   */
  readonly errorAnswers?: Readonly<Record<string, { readonly contentType: string; readonly body: unknown }>>;
  /** The context whose credentials the mock accepts unless told otherwise. */
  readonly context: object;
}

export interface MockOptions {
  /** Replaces the credentials the mock accepts. */
  context?: Record<string, unknown>;
  /** The largest body read, in bytes (UTF-8); a larger one is answered 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** How many created customers are remembered (duplicates, `created`); the oldest is forgotten first. Default 1000. */
  rememberCustomers?: number;
  /**
   * Bodies up to this many bytes that fail the fail-fast check get the detailed validator's first vendor error;
   * larger ones the vendor's generic one (the detailed validator can cost more than linear time). Default 16 KiB.
   */
  detailedValidationBytes?: number;
}

/** The defaults of `MockOptions`. */
export const MOCK_DEFAULTS = {
  maxBodyBytes: 1_048_576,
  rememberCustomers: 1000,
  detailedValidationBytes: 16_384,
} as const;

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
  /** The vendor's error code answered, for the log. */
  code?: string | number;
}

export interface MockVendor {
  /** Answers one request. */
  handle(request: MockRequest): MockResponse;
  /** A `fetch` for the client: no network involved. */
  fetch(
    url: string,
    init: { method: string; headers: Record<string, string>; body?: string },
  ): Promise<{ status: number; text(): Promise<string>; headers: { get(name: string): string | null } }>;
  /** The bodies the mock accepted, parsed, in order: the last `rememberCustomers` of them. */
  readonly created: unknown[];
}

type Json = Record<string, unknown>;

const json = (status: number, body: unknown): MockResponse => ({
  status,
  headers: { "content-type": "application/json; charset=utf-8" },
  body: JSON.stringify(body),
});

const withHeader = (response: MockResponse, name: string, value: string): MockResponse => ({
  ...response,
  headers: { ...response.headers, [name]: value },
});

function pathPattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{([^}]+)\\?\}/g, "(?<$1>[^/]+)");
  return new RegExp(`${escaped}$`);
}

function byteLength(text: string): number {
  // Every UTF-16 unit is at most 3 bytes of UTF-8: most bodies need no encoding to be measured.
  if (text.length * 3 <= 0xffff) return text.length * 3;
  return utf8Length(text);
}

const mediaType = (contentType: string) => (contentType.split(";")[0] ?? "").trim().toLowerCase();

/** The idempotency key a request carries where the plan says the vendor takes one. */
function keyOf(plan: MappingPlan, headers: Record<string, string>, body: unknown): string | undefined {
  const where = plan.idempotency;
  if (where === undefined) return undefined;
  const key = where.in === "header" ? headers[where.name.toLowerCase()] : readPointer(body, where.field);
  return typeof key === "string" && key !== "" ? key : undefined;
}

/** Builds a mock vendor; `options.context` replaces the credentials it accepts. */
export function createMockVendor(definition: MockDefinition, options: MockOptions = {}): MockVendor {
  const context: Record<string, unknown> = { ...definition.context, ...options.context };
  const maxBodyBytes = options.maxBodyBytes ?? MOCK_DEFAULTS.maxBodyBytes;
  const remember = Math.max(1, options.rememberCustomers ?? MOCK_DEFAULTS.rememberCustomers);
  const detailedBytes = options.detailedValidationBytes ?? MOCK_DEFAULTS.detailedValidationBytes;
  const { plan } = definition;
  const accepted = (definition.contentTypes ?? (plan.contentType === undefined ? [] : [plan.contentType])).map(
    mediaType,
  );
  // Insertion order is age: the first key is the oldest, forgotten first.
  const seen = new Set<string>();
  const replays = new Map<string, MockResponse>();
  const created: unknown[] = [];
  const route = pathPattern(
    plan.path.replace(/\{([^}]+)\}/g, (_whole, name: string) => `{${name.replace(/\W/g, "_")}}`),
  );
  let nextId = 1000;
  const headerNames = new Map(
    plan.request
      .filter((mapping) => mapping.to.startsWith("/header/"))
      .map((mapping) => mapping.to.slice("/header/".length))
      .map((name) => [name.toLowerCase(), name]),
  );

  const documented = (kind: string) =>
    plan.errors.find(
      (error) =>
        error.kind === kind && plan.errorLocations.some((location) => location.status === String(error.status)),
    );
  const invalidAt = (status: string) =>
    plan.errors.filter((error) => error.kind === "invalid-field" && String(error.status) === status);
  const only = (status: string) => {
    const found = invalidAt(status);
    return found.length === 1 && plan.errorLocations.some((location) => location.status === status)
      ? found[0]
      : undefined;
  };
  // A rule without a code of its own gets the error the spec marks `generic`, else the vendor's error for an invalid
  // request where it documents only one at 400 or 422 (it answers every rule); among several specific ones none fits.
  const generic = plan.errors.find((error) => error.generic === true) ?? only("400") ?? only("422");
  // Without one, such a rule is answered where the vendor answers broken rules: the error layout (not one inside a
  // success) with the most validation errors.
  const validation = plan.errorLocations
    .filter((location) => location.when === undefined)
    .sort((a, b) => invalidAt(b.status).length - invalidAt(a.status).length)[0];
  // A body that cannot be read gets the error the vendor documents for it (`unreadable`), else the generic one.
  const unreadable = plan.errors.find((error) => error.unreadable === true) ?? generic;
  /** An error answer in the status's documented content type, built on its documented shape. */
  const errorAnswer = (location: ErrorLocation, code: string | number | undefined, message: string): MockResponse => {
    const documentedAnswer = definition.errorAnswers?.[location.status];
    return {
      status: Number(location.status),
      headers: { "content-type": `${documentedAnswer?.contentType ?? "application/json"}; charset=utf-8` },
      body: JSON.stringify(errorBody(location, code, message, documentedAnswer?.body)),
      ...(code === undefined ? {} : { code }),
    };
  };
  /** A broken rule no documented error names: the vendor's validation answer, with this message and the code its sample has, if any. */
  const undocumentedRule = (message: string): MockResponse => {
    if (validation === undefined) return json(400, { message });
    const template = definition.errorAnswers?.[validation.status]?.body;
    const listed = validation.list === undefined ? template : readPointer(template, `${validation.list}/0`);
    const code = readPointer(listed, validation.code);
    return errorAnswer(validation, typeof code === "string" || typeof code === "number" ? code : undefined, message);
  };
  const answerError = (
    error: MappingPlan["errors"][number] | undefined,
    fallbackStatus: number,
    fallback: string,
  ): MockResponse => {
    const location = error
      ? plan.errorLocations.find((candidate) => candidate.status === String(error.status))
      : undefined;
    if (error && location) return errorAnswer(location, error.code, error.message);
    // Only an answer HTTP itself requires (401, 409) may have a status the vendor does not document.
    return fallbackStatus === 400 ? undocumentedRule(fallback) : json(fallbackStatus, { message: fallback });
  };

  function credentialsFit(request: MockRequest, query: URLSearchParams, body: unknown): boolean {
    const expected = (name: string | undefined) => (name === undefined ? undefined : context[name]);
    return definition.credentials.every((check) => {
      let given: string | undefined;
      let wanted: string | undefined;
      const [first, second] = check.context;
      if (check.in === "basic") {
        given = request.headers.authorization;
        wanted =
          expected(first) === undefined
            ? undefined
            : `Basic ${base64(`${String(expected(first))}:${String(expected(second))}`)}`;
      } else if (check.in === "bearer") {
        given = request.headers.authorization;
        wanted = expected(first) === undefined ? undefined : `Bearer ${String(expected(first))}`;
      } else {
        const raw =
          check.in === "header"
            ? request.headers[(check.name ?? "").toLowerCase()]
            : check.in === "query"
              ? query.get(check.name ?? "")
              : readPointer(body, check.name ?? "");
        given = raw === undefined || raw === null ? undefined : String(raw);
        wanted = expected(first) === undefined ? undefined : String(expected(first));
      }
      if (given === undefined) return check.optional;
      return wanted === undefined || given === wanted;
    });
  }

  /** The body's broken rule as the vendor answers it: the fail-fast check, then the detailed one (bounded). */
  function bodyProblem(body: unknown, size: number): MockResponse | undefined {
    if (definition.validateBody === undefined || definition.isBody?.(body) === true) return undefined;
    if (definition.isBody !== undefined && size > detailedBytes)
      return answerError(generic, 400, "the body breaks the vendor's rules");
    return validationProblem(definition.validateBody(body));
  }

  function validationProblem(result: ValidationResult<unknown>): MockResponse | undefined {
    if (result.ok) return undefined;
    const first = result.errors.find((error) => error.vendorCode !== undefined) ?? result.errors[0];
    const known = plan.errors.find(
      (error) => first?.vendorCode !== undefined && String(error.code) === String(first.vendorCode),
    );
    return answerError(known ?? generic, 400, first?.message ?? "invalid request");
  }

  function answer(request: MockRequest): MockResponse {
    let url: URL;
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
        plan.method.toUpperCase(),
      );
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), String(value)]),
    );
    const size = byteLength(request.body);
    if (size > maxBodyBytes) return json(413, { message: `the body is larger than ${maxBodyBytes} bytes` });
    const contentType = headers["content-type"];
    if (
      plan.contentType !== undefined &&
      request.body !== "" &&
      (contentType === undefined || !accepted.includes(mediaType(contentType)))
    )
      return json(415, { message: `the body must be one of: ${accepted.join(", ")}` });
    let body: unknown;
    try {
      body =
        plan.contentType === undefined || (definition.shape === undefined && request.body === "")
          ? undefined
          : parseBody(request.body, definition.shape, contentType ?? accepted[0] ?? "application/json", readXml);
    } catch {
      return answerError(unreadable, 400, "the body could not be read");
    }
    if (!credentialsFit({ ...request, headers }, url.searchParams, body))
      return answerError(documented("unauthorized"), 401, "unauthorized");

    let path: Json;
    try {
      path = Object.fromEntries(
        Object.entries(match.groups ?? {}).map(([name, value]) => [name, decodeURIComponent(value)]),
      );
    } catch {
      return json(400, { message: "the path is not valid percent-encoding" });
    }
    const parameters: Record<"path" | "query" | "header", Json> = {
      path,
      query: Object.fromEntries(url.searchParams),
      // Header names arrive in any case; the validators know them as the spec spells them (`applicationId`).
      header: Object.fromEntries(
        Object.entries(headers).map(([name, value]) => [headerNames.get(name) ?? name, value]),
      ),
    };
    for (const part of ["path", "query", "header"] as const) {
      const validate = definition.validateParameters[part];
      if (!validate) continue;
      // Parameters arrive as text: a typed one (`updatedBy=1`, `x-workflow-disabled: true`) is read back
      // when the text alone does not pass.
      const raw = validate(parameters[part]);
      const mistyped = raw.ok
        ? undefined
        : new Set(raw.errors.filter((error) => error.rule === "type").map((error) => error.path.slice(1)));
      const problem = validationProblem(
        mistyped === undefined ? raw : validate(coerceParameters(parameters[part], mistyped)),
      );
      if (problem) return problem;
    }
    const problem = bodyProblem(body, size);
    if (problem) return problem;

    // The vendor documents an idempotency key: the same key answers what the first request got, and creates nothing.
    const idempotencyKey = keyOf(plan, headers, body);
    const replay = idempotencyKey === undefined ? undefined : replays.get(idempotencyKey);
    if (replay) return replay;
    const answered = createOnce(body);
    if (idempotencyKey !== undefined && answered.status < 300) {
      replays.set(idempotencyKey, answered);
      if (replays.size > remember) replays.delete(replays.keys().next().value as string);
    }
    return answered;
  }

  /** Creates the customer the body describes, or answers the duplicate error for one it has seen. */
  function createOnce(body: unknown): MockResponse {
    const key = fingerprint(JSON.stringify(body) ?? "");
    if (seen.has(key) && documented("duplicate")) return answerError(documented("duplicate"), 409, "duplicate");
    seen.delete(key);
    seen.add(key);
    created.push(body);
    if (seen.size > remember) seen.delete(seen.values().next().value as string);
    if (created.length > remember) created.shift();
    const success = structuredClone(definition.success.body) as Json;
    const idField = plan.response.find((mapping) => mapping.to === "/id")?.from;
    if (typeof idField === "string") {
      const current = readPointer(success, idField);
      const id = nextId++;
      writePointer(success, idField, typeof current === "string" ? String(id) : id);
    }
    return json(definition.success.status, success);
  }

  /** Answers one request; never throws, whatever it holds. */
  function handle(request: MockRequest): MockResponse {
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
        headers: { get: (name: string) => response.headers[name.toLowerCase()] ?? null },
      };
    },
  };
}

/** Query and header values arrive as text; numbers and booleans are read back for the validators. */
function coerceParameters(values: Json, names: Set<string>): Json {
  const read = (value: unknown) =>
    typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)
      ? Number(value)
      : value === "true"
        ? true
        : value === "false"
          ? false
          : value;
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, names.has(name) ? read(value) : value]),
  );
}
