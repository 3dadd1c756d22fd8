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
await cdp.send("Profiler.start");
const t0 = Date.now();
await page.goto(`${url}/definitions/${key}`);
await page.locator(".react-flow__node").first().waitFor({ timeout: 90000 });
console.log("first node", Date.now() - t0);
await page.waitForFunction(() => !document.querySelector<HTMLElement>(".react-flow__viewport")!.style.transform.includes("scale(1)"));
console.log("fitted", Date.now() - t0);
const { profile } = await cdp.send("Profiler.stop");
// inclusive time per function (by frame key), to find which component trees cost most
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes as any[]) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map<string, number>();
const dt = profile.timeDeltas as number[];
(profile.samples ?? []).forEach((id: number, i: number) => {
  const seen = new Set<string>();
  let cur: number | undefined = id;
  while (cur !== undefined) {
    const n: any = byId.get(cur);
    const k = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}`;
    if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) ?? 0) + (dt[i] ?? 0)); }
    cur = parent.get(cur);
  }
});
const names = ["NodeCard", "PlaybookNodeView", "PlaybookEdgeView", "MiniMap", "validateForEditor", "useValidation", "EditorWorkspace", "ProblemsPanel", "nodes ", "edges ", "adoptUserNodes", "updateNodeInternals", "performWorkOnRoot", "flushPassiveEffects", "commitRoot", "Palette", "SidePanel", "ReactFlow", "NodeWrapper", "EdgeWrapper"];
let shown = 0;
for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1])) { if (shown++ < 70) console.log((v / 1000).toFixed(0).padStart(7), "ms", k); }
await b.close();
