/**
 * Sends a built request and reads the answer: an injectable `fetch` (the
 * global one by default), timeouts and cancellation, and every failure as a
 * canonical result, never an exception. A create call is not retried once it
 * may have reached the vendor (a retried create makes duplicates); only a
 * refused connection, which provably never left, is tried again. A failure
 * that may come after the request left (a timeout, a reset, a 1xx the vendor
 * should not have sent) is `unknown`, never `unavailable`: the customer may
 * exist. An id past 2^53 is read from its digits, never rounded. Redirects
 * are never followed (the credentials would go along to wherever they
 * point). The answer is read up to a size limit, counted after
 * decompression. Errors never contain the URL, headers or body, and every
 * text from the vendor is redacted of the request's secrets, in every
 * encoding an echo may use, before it is returned.
 */
import { fingerprint, stableJson } from "./hash.js";
import {
  readResponse,
  writePointer,
  type FromResponseResult,
  type MappingError,
  type MappingPlan,
  type VendorRequest,
} from "./mapping.js";
import { collectSecrets, redact, type SensitiveFields } from "./redact.js";

export type { SensitiveFields } from "./redact.js";
import type { ValidationResult } from "./validation.js";
import { serializeBody, wireFormat, type RootShape, type XmlWriter } from "./wire.js";

/** What the client reads of a response body's stream (the web `ReadableStream`). */
interface BodyStreamLike {
  getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(reason?: unknown): Promise<void> };
}

/** What the client needs of a `Response`; `body`, when there, is read as a stream, up to the size limit. */
export interface ResponseLike {
  status: number;
  text(): Promise<string>;
  headers: { get(name: string): string | null };
  /** A `ReadableStream` of bytes, when there; typed loosely, as each platform types its own. */
  body?: unknown;
}

const streamOf = (body: unknown): BodyStreamLike | undefined =>
  body !== null && typeof body === "object" && typeof (body as Partial<BodyStreamLike>).getReader === "function"
    ? (body as BodyStreamLike)
    : undefined;

/** What the client needs of `fetch`; the global `fetch` fits. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal?: unknown; redirect?: "manual" },
) => Promise<ResponseLike>;

/** What the client needs of an `AbortSignal`. */
export interface SignalLike {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
  removeEventListener?(type: "abort", listener: () => void): void;
}

export interface SendOptions {
  /** Defaults to the global `fetch`. */
  fetch?: FetchLike;
  /** Cancels the call: `unavailable` (`cancelled`) when nothing was sent yet, else `unknown` (the request may have arrived). */
  signal?: SignalLike;
  /** Milliseconds before the call is given up (`unknown`, `timed out`: the request may have arrived): 1 to 2^31-1. Default 30 000. */
  timeoutMs?: number;
  /** One of the content types the vendor accepts (`operation.requestContentTypes`); JSON by default. */
  contentType?: string;
  /** Sends to this base URL instead of the vendor's server (a mock, a proxy): `http://127.0.0.1:8080`. */
  baseUrl?: string;
  /** Further attempts after a refused connection: 0 to 10. Default 2. */
  retriesOnRefusedConnection?: number;
  /** The most bytes of answer read, after decompression; past it the result is `unknown`. Default 1 MiB. */
  maxResponseBytes?: number;
  /**
   * Where the vendor documents an idempotency key (its spec's `x-idempotency`): the key to send (printable
   * ASCII, 1 to 255 characters). By default one is derived from the customer and the vendor, so that the same
   * customer gets the same key. Ignored for a vendor without one.
   */
  idempotencyKey?: string;
  /** Where the vendor takes an idempotency key: further attempts after an outcome that may have arrived (a timeout, a 5xx, a broken connection): 0 to 10. Default 2. */
  retriesWhenUnknown?: number;
  /** The first wait before such a retry, doubled each time (a Retry-After the vendor sends is waited for instead when longer): 0 to 60 000 ms. Default 500. */
  retryDelayMs?: number;
}

/** The defaults of `SendOptions`. */
export const SEND_DEFAULTS = {
  timeoutMs: 30_000,
  retriesOnRefusedConnection: 2,
  retriesWhenUnknown: 2,
  retryDelayMs: 500,
  maxResponseBytes: 1_048_576,
} as const;

/** A sent call's result; a 3xx carries its `location`, a 429 or 503 its `retryAfterSeconds` where given. */
export type SentResult = FromResponseResult & { sent: true; location?: string; retryAfterSeconds?: number };

