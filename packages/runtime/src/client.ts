/**
 * Sends a built request and reads the answer: an injectable `fetch` (the
 * global one by default), timeouts and cancellation, and every failure as a
 * canonical result, never an exception. A create call is not retried once it
 * may have reached the vendor (a retried create makes duplicates); only a
 * refused connection, which provably never left, is tried again. Errors
 * never contain the URL, headers or body, which carry credentials.
 *
 */
import { readResponse, type FromResponseResult, type MappingError, type MappingPlan, type VendorRequest } from "./mapping.js";
import { serializeBody, type RootShape } from "./wire.js";

/** What the client needs of a `Response`. */
export interface ResponseLike {
  status: number;
  text(): Promise<string>;
  headers: { get(name: string): string | null };
}

/** What the client needs of `fetch`; the global `fetch` fits. */
export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string; signal?: unknown }) => Promise<ResponseLike>;

/** What the client needs of an `AbortSignal`. */
export interface SignalLike {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
}

export interface SendOptions {
  /** Defaults to the global `fetch`. */
  fetch?: FetchLike;
  /** Cancels the call; the result is then `unavailable` with the message `cancelled`. */
  signal?: SignalLike;
  /** Milliseconds before the call is given up (`unavailable`, `timed out`). Default 30 000. */
  timeoutMs?: number;
  /** One of the content types the vendor accepts (`operation.requestContentTypes`); JSON by default. */
  contentType?: string;
  /** Sends to this base URL instead of the vendor's server (a mock, a proxy): `http://127.0.0.1:8080`. */
  baseUrl?: string;
  /** Further attempts after a refused connection. Default 2. */
  retriesOnRefusedConnection?: number;
}

export type CreateResult = (FromResponseResult & { sent: true }) | { ok: false; sent: false; errors: MappingError[] };

interface TimerGlobals {
  fetch?: FetchLike;
  AbortController: new () => { signal: SignalLike; abort(): void };
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

function failure(status: number, kind: "unavailable" | "unknown", message: string): FromResponseResult & { sent: true } {
  return { ok: false, sent: true, status, errors: [{ kind, code: undefined, message }] };
}

/** Node's fetch reports a refused connection as a TypeError whose cause has the code ECONNREFUSED. */
function refused(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return cause?.code === "ECONNREFUSED";
}

function bodyOf(text: string, contentType: string | null): unknown {
  if (text === "") return undefined;
  if (contentType !== null && !/json/i.test(contentType)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Sends `request` and reads the answer with `readResponse`. Never throws. */
export async function sendRequest(plan: MappingPlan, shape: RootShape | undefined, request: VendorRequest<unknown>, options: SendOptions = {}): Promise<CreateResult> {
  const web = globalThis as unknown as TimerGlobals;
  const send = options.fetch ?? web.fetch;
  if (send === undefined) return failure(0, "unavailable", "no fetch: pass options.fetch");
  const contentType = options.contentType ?? request.headers["content-type"] ?? "application/json";
  const headers = { ...request.headers, "content-type": contentType };
  const query = new URLSearchParams(Object.entries(request.query)).toString();
  const target = options.baseUrl === undefined ? request.url : `${options.baseUrl.replace(/\/$/, "")}${request.path}`;
  const url = query === "" ? target : `${target}?${query}`;
  const body = plan.contentType === undefined ? undefined : serializeBody(request.body, shape, contentType);

  const controller = new web.AbortController();
  let reason: "timed out" | "cancelled" | undefined;
  const timer = web.setTimeout(() => {
    reason = "timed out";
    controller.abort();
  }, options.timeoutMs ?? 30_000);
  const cancel = () => {
    reason ??= "cancelled";
    controller.abort();
  };
  if (options.signal?.aborted) cancel();
  options.signal?.addEventListener("abort", cancel, { once: true });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        if (reason !== undefined) return failure(0, "unavailable", reason);
        const response = await send(url, { method: request.method, headers, ...(body === undefined ? {} : { body }), signal: controller.signal });
        const text = await response.text();
        return { ...readResponse(plan, response.status, bodyOf(text, response.headers.get("content-type"))), sent: true };
      } catch (error) {
        if (reason !== undefined) return failure(0, "unavailable", reason);
        if (refused(error) && attempt < (options.retriesOnRefusedConnection ?? 2)) continue;
        return failure(0, "unavailable", refused(error) ? "connection refused" : "the connection failed before an answer arrived");
      }
    }
  } finally {
    web.clearTimeout(timer);
  }
}
