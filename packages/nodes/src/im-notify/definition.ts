// The group-robot notification node's manifest and config (DingTalk, WeCom, Feishu); the
// executor lives apart so the editor never loads it.
import { defineNode } from "@playbook/node-sdk";
import { templateField } from "@playbook/schema";
import { z } from "zod";

export const IM_PLATFORMS = ["dingtalk", "wecom", "feishu"] as const;
export type ImPlatform = (typeof IM_PLATFORMS)[number];

export const imNotifyConfig = z
  .strictObject({
    platform: z.enum(IM_PLATFORMS),
    /** The robot's webhook address, copied from the group's robot settings. */
    webhookUrl: z.url({ protocol: /^https?$/ }),
    /** DingTalk 加签 / Feishu 签名校验 secret, when the robot has one. */
    secret: z.string().min(1).optional(),
    format: z.enum(["text", "markdown"]).default("text"),
    /** Markdown title (DingTalk preview, Feishu card header); `{{ FEEL }}` placeholders allowed. */
    title: templateField().optional(),
    /** The message; `{{ FEEL }}` placeholders, e.g. `新订单：{{订单号}}，金额 {{金额}} 元`. */
    message: templateField(),
    mentionAll: z.boolean().default(false),
    /** Mobile numbers to @mention (DingTalk, WeCom text). */
    mentionMobiles: z
      .array(z.string().regex(/^\+?[\d-]{5,20}$/, "not a mobile number"))
      .default([]),
  })
  .superRefine((config, ctx) => {
    if (config.platform === "wecom" && config.secret !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["secret"],
        message: "WeCom robots do not sign messages",
        params: {
          detail: {
            "zh-CN": "必须留空：企业微信群机器人不使用加签",
            en: "must be empty: WeCom robots do not sign messages",
          },
        },
      });
    }
  });

export type ImNotifyConfig = z.infer<typeof imNotifyConfig>;

export const imNotify = defineNode({
  type: "playbook.imNotify",
  version: 1,
  title: { "zh-CN": "群机器人通知", en: "Group robot message" },
  description: {
    "zh-CN": "通过钉钉、企业微信或飞书的群机器人向群里发消息，消息内容可引用流程变量",
    en: "Posts a message to a DingTalk, WeCom or Feishu group through its robot; the text can use process variables",
  },
  category: "messaging",
  icon: "bot",
  behaviour: "service",
  config: imNotifyConfig,
});
