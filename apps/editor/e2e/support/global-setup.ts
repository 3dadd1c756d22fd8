// Once per run of the "editor-e2e" project: check Chromium is there, build the editor if its
// dist is stale, and start one real server for every test file (each file opens its own browser).
import type { TestProject } from "vitest/node";
import { assertChromium } from "./browser";
import { ensureEditorBuilt } from "./build";
import { startServer } from "./server";

declare module "vitest" {
  export interface ProvidedContext {
    /** The URL the server printed ("Playbook is running at …"). */
    playbookUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertChromium();
  await ensureEditorBuilt();
  const server = await startServer();
  project.provide("playbookUrl", server.url);
  return () => server.stop();
}
