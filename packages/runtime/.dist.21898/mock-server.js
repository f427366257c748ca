import { MOCK_DEFAULTS } from "./mock.js";
function listenProblem(port, error) {
  if (error.code === "EADDRINUSE") return `mock: port ${port} on 127.0.0.1 is already in use`;
  if (error.code === "EACCES") return `mock: port ${port} on 127.0.0.1 is not allowed for this user`;
  return `mock: cannot listen on 127.0.0.1:${port}: ${error.code ?? String(error.message).split("\n")[0]}`;
}
function logPath(target) {
  return (target.split("?")[0] ?? "").replace(/[\u0000-\u001f\u007f]/g, "?").slice(0, 200);
}
async function startMockServer(mock, options = {}) {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`mock: port ${String(port)} is not a port (a whole number from 0 to 65535)`);
  const limit = options.maxBodyBytes ?? MOCK_DEFAULTS.maxBodyBytes;
  const log = options.quiet ? void 0 : options.log ?? ((line) => console.error(line));
  const builtin = "node:http";
  const http = await import(builtin);
  const server = http.createServer((request, response) => {
    const reply = (status, headers, body, code) => {
      if (response.headersSent) return;
      response.writeHead(status, headers);
      response.end(body);
      log?.(`${request.method ?? "?"} ${logPath(request.url ?? "/")} ${status}${code === void 0 ? "" : ` ${code}`}`);
    };
    response.on("error", () => void 0);
    request.on("error", () => void 0);
    const chunks = [];
    let size = 0;
    request.on("data", (chunk) => {
      if (size > limit) return;
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else {
        chunks.length = 0;
        reply(
          413,
          { "content-type": "application/json; charset=utf-8", connection: "close" },
          JSON.stringify({ message: `the body is larger than ${limit} bytes` })
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
            Array.isArray(value) ? value.join(", ") : value ?? ""
          ])
        );
        const answer = mock.handle({ method: request.method ?? "GET", url: request.url ?? "/", headers, body });
        reply(answer.status, answer.headers, answer.body, answer.code);
      } catch {
        reply(
          500,
          { "content-type": "application/json; charset=utf-8" },
          JSON.stringify({ message: "the mock failed on this request" })
        );
      }
    });
  });
  server.on("clientError", (_error, socket) => {
    if (socket.writable !== false)
      socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
    else socket.destroy();
  });
  await new Promise((resolve, reject) => {
    server.once("error", (error) => reject(new Error(listenProblem(port, error))));
    server.once("listening", resolve);
    server.listen(port, "127.0.0.1");
  });
  const address = server.address();
  const bound = typeof address === "object" && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    close: () => new Promise((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    })
  };
}
function concat(chunks) {
  const all = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) all.set(chunk, (offset += chunk.length) - chunk.length);
  return all;
}
export {
  startMockServer
};
//# sourceMappingURL=mock-server.js.map