/** An option that cannot be used: nothing was sent. */
export interface OptionsError {
  kind: "invalid-options";
  /** `options/<name>`. */
  field: string;
  message: string;
}

export type CreateResult = SentResult | { ok: false; sent: false; errors: (MappingError | OptionsError)[] };

/** What the generated package gives the client besides the plan: its response validator and what is secret. */
export interface ResponseReading {
  validateResponse?: (status: number, body: unknown) => ValidationResult<unknown>;
  sensitive?: SensitiveFields;
  context?: unknown;
  /** The canonical customer: a derived idempotency key is made from it. */
  customer?: unknown;
  /** The XML writer (`writeXml` from `./xml`), passed by the code of a vendor that takes XML only. */
  writeXml?: XmlWriter;
}

interface TimerGlobals {
  fetch?: FetchLike;
  AbortController: new () => { signal: SignalLike; abort(): void };
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  TextDecoder: new () => { decode(bytes?: Uint8Array, options?: { stream?: boolean }): string };
}

const MAX_TIMER_MS = 2 ** 31 - 1;
const MAX_RETRY_AFTER_MS = 60_000;

function failure(status: number, kind: "unavailable" | "unknown", message: string): SentResult {
  return { ok: false, sent: true, status, errors: [{ kind, code: undefined, message }] };
}

/** Node's fetch reports a refused connection as a TypeError whose cause has the code ECONNREFUSED. */
function refused(error: unknown): boolean {
  return causeCode(error) === "ECONNREFUSED";
}

const causeCode = (error: unknown): unknown => (error as { cause?: { code?: unknown } } | null)?.cause?.code;

/**
 * Failures that happen before a request's first byte can leave: no connection (refused, no such host, no
 * route, the connect timed out) or a TLS certificate refused in the handshake. Any other failure may come after
 * the vendor read the request (a reset, a bad or unsolicited 1xx, a timeout), so it is `unknown`.
 */
const BEFORE_SENDING =
  /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EAI_NONAME|ENETUNREACH|EHOSTUNREACH|UND_ERR_CONNECT_TIMEOUT|ERR_TLS_CERT_ALTNAME_INVALID|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|CERT_[A-Z_]+)$/;

function neverLeft(error: unknown): boolean {
  const code = causeCode(error);
  return typeof code === "string" && BEFORE_SENDING.test(code);
}

