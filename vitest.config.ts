import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Tests that run the whole generator (a CLI process, a full generate, a
 * build and install): minutes on two cores. Everything else is the `unit`
 * project, `npm run test:unit`, which answers in well under a minute.
 */
const WHOLE_GENERATOR = [
  "test/cli/check.test.ts",
  "test/client/idempotency.test.ts",
  "test/cli/usage.test.ts",
  "test/cli/user-files.test.ts",
  "test/cli/watch.test.ts",
  // Generates a package for each of the suite's 390 schema groups.
  "test/conformance/**/*.test.ts",
  "test/consumer/**/*.test.ts",
  "test/fuzz/spec-mutations.test.ts",
  "test/generator/array-body.test.ts",
  "test/generator/cache.test.ts",
  "test/generator/corpus-sample.test.ts",
  "test/generator/init-example.test.ts",
  "test/generator/lazy-modules.test.ts",
  "test/generator/openapi-typescript.test.ts",
  "test/generator/output.test.ts",
  "test/generator/outputs.test.ts",
  "test/generator/real-docs.test.ts",
  "test/generator/sixth-vendor.test.ts",
  "test/lint/**/*.test.ts",
  // rules.test.ts and corpus.test.ts compare documents only: unit tests.
  "test/review/review.test.ts",
  "test/review/format.test.ts",
];
const ALL = ["test/**/*.test.ts", "packages/*/test/**/*.test.ts"];

/** Vendor packages are not workspaces (a new vendor must not need a lockfile change): the aggregate's imports of them go to their sources. */
const vendorPackages = {
  find: /^@customer-adapters\/(?!runtime|canonical)([a-z0-9-]+)$/,
  replacement: fileURLToPath(new URL("./generated/$1/src/index.ts", import.meta.url)),
};

export default defineConfig({
  // Generated packages point tools that read TypeScript at their sources with the `customer-adapters-source` export condition.
  resolve: { conditions: ["customer-adapters-source"], alias: [vendorPackages] },
  ssr: { resolve: { conditions: ["customer-adapters-source"] } },
  test: {
    testTimeout: 60_000,
    projects: [
      // Unit test files share their workers' module cache (isolate: false): importing the generator once per worker, not once per file.
      { extends: true, test: { name: "unit", include: ALL, exclude: WHOLE_GENERATOR, isolate: false } },
      { extends: true, test: { name: "generator", include: WHOLE_GENERATOR } },
    ],
  },
});
