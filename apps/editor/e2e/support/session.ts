// Per test file: a browser in the wanted UI language, and a driver per page that saves a
// screenshot of what the page showed if a step fails.
import { afterAll, beforeAll, inject, onTestFailed } from "vitest";
import { type OpenBrowser, openBrowser } from "./browser";
import { EditorDriver } from "./editor-driver";

export function browserSession(locale: "zh-CN" | "en", name: string) {
  let browser: OpenBrowser | undefined;
  let pages = 0;
  beforeAll(async () => {
    browser = await openBrowser({ locale });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    async driver(): Promise<EditorDriver> {
      if (!browser) throw new Error("the browser did not start");
      const page = await browser.context.newPage();
      page.setDefaultTimeout(15_000);
      const editor = new EditorDriver(page, inject("playbookUrl"));
      const shot = `failed-${name}-${++pages}`;
      onTestFailed(async () => {
        if (!page.isClosed()) await editor.screenshot(shot);
      });
      return editor;
    },
  };
}