/** The answer's body: JSON parsed where it is JSON, else the text; `undefined` when empty. */
function bodyOf(text: string, contentType: string | null): unknown {
  if (text === "") return undefined;
  if (contentType !== null && !/json/i.test(contentType)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

// A JSON string or number token; strings come first, so that digits inside a string are never taken for a number.
const JSON_TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/**
 * The same JSON with every integer past 2^53 kept as its digits (text): what an id is read from, since
 * `JSON.parse` rounds 9007199254740993 to another customer's id. `undefined` where there is none.
 */
function exactBodyOf(text: string, parsed: unknown): unknown {
  if (typeof parsed !== "object" || parsed === null) return undefined;
  let found = false;
  const exact = text.replace(JSON_TOKEN, (token) => {
    if (token.startsWith('"') || !/^-?\d+$/.test(token) || Number.isSafeInteger(Number(token))) return token;
    found = true;
    return `"${token}"`;
  });
  return found ? JSON.parse(exact) : undefined;
}

const inRange = (value: unknown, low: number, high: number, integer: boolean): value is number =>
  typeof value === "number" &&
  Number.isFinite(value) &&
  value >= low &&
  value <= high &&
  (!integer || Number.isInteger(value));

/** Every option checked before anything is sent: a value that cannot be meant is an error, never a silent default. */
function optionErrors(options: SendOptions): OptionsError[] {
  const errors: OptionsError[] = [];
  const wrong = (name: string, message: string) =>
    errors.push({ kind: "invalid-options", field: `options/${name}`, message: `options.${name} ${message}` });
  if (options.timeoutMs !== undefined && !inRange(options.timeoutMs, 1, MAX_TIMER_MS, false))
    wrong("timeoutMs", `must be a finite number of milliseconds from 1 to ${MAX_TIMER_MS}`);
  if (options.retriesOnRefusedConnection !== undefined && !inRange(options.retriesOnRefusedConnection, 0, 10, true))
    wrong("retriesOnRefusedConnection", "must be a whole number from 0 to 10");
  if (
    options.idempotencyKey !== undefined &&
    !(typeof options.idempotencyKey === "string" && /^[\x21-\x7e]{1,255}$/.test(options.idempotencyKey))
  )
    wrong("idempotencyKey", "must be 1 to 255 printable ASCII characters");
  if (options.retriesWhenUnknown !== undefined && !inRange(options.retriesWhenUnknown, 0, 10, true))
    wrong("retriesWhenUnknown", "must be a whole number from 0 to 10");
  if (options.retryDelayMs !== undefined && !inRange(options.retryDelayMs, 0, 60_000, false))
    wrong("retryDelayMs", "must be a number of milliseconds from 0 to 60000");
  if (options.maxResponseBytes !== undefined && !inRange(options.maxResponseBytes, 1, Number.MAX_SAFE_INTEGER, true))
    wrong("maxResponseBytes", "must be a positive whole number of bytes");
  if (options.fetch !== undefined && typeof options.fetch !== "function")
    wrong("fetch", "must be a function like the global fetch");
  if (
    options.signal !== undefined &&
    typeof (options.signal as Partial<SignalLike> | null)?.addEventListener !== "function"
  )
    wrong("signal", "must be an AbortSignal");
  if (options.contentType !== undefined && typeof options.contentType !== "string")
    wrong("contentType", "must be a content type");
  if (
    options.baseUrl !== undefined &&
    !(typeof options.baseUrl === "string" && /^https?:\/\/[^/?#]+/i.test(options.baseUrl))
  )
    wrong("baseUrl", "must be an http or https URL");
  return errors;
}

/** The longest `Retry-After` believed, in seconds (a day); a longer one is ignored as a vendor's mistake. */
export const MAX_RETRY_AFTER_SECONDS = 86_400;

const DAY = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const MONTH = "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
/** The three forms of HTTP-date (RFC 9110 5.6.7): IMF-fixdate, RFC 850 and asctime; `Date.parse` reads each. */
const HTTP_DATE = new RegExp(
  `^(${DAY}, \\d{2} ${MONTH} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT` +
    `|(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \\d{2}-${MONTH}-\\d{2} \\d{2}:\\d{2}:\\d{2} GMT` +
    `|${DAY} ${MONTH} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} \\d{4})$`,
);

/**
 * `Retry-After` as seconds: delta-seconds, or an HTTP-date from now (0 once past), up to
 * `MAX_RETRY_AFTER_SECONDS`. Anything else (`-5`, `1.5`, 20 digits, a date in another form) is ignored:
 * `Date.parse` alone reads `-5` as a year.
 */
function retryAfterSeconds(header: string | null): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  let seconds: number | undefined;
  if (/^\d{1,15}$/.test(text)) seconds = Number(text);
  else if (HTTP_DATE.test(text)) {
    const date = Date.parse(/GMT$/.test(text) ? text : `${text} GMT`);
    if (!Number.isNaN(date)) seconds = Math.max(0, Math.ceil((date - Date.now()) / 1000));
  }
  return seconds !== undefined && seconds <= MAX_RETRY_AFTER_SECONDS ? seconds : undefined;
}

/** The answer's status arrived, then reading its body failed: the vendor may have made the customer. */
class UnreadAnswer extends Error {
  constructor(
    readonly status: number,
    readonly tooLarge: boolean,
  ) {
    super("the answer could not be read");
  }
}

/** The answer as text, read as a stream and given up past `limit` bytes (counted after decompression). */
async function readText(
  response: ResponseLike,
  limit: number,
  decoder: InstanceType<TimerGlobals["TextDecoder"]>,
): Promise<string> {
  const stream = streamOf(response.body);
  if (stream === undefined) {
    const text = await response.text();
    if (text.length > limit) throw new UnreadAnswer(response.status, true);
    return text;
  }
  const reader = stream.getReader();
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value?.byteLength ?? 0;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new UnreadAnswer(response.status, true);
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** Each text property of `value` redacted: every text the client returns from the vendor (messages, codes, field names, `location`, an id). */
function redactTexts<T extends object>(value: T, secrets: readonly string[]): T {
  return Object.fromEntries(
    Object.entries(value).map(([key, text]) => [key, typeof text === "string" ? redact(text, secrets) : text]),
  ) as T;
}

function redactResult(result: CreateResult, secrets: readonly string[]): CreateResult {
  if (secrets.length === 0) return result;
  const clean = redactTexts(result, secrets);
  if (result.ok) return clean;
  const errors = (result.errors as object[]).map((error) => redactTexts(error, secrets));
  return { ...clean, errors } as CreateResult;
}

/** An XML content type asked of a vendor whose code passes no XML format: its spec lists no XML body. */
const isUntakenXml = (plan: MappingPlan, options: SendOptions, reading: ResponseReading): boolean =>
  plan.contentType !== undefined &&
  typeof options.contentType === "string" &&
  wireFormat(options.contentType) === "xml" &&
  reading.writeXml === undefined;

/** Sends `request` and reads the answer with `readResponse`. Never throws, whatever the options. */
export async function sendRequest(
  plan: MappingPlan,
  shape: RootShape | undefined,
  request: VendorRequest<unknown>,
  options: SendOptions = {},
  reading: ResponseReading = {},
): Promise<CreateResult> {
  let secrets: readonly string[] = [];
  try {
    secrets = collectSecrets(plan, request, reading.sensitive, reading.context);
    if (options === null || typeof options !== "object") options = {};
    const problems = optionErrors(options);
    if (isUntakenXml(plan, options, reading))
      problems.push({
        kind: "invalid-options",
        field: "options/contentType",
        message: "options.contentType is XML, which this vendor does not take",
      });
    if (problems.length > 0) return { ok: false, sent: false, errors: problems };
    if (plan.idempotency === undefined)
      return redactResult(await send(plan, shape, request, options, reading), secrets);
    return redactResult(await sendIdempotently(plan, shape, request, options, reading), secrets);
  } catch {
    return redactResult(
      failure(0, "unknown", "the call failed in an unexpected way; the vendor may or may not have the customer"),
      secrets,
    );
  }
}

/** The key a create carries: the caller's, or one made from the customer and the vendor (its method, server and path). */
export function idempotencyKeyFor(plan: MappingPlan, customer: unknown, given?: string): string {
  if (given !== undefined) return given;
  const vendor = fingerprint(`${plan.method} ${plan.server}${plan.path}`).replace(":", "-");
  return `ca-${fingerprint(stableJson(customer)).replace(":", "-")}-${vendor}`;
}

/** What may have reached the vendor and be worth another try with the same key: a timeout, a 5xx, a broken connection, an unreadable answer. */
function mayHaveArrived(result: CreateResult): boolean {
  if (result.ok || !result.sent) return false;
  if (result.status >= 500) return true;
  return result.errors.some(
    (error) =>
      error.kind === "unknown" ||
      error.message === "timed out" ||
      error.message === "the connection failed before an answer arrived",
  );
}

/**
 * For a vendor that documents an idempotency key: the key is sent with the request, and an outcome that may
 * have arrived is tried again with the same key (which the vendor answers with the customer it made), up to
 * `retriesWhenUnknown` times, waiting `retryDelayMs` doubled each time or the vendor's Retry-After when longer.
 */
async function sendIdempotently(
  plan: MappingPlan,
  shape: RootShape | undefined,
  request: VendorRequest<unknown>,
  options: SendOptions,
  reading: ResponseReading,
): Promise<CreateResult> {
  const where = plan.idempotency as NonNullable<MappingPlan["idempotency"]>;
  const key = idempotencyKeyFor(plan, reading.customer, options.idempotencyKey);
  const keyed =
    where.in === "header"
      ? { ...request, headers: { ...request.headers, [where.name]: key } }
      : { ...request, body: withValue(request.body, where.field, key) };
  const retries = options.retriesWhenUnknown ?? SEND_DEFAULTS.retriesWhenUnknown;
  const web = globalThis as unknown as TimerGlobals;
  for (let attempt = 0; ; attempt++) {
    const result = await send(plan, shape, keyed, options, reading);
    if (attempt >= retries || !mayHaveArrived(result) || options.signal?.aborted) return result;
    const backoff = (options.retryDelayMs ?? SEND_DEFAULTS.retryDelayMs) * 2 ** attempt;
    const asked = !result.ok && "retryAfterSeconds" in result ? (result.retryAfterSeconds ?? 0) * 1000 : 0;
    // A vendor that asks for more than a minute is answered with the outcome, not kept waiting on.
    if (asked > MAX_RETRY_AFTER_MS) return result;
    await new Promise((resolve) => web.setTimeout(() => resolve(undefined), Math.max(backoff, asked)));
  }
}

/** A copy of a JSON body with one more field written. */
function withValue(body: unknown, field: string, value: string): unknown {
  const copy = structuredClone(body ?? {}) as Record<string, unknown>;
  writePointer(copy, field, value);
  return copy;
}

async function send(
  plan: MappingPlan,
  shape: RootShape | undefined,
  request: VendorRequest<unknown>,
  options: SendOptions,
  reading: ResponseReading,
): Promise<CreateResult> {
  const web = globalThis as unknown as TimerGlobals;
  const fetchWith = options.fetch ?? web.fetch;
  if (fetchWith === undefined) return failure(0, "unavailable", "no fetch: pass options.fetch");
  const contentType = options.contentType ?? request.headers["content-type"] ?? "application/json";
  const headers = { ...request.headers, "content-type": contentType };
  const query = new URLSearchParams(Object.entries(request.query)).toString();
  const target = options.baseUrl === undefined ? request.url : `${options.baseUrl.replace(/\/$/, "")}${request.path}`;
  const url = query === "" ? target : `${target}?${query}`;
  const body =
    plan.contentType === undefined ? undefined : serializeBody(request.body, shape, contentType, reading.writeXml);
  const limit = options.maxResponseBytes ?? SEND_DEFAULTS.maxResponseBytes;

  const controller = new web.AbortController();
  let reason: "timed out" | "cancelled" | undefined;
  const timer = web.setTimeout(() => {
    reason = "timed out";
    controller.abort();
  }, options.timeoutMs ?? SEND_DEFAULTS.timeoutMs);
  const cancel = () => {
    reason ??= "cancelled";
    controller.abort();
  };
  const signal = options.signal;
  try {
    if (signal?.aborted) cancel();
    signal?.addEventListener("abort", cancel, { once: true });
    for (let attempt = 0; ; attempt++) {
      try {
        if (reason !== undefined) return failure(0, "unavailable", reason);
        // Never followed: a redirect would take the credentials along, and resend the create, to wherever it points.
        const init = {
          method: request.method,
          headers,
          ...(body === undefined ? {} : { body }),
          signal: controller.signal,
          redirect: "manual" as const,
        };
        const response = await fetchWith(url, init);
        return await answer(plan, response, limit, reading, web);
      } catch (error) {
        if (error instanceof UnreadAnswer) {
          const what = error.tooLarge
            ? `is larger than ${limit} bytes (options.maxResponseBytes)`
            : `broke off (${reason ?? "connection closed"})`;
          return failure(
            error.status,
            "unknown",
            `the vendor answered ${error.status}, but the answer ${what}; it may have made the customer`,
          );
        }
        if (
          refused(error) &&
          reason === undefined &&
          attempt < (options.retriesOnRefusedConnection ?? SEND_DEFAULTS.retriesOnRefusedConnection)
        )
          continue;
        if (neverLeft(error))
          return failure(0, "unavailable", refused(error) ? "connection refused" : "no connection to the vendor");
        // The request may have reached the vendor (a timeout, a reset, a 1xx it should not have sent): it may have made the customer.
        return failure(
          0,
          "unknown",
          `${reason ?? "the call failed"} before an answer arrived; the vendor may or may not have the customer`,
        );
      }
    }
  } finally {
    web.clearTimeout(timer);
    signal?.removeEventListener?.("abort", cancel);
  }
}

async function answer(
  plan: MappingPlan,
  response: ResponseLike,
  limit: number,
  reading: ResponseReading,
  web: TimerGlobals,
): Promise<SentResult> {
  const status = response.status;
  if (!Number.isInteger(status)) return failure(0, "unknown", "the answer has no HTTP status");
  const extra: { location?: string; retryAfterSeconds?: number } = {};
  if (status >= 300 && status <= 399) {
    const location = response.headers.get("location");
    if (location !== null) extra.location = location;
    await streamOf(response.body)
      ?.getReader()
      .cancel()
      .catch(() => undefined);
    // A redirected create may have been made (303 See Other is the usual answer to one): unknown, not unavailable.
    return {
      ...failure(status, "unknown", `the vendor answered ${status}, a redirect, which is not followed`),
      ...extra,
    };
  }
  if (status === 429 || status === 503) {
    const seconds = retryAfterSeconds(response.headers.get("retry-after"));
    if (seconds !== undefined) extra.retryAfterSeconds = seconds;
  }
  let text: string;
  try {
    text = await readText(response, limit, new web.TextDecoder());
  } catch (error) {
    throw error instanceof UnreadAnswer ? error : new UnreadAnswer(status, false);
  }
  const body = bodyOf(text, response.headers.get("content-type"));
  return {
    ...readResponse(plan, status, body, reading.validateResponse, exactBodyOf(text, body)),
    sent: true,
    ...extra,
  };
}
