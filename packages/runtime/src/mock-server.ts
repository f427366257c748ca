/**
 * Serves a mock vendor over HTTP on 127.0.0.1 (Node only; the rest of the
 * package runs in browsers too). Port 0 picks a free port. Exported as
 * `@customer-adapters/runtime/mock-server`.
 */
import type { MockVendor } from "./mock.js";

/** The parts of `node:http` used here, typed locally so the package needs no Node typings. */
interface IncomingLike {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
  on(event: "data", listener: (chunk: Uint8Array) => void): void;
  on(event: "end", listener: () => void): void;
}
interface OutgoingLike {
  writeHead(status: number, headers: Record<string, string>): void;
  end(body: string): void;
}
interface ServerLike {
  listen(port: number, host: string, callback: () => void): void;
  address(): { port: number } | string | null;
  close(callback: () => void): void;
  closeAllConnections?(): void;
}
interface HttpLike {
  createServer(handler: (request: IncomingLike, response: OutgoingLike) => void): ServerLike;
}

export interface RunningMock {
  /** `http://127.0.0.1:<port>`: pass it as the context's host or base URL. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startMockServer(mock: MockVendor, options: { port?: number } = {}): Promise<RunningMock> {
  // A module name in a variable: the package compiles without Node's typings, and bundlers leave it alone.
  const builtin = "node:http";
  const http = (await import(builtin)) as HttpLike;
  const server = http.createServer((request, response) => {
    const chunks: Uint8Array[] = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => {
      const body = new TextDecoder().decode(concat(chunks));
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : (value ?? "")]));
      const answer = mock.handle({ method: request.method ?? "GET", url: request.url ?? "/", headers, body });
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
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
