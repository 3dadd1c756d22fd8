import { defineProject } from "vitest/config";

// Store tests run against a real database (see test/db.ts); crash and multi-process tests wait
// for leases and child processes, hence the generous timeout.
export default defineProject({
  test: {
    name: "store",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
