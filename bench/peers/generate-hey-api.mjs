// One process, as a build step would run it: @hey-api/openapi-ts over every
// spec given, with its TypeScript types and zod schemas; with `--client`, also
// its fetch client and an SDK function per operation that validates with zod
// (what the bundle comparison takes). Usage: [--client] <out dir> <spec>…
import { basename, join, resolve } from "node:path";
import { createClient } from "@hey-api/openapi-ts";

const withClient = process.argv[2] === "--client";
const [out, ...specs] = process.argv.slice(withClient ? 3 : 2);
await createClient(
  specs.map((spec) => ({
    input: resolve(spec),
    output: join(out, basename(spec, ".yaml")),
    plugins: withClient
      ? ["@hey-api/client-fetch", { name: "@hey-api/sdk", validator: true }, "zod"]
      : ["@hey-api/typescript", "zod"],
    logs: { level: "silent" },
  })),
);
