// Each platform's group-robot JSON: how a text or markdown message, its heading and its
// @mentions are written, and how the robot says "no" (HTTP 200 with an error code in the body).
import type { ImPlatform } from "./definition";

export interface RobotMessage {
  format: "text" | "markdown";
  /** Markdown heading; ignored for text. */
  title: string | undefined;
  text: string;
  mentionAll: boolean;
  mentionMobiles: readonly string[];
}

export interface RobotPayload {
  payload: Record<string, unknown>;
  /** Parts of the message the platform cannot carry, for the node's log. */
  warnings: string[];
}

export interface RobotRejection {
  code: number;
  message: string;
  retryable: boolean;
}

/** Error codes meaning "too many messages, try later". */
const THROTTLED: Record<ImPlatform, ReadonlySet<number>> = {
  dingtalk: new Set([130101]),
  wecom: new Set([45009]),
  feishu: new Set([9499, 11232]),
};

export function robotPayload(platform: ImPlatform, message: RobotMessage): RobotPayload {
  switch (platform) {
    case "dingtalk":
      return dingTalkPayload(message);
    case "wecom":
      return weComPayload(message);
    case "feishu":
      return feishuPayload(message);
    default:
      return assertNever(platform);
  }
}

/** The robot's verdict from its answer body; undefined when the message was accepted. */
export function robotRejection(platform: ImPlatform, body: unknown): RobotRejection | undefined {
  if (typeof body !== "object" || body === null) {
    return {
      code: -1,
      message: `not a ${platform} robot answer: ${String(body).slice(0, 200)}`,
      retryable: false,
    };
  }
  const answer = body as Record<string, unknown>;
  // DingTalk and WeCom answer {errcode, errmsg}; Feishu {code, msg} (older robots {StatusCode, StatusMessage}).
  const code = platform === "feishu" ? (answer.code ?? answer.StatusCode) : answer.errcode;
  const text = platform === "feishu" ? (answer.msg ?? answer.StatusMessage) : answer.errmsg;
  if (code === 0) return undefined;
  const numeric = typeof code === "number" ? code : -1;
  return {
    code: numeric,
    message: `${platform} robot refused the message: ${String(text ?? "no reason given")} (${String(code)})`,
    retryable: THROTTLED[platform].has(numeric),
  };
}

function dingTalkPayload(message: RobotMessage): RobotPayload {
  // DingTalk highlights an @mention only when "@<mobile>" also appears in the text.
  const missing = message.mentionMobiles.filter((mobile) => !message.text.includes(`@${mobile}`));
  const mentions = missing.map((mobile) => `@${mobile}`).join(" ");
  const text = mentions === "" ? message.text : `${message.text}\n${mentions}`;
  const at = { atMobiles: [...message.mentionMobiles], isAtAll: message.mentionAll };
  if (message.format === "text") {
    return { payload: { msgtype: "text", text: { content: text }, at }, warnings: [] };
  }
  const title = message.title ?? firstLine(message.text);
  const heading = message.title === undefined ? "" : `### ${message.title}\n\n`;
  return {
    payload: { msgtype: "markdown", markdown: { title, text: `${heading}${text}` }, at },
    warnings: [],
  };
}

function weComPayload(message: RobotMessage): RobotPayload {
  if (message.format === "text") {
    const mentioned = [...message.mentionMobiles, ...(message.mentionAll ? ["@all"] : [])];
    const text =
      mentioned.length === 0
        ? { content: message.text }
        : { content: message.text, mentioned_mobile_list: mentioned };
    return { payload: { msgtype: "text", text }, warnings: [] };
  }
  const heading = message.title === undefined ? "" : `### ${message.title}\n`;
  const warnings =
    message.mentionAll || message.mentionMobiles.length > 0
      ? ["WeCom markdown messages cannot @mention by mobile or @all; mentions were left out"]
      : [];
  return {
    payload: { msgtype: "markdown", markdown: { content: `${heading}${message.text}` } },
    warnings,
  };
}

function feishuPayload(message: RobotMessage): RobotPayload {
  const warnings =
    message.mentionMobiles.length > 0
      ? ["Feishu robots cannot @mention by mobile number; those mentions were left out"]
      : [];
  if (message.format === "text") {
    const text = message.mentionAll
      ? `${message.text} <at user_id="all">所有人</at>`
      : message.text;
    return { payload: { msg_type: "text", content: { text } }, warnings };
  }
  const content = message.mentionAll ? `${message.text}\n<at id=all></at>` : message.text;
  const card: Record<string, unknown> = {
    config: { wide_screen_mode: true },
    elements: [{ tag: "markdown", content }],
  };
  if (message.title !== undefined)
    card.header = { title: { tag: "plain_text", content: message.title } };
  return { payload: { msg_type: "interactive", card }, warnings };
}

function firstLine(text: string): string {
  const line = text.split("\n", 1)[0] ?? "";
  return line.replace(/^#+\s*/, "").slice(0, 64) || "通知";
}

function assertNever(value: never): never {
  throw new Error(`unexpected platform: ${String(value)}`);
}
