// Editing comfort on the seeded examples: undo/redo (typing grouped), ⌘K search, copy/paste
// within and across processes, auto layout as one undo step, export.
import { describe, expect, test } from "vitest";
import { browserSession } from "./support/session";

const zh = browserSession("zh-CN", "editing");

describe("editing a process", () => {
  test("undo and redo cover deleting, typing and moving; copy/paste works within and across processes", async () => {
    const editor = await zh.driver();
    const { page } = editor;
    await editor.openDefinition("budget-approval");
    const count = await editor.nodes().count();

    // Delete, undo, redo, undo.
    await editor.clickNode("manager");
    await editor.press("Delete");
    await expect.poll(() => editor.nodes().count()).toBe(count - 1);
    await editor.press("ControlOrMeta+z");
    await expect.poll(() => editor.nodes().count()).toBe(count);
    await editor.press("ControlOrMeta+Shift+z");
    await expect.poll(() => editor.nodes().count()).toBe(count - 1);
    await editor.press("ControlOrMeta+y");
    await editor.press("ControlOrMeta+z");
    await expect.poll(() => editor.nodes().count()).toBe(count);

    // Typing a label is one undo step, not one per letter.
    await editor.clickNode("start");
    const label = page.getByTestId("node-properties").getByRole("textbox").first();
    await label.fill("");
    await label.pressSequentially("提交预算", { delay: 30 });
    await expect.poll(() => editor.node("start").textContent()).toContain("提交预算");
    await editor.clickPane();
    await editor.press("ControlOrMeta+z");
    await expect.poll(() => editor.node("start").textContent()).toContain("发起申请");

    // ⌘K finds a node by name and selects it.
    await editor.press("ControlOrMeta+k");
    await page.keyboard.type("总监");
    await page.keyboard.press("Enter");
    await expect.poll(() => editor.node("director").getAttribute("class")).toContain("selected");
    await expect.poll(() => page.locator(".ant-modal").count()).toBe(0);

    // Copy the selected task and paste it twice: fresh ids, offset, selected.
    await editor.press("ControlOrMeta+c");
    await editor.press("ControlOrMeta+v");
    await expect.poll(() => editor.nodes().count()).toBe(count + 1);
    const pasted = (await editor.nodeIds()).filter((id) => id.startsWith("userTask_"));
    expect(pasted).toHaveLength(1);
    await expect.poll(() => editor.node(pasted[0] as string).textContent()).toContain("总监审批");
    await editor.press("ControlOrMeta+v");
    await expect.poll(() => editor.nodes().count()).toBe(count + 2);
    await editor.screenshot("zh-CN-07-pasted-twice");
    await editor.press("ControlOrMeta+z");
    await editor.press("ControlOrMeta+z");
    await expect.poll(() => editor.nodes().count()).toBe(count);
    await editor.waitSaved();

    // Into another process, through the system clipboard.
    await editor.openDefinition("content-production");
    const otherCount = await editor.nodes().count();
    await editor.clickPane();
    await editor.press("ControlOrMeta+v");
    await expect.poll(() => editor.nodes().count()).toBe(otherCount + 1);
    await expect
      .poll(() => page.locator(".react-flow__node", { hasText: "总监审批" }).count())
      .toBe(1);
    // Leave the example as it was.
    await editor.press("ControlOrMeta+z");
    await expect.poll(() => editor.nodes().count()).toBe(otherCount);
    await editor.waitSaved();
    await page.close();
  });

  test("auto layout rearranges the drawing in one undoable step, and export downloads the file", async () => {
    const editor = await zh.driver();
    const { page } = editor;
    await editor.openDefinition("content-production");
    const download = async () => {
      const [file] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "导出 JSON" }).click(),
      ]);
      expect(file.suggestedFilename()).toBe("content-production.json");
      const text = await (await file.createReadStream()).toArray();
      return JSON.parse(Buffer.concat(text).toString("utf8")) as {
        layout: { nodes: Record<string, { x: number; y: number }> };
      };
    };
    const before = await download();
    await page.getByTestId("auto-layout").click();
    await expect.poll(async () => (await download()).layout.nodes).not.toEqual(before.layout.nodes);
    await editor.screenshot("zh-CN-10-auto-layout");
    await editor.press("ControlOrMeta+z");
    await expect.poll(async () => (await download()).layout.nodes).toEqual(before.layout.nodes);
    await editor.waitSaved();
    await page.close();
  });
});
