// The client against a second round of faults, each on its own server on
// 127.0.0.1: ids past 2^53, odd Retry-After values, unsolicited and endless
// 1xx answers, lying Content-Length, endless and unterminated chunked
// bodies, header floods, deep JSON, duplicate keys, and secrets echoed in
// every common encoding. Loops are bounded and limits small, so that the
// file takes seconds.
import type { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import type { Customer } from "@customer-adapters/canonical";
import type { CreateResult, FromResponseResult, MappingPlan, SendOptions } from "@customer-adapters/runtime";
import { customers } from "../fixtures/customers.js";
import { faultServer, rawServer } from "../helpers/fault-server.js";
import { loadPackage, mappedVendorModels } from "../helpers/package.js";

interface MappedPackage {
  createCustomer(customer: Customer, context: unknown, options?: SendOptions): Promise<CreateResult>;
  fromResponse(status: number, body: unknown): FromResponseResult;
  fixtures: { context: Record<string, unknown>; successResponse: { status: number; body: unknown } };
  mappingPlan: MappingPlan;
}
const load = (slug: string): Promise<MappedPackage> => loadPackage<MappedPackage>(slug);
const slugs = mappedVendorModels().map((model) => model.slug);
const json = { "content-type": "application/json" };

/** Runs `body` against an HTTP fault server answering every request with `answer`, and stops it. */
async function withAnswer<T>(answer: Parameters<typeof faultServer>[0], body: (url: string) => Promise<T>): Promise<T> {
  const server = await faultServer(answer);
  try {
    return await body(server.url);
  } finally {
    await server.stop();
  }
}

/** Runs `body` against a raw TCP server that writes `bytes` once a request arrives, and stops it. */
async function withRaw<T>(answer: (socket: Socket) => void, body: (url: string) => Promise<T>): Promise<T> {
  const server = await rawServer(answer);
  try {
    return await body(server.url);
  } finally {
    await server.stop();
  }
}

/** The vendor's success body with its id replaced by a bare JSON number literal, as text. */
function successWithId(pkg: MappedPackage, literal: string): string {
  const idField = pkg.mappingPlan.response.find((mapping) => mapping.to === "/id")?.from;
  if (typeof idField !== "string") throw new Error("no id field");
  const body = structuredClone(pkg.fixtures.successResponse.body) as Record<string, unknown>;
  const keys = idField.split("/").slice(1);
  let node = body;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys.at(-1) as string] = "@ID@";
  return JSON.stringify(body).replace('"@ID@"', literal);
}

describe.each(slugs.map((slug) => [slug] as const))("%s: an id past 2^53", (slug) => {
  it("is read from its digits, or the result is unknown saying why; never rounded", async () => {
    const pkg = await load(slug);
    const text = successWithId(pkg, "9007199254740993");
    await withAnswer(
      (_request, response) => (response.writeHead(pkg.fixtures.successResponse.status, json), response.end(text)),
      async (url) => {
        const result = await pkg.createCustomer(customers.person, pkg.fixtures.context, { baseUrl: url });
        expect(JSON.stringify(result)).not.toContain("9007199254740992");
        if (result.ok) expect(result.id).toBe("9007199254740993");
        else expect(result).toMatchObject({ errors: [{ kind: "unknown" }] });
      },
    );
    // A body already parsed has lost the digits: unknown, never the rounded number.
    const parsed = pkg.fromResponse(pkg.fixtures.successResponse.status, JSON.parse(text));
    expect(parsed).toMatchObject({ ok: false, errors: [{ kind: "unknown" }] });
  });
});

describe("an id past 2^53 at a vendor whose id is an integer", () => {
  it("comes back as the vendor's exact digits, and fromResponse says why it cannot read one", async () => {
    const jasper = await load("jasper");
    const text = successWithId(jasper, "9007199254740993");
    await withAnswer(
      (_request, response) => (response.writeHead(jasper.fixtures.successResponse.status, json), response.end(text)),
      async (url) => {
        const result = await jasper.createCustomer(customers.person, jasper.fixtures.context, { baseUrl: url });
        expect(result).toMatchObject({ ok: true, id: "9007199254740993" });
      },
    );
    const parsed = jasper.fromResponse(jasper.fixtures.successResponse.status, JSON.parse(text));
    expect(!parsed.ok && parsed.errors[0]?.message).toMatch(/past 2\^53/);
  });
});

