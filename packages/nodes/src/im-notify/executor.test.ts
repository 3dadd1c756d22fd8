import { createHmac } from "node:crypto";
import { runNode } from "@playbook/node-sdk/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type RecordingServer, startRecordingServer } from "../../test/recording-server";
import { createHttpClient } from "../runtime/http-client";
import { createImNotifyExecutor } from "./executor";

// The stand-in robot listens on 127.0.0.1, which only an operator's allow list opens.
const http = createHttpClient({ allow: ["127.0.0.1"] });
const imNotifyExecutor = createImNotifyExecutor(http);

let robot: RecordingServer;
beforeAll(async () => {
  robot = await startRecordingServer();
});
beforeEach(() => robot.reset());
afterAll(async () => {
  await robot.close();
  await http.close();
});

const order = { 订单号: "SO-1001", 金额: 12_800, 客户: { 姓名: "张三" } };
const message = "新订单 {{订单号}}：{{客户.姓名}} 下单 {{金额}} 元";
const rendered = "新订单 SO-1001：张三 下单 12800 元";

function robotUrl(path: string): string {
  return `${robot.baseUrl}${path}`;
}

async function send(config: Record<string, unknown>) {
  return runNode(imNotifyExecutor, { config, variables: order, idempotencyKey: "inst-7:act-2" });
}

describe("playbook.imNotify — DingTalk", () => {
  const webhookUrl = () => robotUrl("/robot/send?access_token=abc");

  beforeEach(() => robot.answerWith({ body: { errcode: 0, errmsg: "ok" } }));

  it("posts a text message with variables filled in and @mentions written into the text", async () => {
    const result = await send({
      platform: "dingtalk",
      webhookUrl: webhookUrl(),
      message,
      mentionMobiles: ["13800000000"],
    });
    expect(result).toMatchObject({ ok: true, output: {} });
    const [request] = robot.requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("/robot/send?access_token=abc");
    expect(request?.headers["content-type"]).toContain("application/json");
    expect(request?.json).toEqual({
      msgtype: "text",
      text: { content: `${rendered}\n@13800000000` },
      at: { atMobiles: ["13800000000"], isAtAll: false },
    });
  });

  it("posts markdown with a title and @all", async () => {
    await send({
      platform: "dingtalk",
      webhookUrl: webhookUrl(),
      format: "markdown",
      title: "订单 {{订单号}}",
      message: "**金额**：{{金额}}",
      mentionAll: true,
    });
    expect(robot.requests[0]?.json).toEqual({
      msgtype: "markdown",
      markdown: { title: "订单 SO-1001", text: "### 订单 SO-1001\n\n**金额**：12800" },
      at: { atMobiles: [], isAtAll: true },
    });
  });

  it("signs the URL with timestamp and sign when the robot uses 加签", async () => {
    const secret = "SEC0123456789abcdef";
    await send({ platform: "dingtalk", webhookUrl: webhookUrl(), secret, message });
    const url = new URL(robotUrl(robot.requests[0]?.url ?? ""));
    expect(url.searchParams.get("access_token")).toBe("abc");
    const timestamp = url.searchParams.get("timestamp") ?? "";
    expect(timestamp).toMatch(/^\d{13}$/);
    const expected = createHmac("sha256", secret)
      .update(`${timestamp}\n${secret}`)
      .digest("base64");
    expect(url.searchParams.get("sign")).toBe(expected);
  });

  it("fails for good when the robot refuses the message (wrong keyword or signature)", async () => {
    robot.answerWith({ body: { errcode: 310000, errmsg: "keywords not in content" } });
    const result = await send({ platform: "dingtalk", webhookUrl: webhookUrl(), message });
    expect(result).toMatchObject({ ok: false, error: { code: "im.rejected", retryable: false } });
    expect(result.ok ? "" : result.error.message).toContain("keywords not in content");
  });

  it("retries when the robot says it is sending too fast", async () => {
    robot.answerWith({ body: { errcode: 130101, errmsg: "send too fast" } });
    const result = await send({ platform: "dingtalk", webhookUrl: webhookUrl(), message });
    expect(result).toMatchObject({ ok: false, error: { code: "im.throttled", retryable: true } });
  });
});

