// The generated client against fault servers on 127.0.0.1: one that never
// answers, stalls, drips, resets, redirects (to itself and to another
// origin), sends a gzip bomb, echoes the request, or answers a success whose
// id is not an id. Each case starts its own server and stops it; limits are
// small through the options, so that the suite takes seconds.
import { getEventListeners } from "node:events";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { Customer } from "@customer-adapters/canonical";
import {
  errorBody,
  writePointer,
  type CreateResult,
  type MappingPlan,
  type SendOptions,
} from "@customer-adapters/runtime";
import { customers } from "../fixtures/customers.js";
import { loadPackage, mappedVendorModels } from "../helpers/package.js";
import { drip, faultServer, type FaultServer } from "../helpers/fault-server.js";

interface MappedPackage {
  createCustomer(customer: Customer, context: unknown, options?: SendOptions): Promise<CreateResult>;
  fixtures: { context: Record<string, unknown>; successResponse: { status: number; body: unknown } };
  mappingPlan: MappingPlan;
}
const load = (slug: string): Promise<MappedPackage> => loadPackage<MappedPackage>(slug);
const slugs = mappedVendorModels().map((model) => model.slug);

/** Runs `body` with a fault server, and stops the server whatever happens. */
async function withServer<T>(
  handler: Parameters<typeof faultServer>[0],
  body: (server: FaultServer) => Promise<T>,
): Promise<T> {
  const server = await faultServer(handler);
  try {
    return await body(server);
  } finally {
    await server.stop();
  }
}

const json = { "content-type": "application/json" };
const unknownFailure = (status: number) => ({ ok: false, sent: true, status, errors: [{ kind: "unknown" }] });

describe("a server that never answers", () => {
  it("times out every call (unknown: the request left), and a shared AbortSignal is left with no listeners", async () => {
    const jtl = await load("jtl");
    await withServer(
      () => undefined,
      async (server) => {
        const controller = new AbortController();
        for (let call = 0; call < 12; call++) {
          const result = await jtl.createCustomer(customers.person, jtl.fixtures.context, {
            baseUrl: server.url,
            timeoutMs: 20,
            signal: controller.signal,
          });
          expect(result).toMatchObject({ ok: false, errors: [{ kind: "unknown" }] });
          expect(!result.ok && result.errors[0]?.message).toMatch(/^timed out/);
        }
        expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
      },
    );
  });

  it("refuses a timeout that is not a finite positive number below 2^31 before sending anything", async () => {
    const jtl = await load("jtl");
    await withServer(
      () => undefined,
      async (server) => {
        for (const timeoutMs of [Number.POSITIVE_INFINITY, 2 ** 31, 0, -1, Number.NaN]) {
          const result = await jtl.createCustomer(customers.person, jtl.fixtures.context, {
            baseUrl: server.url,
            timeoutMs,
          });
          expect(result, String(timeoutMs)).toMatchObject({
            ok: false,
            sent: false,
            errors: [{ kind: "invalid-options", field: "options/timeoutMs" }],
          });
        }
        expect(server.received).toHaveLength(0);
      },
    );
  });

  it("never throws, whatever the options", async () => {
    const jtl = await load("jtl");
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error("a hostile getter");
        },
      },
    );
    const weird: unknown[] = [
      null,
      42,
      hostile,
      { fetch: 42 },
      { signal: {} },
      {
        signal: {
          aborted: false,
          addEventListener: () => {
            throw new Error("no");
          },
        },
      },
      {
        fetch: () => {
          throw new Error("sync");
        },
      },
      { fetch: async () => null },
      { fetch: async () => ({ status: 201, headers: null, text: 5 }) },
      { fetch: async () => ({ status: "201", headers: { get: () => null }, text: async () => "{}" }) },
      { retriesOnRefusedConnection: -1 },
      { maxResponseBytes: 0 },
      { baseUrl: "not a url" },
    ];
    for (const [index, options] of weird.entries()) {
      const result = await jtl.createCustomer(customers.person, jtl.fixtures.context, options as SendOptions);
      expect(result.ok, `options #${index}`).toBe(false);
    }
  });
});

