import { defineConfig } from "vitest/config";

// One root config; each package is its own project so `vitest --project engine` works.
// The editor has two: "editor" (unit, vitest.unit.config.ts) and "editor-e2e" (browser).
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*", "apps/editor/vitest.unit.config.ts"],
  },
});