describe("playbook.imNotify — WeCom (企业微信)", () => {
  const webhookUrl = () => robotUrl("/cgi-bin/webhook/send?key=k-1");

  beforeEach(() => robot.answerWith({ body: { errcode: 0, errmsg: "ok" } }));

  it("posts a text message mentioning mobiles and everyone", async () => {
    await send({
      platform: "wecom",
      webhookUrl: webhookUrl(),
      message,
      mentionAll: true,
      mentionMobiles: ["13800000000"],
    });
    expect(robot.requests[0]?.json).toEqual({
      msgtype: "text",
      text: { content: rendered, mentioned_mobile_list: ["13800000000", "@all"] },
    });
  });

  it("posts markdown with the title as a heading, and logs that mentions cannot be carried", async () => {
    const result = await send({
      platform: "wecom",
      webhookUrl: webhookUrl(),
      format: "markdown",
      title: "新订单",
      message: '客户 <font color="info">{{客户.姓名}}</font>',
      mentionAll: true,
    });
    expect(robot.requests[0]?.json).toEqual({
      msgtype: "markdown",
      markdown: { content: '### 新订单\n客户 <font color="info">张三</font>' },
    });
    expect(result.logs.filter((line) => line.level === "warn")).toHaveLength(1);
  });

  it("retries when WeCom reports its rate limit", async () => {
    robot.answerWith({ body: { errcode: 45009, errmsg: "api freq out of limit" } });
    const result = await send({ platform: "wecom", webhookUrl: webhookUrl(), message });
    expect(result).toMatchObject({ ok: false, error: { code: "im.throttled", retryable: true } });
  });

  it("refuses a signing secret, which WeCom robots do not have", async () => {
    const result = await send({
      platform: "wecom",
      webhookUrl: webhookUrl(),
      secret: "s",
      message,
    });
    expect(result).toMatchObject({ ok: false, error: { code: "config.invalid" } });
    expect(robot.requests).toHaveLength(0);
  });
});

describe("playbook.imNotify — Feishu (飞书)", () => {
  const webhookUrl = () => robotUrl("/open-apis/bot/v2/hook/h-1");

  beforeEach(() => robot.answerWith({ body: { code: 0, msg: "success", data: {} } }));

  it("posts a text message, @all as an <at> tag", async () => {
    await send({ platform: "feishu", webhookUrl: webhookUrl(), message, mentionAll: true });
    expect(robot.requests[0]?.json).toEqual({
      msg_type: "text",
      content: { text: `${rendered} <at user_id="all">所有人</at>` },
    });
  });

  it("posts markdown as an interactive card with the title as its header", async () => {
    await send({
      platform: "feishu",
      webhookUrl: webhookUrl(),
      format: "markdown",
      title: "新订单",
      message,
    });
    expect(robot.requests[0]?.json).toEqual({
      msg_type: "interactive",
      card: {
        config: { wide_screen_mode: true },
        header: { title: { tag: "plain_text", content: "新订单" } },
        elements: [{ tag: "markdown", content: rendered }],
      },
    });
  });

  it("signs the body with timestamp and sign when the robot uses 签名校验", async () => {
    const secret = "feishu-secret";
    await send({ platform: "feishu", webhookUrl: webhookUrl(), secret, message });
    const body = robot.requests[0]?.json as Record<string, unknown>;
    expect(body.timestamp).toMatch(/^\d{10}$/);
    const expected = createHmac("sha256", `${String(body.timestamp)}\n${secret}`)
      .update("")
      .digest("base64");
    expect(body.sign).toBe(expected);
    expect(body).toMatchObject({ msg_type: "text", content: { text: rendered } });
  });

  it("fails for good on a signature mismatch", async () => {
    robot.answerWith({
      body: { code: 19021, msg: "sign match fail or timestamp is not within one hour" },
    });
    const result = await send({
      platform: "feishu",
      webhookUrl: webhookUrl(),
      secret: "x",
      message,
    });
    expect(result).toMatchObject({ ok: false, error: { code: "im.rejected", retryable: false } });
  });
});

describe("playbook.imNotify — transport failures", () => {
  it("retries when the robot's server fails", async () => {
    robot.answerWith({ status: 502, body: "Bad Gateway" });
    const result = await send({ platform: "feishu", webhookUrl: robotUrl("/hook"), message });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "http.serverError", retryable: true },
    });
  });

  it("fails for good when the URL is not a robot (an HTML page answers 200)", async () => {
    robot.answerWith({ body: "<html>login</html>" });
    const result = await send({ platform: "dingtalk", webhookUrl: robotUrl("/hook"), message });
    expect(result).toMatchObject({ ok: false, error: { code: "im.rejected", retryable: false } });
  });

  it("fails for good when the message template cannot be evaluated", async () => {
    const result = await send({
      platform: "wecom",
      webhookUrl: robotUrl("/hook"),
      message: "金额 {{ 金额 + }}",
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "expression.failed", retryable: false },
    });
    expect(robot.requests).toHaveLength(0);
  });

  it("fails for good when the robot URL is an address the operator has not allowed", async () => {
    const publicOnly = createHttpClient();
    try {
      const result = await runNode(createImNotifyExecutor(publicOnly), {
        config: { platform: "dingtalk", webhookUrl: robotUrl("/robot/send"), message },
        variables: order,
      });
      expect(result).toMatchObject({
        ok: false,
        error: { code: "http.addressRefused", retryable: false },
      });
      expect(robot.requests).toHaveLength(0);
    } finally {
      await publicOnly.close();
    }
  });
});
