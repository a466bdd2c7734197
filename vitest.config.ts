import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["./packages/testkit/src/global-setup.ts"],
    include: [
      "apps/*/src/**/*.test.ts",
      "apps/*/test/**/*.test.ts",
      "packages/*/src/**/*.test.ts",
      "apps/web/e2e/**/*.test.ts",
    ],
    exclude: ["**/node_modules/**"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
  },
});
