import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, onTestFinished } from "vitest";
import { createApp } from "../src/app";
import { apiClient, expectProblem, openServer, test } from "./support/server";

async function builtEditor(): Promise<string> {
  const dist = await mkdtemp(join(tmpdir(), "playbook-editor-"));
  onTestFinished(() => rm(dist, { recursive: true, force: true }));
  await mkdir(join(dist, "assets"));
  await writeFile(
    join(dist, "index.html"),
    '<!doctype html><div id="root"></div><script src="/assets/app.js"></script>',
  );
  await writeFile(join(dist, "assets/app.js"), "console.log('editor')");
  return dist;
}

describe("the built editor", () => {
  test("is served at / with its assets, and deep links fall back to index.html", async ({
    database,
  }) => {
    const { store, registry, validator, logger } = await openServer(database);
    const app = createApp({ store, registry, validator, logger, editorDist: await builtEditor() });
    const api = apiClient(app);

    const home = await app.request("/");
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<div id="root">');
    const asset = await app.request("/assets/app.js");
    expect(asset.headers.get("content-type")).toMatch(/javascript/);
    expect(await asset.text()).toContain("editor");
    const deepLink = await app.request("/instances/42/history");
    expect(await deepLink.text()).toContain('<div id="root">');

    expectProblem(await api.get("/api/no-such-route"), 404, "route.notFound");
    expect((await api.get("/api/health")).status).toBe(200);
  });

  test("without a build, / is a plain 404 problem", async ({ database }) => {
    const { store, registry, validator, logger } = await openServer(database);
    const app = createApp({
      store,
      registry,
      validator,
      logger,
      editorDist: join(tmpdir(), "no-editor-here"),
    });
    expectProblem(await apiClient(app).get("/"), 404, "route.notFound");
  });
});