describe("a server that stalls, drips or resets after its status line", () => {
  it("a stalled 201 answer is unknown (the customer may exist), not unavailable", async () => {
    const jtl = await load("jtl");
    await withServer(
      (_request, response) => (response.writeHead(201, json), response.write('{"Id":')),
      async (server) => {
        const result = await jtl.createCustomer(customers.person, jtl.fixtures.context, {
          baseUrl: server.url,
          timeoutMs: 100,
        });
        expect(result).toMatchObject(unknownFailure(201));
      },
    );
  });

  it("stops reading a dripping answer at the size limit, long before the timeout", async () => {
    const jtl = await load("jtl");
    await withServer(
      (_request, response) => (response.writeHead(201, json), drip(response, "          ", 5, 400)),
      async (server) => {
        const started = Date.now();
        const result = await jtl.createCustomer(customers.person, jtl.fixtures.context, {
          baseUrl: server.url,
          timeoutMs: 5000,
          maxResponseBytes: 64,
        });
        expect(result).toMatchObject(unknownFailure(201));
        expect(!result.ok && result.errors[0]?.message).toMatch(/larger than 64 bytes/);
        expect(Date.now() - started).toBeLessThan(1500);
      },
    );
  });

  it("a reset before the answer is unknown (the request left) and sent once; a reset inside a 201 answer is unknown", async () => {
    const jtl = await load("jtl");
    await withServer(
      (_request, response) => response.socket?.destroy(),
      async (server) => {
        expect(await jtl.createCustomer(customers.person, jtl.fixtures.context, { baseUrl: server.url })).toMatchObject(
          { ok: false, errors: [{ kind: "unknown" }] },
        );
        expect(server.received).toHaveLength(1);
      },
    );
    await withServer(
      (_request, response) => {
        response.writeHead(201, json);
        response.write('{"Id": 12');
        setTimeout(() => response.socket?.destroy(), 10);
      },
      async (server) => {
        expect(await jtl.createCustomer(customers.person, jtl.fixtures.context, { baseUrl: server.url })).toMatchObject(
          unknownFailure(201),
        );
      },
    );
  });
});

describe("a server that redirects", () => {
  it.each([301, 302, 303, 307, 308])(
    "%i: a result with its status and Location, never a second request, credentials never sent elsewhere",
    async (status) => {
      const jtl = await load("jtl");
      const context = { ...jtl.fixtures.context, sessionId: "SESSION-SECRET-1", accessToken: "TOKEN-SECRET-1" };
      await withServer(
        (_request, response) => (
          response.writeHead(201, json), response.end(JSON.stringify(jtl.fixtures.successResponse.body))
        ),
        async (elsewhere) => {
          // Another origin: another port on the same host.
          await withServer(
            (_request, response) => (
              response.writeHead(status, { location: `${elsewhere.url}/v1/customers` }), response.end()
            ),
            async (origin) => {
              const result = await jtl.createCustomer(customers.person, context, { baseUrl: origin.url });
              expect(result).toMatchObject({
                ok: false,
                sent: true,
                status,
                location: `${elsewhere.url}/v1/customers`,
                errors: [{ kind: "unknown" }],
              });
              expect(origin.received).toHaveLength(1);
              expect(origin.received[0]?.headers["x-sessionid"]).toBe("SESSION-SECRET-1");
              expect(elsewhere.received).toHaveLength(0);
            },
          );
        },
      );
    },
  );

  it("a 307 back to itself is sent once, not again and again", async () => {
    const jtl = await load("jtl");
    await withServer(
      (request, response) => (response.writeHead(307, { location: request.url }), response.end()),
      async (server) => {
        const result = await jtl.createCustomer(customers.person, jtl.fixtures.context, { baseUrl: server.url });
        expect(result).toMatchObject({ ok: false, status: 307 });
        expect(server.received).toHaveLength(1);
      },
    );
  });
});

