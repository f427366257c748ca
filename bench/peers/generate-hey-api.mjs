// One process, as a build step would run it: @hey-api/openapi-ts over every
// spec given, with its TypeScript types and zod schemas. Usage: <out dir> <spec>…
import { basename, join, resolve } from "node:path";
import { createClient } from "@hey-api/openapi-ts";

const [out, ...specs] = process.argv.slice(2);
await createClient(
  specs.map((spec) => ({
    input: resolve(spec),
    output: join(out, basename(spec, ".yaml")),
    plugins: ["@hey-api/typescript", "zod"],
    logs: { level: "silent" },
  })),
);
