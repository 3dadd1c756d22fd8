// The main story, in Chinese: draw a decision flow from the palette, get told about an undeclared
// variable while typing the condition, declare it, save, publish, reload and find it intact.
import { describe, expect, test } from "vitest";
import { browserSession } from "./support/session";

const zh = browserSession("zh-CN", "design");

describe("designing a process in the editor", () => {
  test("a user draws a decision flow, is told about an undeclared variable, fixes it, publishes and finds it intact after reload", async () => {
    const editor = await zh.driver();
    const { page } = editor;
    await editor.openList();
    // The examples seeded on a fresh install are there to start from.
    await expect.poll(() => page.locator(".ant-table-row").count()).toBeGreaterThanOrEqual(3);
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
    // The problem says which connection by the nodes it joins, never by an internal id.
    expect(await page.getByTestId("problems").textContent()).toContain("连线：条件分支 → 结束");
    await editor.screenshot("zh-CN-04-undeclared-variable");

    // Clicking the problem brings its connection back into focus.
    await editor.clickPane();
    await expect.poll(() => edgePanel.count()).toBe(0);
    await page.getByTestId("problems").getByRole("button").filter({ hasText: "金额" }).click();
    await edgePanel.waitFor();

    // Declare the variable: the error goes away and publishing is allowed.
    await editor.clickPane();
    await page.getByRole("radio", { name: "变量" }).check();
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
    await page.keyboard.press("Escape");

    // Renaming the variable rewrites the condition that reads it; one undo brings both back.
    await editor.clickPane();
    await page.getByRole("radio", { name: "变量" }).check();
    await page.getByLabel("变量名").fill("预算");
    await page.getByLabel("变量名").press("Enter");
    await page.getByText("已改名为「预算」，1 处引用已同步修改").waitFor();
    await expect
      .poll(() => page.locator(".pb-edge-label").allTextContents())
      .toEqual(expect.arrayContaining(["预算 > 10000"]));
    await editor.screenshot("zh-CN-11-variable-renamed");
    await editor.clickPane();
    await editor.press("ControlOrMeta+z");
    await expect
      .poll(() => page.locator(".pb-edge-label").allTextContents())
      .toEqual(expect.arrayContaining(["金额 > 10000"]));
    expect(await page.getByLabel("变量名").inputValue()).toBe("金额");
    await page.close();
  });
});
