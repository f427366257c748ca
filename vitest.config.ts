import { defineConfig } from "vitest/config";

export default defineConfig({
  // Generated packages point tools that read TypeScript at their sources with the `source` export condition.
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
