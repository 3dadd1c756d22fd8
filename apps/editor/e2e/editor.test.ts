// The editor as a business user meets it: served by the real server at the URL it prints, driven
// in Debian's Chromium. Draw a decision flow from the palette, get told what is wrong while
// typing, fix it, save, publish, reload; undo/redo; copy/paste (also into another process); two
// tabs on one draft; import of a broken file; both UI languages. Screenshots of each language go
// to test-results/screenshots/.
import { afterAll, beforeAll, describe, expect, onTestFailed, test } from "vitest";
import { assertChromium, type OpenBrowser, openBrowser } from "./support/browser";
import { ensureEditorBuilt } from "./support/build";
import { EditorDriver } from "./support/editor-driver";
import { type RunningServer, startServer } from "./support/server";

let server: RunningServer;
let zh: OpenBrowser;

beforeAll(async () => {
  assertChromium();
  await ensureEditorBuilt();
  server = await startServer();
  zh = await openBrowser({ locale: "zh-CN" });
});

afterAll(async () => {
  await zh?.close();
  await server?.stop();
});

let pages = 0;

async function driver(browser: OpenBrowser): Promise<EditorDriver> {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(15_000);
  const editor = new EditorDriver(page, server.url);
  const name = `failed-${++pages}`;
  // What the page showed when a step failed, next to the other screenshots.
  onTestFailed(async () => {
    if (!page.isClosed()) await editor.screenshot(name);
  });
  return editor;
}

