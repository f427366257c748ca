import {
  readResponse
} from "./mapping.js";
import { collectSecrets, redact } from "./redact.js";
import { serializeBody } from "./wire.js";
const streamOf = (body) => body !== null && typeof body === "object" && typeof body.getReader === "function" ? body : void 0;
const SEND_DEFAULTS = {
  timeoutMs: 3e4,
  retriesOnRefusedConnection: 2,
  maxResponseBytes: 1048576
};
const MAX_TIMER_MS = 2 ** 31 - 1;
function failure(status, kind, message) {
  return { ok: false, sent: true, status, errors: [{ kind, code: void 0, message }] };
}
function refused(error) {
  const cause = error?.cause;
  return cause?.code === "ECONNREFUSED";
}
function bodyOf(text, contentType) {
  if (text === "") return void 0;
  if (contentType !== null && !/json/i.test(contentType)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
const inRange = (value, low, high, integer) => typeof value === "number" && Number.isFinite(value) && value >= low && value <= high && (!integer || Number.isInteger(value));
function optionErrors(options) {
  const errors = [];
  const wrong = (name, message) => errors.push({ kind: "invalid-options", field: `options/${name}`, message: `options.${name} ${message}` });
  if (options.timeoutMs !== void 0 && !inRange(options.timeoutMs, 1, MAX_TIMER_MS, false))
    wrong("timeoutMs", `must be a finite number of milliseconds from 1 to ${MAX_TIMER_MS}`);
  if (options.retriesOnRefusedConnection !== void 0 && !inRange(options.retriesOnRefusedConnection, 0, 10, true))
    wrong("retriesOnRefusedConnection", "must be a whole number from 0 to 10");
  if (options.maxResponseBytes !== void 0 && !inRange(options.maxResponseBytes, 1, Number.MAX_SAFE_INTEGER, true))
    wrong("maxResponseBytes", "must be a positive whole number of bytes");
  if (options.fetch !== void 0 && typeof options.fetch !== "function")
    wrong("fetch", "must be a function like the global fetch");
  if (options.signal !== void 0 && typeof options.signal?.addEventListener !== "function")
    wrong("signal", "must be an AbortSignal");
  if (options.contentType !== void 0 && typeof options.contentType !== "string")
    wrong("contentType", "must be a content type");
  if (options.baseUrl !== void 0 && !(typeof options.baseUrl === "string" && /^https?:\/\/[^/?#]+/i.test(options.baseUrl)))
    wrong("baseUrl", "must be an http or https URL");
  return errors;
}
function retryAfterSeconds(header) {
  if (header === null) return void 0;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  return Number.isNaN(date) ? void 0 : Math.max(0, Math.ceil((date - Date.now()) / 1e3));
}
class UnreadAnswer extends Error {
  constructor(status, tooLarge) {
    super("the answer could not be read");
    this.status = status;
    this.tooLarge = tooLarge;
  }
  status;
  tooLarge;
}
async function readText(response, limit, decoder) {
  const stream = streamOf(response.body);
  if (stream === void 0) {
    const text2 = await response.text();
    if (text2.length > limit) throw new UnreadAnswer(response.status, true);
    return text2;
  }
  const reader = stream.getReader();
  let size = 0;
  let text = "";
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value?.byteLength ?? 0;
    if (size > limit) {
      await reader.cancel().catch(() => void 0);
      throw new UnreadAnswer(response.status, true);
    }
    text += decoder.decode(value, { stream: true });
  }
}
function redactResult(result, secrets) {
  if (secrets.length === 0) return result;
  const clean = (error) => {
    const redacted = { ...error, message: redact(error.message, secrets) };
    if ("code" in redacted && typeof redacted.code === "string") redacted.code = redact(redacted.code, secrets);
    return redacted;
  };
  const errors = result.ok ? void 0 : result.errors.map(clean);
  const location = "location" in result && result.location !== void 0 ? { location: redact(result.location, secrets) } : {};
  return { ...result, ...errors ? { errors } : {}, ...location };
}
async function sendRequest(plan, shape, request, options = {}, reading = {}) {
  let secrets = [];
  try {
    secrets = collectSecrets(plan, request, reading.sensitive, reading.context);
    if (options === null || typeof options !== "object") options = {};
    const problems = optionErrors(options);
    if (problems.length > 0) return { ok: false, sent: false, errors: problems };
    return redactResult(await send(plan, shape, request, options, reading), secrets);
  } catch {
    return redactResult(
      failure(0, "unknown", "the call failed in an unexpected way; the vendor may or may not have the customer"),
      secrets
    );
  }
}
async function send(plan, shape, request, options, reading) {
  const web = globalThis;
  const fetchWith = options.fetch ?? web.fetch;
  if (fetchWith === void 0) return failure(0, "unavailable", "no fetch: pass options.fetch");
  const contentType = options.contentType ?? request.headers["content-type"] ?? "application/json";
  const headers = { ...request.headers, "content-type": contentType };
  const query = new URLSearchParams(Object.entries(request.query)).toString();
  const target = options.baseUrl === void 0 ? request.url : `${options.baseUrl.replace(/\/$/, "")}${request.path}`;
  const url = query === "" ? target : `${target}?${query}`;
  const body = plan.contentType === void 0 ? void 0 : serializeBody(request.body, shape, contentType);
  const limit = options.maxResponseBytes ?? SEND_DEFAULTS.maxResponseBytes;
  const controller = new web.AbortController();
  let reason;
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
        if (reason !== void 0) return failure(0, "unavailable", reason);
        const init = {
          method: request.method,
          headers,
          ...body === void 0 ? {} : { body },
          signal: controller.signal,
          redirect: "manual"
        };
        const response = await fetchWith(url, init);
        return await answer(plan, response, limit, reading, web);
      } catch (error) {
        if (error instanceof UnreadAnswer) {
          const what = error.tooLarge ? `is larger than ${limit} bytes (options.maxResponseBytes)` : `broke off (${reason ?? "connection closed"})`;
          return failure(
            error.status,
            "unknown",
            `the vendor answered ${error.status}, but the answer ${what}; it may have made the customer`
          );
        }
        if (reason !== void 0) return failure(0, "unavailable", reason);
        if (refused(error) && attempt < (options.retriesOnRefusedConnection ?? SEND_DEFAULTS.retriesOnRefusedConnection))
          continue;
        return failure(
          0,
          "unavailable",
          refused(error) ? "connection refused" : "the connection failed before an answer arrived"
        );
      }
    }
  } finally {
    web.clearTimeout(timer);
    signal?.removeEventListener?.("abort", cancel);
  }
}
async function answer(plan, response, limit, reading, web) {
  const status = response.status;
  if (!Number.isInteger(status)) return failure(0, "unknown", "the answer has no HTTP status");
  const extra = {};
  if (status >= 300 && status <= 399) {
    const location = response.headers.get("location");
    if (location !== null) extra.location = location;
    await streamOf(response.body)?.getReader().cancel().catch(() => void 0);
    return {
      ...failure(status, "unknown", `the vendor answered ${status}, a redirect, which is not followed`),
      ...extra
    };
  }
  if (status === 429 || status === 503) {
    const seconds = retryAfterSeconds(response.headers.get("retry-after"));
    if (seconds !== void 0) extra.retryAfterSeconds = seconds;
  }
  let text;
  try {
    text = await readText(response, limit, new web.TextDecoder());
  } catch (error) {
    throw error instanceof UnreadAnswer ? error : new UnreadAnswer(status, false);
  }
  return {
    ...readResponse(plan, status, bodyOf(text, response.headers.get("content-type")), reading.validateResponse),
    sent: true,
    ...extra
  };
}
export {
  SEND_DEFAULTS,
  sendRequest
};
//# sourceMappingURL=client.js.map
