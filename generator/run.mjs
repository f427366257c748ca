#!/usr/bin/env node
/**
 * The `customer-adapters` command (the package's `bin`, and what this
 * repository's npm scripts run): starts the compiled generator,
 * dist/generator/cli/main.js. Plain JavaScript, and no TypeScript loader: in
 * an installed package dist/ is all there is; in a checkout, where the
 * sources sit beside this file, dist/ is first rebuilt if the sources changed
 * since it was built (generator/compile.mjs, a fraction of a second), so
 * that an edit to the generator is never run stale.
 */
import { existsSync } from "node:fs";

if (existsSync(new URL("./cli/main.ts", import.meta.url))) {
  const { compile, isFresh, sourcesHash } = await import("./compile.mjs");
  const hash = sourcesHash();
  if (!isFresh(hash)) await compile(hash);
}

// A reader that stops early (`customer-adapters generate | head`) is no failure of the run, nor a reason for a stack.
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") throw error;
});

const { main } = await import("../dist/generator/cli/main.js");
process.exitCode = await main(process.argv.slice(2));
