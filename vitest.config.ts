import { defineConfig } from "vitest/config";

const E2E = "apps/web/e2e/**/*.e2e.test.ts";

export default defineConfig({
  test: {
    exclude: ["**/node_modules/**", "**/dist/**"],
    globalSetup: ["prisma/testing/global-setup.ts"],
    setupFiles: ["prisma/testing/fail-on-console-error.ts"],
    reporters: ["default", "./prisma/testing/summary-reporter.ts"],
    pool: "forks",
    testTimeout: 30_000,
    // a board's live update under a full parallel run (the fuzz test, several servers) can take more than 1 s
    expect: { poll: { timeout: 5_000 } },
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: "api, domain and board units",
          include: ["packages/*/src/**/*.test.ts", "prisma/**/*.test.ts", "apps/*/src/**/*.test.ts", "apps/*/test/**/*.test.ts"],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // The board in Chromium, after the rest and one file at a time: each file runs a server of its own
        // and a Chromium, and two of them beside the API tests on a 2-core machine starved the browsers
        // (a step of the desk's test stalled 40 s; the board's reconnect banner missed its 30 s)
        extends: true,
        test: {
          name: "board in Chromium",
          include: [E2E],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
