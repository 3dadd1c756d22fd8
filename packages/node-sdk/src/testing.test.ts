import { describe, expect, it } from "vitest";
import { z } from "zod";
import { crmTagV1Executor } from "../test/crm-tag";
import { defineNode } from "./define-node";
import { NodeError } from "./errors";
import { outcomeToEngineEvent } from "./execute";
import { implementNode } from "./implement-node";
import { runNode } from "./testing";

const echo = defineNode({
  type: "acme.echo",
  version: 1,
  title: { en: "Echo", "zh-CN": "回显" },
  category: "data",
  icon: "repeat",
  behaviour: "service",
  config: z.strictObject({}),
});

describe("runNode", () => {
  it("runs the executor with the config parsed by the node's schema, defaults applied", async () => {
    const result = await runNode(crmTagV1Executor, {
      config: { tag: "vip", userId: "用户ID" },
      idempotencyKey: "inst-1:act-7",
      attempt: 2,
    });
    expect(result).toMatchObject({
      ok: true,
      output: { taggedWith: "vip", overwrite: false, key: "inst-1:act-7", attempt: 2 },
    });
    expect(result.logs).toEqual([{ level: "info", message: "tagging", fields: { tag: "vip" } }]);
  });

  it("refuses a config the schema rejects, without calling the executor, and never retries it", async () => {
    const result = await runNode(crmTagV1Executor, { config: { userId: "用户ID" } });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "config.invalid", retryable: false },
    });
    expect(result.ok ? "" : result.error.message).toContain("tag");
    expect(result.logs).toEqual([]);
  });

  it("passes a NodeError through with its code and retry decision", async () => {
    const result = await runNode(crmTagV1Executor, { config: { tag: "forbidden", userId: "x" } });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "crm.forbidden", message: "the CRM refuses this tag", retryable: false },
    });
  });

  it("treats any other throw as something a retry may fix", async () => {
    const flaky = implementNode(echo, () => {
      throw new Error("socket hang up");
    });
    const result = await runNode(flaky, { config: {} });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "node.unexpectedError", message: "socket hang up", retryable: true },
    });
  });

  it("reports a run stopped by its signal as aborted and retryable", async () => {
    const stopped = implementNode(echo, async (ctx) => {
      ctx.signal.throwIfAborted();
      return {};
    });
    const controller = new AbortController();
    controller.abort(new Error("lease lost"));
    const result = await runNode(stopped, { config: {}, signal: controller.signal });
    expect(result).toMatchObject({ ok: false, error: { code: "node.aborted", retryable: true } });
  });

  it("hands the executor read-only variables: a mutation fails and the caller's copy is untouched", async () => {
    const variables = { customer: { tags: ["new"] } };
    const mutating = implementNode(echo, (ctx) => {
      (ctx.variables.customer as { tags: string[] }).tags.push("vip");
      return {};
    });
    const result = await runNode(mutating, { config: {}, variables });
    expect(result.ok).toBe(false);
    expect(variables.customer.tags).toEqual(["new"]);
  });

  it("stores output as JSON, the way the instance will read it back", async () => {
    const dated = implementNode(echo, () => ({
      at: new Date("2025-06-18T00:00:00Z"),
      skipped: undefined,
    }));
    const result = await runNode(dated, { config: {} });
    expect(result).toMatchObject({ ok: true, output: { at: "2025-06-18T00:00:00.000Z" } });
    expect(result.ok && "skipped" in result.output).toBe(false);
  });

  it("accepts an executor that returns nothing as an empty output", async () => {
    const quiet = implementNode(echo, async () => undefined);
    expect(await runNode(quiet, { config: {} })).toMatchObject({ ok: true, output: {} });
  });

  it("rejects output that is not an object of variables", async () => {
    const wrong = implementNode(echo, () => [1, 2] as never);
    const cyclic = implementNode(echo, () => {
      const loop: Record<string, unknown> = {};
      loop.self = loop;
      return loop;
    });
    for (const node of [wrong, cyclic]) {
      expect(await runNode(node, { config: {} })).toMatchObject({
        ok: false,
        error: { code: "output.invalid", retryable: false },
      });
    }
  });
});

describe("outcomeToEngineEvent", () => {
  it("turns outcomes into the engine's job events", () => {
    expect(outcomeToEngineEvent("act-1", { ok: true, output: { a: 1 } })).toEqual({
      type: "jobCompleted",
      activationId: "act-1",
      output: { a: 1 },
    });
    expect(
      outcomeToEngineEvent("act-1", {
        ok: false,
        error: { code: "http.4xx", message: "nope", retryable: false },
      }),
    ).toEqual({
      type: "jobFailed",
      activationId: "act-1",
      error: { code: "http.4xx", message: "nope" },
      retryable: false,
    });
  });
});

describe("implementNode", () => {
  it("refuses executors on node types the engine interprets itself", () => {
    const gateway = defineNode({
      ...echo.manifest,
      type: "acme.gate",
      behaviour: "exclusiveGateway",
      config: z.strictObject({}),
    });
    expect(() => implementNode(gateway, () => ({}))).toThrow(
      expect.objectContaining({ code: "definition.executorNotAllowed" }),
    );
  });

  it("a NodeError is not retryable unless said so", () => {
    expect(new NodeError("x", "y").retryable).toBe(false);
    expect(new NodeError("x", "y", { retryable: true }).retryable).toBe(true);
  });
});
