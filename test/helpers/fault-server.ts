// A throwaway HTTP server on 127.0.0.1 (port 0) that misbehaves as told, and
// records what reached it. Each test starts its own and stops it; `stop`
// ends every open connection, so a server that never answers stops too.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createTcpServer, type AddressInfo, type Socket } from "node:net";

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export interface FaultServer {
  url: string;
  port: number;
  /** Every request that reached the server, its body read whole. */
  received: Received[];
  stop(): Promise<void>;
}

/** Starts a server whose `handler` answers (or does not) each request, once its body is read. */
export async function faultServer(
  handler: (request: Received, response: ServerResponse, raw: IncomingMessage) => void,
): Promise<FaultServer> {
  const received: Received[] = [];
  const server = createServer((raw, response) => {
    const chunks: Buffer[] = [];
    raw.on("data", (chunk: Buffer) => chunks.push(chunk));
    raw.on("end", () => {
      const request = {
        method: raw.method ?? "",
        url: raw.url ?? "",
        headers: raw.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      received.push(request);
      handler(request, response, raw);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Writes `chunk` every `everyMs` until the response closes or `times` chunks are out: a drip that ends by itself. */
export function drip(response: ServerResponse, chunk: string, everyMs: number, times: number): void {
  let written = 0;
  const timer = setInterval(() => {
    if (response.destroyed || written++ >= times) {
      clearInterval(timer);
      response.destroy();
      return;
    }
    response.write(chunk);
  }, everyMs);
  response.on("close", () => clearInterval(timer));
}

/**
 * A server below HTTP: once a request's first bytes arrive, `answer` writes whatever it likes on the socket
 * (an unsolicited 1xx, a lying Content-Length, a chunked body that never ends). `stop` destroys every socket.
 */
export async function rawServer(answer: (socket: Socket) => void): Promise<{ url: string; stop(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => undefined);
    socket.on("close", () => sockets.delete(socket));
    socket.once("data", () => answer(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
