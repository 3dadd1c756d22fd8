// Canvas benchmark (not a test): a generated 1,000-node definition opened in headless Chromium
// through the real server. Measures time to first render (navigation → every visible node drawn
// and the view fitted) and frame times while dragging a node and while panning, sampled with
// requestAnimationFrame. Prints a table.
//
//   pnpm --filter @playbook/editor bench            (SIZE=2000 for another size)
import type { Page } from "playwright-core";
import { openBrowser } from "../e2e/support/browser";
import { ensureEditorBuilt } from "../e2e/support/build";
import { startServer } from "../e2e/support/server";
import { type FrameStats, startFrameSampling, stopFrameSampling } from "./frames";
import { generatedDefinition } from "./generate";

const SIZE = Number(process.env.SIZE ?? 1000);
const STEPS = 90;

async function main(): Promise<void> {
  await ensureEditorBuilt();
  const server = await startServer();
  const browser = await openBrowser({ locale: "en", viewport: { width: 1440, height: 900 } });
  try {
    // A fresh key per run, so runs against a reused server (PLAYBOOK_E2E_URL) do not collide.
    const definition = generatedDefinition(SIZE, `bench-${SIZE}-${Date.now().toString(36)}`);
    const created = await fetch(`${server.url}/api/definitions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ definition }),
    });
    if (!created.ok)
      throw new Error(`creating the definition: ${created.status} ${await created.text()}`);

    const page = await browser.context.newPage();
    // Warm the browser's caches of the app's code, like a returning user.
    await page.goto(server.url);
    await page.locator(".ant-table-row").first().waitFor();

    const started = Date.now();
    await page.goto(`${server.url}/definitions/${definition.key}`);
    await page.locator(".react-flow__node").first().waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => {
      const viewport = document.querySelector<HTMLElement>(".react-flow__viewport");
      return viewport !== null && !viewport.style.transform.includes("scale(1)");
    });
    const firstRenderMs = Date.now() - started;
    const rendered = await page.locator(".react-flow__node").count();
    if (process.env.BENCH_SCREENSHOT) await page.screenshot({ path: process.env.BENCH_SCREENSHOT });

    // The whole drawing in view: every node and edge is drawn in each frame.
    const dragFitted = await measure(page, () => dragNode(page));
    const panFitted = await measure(page, () => panPane(page));

    // At 100 %, as people edit: ⌘K finds a node in the middle and zooms to it.
    await page.keyboard.press("ControlOrMeta+k");
    await page.keyboard.type(`Step ${Math.floor(SIZE / 2) + 1}`);
    await page.keyboard.press("Enter");
    await page.locator(".ant-modal").waitFor({ state: "detached" });
    await page.waitForTimeout(600);
    const drawnAtFull = await page.locator(".react-flow__node").count();
    const dragFull = await measure(page, () => dragNode(page));
    const panFull = await measure(page, () => panPane(page));

    const row = (what: string, stats: FrameStats) => ({
      measurement: what,
      frames: stats.frames,
      "mean ms": stats.meanMs.toFixed(1),
      "p50 ms": stats.p50Ms.toFixed(1),
      "p95 ms": stats.p95Ms.toFixed(1),
      "max ms": stats.maxMs.toFixed(1),
      fps: stats.fps.toFixed(0),
    });
    console.log(`\nCanvas with ${SIZE} nodes (${rendered} drawn at first render)`);
    console.log(`time to first render: ${firstRenderMs} ms\n`);
    console.table([
      row("drag a node, whole drawing in view", dragFitted),
      row("pan, whole drawing in view", panFitted),
      row(`drag a node at 100 % (${drawnAtFull} nodes drawn)`, dragFull),
      row("pan at 100 %", panFull),
    ]);
  } finally {
    await browser.close();
    await server.stop();
  }
}

async function dragNode(page: Page): Promise<void> {
  const node = page.locator('.react-flow__node[data-id^="task"]').nth(5);
  const box = await node.boundingBox();
  if (!box) throw new Error("no task node is visible");
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let step = 1; step <= STEPS; step++) {
    await page.mouse.move(x + step * 3, y + Math.sin(step / 8) * 40);
  }
  await page.mouse.up();
}

/** Presses on an empty spot of the canvas (not a node, edge or control) and drags the view. */
async function panPane(page: Page): Promise<void> {
  const pane = await page.locator(".react-flow__pane").boundingBox();
  if (!pane) throw new Error("no pane");
  const empty = await page.evaluate(
    `(() => {
      for (let y = ${pane.y + 8}; y < ${pane.y + pane.height / 2}; y += 7)
        for (let x = ${pane.x + 8}; x < ${pane.x + pane.width / 2}; x += 11) {
          const hit = document.elementFromPoint(x, y);
          if (hit && hit.classList.contains("react-flow__pane")) return { x, y };
        }
      return null;
    })()`,
  );
  if (!empty) throw new Error("no empty spot to pan from");
  const { x, y } = empty as { x: number; y: number };
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let step = 1; step <= STEPS; step++) {
    await page.mouse.move(x + step * 4, y + step * 2);
  }
  await page.mouse.up();
}

async function measure(page: Page, gesture: () => Promise<void>) {
  await startFrameSampling(page);
  await gesture();
  // Let the frames caused by the last move land before stopping.
  await page.waitForTimeout(200);
  return stopFrameSampling(page);
}

await main();
