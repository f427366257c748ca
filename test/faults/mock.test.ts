// The generated mocks under hostile input, in-process and over HTTP on
// 127.0.0.1: request targets that are no URL, bodies too large, in a type the
// vendor does not take, or built to make the parser or the validator loop;
// the memory of created customers; the log; and listen errors. Each case
// starts its own mock server (port 0) and stops it.
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import type { Customer } from "@customer-adapters/canonical";
import type {
  FromResponseResult,
  MockOptions,
  MockVendor,
  RootShape,
  ToRequestResult,
} from "@customer-adapters/runtime";
import { parseBody } from "@customer-adapters/runtime";
import { startMockServer, type MockServerOptions, type RunningMock } from "@customer-adapters/runtime/mock-server";
import { customers } from "../fixtures/customers.js";
import { loadPackage } from "../helpers/package.js";

interface MappedPackage {
  toRequest(customer: Customer, context: unknown): ToRequestResult<unknown>;
  fixtures: { context: Record<string, unknown> };
  createMock(options?: MockOptions): MockVendor;
  bodyShape: RootShape | undefined;
  fromResponse(status: number, body: unknown): FromResponseResult;
}
const load = (slug: string): Promise<MappedPackage> => loadPackage<MappedPackage>(slug);

async function withMock<T>(
  mock: MockVendor,
  options: MockServerOptions,
  body: (running: RunningMock) => Promise<T>,
): Promise<T> {
  const running = await startMockServer(mock, { quiet: true, ...options });
  try {
    return await body(running);
  } finally {
    await running.close();
  }
}

/** Sends raw bytes and reads until the answer's head, a close, or 2 s: the answer's status line, if any. */
function raw(port: number, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    const timer = setTimeout(() => socket.destroy(), 2000);
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
      if (answer.includes("\r\n\r\n")) socket.destroy();
    });
    socket.on("error", () => undefined);
    socket.on("close", () => (clearTimeout(timer), resolve(answer.split("\r\n")[0] ?? "")));
    socket.write(bytes);
  });
}

/** The request the mapper makes for `customer`, as the mock receives it. */
async function requestFor(slug: string, customer: Customer = customers.person) {
  const pkg = await load(slug);
  const built = pkg.toRequest(customer, pkg.fixtures.context);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  const query = new URLSearchParams(built.request.query).toString();
  return {
    pkg,
    request: {
      method: built.request.method,
      url: `${built.request.path}${query ? `?${query}` : ""}`,
      headers: built.request.headers,
      body: JSON.stringify(built.request.body),
    },
  };
}

describe("request targets that are not URLs", () => {
  it("answers `POST //[` with 400 and goes on serving", async () => {
    const { pkg, request } = await requestFor("jtl");
    await withMock(pkg.createMock(), {}, async (running) => {
      expect(await raw(running.port, "POST //[ HTTP/1.1\r\nhost: x\r\ncontent-length: 0\r\n\r\n")).toBe(
        "HTTP/1.1 400 Bad Request",
      );
      const after = await fetch(`${running.url}${request.url}`, {
        method: "POST",
        headers: request.headers,
        body: request.body,
      });
      expect(after.status).toBe(201);
    });
  });

  it("answers a broken percent-escape in a path parameter with 400", async () => {
    const { pkg, request } = await requestFor("jasper");
    const mock = pkg.createMock();
    // A body and credentials that pass, so that the path parameter is what is read.
    expect(mock.handle({ ...request, url: "/rws/api/v%ZZ/customers" }).status).toBe(400);
    await withMock(mock, {}, async (running) => {
      expect(
        (
          await fetch(`${running.url}/rws/api/v%ZZ/customers`, {
            method: "POST",
            headers: request.headers,
            body: request.body,
          })
        ).status,
      ).toBe(400);
    });
  });
});

