// The editor's browser tests ("editor-e2e"): one real server per run (global setup: on a free port
// with a throw-away database, serving the freshly built editor), and Debian's Chromium driven
// through playwright-core as a person would. Unit tests of the editor: vitest.unit.config.ts.
import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "editor-e2e",
    include: ["e2e/**/*.test.ts"],
    environment: "node",
    globalSetup: ["./e2e/support/global-setup.ts"],
    // One browser at a time: the files share the server, and CI machines have few cores.
    fileParallelism: false,
    // Building the editor (when dist is stale) and the first PGlite start dominate; the flows
    // themselves take seconds.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
