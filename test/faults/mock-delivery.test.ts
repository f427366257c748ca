// The mock server delivers every rejection: 10 MB bodies (413), 10 MB
// headers (400) and `Expect: 100-continue` uploads, twenty in a row, each get
// the answer, never a reset (EPIPE, ECONNRESET) before it left. Each case
// starts its own mock server on 127.0.0.1 (port 0) and stops it.
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import type { Customer } from "@customer-adapters/canonical";
import type { MockVendor, ToRequestResult } from "@customer-adapters/runtime";
import { startMockServer, type RunningMock } from "@customer-adapters/runtime/mock-server";
import { customers } from "../fixtures/customers.js";
import { loadPackage } from "../helpers/package.js";

interface MappedPackage {
  toRequest(customer: Customer, context: unknown): ToRequestResult<unknown>;
  fixtures: { context: Record<string, unknown> };
  createMock(): MockVendor;
}

const TEN_MB = 10 * 1024 * 1024;
const ROUNDS = 20;

async function withJtlMock<T>(
  body: (running: RunningMock, path: string, headers: Record<string, string>) => Promise<T>,
) {
  const jtl = await loadPackage<MappedPackage>("jtl");
  const built = jtl.toRequest(customers.person, jtl.fixtures.context);
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  const query = new URLSearchParams(built.request.query).toString();
  const running = await startMockServer(jtl.createMock(), { quiet: true });
  try {
    return await body(running, `${built.request.path}${query ? `?${query}` : ""}`, built.request.headers);
  } finally {
    await running.close();
  }
}

/** POSTs `size` bytes with node:http; the answer's status, or the error's code (`EPIPE`, `ECONNRESET`). */
function post(port: number, path: string, headers: Record<string, string>, size: number): Promise<number | string> {
  return new Promise((resolve) => {
    const body = Buffer.alloc(size, 0x20);
    const outgoing = httpRequest(
      { host: "127.0.0.1", port, path, method: "POST", agent: false, headers: { ...headers, "content-length": size } },
      (incoming) => {
        incoming.resume();
        incoming.on("end", () => resolve(incoming.statusCode ?? 0));
        incoming.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
      },
    );
    outgoing.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
    // With Expect: 100-continue the body waits for the go-ahead, as curl and .NET do (or for a final answer).
    if (headers.expect === "100-continue") outgoing.on("continue", () => outgoing.end(body));
    else outgoing.end(body);
    outgoing.setTimeout(20_000, () => outgoing.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })));
  });
}

interface Upload {
  /** The first status line the server sent. */
  status: string;
  /** The socket error the client saw (`EPIPE`, `ECONNRESET`), if any. */
  error?: string;
}

/**
 * Sends `head`, then `first` bytes of `filler`; waits for the server's answer; then sends `rest` bytes more and
 * `tail`, and ends. What a client does that writes its whole request before it reads: the rest goes out after the
 * answer, and must not meet a reset.
 */
function uploadPastAnswer(port: number, head: string, first: number, rest: number, tail = ""): Promise<Upload> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    let error: string | undefined;
    let sentRest = false;
    const timer = setTimeout(() => socket.destroy(), 20_000);
    const sendRest = () => {
      if (sentRest) return;
      sentRest = true;
      socket.write(Buffer.alloc(rest, 0x61));
      socket.end(tail);
    };
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
      if (answer.includes("\r\n\r\n")) sendRest();
    });
    socket.on("error", (problem: NodeJS.ErrnoException) => {
      error = problem.code ?? "error";
    });
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ status: answer.split("\r\n")[0] ?? "", ...(error === undefined ? {} : { error }) });
    });
    socket.write(head);
    socket.write(Buffer.alloc(first, 0x61));
  });
}

describe("the mock server delivers every rejection", () => {
  it(`answers ${ROUNDS} POSTs of 10 MB with 413, none reset`, async () => {
    await withJtlMock(async (running, path, headers) => {
      const answers: (number | string)[] = [];
      for (let round = 0; round < ROUNDS; round++) answers.push(await post(running.port, path, headers, TEN_MB));
      expect(answers).toEqual(Array(ROUNDS).fill(413));
    });
  }, 120_000);

  it(`answers ${ROUNDS} Expect: 100-continue POSTs of 10 MB with 413 before the body, none reset`, async () => {
    await withJtlMock(async (running, path, headers) => {
      const answers: (number | string)[] = [];
      for (let round = 0; round < ROUNDS; round++)
        answers.push(await post(running.port, path, { ...headers, expect: "100-continue" }, TEN_MB));
      expect(answers).toEqual(Array(ROUNDS).fill(413));
    });
  }, 120_000);

  it("reads what a client sends after its 413, and closes without a reset", async () => {
    await withJtlMock(async (running, path, headers) => {
      const head = `POST ${path} HTTP/1.1\r\n${Object.entries({
        ...headers,
        host: "127.0.0.1",
        "content-length": TEN_MB,
      })
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join("")}\r\n`;
      const upload = await uploadPastAnswer(running.port, head, 2 * 1024 * 1024, TEN_MB - 2 * 1024 * 1024);
      expect(upload).toEqual({ status: "HTTP/1.1 413 Payload Too Large" });
      // Expect: 100-continue with a body past the limit: 413 at once, no 100; a body sent anyway is drained.
      const expecting = head.replace("\r\n\r\n", "\r\nexpect: 100-continue\r\n\r\n");
      expect(await uploadPastAnswer(running.port, expecting, 0, TEN_MB)).toEqual({
        status: "HTTP/1.1 413 Payload Too Large",
      });
    });
  });

  it("answers a 10 MB header with 431, reads the rest of it, and closes without a reset", async () => {
    await withJtlMock(async (running, path) => {
      const head = `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\nx-big: `;
      const answers: Upload[] = [];
      for (let round = 0; round < ROUNDS; round++)
        answers.push(await uploadPastAnswer(running.port, head, 1024 * 1024, TEN_MB - 1024 * 1024, "\r\n\r\n"));
      expect(answers).toEqual(Array(ROUNDS).fill({ status: "HTTP/1.1 431 Request Header Fields Too Large" }));
    });
  }, 120_000);
});
