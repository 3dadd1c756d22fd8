// The editor for an English browser: English UI, screenshots, and a switch to Chinese that is
// remembered across a reload.
import { describe, expect, inject, test } from "vitest";
import { browserSession } from "./support/session";

const en = browserSession("en", "english");
/** Longer than the editor's autosave delay (800 ms), so a save would have happened. */
const AUTOSAVE_WAIT_MS = 1500;

describe("the editor in English", () => {
  test("follows an English browser, switches to Chinese on request and remembers it", async () => {
    const editor = await en.driver();
    const { page } = editor;
    await editor.openList();
    await page.getByRole("button", { name: "New process" }).waitFor();
    await editor.screenshot("en-01-process-list");

    const revision = async () =>
      (await (await fetch(`${inject("playbookUrl")}/api/definitions/budget-approval`)).json())
        .revision as number;
    const revisionBefore = await revision();
    await editor.openDefinition("budget-approval");
    await page.locator(".pb-edge-label", { hasText: "Amount > 10,000" }).click();
    await page.getByTestId("edge-properties").waitFor();
    await editor.screenshot("en-02-editor-edge-condition");
    await editor.clickNode("director");
    await page.getByTestId("node-properties").waitFor();
    await editor.screenshot("en-03-editor-node-properties");
    // Looking is not editing: the form filling in defaults saved a new draft revision once.
    await page.waitForTimeout(AUTOSAVE_WAIT_MS);
    expect(await revision()).toBe(revisionBefore);

    // A text setting with {{ }} placeholders: a text field and "Insert variable".
    await editor.openDefinition("welcome-journey");
    await editor.clickNode("tag");
    const properties = page.getByTestId("node-properties");
    await properties.getByRole("combobox", { name: "Insert variable" }).first().click();
    await page.locator(".ant-select-item-option", { hasText: "nickname" }).click();
    await expect.poll(() => properties.locator("input[value*='{{nickname}}']").count()).toBe(1);
    await editor.screenshot("en-04-template-setting");

    // A rule only the node type's own code knows (a date is needed when waiting until a date):
    // the server finds it on the saved draft and the problems list shows it.
    await editor.clickNode("wait");
    await properties.getByRole("radio", { name: "Until a date" }).check();
    await editor.waitSaved();
    await expect
      .poll(() => page.getByTestId("problems").textContent())
      .toContain("is required when waiting until a date");
    await editor.screenshot("en-05-server-rule");

    await page.getByTestId("language-switch").getByText("中文").click();
    await page.getByRole("button", { name: "发布" }).waitFor();
    await page.reload();
    await page.getByRole("button", { name: "发布" }).waitFor();
    await page.close();
  });
});
