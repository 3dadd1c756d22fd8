import { openBrowser } from "./e2e/support/browser";
const url = "http://localhost:4310";
const key = process.argv[2]!;
const b = await openBrowser({ locale: "en" });
const page = await b.context.newPage();
await page.goto(url);
await page.locator(".ant-table-row").first().waitFor();
const cdp = await page.context().newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
const mode = process.argv[3] ?? "load";
if (mode === "load") await cdp.send("Profiler.start");
const t0 = Date.now();
await page.goto(`${url}/definitions/${key}`);
await page.locator(".react-flow__node").first().waitFor({ timeout: 90000 });
await page.waitForTimeout(2000);
console.log("load+2s", Date.now() - t0);
if (mode === "drag") {
  await cdp.send("Profiler.start");
  const box = await page.locator('.react-flow__node[data-id^="task"]').nth(40).boundingBox();
  await page.mouse.move(box!.x + 5, box!.y + 5);
  await page.mouse.down();
  for (let i = 0; i < 30; i++) await page.mouse.move(box!.x + 5 + i * 3, box!.y + 5 + i);
  await page.mouse.up();
}
const { profile } = await cdp.send("Profiler.stop");
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const dt = profile.timeDeltas as number[];
profile.samples.forEach((id: number, i: number) => {
  const n: any = byId.get(id);
  const k = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0));
});
const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 30);
for (const [k, v] of top) console.log((v / 1000).toFixed(0).padStart(7), "ms", k);
await b.close();