describe("Retry-After", () => {
  it("is delta-seconds up to a day or an HTTP-date; anything else is ignored", async () => {
    const jtl = await load("jtl");
    const cases: [string, number | undefined][] = [
      ["0", 0],
      ["120", 120],
      ["86400", 86_400],
      ["86401", undefined],
      ["-5", undefined],
      ["99999999999999999999", undefined],
      ["1.5", undefined],
      ["soon", undefined],
      ["2026-12-01T00:00:00Z", undefined],
      ["Sun, 06 Nov 1994 08:49:37 GMT", 0],
      ["Sunday, 06-Nov-94 08:49:37 GMT", 0],
      ["Sun Nov  6 08:49:37 1994", 0],
      ["Sun, 06 Nov 9994 08:49:37 GMT", undefined],
    ];
    let next = 0;
    await withAnswer(
      (_request, response) => {
        response.writeHead(429, { ...json, "retry-after": cases[next++]?.[0] ?? "" });
        response.end("{}");
      },
      async (url) => {
        for (const [header, seconds] of cases) {
          const result = await jtl.createCustomer(customers.person, jtl.fixtures.context, { baseUrl: url });
          expect(result, header).toMatchObject({ ok: false, status: 429 });
          expect("retryAfterSeconds" in result ? result.retryAfterSeconds : undefined, header).toBe(seconds);
        }
      },
    );
  });
});

const CREATED = 'HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ncontent-length: 10\r\n\r\n{"Id": 12}';

describe("failures after the request left are unknown, never unavailable", () => {
  it.each([
    ["an unsolicited 100 Continue", (socket: Socket) => socket.write(`HTTP/1.1 100 Continue\r\n\r\n${CREATED}`)],
    [
      "a flood of 102 Processing",
      (socket: Socket) => {
        for (let count = 0; count < 2000; count++) socket.write("HTTP/1.1 102 Processing\r\n\r\n");
        socket.end();
      },
    ],
    ["a reset once the request is read", (socket: Socket) => socket.destroy()],
    ["a close without an answer", (socket: Socket) => socket.end()],
    ["garbage instead of a status line", (socket: Socket) => socket.end("garbage\r\n\r\n")],
    [
      "a flood of headers",
      (socket: Socket) => {
        socket.write("HTTP/1.1 201 Created\r\n");
        for (let count = 0; count < 20_000; count++) socket.write(`x-h${count}: ${"v".repeat(40)}\r\n`);
        socket.end();
      },
    ],
  ])("%s", async (_name, answer) => {
    const jtl = await load("jtl");
    await withRaw(answer, async (url) => {
      const result = await jtl.createCustomer(customers.person, jtl.fixtures.context, {
        baseUrl: url,
        timeoutMs: 2000,
      });
      expect(result).toMatchObject({ ok: false, sent: true, errors: [{ kind: "unknown" }] });
    });
  });

  it("a timeout once the request is sent is unknown; a call cancelled before sending is unavailable", async () => {
    const jtl = await load("jtl");
    await withRaw(
      () => undefined,
      async (url) => {
        const late = await jtl.createCustomer(customers.person, jtl.fixtures.context, { baseUrl: url, timeoutMs: 50 });
        expect(late).toMatchObject({ ok: false, errors: [{ kind: "unknown" }] });
        expect(!late.ok && late.errors[0]?.message).toMatch(/^timed out/);
        const controller = new AbortController();
        controller.abort();
        const early = await jtl.createCustomer(customers.person, jtl.fixtures.context, {
          baseUrl: url,
          signal: controller.signal,
        });
        expect(early).toMatchObject({ ok: false, errors: [{ kind: "unavailable", message: "cancelled" }] });
      },
    );
  });

  it("a refused connection is unavailable (it never left)", async () => {
    const jtl = await load("jtl");
    const server = await rawServer(() => undefined);
    const url = server.url;
    await server.stop();
    const result = await jtl.createCustomer(customers.person, jtl.fixtures.context, {
      baseUrl: url,
      retriesOnRefusedConnection: 0,
    });
    expect(result).toMatchObject({ ok: false, errors: [{ kind: "unavailable", message: "connection refused" }] });
  });
});

