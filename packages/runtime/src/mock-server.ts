/**
 * Serves a mock vendor over HTTP on 127.0.0.1 (Node only; the rest of the
 * package runs in browsers too). Port 0 picks a free port. It reads a body
 * up to a size limit (413 past it, keeping nothing more), answers every
 * request whatever it holds, delivers each rejection (it drains what the
 * client still sends before it closes), and logs one line per request on stderr
 * (method, path, status, the vendor's code) unless quiet. Exported as
 * `@customer-adapters/runtime/mock-server`.
 */
import { MOCK_DEFAULTS, type MockVendor } from "./mock.js";

/** The parts of `node:net` and `node:http` used here, typed locally so the package needs no Node typings. */
interface SocketLike {
  readonly writable?: boolean;
  on(event: "data", listener: (chunk: Uint8Array) => void): void;
  on(event: "end" | "close", listener: () => void): void;
  removeAllListeners(event: "data"): void;
  resume(): void;
  write(data: string): void;
  end(data?: string): void;
  destroy(): void;
}
interface IncomingLike {
  method?: string;
  resume(): void;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
  readonly socket: SocketLike;
  on(event: "data", listener: (chunk: Uint8Array) => void): void;
  on(event: "end", listener: () => void): void;
  on(event: "error", listener: (error: unknown) => void): void;
  on(event: "close", listener: () => void): void;
}
interface OutgoingLike {
  writeHead(status: number, headers: Record<string, string>): void;
  writeContinue(): void;
  end(body: string): void;
  on(event: "error", listener: (error: unknown) => void): void;
  readonly headersSent: boolean;
}
type Handler = (request: IncomingLike, response: OutgoingLike) => void;
interface ServerLike {
  listen(port: number, host: string): void;
  once(event: "listening", listener: () => void): void;
  once(event: "error", listener: (error: { code?: string; message?: string }) => void): void;
  on(event: "checkContinue", listener: Handler): void;
  on(event: "clientError", listener: (error: { code?: string }, socket: SocketLike) => void): void;
  address(): { port: number } | string | null;
  close(callback: () => void): void;
  closeAllConnections?(): void;
}
interface HttpLike {
  createServer(handler: Handler): ServerLike;
}

/** The defaults of `MockServerOptions`' drain: what is read, after a rejection, of an upload the client is still sending. */
export const DRAIN_DEFAULTS: { readonly drainBytes: number; readonly drainMs: number } = {
  drainBytes: 16 * 1024 * 1024,
  drainMs: 5000,
};

export interface MockServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The largest body read, in bytes; past it the answer is 413 and the rest is drained, not kept. Default 1 MiB. */
  maxBodyBytes?: number;
  /** No log line per request. */
  quiet?: boolean;
  /** Where the log lines go; stderr by default. */
  log?: (line: string) => void;
  /**
   * After answering a request it rejects before reading all of it (413, a header too large), the server reads and
   * drops what the client still sends, up to this many bytes, before it closes: closing with unread data would
   * reset the connection, and the client could lose the answer. Default 16 MiB.
   */
  drainBytes?: number;
  /** The longest such a drain lasts, in milliseconds. Default 5000. */
  drainMs?: number;
}

