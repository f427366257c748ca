/**
 * Mock Service Worker (msw) handlers that answer like the package's mock:
 * each request goes to `createMockVendor`'s `handle` (the same credentials,
 * validation, vendor error bodies and duplicates), only read from a Fetch
 * `Request` and written back as a `Response`. msw is an optional peer
 * dependency: only this module (`@customer-adapters/runtime/msw`) imports it.
 */
import { http, type HttpHandler } from "msw";
import { createMockVendor, type MockDefinition, type MockVendor } from "./mock.js";

export interface MockHandlerOptions {
  /** The credentials the handlers accept, as `createMock`'s `options.context`; `fixtures.context`'s by default. */
  context?: Record<string, unknown>;
  /**
   * Where the client sends (its context's host, or its `baseUrl`); by
   * default the spec's server, its variables at their defaults.
   */
  baseUrl?: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The server URL with each `{variable}` at its default. */
export function defaultBaseUrl(definition: MockDefinition): string {
  const { server, serverDefaults } = definition.plan;
  return server.replace(/\{([^}]+)\}/g, (whole, name: string) => serverDefaults[name] ?? whole);
}

/** The endpoint's whole URL as a pattern (msw matches it without the query string): `{name}` is one path segment. */
export function endpointPattern(baseUrl: string, path: string): RegExp {
  const base = escapeRegExp(baseUrl.replace(/\/$/, ""));
  return new RegExp(`^${base}${escapeRegExp(path).replace(/\\\{[^}]+\\\}/g, "[^/]+")}$`);
}

/** Answers a Fetch `Request` with the mock, as a Fetch `Response`. */
export async function respond(mock: MockVendor, request: Request): Promise<Response> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  const answer = mock.handle({ method: request.method, url: request.url, headers, body: await request.text() });
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

/** The msw handlers for one vendor's endpoint: one mock behind them, so a second create is a duplicate. */
export function mockHandlers(definition: MockDefinition, options: MockHandlerOptions = {}): HttpHandler[] {
  const mock = createMockVendor(definition, options.context === undefined ? {} : { context: options.context });
  const pattern = endpointPattern(options.baseUrl ?? defaultBaseUrl(definition), definition.plan.path);
  const method = definition.plan.method.toUpperCase();
  // Another method on the same URL is left to other handlers (a resolver that returns nothing passes).
  return [
    http.all(pattern, ({ request }) => (request.method.toUpperCase() === method ? respond(mock, request) : undefined)),
  ];
}