describe("bodies that lie or never end", () => {
  it.each([
    [
      "a Content-Length longer than the body",
      (socket: Socket) =>
        socket.end('HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"Id": 1}'),
    ],
    [
      "a chunked body cut inside a chunk",
      (socket: Socket) =>
        socket.end(
          'HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n9\r\n{"Id": 1}\r\n5\r\n{"',
        ),
    ],
    [
      "a chunked body without its last chunk",
      (socket: Socket) =>
        socket.write(
          'HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n9\r\n{"Id": 1}\r\n',
        ),
    ],
    [
      "an endless chunked body",
      (socket: Socket) => {
        socket.write("HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n");
        let sent = 0;
        const timer = setInterval(() => {
          if (socket.destroyed || sent++ > 500) return clearInterval(timer);
          socket.write(`400\r\n${" ".repeat(1024)}\r\n`);
        }, 2);
        socket.on("close", () => clearInterval(timer));
      },
    ],
  ])("%s is unknown with its status, within the limits", async (_name, answer) => {
    const jtl = await load("jtl");
    await withRaw(answer, async (url) => {
      const started = Date.now();
      const result = await jtl.createCustomer(customers.person, jtl.fixtures.context, {
        baseUrl: url,
        timeoutMs: 300,
        maxResponseBytes: 64 * 1024,
      });
      expect(result).toMatchObject({ ok: false, status: 201, errors: [{ kind: "unknown" }] });
      expect(Date.now() - started).toBeLessThan(2000);
    });
  });
});

