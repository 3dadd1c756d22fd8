// Working with whole processes: duplicate and delete drafts from the list, refuse a broken import
// with reasons, and two tabs on one draft resolving a save conflict instead of overwriting.
import { describe, expect, test } from "vitest";
import { browserSession } from "./support/session";

const zh = browserSession("zh-CN", "processes");

describe("working with processes", () => {
  test("the list duplicates a process and deletes a draft", async () => {
    const editor = await zh.driver();
    const { page } = editor;
    await editor.openList();
    const row = (name: string) => page.locator(".ant-table-row", { hasText: name });
    const tags = (name: string) => row(name).locator(".ant-tag").allTextContents();
    // A seeded example is published and has not been edited since: one tag, not also "草稿".
    expect(await tags("预算审批")).toEqual(["已发布"]);
    await row("预算审批").getByRole("button", { name: "复制" }).click();
    await row("预算审批（副本）").waitFor();
    expect(await tags("预算审批（副本）")).toEqual(["草稿"]);
    await editor.screenshot("zh-CN-12-list-states");
    await page.getByPlaceholder("按名称或标识搜索").fill("副本");
    await expect.poll(() => page.locator(".ant-table-row").count()).toBe(1);
    await row("预算审批（副本）").getByRole("button", { name: "删除草稿" }).click();
    await page
      .locator(".ant-popconfirm")
      .getByRole("button", { name: "确 定" })
      .or(page.locator(".ant-popconfirm").getByRole("button", { name: "确定" }))
      .click();
    await expect.poll(() => row("预算审批（副本）").count()).toBe(0);
    await page.close();
  });

  test("importing a broken file says what is wrong with it", async () => {
    const editor = await zh.driver();
    const { page } = editor;
    await editor.openList();
    const broken = {
      key: "broken",
      name: { "zh-CN": "坏文件", en: "Broken" },
      schemaVersion: 1,
      nodes: [{ id: "start", type: "playbook.start", typeVersion: 1 }],
      edges: [{ id: "e1", source: "start" }],
    };
    await page.getByTestId("import-file").setInputFiles({
      name: "broken.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await expect
      .poll(() => page.getByTestId("import-issues").textContent())
      .toContain("从「开始」连出的连线的字段 target 是必填项");
    await editor.screenshot("zh-CN-09-import-rejected");
    await page.close();
  });
  test("two tabs editing one draft: the second save is a conflict the user resolves, nothing is lost silently", async () => {
    const first = await zh.driver();
    const second = await zh.driver();
    await first.openDefinition("welcome-journey");
    await second.openDefinition("welcome-journey");
    const count = await first.nodes().count();

    const [victim] = await first.nodeIds();
    await first.clickNode(victim as string);
    await first.press("Delete");
    await first.waitSaved();

    // The second tab still shows the old draft; its edit cannot be saved over the first.
    const [, other] = await second.nodeIds();
    await second.clickNode(other as string);
    await second.press("Delete");
    const dialog = second.page.getByRole("dialog", { name: "草稿已被他人修改" });
    await dialog.waitFor();
    await second.screenshot("zh-CN-08-save-conflict");
    await dialog.getByRole("button", { name: "载入对方的版本（放弃我的修改）" }).click();
    // Their version: the node they deleted is gone, the one deleted here is back.
    await expect.poll(() => second.nodeIds()).toContain(other);
    expect(await second.nodeIds()).not.toContain(victim);
    expect(await second.nodes().count()).toBe(count - 1);
    // The list now says the published journey has changes that are not published yet.
    await second.openList();
    const row = second.page.locator(".ant-table-row", { hasText: "welcome-journey" });
    await expect
      .poll(() => row.locator(".ant-tag").allTextContents())
      .toEqual(["已发布", "有未发布的修改"]);
    await first.page.close();
    await second.page.close();
  });
});
