// npm run mock -- <slug> [--port <n>]: serves a vendor's mock on 127.0.0.1 until stopped.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { startMockServer } from "@customer-adapters/runtime/mock-server";
import type { MockVendor } from "@customer-adapters/runtime";

const usage = "usage: npm run mock -- <slug> [--port <n>]";
const { values, positionals } = parseArgs({ options: { port: { type: "string", default: "0" } }, allowPositionals: true });
const slug = positionals[0];
const entry = new URL(`../generated/${slug}/src/index.ts`, import.meta.url);
if (slug === undefined || !/^[a-z0-9-]+$/.test(slug) || !existsSync(entry)) {
  console.error(slug === undefined ? usage : `no generated package \`${slug}\`; run \`npm run generate\` first\n${usage}`);
  process.exit(1);
}
const vendor = (await import(entry.href)) as { createMock?: () => MockVendor; operation: { method: string; path: string } };
if (!vendor.createMock) {
  console.error(`${slug} declares no x-mapping, so it has no mock`);
  process.exit(1);
}
// A port in use or not a port is one line, not a stack trace.
const running = await startMockServer(vendor.createMock(), { port: Number(values.port) }).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
console.log(`${slug} mock: ${vendor.operation.method} ${running.url}${vendor.operation.path} (accepts the credentials of its fixtures.context); Ctrl-C stops it`);
process.on("SIGINT", () => void running.close().then(() => process.exit(0)));
process.on("SIGTERM", () => void running.close().then(() => process.exit(0)));