export interface RunningMock {
  /** `http://127.0.0.1:<port>`: pass it as the context's host or base URL. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** A listen failure as one line: the port in use, not a port, not allowed. */
function listenProblem(port: number, error: { code?: string; message?: string }): string {
  if (error.code === "EADDRINUSE") return `mock: port ${port} on 127.0.0.1 is already in use`;
  if (error.code === "EACCES") return `mock: port ${port} on 127.0.0.1 is not allowed for this user`;
  return `mock: cannot listen on 127.0.0.1:${port}: ${error.code ?? String(error.message).split("\n")[0]}`;
}

/** The path of a request target for the log: no query (it may carry credentials), no control characters. */
function logPath(target: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  return (target.split("?")[0] ?? "").replace(/[\u0000-\u001f\u007f]/g, "?").slice(0, 200);
}

export async function startMockServer(mock: MockVendor, options: MockServerOptions = {}): Promise<RunningMock> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`mock: port ${String(port)} is not a port (a whole number from 0 to 65535)`);
  const limit = options.maxBodyBytes ?? MOCK_DEFAULTS.maxBodyBytes;
  const log = options.quiet ? undefined : (options.log ?? ((line: string) => console.error(line)));
  // A module name in a variable: the package compiles without Node's typings, and bundlers leave it alone.
  const builtin = "node:http";
  const http = (await import(builtin)) as HttpLike;
  const drainBytes = options.drainBytes ?? DRAIN_DEFAULTS.drainBytes;
  const drainMs = options.drainMs ?? DRAIN_DEFAULTS.drainMs;
  /** Reads and drops what the client still sends, then closes: past `drainBytes` or `drainMs`, or when the client ends. */
  const drainThenClose = (socket: SocketLike) => {
    let drained = 0;
    const close = () => {
      clearTimeout(timer);
      socket.end();
    };
    const timer = setTimeout(close, drainMs);
    socket.removeAllListeners("data");
    socket.on("data", (chunk) => {
      drained += chunk.length;
      if (drained > drainBytes) close();
    });
    socket.on("end", close);
    socket.on("close", () => clearTimeout(timer));
    socket.resume();
  };
  /**
   * Reads and drops the rest of a request answered before it was read: closing with unread data would reset the
   * connection, and the client could lose the answer. Past `drainBytes` or `drainMs` the connection is closed.
   */
  const drainRequest = (request: IncomingLike) => {
    let drained = 0;
    const timer = setTimeout(() => request.socket.destroy(), drainMs);
    request.on("data", (chunk) => {
      drained += chunk.length;
      if (drained > drainBytes) request.socket.destroy();
    });
    request.on("close", () => clearTimeout(timer));
    request.resume();
  };
  const tooLarge = JSON.stringify({ message: `the body is larger than ${limit} bytes` });
  const handler: Handler = (request, response) => {
    const reply = (status: number, headers: Record<string, string>, body: string, code?: string | number) => {
      if (response.headersSent) return;
      response.writeHead(status, headers);
      response.end(body);
      log?.(`${request.method ?? "?"} ${logPath(request.url ?? "/")} ${status}${code === undefined ? "" : ` ${code}`}`);
    };
    response.on("error", () => undefined);
    request.on("error", () => undefined);
    const chunks: Uint8Array[] = [];
    let size = 0;
    // Past the limit: answer at once and keep nothing; the rest of the upload is drained.
    const reject = () => {
      size = limit + 1;
      chunks.length = 0;
      reply(413, { "content-type": "application/json; charset=utf-8" }, tooLarge);
      drainRequest(request);
    };
    if (Number(request.headers["content-length"]) > limit) reject();
    request.on("data", (chunk) => {
      if (size > limit) return;
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else reject();
    });
    request.on("end", () => {
      if (size > limit) return;
      try {
        const body = new TextDecoder().decode(concat(chunks));
        const headers = Object.fromEntries(
          Object.entries(request.headers).map(([name, value]) => [
            name,
            Array.isArray(value) ? value.join(", ") : (value ?? ""),
          ]),
        );
        const answer = mock.handle({ method: request.method ?? "GET", url: request.url ?? "/", headers, body });
        reply(answer.status, answer.headers, answer.body, answer.code);
      } catch {
        reply(
          500,
          { "content-type": "application/json; charset=utf-8" },
          JSON.stringify({ message: "the mock failed on this request" }),
        );
      }
    });
  };
  const server = http.createServer(handler);
  // Expect: 100-continue: a body declared past the limit is refused before it is sent; any other is let come.
  server.on("checkContinue", (request, response) => {
    if (!(Number(request.headers["content-length"]) > limit)) {
      response.writeContinue();
      return handler(request, response);
    }
    // Node closes the connection after a final answer sent without a 100 (the body may still come), and a body
    // sent anyway would meet a reset: the answer is written as it is, and the body, if it comes, drained.
    request.socket.write(
      `HTTP/1.1 413 Payload Too Large\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${tooLarge.length}\r\nconnection: close\r\n\r\n${tooLarge}`,
    );
    log?.(`${request.method ?? "?"} ${logPath(request.url ?? "/")} 413`);
    request.on("end", () => request.socket.end());
    drainRequest(request);
  });
  // A request Node cannot parse (a header past its limit, a line that is not HTTP): 431 or 400, as HTTP expects,
  // then what the client still sends is drained and the connection closed.
  server.on("clientError", (error, socket) => {
    if (socket.writable === false) return socket.destroy();
    socket.write(
      error.code === "HPE_HEADER_OVERFLOW"
        ? "HTTP/1.1 431 Request Header Fields Too Large\r\nconnection: close\r\ncontent-length: 0\r\n\r\n"
        : "HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n",
    );
    drainThenClose(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error) => reject(new Error(listenProblem(port, error))));
    server.once("listening", resolve);
    server.listen(port, "127.0.0.1");
  });
  const address = server.address();
  const bound = typeof address === "object" && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) all.set(chunk, (offset += chunk.length) - chunk.length);
  return all;
}
