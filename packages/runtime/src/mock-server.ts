/**
 * Serves a mock vendor over HTTP on 127.0.0.1 (Node only; the rest of the
 * package runs in browsers too). Port 0 picks a free port. It reads a body
 * up to a size limit (413 past it, without reading on), answers every
 * request whatever it holds, and logs one line per request on stderr
 * (method, path, status, the vendor's code) unless quiet. Exported as
 * `@customer-adapters/runtime/mock-server`.
 */
import { MOCK_DEFAULTS, type MockVendor } from "./mock.js";

/** The parts of `node:http` used here, typed locally so the package needs no Node typings. */
interface IncomingLike {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
  on(event: "data", listener: (chunk: Uint8Array) => void): void;
  on(event: "end", listener: () => void): void;
  on(event: "error", listener: (error: unknown) => void): void;
}
interface OutgoingLike {
  writeHead(status: number, headers: Record<string, string>): void;
  end(body: string): void;
  on(event: "error", listener: (error: unknown) => void): void;
  readonly headersSent: boolean;
}
interface ServerLike {
  listen(port: number, host: string): void;
  once(event: "listening", listener: () => void): void;
  once(event: "error", listener: (error: { code?: string; message?: string }) => void): void;
  on(
    event: "clientError",
    listener: (error: unknown, socket: { destroy(): void; writable?: boolean; end(data: string): void }) => void,
  ): void;
  address(): { port: number } | string | null;
  close(callback: () => void): void;
  closeAllConnections?(): void;
}
interface HttpLike {
  createServer(handler: (request: IncomingLike, response: OutgoingLike) => void): ServerLike;
}

export interface MockServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The largest body read, in bytes; past it the answer is 413 and the rest is not read. Default 1 MiB. */
  maxBodyBytes?: number;
  /** No log line per request. */
  quiet?: boolean;
  /** Where the log lines go; stderr by default. */
  log?: (line: string) => void;
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
  const server = http.createServer((request, response) => {
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
    request.on("data", (chunk) => {
      if (size > limit) return;
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else {
        // Past the limit: answer now, keep nothing, and read no further.
        chunks.length = 0;
        reply(
          413,
          { "content-type": "application/json; charset=utf-8", connection: "close" },
          JSON.stringify({ message: `the body is larger than ${limit} bytes` }),
        );
      }
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
  });
  // A request line Node cannot parse: 400, as HTTP expects, and the connection closed.
  server.on("clientError", (_error, socket) => {
    if (socket.writable !== false)
      socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
    else socket.destroy();
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
