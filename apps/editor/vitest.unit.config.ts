// The editor's unit tests ("editor"): pure state changes, connection rules, clipboard and import
// parsing, and the check that the committed API types match the server's OpenAPI document.
import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "editor",
    include: ["src/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"],
    environment: "node",
  },
});
