import { describe, expect, it } from "vitest";
import { defaultBaseUrl, endpointPattern } from "../src/msw.js";
import type { MockDefinition } from "../src/mock.js";

describe("endpointPattern", () => {
  const pattern = endpointPattern("https://api.example.test/erp/", "/rws/api/v{apiVersion}/customers");

  it("matches the endpoint's whole URL, a path parameter as one segment", () => {
    expect(pattern.test("https://api.example.test/erp/rws/api/v1/customers")).toBe(true);
    expect(pattern.test("https://api.example.test/erp/rws/api/v1/x/customers")).toBe(false);
  });

  it("reads the base URL literally: a dot is a dot, and no other host or longer path matches", () => {
    expect(pattern.test("https://apixexample.test/erp/rws/api/v1/customers")).toBe(false);
    expect(pattern.test("https://evil.test/https://api.example.test/erp/rws/api/v1/customers")).toBe(false);
    expect(pattern.test("https://api.example.test/erp/rws/api/v1/customers/1")).toBe(false);
  });
});

describe("defaultBaseUrl", () => {
  it("fills each server variable with its default and leaves an unknown one as written", () => {
    const plan = { server: "https://{host}/{tenant}", serverDefaults: { host: "api.example.test/erp" } };
    expect(defaultBaseUrl({ plan } as unknown as MockDefinition)).toBe("https://api.example.test/erp/{tenant}");
  });
});
