// The editor's browser tests ("editor-e2e"): each test file starts the real server on a free port
// with a throw-away database, serves the built editor and drives Debian's Chromium through
// playwright-core as a person would. Unit tests of the editor live in vitest.unit.config.ts.
import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "editor-e2e",
    include: ["e2e/**/*.test.ts"],
    environment: "node",
    // Building the editor (when dist is stale) and the first PGlite start dominate; the flows
    // themselves take seconds.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
