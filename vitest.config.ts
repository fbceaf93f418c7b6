import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "prisma/**/*.test.ts",
      "apps/*/src/**/*.test.ts",
      "apps/*/test/**/*.test.ts",
      "apps/web/e2e/**/*.e2e.test.ts",
    ],
    exclude: ["**/node_modules/**", "**/dist/**"],
    globalSetup: ["prisma/testing/global-setup.ts"],
    setupFiles: ["prisma/testing/fail-on-console-error.ts"],
    reporters: ["default", "./prisma/testing/summary-reporter.ts"],
    pool: "forks",
    testTimeout: 30_000,
    // a board's live update under a full parallel run (the fuzz test, several servers) can take more than 1 s
    expect: { poll: { timeout: 5_000 } },
    hookTimeout: 120_000,
  },
});
