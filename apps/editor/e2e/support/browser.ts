// Debian's Chromium through playwright-core, launched as STACK.md says (a persistent context on a
// fresh profile directory; no browser downloads). Missing Chromium fails with what to install.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

export const CHROMIUM = process.env.PLAYBOOK_CHROMIUM ?? "/usr/bin/chromium";

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface OpenBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

export function assertChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. The editor's browser tests drive Debian's Chromium: ` +
        "install it with `apt-get install -y chromium fonts-noto-cjk` (CI does), or point " +
        "PLAYBOOK_CHROMIUM at another Chromium binary.",
    );
  }
}

export async function openBrowser(options: {
  locale: "zh-CN" | "en";
  viewport?: { width: number; height: number };
}): Promise<OpenBrowser> {
  assertChromium();
  const profile = await mkdtemp(join(tmpdir(), "playbook-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    locale: options.locale,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    permissions: ["clipboard-read", "clipboard-write"],
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