describe("what HTTP expects where the vendor documents nothing better", () => {
  it("404 for another path, 405 with Allow for another method", async () => {
    const { pkg, request } = await requestFor("jtl");
    const mock = pkg.createMock();
    expect(mock.handle({ ...request, url: "/v2/elsewhere" }).status).toBe(404);
    const wrongMethod = mock.handle({ ...request, method: "GET", body: "" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe("POST");
  });

  it("413 past the body limit, in-process and over HTTP", async () => {
    const { pkg, request } = await requestFor("jtl");
    const big = JSON.stringify({ ...JSON.parse(request.body), Comment: "x".repeat(4000) });
    expect(pkg.createMock({ maxBodyBytes: 1000 }).handle({ ...request, body: big }).status).toBe(413);
    await withMock(pkg.createMock(), { maxBodyBytes: 1000 }, async (running) => {
      const answer = await fetch(`${running.url}${request.url}`, {
        method: "POST",
        headers: request.headers,
        body: big,
      });
      expect(answer.status).toBe(413);
    });
  });

  it("415 for a body in a type the vendor does not take, or in none", async () => {
    const { pkg, request } = await requestFor("jtl");
    const mock = pkg.createMock();
    expect(mock.handle({ ...request, headers: { ...request.headers, "content-type": "text/plain" } }).status).toBe(415);
    const { "content-type": _dropped, ...untyped } = request.headers;
    expect(mock.handle({ ...request, headers: untyped }).status).toBe(415);
    expect(
      mock.handle({ ...request, headers: { ...request.headers, "content-type": "application/json; charset=utf-8" } })
        .status,
    ).toBe(201);
  });
});

describe("a rule without a vendor code of its own", () => {
  it("an unknown key: its own code, the 400 without a code among codes for other rules, or the one generic error", async () => {
    // Jasper documents a code for unrecognized parameters; Storm only codes for other rules (its 400 body, no code); JTL one generic error.
    const expected: Record<string, string | undefined> = {
      jasper: "10000028",
      storm: undefined,
      jtl: "InvalidRequest",
    };
    for (const [slug, code] of Object.entries(expected)) {
      const { pkg, request } = await requestFor(slug);
      const answer = pkg
        .createMock()
        .handle({ ...request, body: JSON.stringify({ ...JSON.parse(request.body), Zzz_unknown: 1 }) });
      expect(answer.status, slug).toBe(400);
      // As the client reads it: the code the vendor's answer carries.
      const read = pkg.fromResponse(answer.status, JSON.parse(answer.body));
      expect(read.ok ? undefined : read.errors[0]?.code, slug).toBe(code);
    }
  });
});

describe("bodies built to make the mock loop", () => {
  const hostile = ["contacts[0]=x&contacts.length=4294967295", "contacts[4294967294]=x", "a[0]=x&a.length=99999999"];

  it("a form body to a vendor that takes JSON only is refused unread", async () => {
    // Jasper's contacts are a list: read as a form, the first body made a list of 4294967295 items for the validator.
    const { pkg, request } = await requestFor("jasper");
    const mock = pkg.createMock();
    for (const body of hostile)
      expect(
        mock.handle({
          ...request,
          headers: { ...request.headers, "content-type": "application/x-www-form-urlencoded" },
          body,
        }).status,
        body,
      ).toBe(415);
  });

  it("a form that sets a list's length or a huge index cannot be read; a form vendor answers 400", async () => {
    const jasper = await load("jasper");
    for (const body of hostile)
      expect(() => parseBody(body, jasper.bodyShape, "application/x-www-form-urlencoded"), body).toThrow();
    const { pkg, request } = await requestFor("bydesign");
    const mock = pkg.createMock();
    const started = Date.now();
    for (const body of hostile)
      expect(
        mock.handle({
          ...request,
          headers: { ...request.headers, "content-type": "application/x-www-form-urlencoded" },
          body,
        }).status,
        body,
      ).toBe(400);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("a list of 40 000 items is rejected in linear time: the guard first, details on small bodies", async () => {
    const { pkg, request } = await requestFor("jasper");
    const body = JSON.stringify({
      ...JSON.parse(request.body),
      contacts: Array.from({ length: 40_000 }, () => ({ x: 1 })),
    });
    const started = Date.now();
    expect(pkg.createMock().handle({ ...request, body }).status).toBe(400);
    // The detailed validator took 25 s on this body.
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe("the memory of created customers", () => {
  it("keeps the last rememberCustomers, oldest forgotten first, duplicates still found", async () => {
    const people = [1, 2, 3, 4].map((index) => ({ ...customers.person, email: `person${index}@example.com` }));
    const requests = await Promise.all(people.map(async (person) => (await requestFor("storm", person)).request));
    const { pkg } = await requestFor("storm");
    const mock = pkg.createMock({ rememberCustomers: 3 });
    for (const request of requests) expect(mock.handle(request).status).toBe(200);
    expect(mock.created).toHaveLength(3);
    expect(mock.created).toEqual(requests.slice(1).map((request) => JSON.parse(request.body)));
    const [first, , , last] = requests;
    if (!first || !last) throw new Error("four requests");
    expect(mock.handle(last).code).toBe("AccountAlreadyExists");
    // The first was forgotten: it is created again.
    expect(mock.handle(first).code).toBeUndefined();
    expect(mock.created).toHaveLength(3);
  });
});

describe("the log", () => {
  it("is one line per request: method, path without the query, status and vendor code; none when quiet", async () => {
    const { pkg, request } = await requestFor("jtl");
    const lines: string[] = [];
    // A wrong token is refused before the query is read: the query (holding a secret) must not reach the log.
    const refused = {
      ...request,
      url: `${request.url}?secret=FAKE-SECRET-0000`,
      headers: { ...request.headers, authorization: "Bearer wrong" },
    };
    await withMock(pkg.createMock(), { quiet: false, log: (line) => lines.push(line) }, async (running) => {
      for (const sent of [request, refused])
        await fetch(`${running.url}${sent.url}`, { method: "POST", headers: sent.headers, body: sent.body });
    });
    const expected = pkg.createMock();
    const line = (answer: { status: number; code?: string | number }) =>
      `POST /v1/customers ${answer.status}${answer.code === undefined ? "" : ` ${answer.code}`}`;
    expect(lines).toEqual([line(expected.handle(request)), line(expected.handle(refused))]);
    expect(lines[0]).toBe("POST /v1/customers 201");
    expect(lines[1]).toMatch(/^POST \/v1\/customers 401/);
    const quiet: string[] = [];
    await withMock(pkg.createMock(), { quiet: true, log: (line) => quiet.push(line) }, async (running) => {
      await fetch(`${running.url}${request.url}`, { method: "POST", headers: request.headers, body: request.body });
    });
    expect(quiet).toEqual([]);
  });
});

describe("listen errors", () => {
  it("a port in use, or a value that is no port, is a one-line rejection", async () => {
    const { pkg } = await requestFor("jtl");
    await withMock(pkg.createMock(), {}, async (running) => {
      const taken = startMockServer(pkg.createMock(), { port: running.port, quiet: true });
      await expect(taken).rejects.toThrow(new RegExp(`^mock: port ${running.port} on 127.0.0.1 is already in use$`));
    });
    for (const port of [Number.NaN, -1, 70000, 1.5])
      await expect(startMockServer(pkg.createMock(), { port, quiet: true }), String(port)).rejects.toThrow(
        /^mock: port .* is not a port \(a whole number from 0 to 65535\)$/,
      );
  });
});
