// What a person does in the editor, as Playwright steps: open pages, drag from the palette,
// connect two nodes by their handles, select, type into panels. Tests read as the user's story.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { EDITOR_DIR } from "./build";

export const SCREENSHOT_DIR = join(EDITOR_DIR, "test-results/screenshots");

export class EditorDriver {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async openList(): Promise<void> {
    await this.page.goto(this.baseUrl);
    await this.page.locator(".ant-table-row").first().waitFor();
  }

  async openDefinition(key: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/definitions/${key}`);
    await this.canvas().waitFor();
    await this.page.locator(".react-flow__node").first().waitFor();
  }

  canvas(): Locator {
    return this.page.getByTestId("canvas");
  }

  nodes(): Locator {
    return this.page.locator(".react-flow__node");
  }

  node(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  edges(): Locator {
    return this.page.locator(".react-flow__edge");
  }

  async nodeIds(): Promise<string[]> {
    return this.nodes().evaluateAll((elements) =>
      elements.map((element) => element.getAttribute("data-id") ?? ""),
    );
  }

  /** Drags the palette item whose title is `title` to a point of the canvas (fractions of its box). */
  async dragFromPalette(title: string, at: { x: number; y: number }): Promise<string> {
    const before = new Set(await this.nodeIds());
    const item = this.page.getByTestId("palette").getByText(title, { exact: true }).first();
    const box = await this.canvas().boundingBox();
    if (!box) throw new Error("canvas not visible");
    await item.dragTo(this.canvas(), {
      targetPosition: { x: box.width * at.x, y: box.height * at.y },
    });
    await this.page.waitForFunction(
      (count) => document.querySelectorAll(".react-flow__node").length > count,
      before.size,
    );
    const added = (await this.nodeIds()).filter((id) => !before.has(id));
    if (added.length !== 1) throw new Error(`expected one new node, got ${added.join(", ")}`);
    return added[0] as string;
  }

  /** Presses on the source node's output handle and releases over the target node's input. */
  async connect(source: string, target: string, port = "out"): Promise<void> {
    const from = this.node(source).locator(`.react-flow__handle.source[data-handleid="${port}"]`);
    const to = this.node(target).locator(".react-flow__handle.target");
    const a = await from.boundingBox();
    const b = await to.boundingBox();
    if (!a || !b) throw new Error(`handles of ${source} → ${target} not visible`);
    const mouse = this.page.mouse;
    await mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await mouse.down();
    await mouse.move(a.x + a.width / 2 + 20, a.y + a.height / 2 + 30, { steps: 4 });
    await mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
    await mouse.up();
  }

  /** Starts a connection and hovers over the target without releasing; returns to the caller. */
  async hoverConnection(source: string, target: string, port = "out"): Promise<void> {
    const from = this.node(source).locator(`.react-flow__handle.source[data-handleid="${port}"]`);
    const a = await from.boundingBox();
    const b = await this.node(target).boundingBox();
    if (!a || !b) throw new Error(`${source} or ${target} not visible`);
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(b.x + b.width / 2, b.y + 4, { steps: 12 });
  }

  async edgeIdsBetween(source: string, target: string): Promise<string[]> {
    return this.page
      .locator(`.react-flow__edge[data-id]`)
      .evaluateAll(
        (elements, ends) =>
          elements
            .filter((element) =>
              element.getAttribute("aria-label")?.includes(`${ends.source} to ${ends.target}`),
            )
            .map((element) => element.getAttribute("data-id") ?? ""),
        { source, target },
      );
  }

  async clickNode(id: string, modifiers: ("Shift" | "ControlOrMeta")[] = []): Promise<void> {
    await this.node(id).click({ modifiers, position: { x: 60, y: 20 } });
  }

  /** Clicks an empty spot of the canvas (clears the selection). */
  async clickPane(): Promise<void> {
    await this.page.locator(".react-flow__pane").click({ position: { x: 12, y: 12 } });
  }

  async press(keys: string): Promise<void> {
    await this.page.keyboard.press(keys);
  }

  async waitSaved(): Promise<void> {
    await this.page.locator('[data-testid="save-status"][data-status="saved"]').waitFor();
  }

  async screenshot(name: string): Promise<void> {
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    // Let tooltips, toasts and fitView animations settle into what a person would see.
    await this.page.waitForTimeout(350);
    await this.page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
  }
}
