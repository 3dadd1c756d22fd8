// Screenshots of every story in zh-CN and en, for looking at the components (not a test):
//   pnpm --filter @playbook/editor build-storybook
//   cd apps/editor && npx tsx .storybook/screenshot.ts [id-filter] [--out dir]
// Serves storybook-static itself and drives Debian's /usr/bin/chromium via playwright-core.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { chromium, type Page } from "playwright-core";

const STATIC_DIR = resolve(import.meta.dirname, "../storybook-static");
const LOCALES = ["zh-CN", "en"] as const;

const MIME: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
};

/** What to do on a story before the shot (hover a marker, type to open completion). */
const INTERACTIONS: Record<string, (page: Page) => Promise<void>> = {
  "canvas-nodecard--invalid-with-tooltip": async (page) => {
    await page.hover("[data-problem-marker]");
    await page.waitForSelector(".ant-tooltip", { state: "visible" });
  },
  "widgets-fields--feel-autocomplete": async (page) => {
    await page.click(".cm-content");
    await page.keyboard.type("co");
    await page.waitForSelector(".cm-tooltip-autocomplete", { state: "visible" });
  },
  "canvas-palette--default": async (page) => {
    await page.hover("[data-node-type='playbook.userTask']");
    await page.waitForSelector(".ant-tooltip", { state: "visible" });
  },
};

function serve(root: string): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
    const file = join(root, path.endsWith("/") ? `${path}index.html` : path);
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      response.writeHead(200, {
        "content-type": MIME[extname(file)] ?? "application/octet-stream",
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((ready) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      ready({ server, port: typeof address === "object" && address ? address.port : 0 });
    });
  });
}

function storyIds(filter: string | undefined): string[] {
  const index = JSON.parse(readFileSync(join(STATIC_DIR, "index.json"), "utf8")) as {
    entries: Record<string, { type: string }>;
  };
  return Object.entries(index.entries)
    .filter(([id, entry]) => entry.type === "story" && (!filter || id.includes(filter)))
    .map(([id]) => id);
}

/** The story plus any popup it opened (tooltip, dropdown, completion), with a margin. */
async function shownArea(page: Page) {
  return page.evaluate(() => {
    const selectors = [
      "#storybook-root",
      ".ant-tooltip:not(.ant-tooltip-hidden)",
      ".ant-select-dropdown:not(.ant-select-dropdown-hidden)",
      ".ant-picker-dropdown:not(.ant-picker-dropdown-hidden)",
      ".cm-tooltip",
    ];
    let right = 0;
    let bottom = 0;
    for (const element of document.querySelectorAll(selectors.join(","))) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const inner = element.id === "storybook-root" ? element.lastElementChild : element;
      const box = inner?.getBoundingClientRect() ?? rect;
      right = Math.max(right, box.right);
      bottom = Math.max(bottom, box.bottom);
    }
    return { x: 0, y: 0, width: Math.ceil(right + 16), height: Math.ceil(bottom + 16) };
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outAt = args.indexOf("--out");
  const outDir = resolve(
    outAt >= 0 ? (args[outAt + 1] ?? ".") : join(tmpdir(), "playbook-story-shots"),
  );
  const filter = args.find((arg, i) => !arg.startsWith("--") && i !== outAt + 1);
  mkdirSync(outDir, { recursive: true });

  const { server, port } = await serve(STATIC_DIR);
  const profile = mkdtempSync(join(tmpdir(), "playbook-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    viewport: { width: 1000, height: 900 },
    deviceScaleFactor: 2,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const failures: string[] = [];
  page.on("pageerror", (error) => failures.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      failures.push(`console: ${message.text()}`);
    }
  });
  page.on("response", (response) => {
    if (response.status() >= 400) failures.push(`HTTP ${response.status()}: ${response.url()}`);
  });

  try {
    for (const id of storyIds(filter)) {
      for (const locale of LOCALES) {
        const url = `http://127.0.0.1:${port}/iframe.html?id=${id}&viewMode=story&globals=locale:${locale}`;
        await page.goto(url, { waitUntil: "networkidle" });
        await page.waitForSelector("#storybook-root > *", { timeout: 15_000 });
        await page.evaluate(() => document.fonts.ready);
        await INTERACTIONS[id]?.(page).catch((error: Error) => {
          failures.push(`${id} (${locale}): ${error.message.split("\n")[0]}`);
        });
        await page.waitForTimeout(300); // antd transitions and the FEEL linter's debounce
        const file = join(outDir, `${id}.${locale}.png`);
        await page.screenshot({ path: file, fullPage: true, clip: await shownArea(page) });
        console.log(file);
      }
    }
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    console.error([...new Set(failures)].join("\n"));
    process.exitCode = 1;
  }
}

await main();