describe("designing a process in the editor", () => {
  test("a user draws a decision flow, is told about an undeclared variable, fixes it, publishes and finds it intact after reload", async () => {
    const editor = await driver(zh);
    const { page } = editor;
    await editor.openList();
    await expect.poll(() => page.locator(".ant-table-row").count()).toBe(3);
    await editor.screenshot("zh-CN-01-process-list");

    // A new, blank process.
    await page.getByRole("button", { name: "新建流程" }).click();
    await page.getByLabel("中文名称", { exact: true }).fill("渠道返利审批");
    await page.getByLabel("英文名称", { exact: true }).fill("Channel rebate approval");
    await expect
      .poll(() => page.getByLabel("标识", { exact: true }).inputValue())
      .toBe("channel-rebate-approval");
    await editor.screenshot("zh-CN-02-new-process-dialog");
    await page.getByRole("button", { name: "创建" }).click();
    await page.waitForURL(/\/definitions\/channel-rebate-approval$/);
    await editor.nodes().first().waitFor();

    // Start from an empty canvas: select everything and delete it.
    await editor.clickPane();
    await editor.press("ControlOrMeta+a");
    await editor.press("Delete");
    await expect.poll(() => editor.nodes().count()).toBe(0);

    // Drag start → user task → exclusive gateway → two ends from the palette.
    const start = await editor.dragFromPalette("开始", { x: 0.5, y: 0.14 });
    const task = await editor.dragFromPalette("人工任务", { x: 0.5, y: 0.34 });
    const gateway = await editor.dragFromPalette("条件分支", { x: 0.5, y: 0.54 });
    const approved = await editor.dragFromPalette("结束", { x: 0.25, y: 0.78 });
    const rejected = await editor.dragFromPalette("结束", { x: 0.75, y: 0.78 });
    expect(await editor.nodeIds()).toEqual([start, task, gateway, approved, rejected]);

    await editor.connect(start, task);
    await editor.connect(task, gateway);

    // Nothing may lead into a start: the canvas says so while the user drags.
    await editor.hoverConnection(task, start);
    await expect
      .poll(() => page.locator(".pb-connection-refusal").textContent())
      .toBe("开始节点不能有连入的连线");
    await editor.screenshot("zh-CN-03-connection-refused");
    await page.mouse.up();
    await expect.poll(() => editor.edges().count()).toBe(2);

    // The rejected branch is the default; the approved branch gets a condition.
    await editor.connect(gateway, rejected);
    const edgePanel = page.getByTestId("edge-properties");
    await edgePanel.getByRole("switch", { name: "默认分支" }).click();
    await editor.connect(gateway, approved);
    await edgePanel.getByTestId("feel-input").locator(".cm-content").click();
    await page.keyboard.type("金额 > 10000");

    // 金额 is not declared yet: inline error under the condition, red edge, listed in problems.
    await expect.poll(() => edgePanel.getByRole("alert").first().textContent()).toContain("金额");
    await expect.poll(() => page.locator(".pb-edge-label--invalid").count()).toBe(1);
    await expect.poll(() => page.getByTestId("publish").isDisabled()).toBe(true);
    await expect.poll(() => page.getByTestId("problems").textContent()).toContain("金额");
    await editor.screenshot("zh-CN-04-undeclared-variable");

    // Clicking the problem brings its connection back into focus.
    await editor.clickPane();
    await expect.poll(() => edgePanel.count()).toBe(0);
    await page.getByTestId("problems").getByRole("button").filter({ hasText: "金额" }).click();
    await edgePanel.waitFor();

    // Declare the variable: the error goes away and publishing is allowed.
    await editor.clickPane();
    await page.getByRole("tab", { name: "变量" }).click();
    await page.getByRole("button", { name: "添加变量" }).click();
    await page.getByLabel("变量名").fill("金额");
    await page.getByLabel("类型").click();
    await page.locator(".ant-select-item-option").filter({ hasText: "数字" }).click();
    await expect.poll(() => page.locator(".pb-edge-label--invalid").count()).toBe(0);
    await expect.poll(() => page.getByTestId("publish").isDisabled()).toBe(false);
    await editor.waitSaved();
    await editor.screenshot("zh-CN-05-valid-and-saved");

    // Publish with a note.
    await page.getByTestId("publish").click();
    await page.getByTestId("publish-note").fill("第一版：超过一万需审批");
    await page.getByRole("button", { name: "发布", exact: true }).last().click();
    await page.getByText("已发布版本 1").waitFor();

    // Reload: everything is still there.
    await page.reload();
    await editor.nodes().first().waitFor();
    // Stored canonically (elements sorted by id), so compare as sets.
    expect((await editor.nodeIds()).sort()).toEqual(
      [start, task, gateway, approved, rejected].sort(),
    );
    await expect.poll(() => editor.edges().count()).toBe(4);
    await expect
      .poll(() => page.locator(".pb-edge-label").allTextContents())
      .toEqual(expect.arrayContaining(["金额 > 10000", "默认分支"]));
    await page.getByRole("button", { name: "版本" }).click();
    await page.getByTestId("version-item").first().waitFor();
    expect(await page.getByTestId("version-item").first().textContent()).toContain(
      "第一版：超过一万需审批",
    );
    await editor.screenshot("zh-CN-06-versions-after-reload");
    await page.close();
  });

  test("undo and redo cover deleting, typing and moving; copy/paste works within and across processes", async () => {
    const editor = await driver(zh);
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
    const editor = await driver(zh);
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

  test("the list duplicates a process and deletes a draft", async () => {
    const editor = await driver(zh);
    const { page } = editor;
    await editor.openList();
    const row = (name: string) => page.locator(".ant-table-row", { hasText: name });
    await row("预算审批").getByRole("button", { name: "复制" }).click();
    await row("预算审批（副本）").waitFor();
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

  test("two tabs editing one draft: the second save is a conflict the user resolves, nothing is lost silently", async () => {
    const first = await driver(zh);
    const second = await driver(zh);
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
    await first.page.close();
    await second.page.close();
  });

  test("importing a broken file says what is wrong with it", async () => {
    const editor = await driver(zh);
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
      .toContain("连线「e1」的字段 target 是必填项");
    await editor.screenshot("zh-CN-09-import-rejected");
    await page.close();
  });
});

describe("the editor in English", () => {
  test("follows an English browser, switches to Chinese on request and remembers it", async () => {
    const en = await openBrowser({ locale: "en" });
    try {
      const editor = await driver(en);
      const { page } = editor;
      await editor.openList();
      await page.getByRole("button", { name: "New process" }).waitFor();
      await editor.screenshot("en-01-process-list");

      await editor.openDefinition("budget-approval");
      await page.locator(".pb-edge-label", { hasText: "Amount > 10,000" }).click();
      await page.getByTestId("edge-properties").waitFor();
      await editor.screenshot("en-02-editor-edge-condition");
      await editor.clickNode("director");
      await page.getByTestId("node-properties").waitFor();
      await editor.screenshot("en-03-editor-node-properties");

      await page.getByTestId("language-switch").getByText("中文").click();
      await page.getByRole("button", { name: "发布" }).waitFor();
      await page.reload();
      await page.getByRole("button", { name: "发布" }).waitFor();
      await page.close();
    } finally {
      await en.close();
    }
  });
});
