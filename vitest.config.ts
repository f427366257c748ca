import { defineConfig } from "vitest/config";

export default defineConfig({
  // Generated packages point tools that read TypeScript at their sources with the `customer-adapters-source` export condition.
  resolve: { conditions: ["customer-adapters-source"] },
  ssr: { resolve: { conditions: ["customer-adapters-source"] } },
  test: {
    include: ["test/**/*.test.ts", "packages/*/test/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