describe("bodies built to confuse the reader", () => {
  it("deep JSON is an unknown answer, not a crash", async () => {
    const jtl = await load("jtl");
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    await withAnswer(
      (_request, response) => (response.writeHead(201, json), response.end(deep)),
      async (url) => {
        const result = await jtl.createCustomer(customers.person, jtl.fixtures.context, { baseUrl: url });
        expect(result).toMatchObject({ ok: false, status: 201, errors: [{ kind: "unknown" }] });
      },
    );
  });

  it("with duplicate keys, the id read is the one JSON.parse keeps (the last), as the validator saw it", async () => {
    const jasper = await load("jasper");
    const text = successWithId(jasper, "1").replace(/^\{/, '{"customerId": 2, ');
    await withAnswer(
      (_request, response) => (response.writeHead(jasper.fixtures.successResponse.status, json), response.end(text)),
      async (url) => {
        const result = await jasper.createCustomer(customers.person, jasper.fixtures.context, { baseUrl: url });
        expect(result).toMatchObject({ ok: true, id: "1" });
      },
    );
  });
});

/** A secret in the encodings an echo may show it in, each written independently of the client's own code. */
function encodings(secret: string): Record<string, string> {
  const bytes = [...Buffer.from(secret, "utf8")];
  const hex = (byte: number) => byte.toString(16).padStart(2, "0");
  return {
    "as sent": secret,
    "upper case": secret.toUpperCase(),
    "lower case": secret.toLowerCase(),
    "percent, upper-case hex": encodeURIComponent(secret),
    "percent, lower-case hex (.NET)": encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (percent) =>
      percent.toLowerCase(),
    ),
    "percent, every byte": bytes.map((byte) => `%${hex(byte)}`).join(""),
    "percent, partly (encodeURI)": encodeURI(secret),
    form: new URLSearchParams({ s: secret }).toString().slice(2),
    "PHP json_encode": JSON.stringify(secret)
      .slice(1, -1)
      .replace(/\//g, "\\/")
      .replace(/[^\x20-\x7e]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`),
    "every character \\u-escaped": [...secret]
      .map((character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}`)
      .join(""),
    "JavaScript escapes": secret
      .replace(/'/g, "\\'")
      .replace(/[^\x20-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16)}`),
    base64: Buffer.from(secret).toString("base64"),
    base64url: Buffer.from(secret).toString("base64url"),
    "base64 inside Basic credentials": Buffer.from(`user:${secret}`).toString("base64"),
    "HTML entities": secret.replace(/[&<>"'+=/ ]|[^\x20-\x7e]/g, (character) => `&#${character.codePointAt(0)};`),
    "XML hex entities": secret.replace(
      /['/]|[^\x20-\x7e]/g,
      (character) => `&#x${character.codePointAt(0)?.toString(16)};`,
    ),
  };
}

describe("secrets echoed in every common encoding", () => {
  const secret = "FAKE/Sec'ret+Ä=1 x(y)";
  const forms = Object.entries(encodings(secret));

  it.each(forms)("%s: gone from message, code and vendorField", async (name, echoed) => {
    const jtl = await load("jtl");
    const context = { ...jtl.fixtures.context, accessToken: secret };
    await withAnswer(
      (_request, response) => {
        response.writeHead(400, json);
        response.end(
          JSON.stringify({
            ErrorCode: `E-${echoed}`,
            ErrorMessage: `token ${echoed} rejected`,
            ValidationErrors: { [`Session.${echoed}`]: [`bad ${echoed}`] },
          }),
        );
      },
      async (url) => {
        const result = await jtl.createCustomer(customers.person, context, { baseUrl: url });
        const returned = JSON.stringify(result);
        // Base64 may leave what encodes its neighbours (`user:`) and a character at each end with a few bits of the secret.
        const edge = /base64/.test(name) ? "[A-Za-z0-9+/_=-]{0,8}" : "";
        expect(returned).toMatch(new RegExp(`"message":"bad ${edge}\\[redacted\\]${edge}"`));
        expect(returned).toMatch(new RegExp(`"vendorField":"Session.${edge}\\[redacted\\]${edge}"`));
        expect(returned).toMatch(new RegExp(`"code":"E-${edge}\\[redacted\\]${edge}"`));
        expect(returned).toContain("[redacted]");
        // The echo, and every run of the secret's bytes it holds: nothing of it is returned.
        expect(returned).not.toContain(JSON.stringify(echoed).slice(1, -1));
        expect(returned.toLowerCase()).not.toContain("sec'ret");
        expect(returned.toLowerCase()).not.toContain("sec\\'ret");
        expect(returned).not.toMatch(/%2f[Ss]ec|U2VjJ3JldC|Sec&#39;ret|Sec&#x27;ret/i);
      },
    );
  });

  it("gone from a redirect's location written with lower-case hex, and from an ok result's vendor text", async () => {
    const jtl = await load("jtl");
    const context = { ...jtl.fixtures.context, accessToken: secret };
    const lower = encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (percent) => percent.toLowerCase());
    await withAnswer(
      (_request, response) => (response.writeHead(303, { location: `/customers?token=${lower}` }), response.end()),
      async (url) => {
        const result = await jtl.createCustomer(customers.person, context, { baseUrl: url });
        expect(result).toMatchObject({ ok: false, status: 303, location: "/customers?token=[redacted]" });
      },
    );
    const body = structuredClone(jtl.fixtures.successResponse.body) as Record<string, unknown>;
    body.Number = `N-${secret.toLowerCase()}`;
    await withAnswer(
      (_request, response) => (response.writeHead(201, json), response.end(JSON.stringify(body))),
      async (url) => {
        const result = await jtl.createCustomer(customers.person, context, { baseUrl: url });
        expect(result).toMatchObject({ ok: true, number: "N-[redacted]" });
      },
    );
  });
});
