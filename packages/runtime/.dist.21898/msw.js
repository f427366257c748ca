import { http } from "msw";
import { createMockVendor } from "./mock.js";
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function defaultBaseUrl(definition) {
  const { server, serverDefaults } = definition.plan;
  return server.replace(/\{([^}]+)\}/g, (whole, name) => serverDefaults[name] ?? whole);
}
function endpointPattern(baseUrl, path) {
  const base = escapeRegExp(baseUrl.replace(/\/$/, ""));
  return new RegExp(`^${base}${escapeRegExp(path).replace(/\\\{[^}]+\\\}/g, "[^/]+")}$`);
}
async function respond(mock, request) {
  const headers = {};
  request.headers.forEach((value, name) => headers[name] = value);
  const answer = mock.handle({ method: request.method, url: request.url, headers, body: await request.text() });
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
function mockHandlers(definition, options = {}) {
  const mock = createMockVendor(definition, options.context === void 0 ? {} : { context: options.context });
  const pattern = endpointPattern(options.baseUrl ?? defaultBaseUrl(definition), definition.plan.path);
  const method = definition.plan.method.toUpperCase();
  return [
    http.all(pattern, ({ request }) => request.method.toUpperCase() === method ? respond(mock, request) : void 0)
  ];
}
export {
  defaultBaseUrl,
  endpointPattern,
  mockHandlers,
  respond
};
//# sourceMappingURL=msw.js.map
