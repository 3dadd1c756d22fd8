import { defineConfig } from "vitest/config";

// One root config; each package is its own project so `vitest --project engine` works.
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*"],
  },
});
