import { openBrowser } from "./e2e/support/browser";
import { EditorDriver } from "./e2e/support/editor-driver";
const b = await openBrowser({ locale: "zh-CN" });
const p1 = await b.context.newPage();
const p2 = await b.context.newPage();
for (const p of [p1, p2]) {
  p.on("pageerror", (e) => console.log("pageerror:", e.message));
  p.on("console", (m) => console.log("console:", m.type(), m.text().slice(0, 300)));
  p.on("request", (r) => r.url().includes("/api/") && console.log("req", r.method(), r.url(), r.headers()["if-match"] ?? ""));
  p.on("response", (r) => r.url().includes("/api/") && console.log("res", r.status(), r.url()));
}
const first = new EditorDriver(p1, "http://localhost:4310");
const second = new EditorDriver(p2, "http://localhost:4310");
await first.openDefinition("content-production");
await second.openDefinition("content-production");
const ids = await first.nodeIds();
console.log(ids);
await first.clickNode(ids[0]!);
await first.press("Delete");
await first.waitSaved();
await second.clickNode(ids[1]!);
await second.press("Delete");
const dialog = p2.getByRole("dialog", { name: "草稿已被他人修改" });
await dialog.waitFor();
await dialog.getByRole("button", { name: "载入对方的版本（放弃我的修改）" }).click();
await p2.waitForTimeout(2000);
console.log("dialog visible", await dialog.isVisible());
console.log(await second.nodeIds());
await b.close();
