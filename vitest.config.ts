import { defineConfig } from "vitest/config";

// Two projects: pure unit tests everywhere, and server integration tests that need a
// real database (one devdb per run, one database per test file).
export default defineConfig({
  test: {
    // Two cores: more workers only contend for the one devdb.
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: "unit",
          include: ["{shared,server,widget,console}/src/**/*.test.{ts,tsx}", "scripts/**/*.test.mjs"],
          exclude: ["**/*.int.test.ts", "**/node_modules/**"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["server/src/**/*.int.test.ts"],
          globalSetup: ["server/test/devdb.global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
