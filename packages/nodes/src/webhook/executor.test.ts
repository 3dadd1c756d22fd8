import { runNode } from "@playbook/node-sdk/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type RecordingServer, startRecordingServer } from "../../test/recording-server";
import { createHttpClient } from "../runtime/http-client";
import { createWebhookExecutor } from "./executor";

// The stand-in CRM listens on 127.0.0.1, which only an operator's allow list opens.
const http = createHttpClient({ allow: ["127.0.0.1"] });
const webhookExecutor = createWebhookExecutor(http);

let crm: RecordingServer;
beforeAll(async () => {
  crm = await startRecordingServer();
});
beforeEach(() => crm.reset());
afterAll(async () => {
  await crm.close();
  await http.close();
});

const variables = { 用户ID: "u-42", 金额: 12_800, 渠道: "douyin", 门店: "上海", token: "t0k3n" };

describe("playbook.webhook", () => {
  it("POSTs a JSON body built from variables, with the idempotency key, and stores the JSON answer", async () => {
    crm.answerWith({ status: 201, body: { id: "tag-9", level: "gold" } });
    const result = await runNode(webhookExecutor, {
      config: {
        url: `${crm.baseUrl}/users/{{用户ID}}/tags`,
        headers: { Authorization: "Bearer {{token}}", "X-Channel": "{{渠道}}" },
        body: "{ userId: 用户ID, amount: 金额, vip: 金额 > 10000 }",
        resultVariable: "crm结果",
      },
      variables,
      idempotencyKey: "inst-1:act-3",
    });

    expect(result).toMatchObject({ ok: true, output: { crm结果: { id: "tag-9", level: "gold" } } });
    expect(crm.requests).toHaveLength(1);
    const [request] = crm.requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("/users/u-42/tags");
    expect(request?.headers).toMatchObject({
      "idempotency-key": "inst-1:act-3",
      authorization: "Bearer t0k3n",
      "x-channel": "douyin",
      "content-type": "application/json; charset=utf-8",
    });
    expect(request?.json).toEqual({ userId: "u-42", amount: 12_800, vip: true });
  });

  it("sends the same idempotency key on every retry of one activation", async () => {
    const config = { url: `${crm.baseUrl}/hook`, body: "{ n: 1 }" };
    await runNode(webhookExecutor, { config, idempotencyKey: "inst-1:act-3", attempt: 1 });
    await runNode(webhookExecutor, { config, idempotencyKey: "inst-1:act-3", attempt: 2 });
    expect(crm.requests.map((r) => r.headers["idempotency-key"])).toEqual([
      "inst-1:act-3",
      "inst-1:act-3",
    ]);
  });

  it("does not let a configured header replace the idempotency key", async () => {
    await runNode(webhookExecutor, {
      config: { url: `${crm.baseUrl}/hook`, headers: { "Idempotency-Key": "fixed" } },
      idempotencyKey: "inst-1:act-4",
    });
    expect(crm.requests[0]?.headers["idempotency-key"]).toBe("inst-1:act-4");
  });

  it("GETs without a body and keeps a text answer as text", async () => {
    crm.answerWith({ body: "pong" });
    const result = await runNode(webhookExecutor, {
      config: {
        method: "GET",
        url: `${crm.baseUrl}/ping?user={{用户ID}}`,
        resultVariable: "reply",
      },
      variables,
    });
    expect(result).toMatchObject({ ok: true, output: { reply: "pong" } });
    expect(crm.requests[0]).toMatchObject({ method: "GET", url: "/ping?user=u-42", body: "" });
  });

  it("stores nothing when no result variable is set", async () => {
    crm.answerWith({ body: { ignored: true } });
    const result = await runNode(webhookExecutor, { config: { url: `${crm.baseUrl}/hook` } });
    expect(result).toMatchObject({ ok: true, output: {} });
  });

  describe("failures: retry what a retry can fix, stop on what it cannot", () => {
    it.each([
      [500, "http.serverError", true],
      [503, "http.serverError", true],
      [429, "http.throttled", true],
      [400, "http.clientError", false],
      [404, "http.clientError", false],
      [422, "http.clientError", false],
    ])("HTTP %i fails with %s (retryable: %s)", async (status, code, retryable) => {
      crm.answerWith({ status, body: { error: "nope" } });
      const result = await runNode(webhookExecutor, { config: { url: `${crm.baseUrl}/hook` } });
      expect(result).toMatchObject({ ok: false, error: { code, retryable } });
      expect(result.ok ? "" : result.error.message).toContain(`HTTP ${status}`);
    });

    it("a server that is down is a retryable network failure", async () => {
      const gone = await startRecordingServer();
      const url = `${gone.baseUrl}/hook`;
      await gone.close();
      const result = await runNode(webhookExecutor, { config: { url } });
      expect(result).toMatchObject({ ok: false, error: { code: "http.network", retryable: true } });
    });

    it("a server that does not answer in time is a retryable timeout", async () => {
      crm.answerWith({ hang: true });
      const result = await runNode(webhookExecutor, {
        config: { url: `${crm.baseUrl}/slow`, timeoutSeconds: 1 },
      });
      expect(result).toMatchObject({ ok: false, error: { code: "http.timeout", retryable: true } });
    });

    it("a job stopped by the worker is reported as aborted", async () => {
      crm.answerWith({ hang: true });
      const controller = new AbortController();
      const running = runNode(webhookExecutor, {
        config: { url: `${crm.baseUrl}/slow` },
        signal: controller.signal,
      });
      await waitFor(() => crm.requests.length === 1);
      controller.abort();
      expect(await running).toMatchObject({
        ok: false,
        error: { code: "node.aborted", retryable: true },
      });
    });

    it("a body expression that cannot be evaluated fails for good, before anything is sent", async () => {
      const result = await runNode(webhookExecutor, {
        config: { url: `${crm.baseUrl}/hook`, body: "{ a: 1 +" },
      });
      expect(result).toMatchObject({
        ok: false,
        error: { code: "expression.failed", retryable: false },
      });
      expect(result.ok ? "" : result.error.message).toMatch(/^body: /);
      expect(crm.requests).toHaveLength(0);
    });

    it("a URL template that yields no http URL fails for good", async () => {
      for (const url of ["{{ missing }}/users", "file:///etc/passwd"]) {
        const result = await runNode(webhookExecutor, { config: { url } });
        expect(result).toMatchObject({
          ok: false,
          error: { code: "http.invalidUrl", retryable: false },
        });
      }
    });

    it("a header value HTTP cannot carry (Chinese text) fails for good, naming the header", async () => {
      const result = await runNode(webhookExecutor, {
        config: { url: `${crm.baseUrl}/hook`, headers: { "X-Store": "{{门店}}" } },
        variables,
      });
      expect(result).toMatchObject({
        ok: false,
        error: { code: "http.invalidHeader", retryable: false },
      });
      expect(result.ok ? "" : result.error.message).toContain("headers.X-Store");
      expect(crm.requests).toHaveLength(0);
    });

    it("a GET with a body is refused as invalid config", async () => {
      const result = await runNode(webhookExecutor, {
        config: { method: "GET", url: `${crm.baseUrl}/hook`, body: "{ a: 1 }" },
      });
      expect(result).toMatchObject({
        ok: false,
        error: { code: "config.invalid", retryable: false },
      });
    });
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