describe("a server that sends a gzip bomb", () => {
  it("stops at the default limit of 1 MiB, counted after decompression", async () => {
    const jtl = await load("jtl");
    const bomb = gzipSync(Buffer.alloc(16 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(64 * 1024);
    await withServer(
      (_request, response) => (response.writeHead(201, { ...json, "content-encoding": "gzip" }), response.end(bomb)),
      async (server) => {
        const result = await jtl.createCustomer(customers.person, jtl.fixtures.context, { baseUrl: server.url });
        expect(result).toMatchObject(unknownFailure(201));
        expect(!result.ok && result.errors[0]?.message).toMatch(/larger than 1048576 bytes/);
      },
    );
  });
});

describe.each(slugs.map((slug) => [slug] as const))("%s against a server that echoes the request", (slug) => {
  it("returns none of the credentials in the vendor's message", async () => {
    const pkg = await load(slug);
    const location = pkg.mappingPlan.errorLocations[0];
    if (location === undefined) throw new Error(`${slug} documents no error body`);
    const error =
      pkg.mappingPlan.errors.find((candidate) => String(candidate.status) === location.status) ??
      pkg.mappingPlan.errors[0];
    await withServer(
      (request, response) => {
        // As a proxy's error page may: the request line, the headers (Basic credentials decoded) and the body.
        const basic = /^Basic (.+)$/.exec(request.headers.authorization ?? "")?.[1];
        const decoded = basic === undefined ? "" : ` (user:password ${Buffer.from(basic, "base64").toString("utf8")})`;
        const headers = JSON.stringify(request.headers);
        const echo = `rejected ${request.method} ${request.url} ${headers}${decoded} ${request.body}`;
        response.writeHead(Number(location.status), json);
        response.end(JSON.stringify(errorBody(location, error?.code ?? "E", echo)));
      },
      async (server) => {
        const result = await pkg.createCustomer(customers.person, pkg.fixtures.context, { baseUrl: server.url });
        expect(result.ok).toBe(false);
        const request = server.received[0];
        const authorization = request?.headers.authorization;
        const secrets = [
          ...Object.values(pkg.fixtures.context).filter(
            (value): value is string => typeof value === "string" && value.startsWith("FAKE"),
          ),
          ...(authorization === undefined ? [] : [authorization, authorization.replace(/^\S+ /, "")]),
        ];
        expect(secrets.length, "the vendor sends credentials").toBeGreaterThan(0);
        const basic = /^Basic (.+)$/.exec(authorization ?? "")?.[1];
        const sent =
          JSON.stringify(request) + (basic === undefined ? "" : Buffer.from(basic, "base64").toString("utf8"));
        const returned = JSON.stringify(result);
        expect(returned).toMatch(/rejected POST/);
        for (const secret of secrets) {
          expect(sent, "the echo carries it").toContain(secret);
          expect(returned).not.toContain(secret);
        }
      },
    );
  });
});

describe.each(slugs.map((slug) => [slug] as const))("%s against a success whose id is not an id", (slug) => {
  it("believes no id that its own response validator rejects", async () => {
    const pkg = await load(slug);
    const idField = pkg.mappingPlan.response.find((mapping) => mapping.to === "/id")?.from;
    if (typeof idField !== "string") throw new Error(`${slug} reads no id`);
    const ids: unknown[] = [{ a: 1 }, [1, 2], true, ""];
    let next = 0;
    await withServer(
      (_request, response) => {
        const body = structuredClone(pkg.fixtures.successResponse.body) as Record<string, unknown>;
        writePointer(body, idField, ids[next++]);
        response.writeHead(pkg.fixtures.successResponse.status, json);
        response.end(JSON.stringify(body));
      },
      async (server) => {
        for (const id of ids) {
          const result = await pkg.createCustomer(customers.person, pkg.fixtures.context, { baseUrl: server.url });
          expect(result, JSON.stringify(id)).toMatchObject(unknownFailure(pkg.fixtures.successResponse.status));
        }
      },
    );
  });
});

describe("Retry-After", () => {
  it("is surfaced in seconds on 429 (seconds) and 503 (an HTTP date)", async () => {
    const jtl = await load("jtl");
    const later = new Date(Date.now() + 120_000).toUTCString();
    const answers: [number, string][] = [
      [429, "7"],
      [503, later],
    ];
    let next = 0;
    await withServer(
      (_request, response) => {
        const [status, retryAfter] = answers[next++] ?? [500, ""];
        response.writeHead(status, { ...json, "retry-after": retryAfter });
        response.end("{}");
      },
      async (server) => {
        const limited = await jtl.createCustomer(customers.person, jtl.fixtures.context, { baseUrl: server.url });
        expect(limited).toMatchObject({ ok: false, status: 429, retryAfterSeconds: 7 });
        const busy = await jtl.createCustomer(customers.person, jtl.fixtures.context, { baseUrl: server.url });
        expect(busy).toMatchObject({ ok: false, status: 503 });
        const seconds = "retryAfterSeconds" in busy ? busy.retryAfterSeconds : undefined;
        expect(seconds).toBeGreaterThanOrEqual(118);
        expect(seconds).toBeLessThanOrEqual(120);
      },
    );
  });
});
