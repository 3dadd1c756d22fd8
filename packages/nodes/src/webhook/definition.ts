// The HTTP request node's manifest and config: what the editor shows; no executor code here.
import { defineNode } from "@playbook/node-sdk";
import { feelField, templateField, variableField } from "@playbook/schema";
import { z } from "zod";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** An HTTP header name (RFC 9110 token). */
const headerName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, "not a valid header name");

export const webhookConfig = z
  .strictObject({
    method: z.enum(HTTP_METHODS).default("POST"),
    /** May hold `{{ FEEL }}` placeholders: `https://crm.example.com/users/{{用户ID}}`. */
    url: templateField(),
    /** Values may hold `{{ FEEL }}` placeholders. */
    headers: z.record(headerName, templateField({ required: false })).default({}),
    /** FEEL yielding the JSON body, e.g. `{ userId: 用户ID, tag: "vip" }`. */
    body: feelField().optional(),
    timeoutSeconds: z.number().int().min(1).max(120).default(10),
    /** Variable the response body (parsed JSON, or text) is stored in. */
    resultVariable: variableField().optional(),
  })
  .superRefine((config, ctx) => {
    if (config.method === "GET" && config.body !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["body"],
        message: "a GET request has no body",
        params: {
          detail: {
            "zh-CN": "必须留空：GET 请求不能带请求体",
            en: "must be empty: a GET request has no body",
          },
        },
      });
    }
  });

export type WebhookConfig = z.infer<typeof webhookConfig>;

export const webhook = defineNode({
  type: "playbook.webhook",
  version: 1,
  title: { "zh-CN": "调用接口", en: "HTTP request" },
  description: {
    "zh-CN": "向外部系统发送 HTTP 请求（Webhook），可把返回结果存入变量；服务端出错时自动重试",
    en: "Sends an HTTP request (webhook) to another system and can store the response in a variable; server errors are retried",
  },
  category: "integration",
  icon: "webhook",
  behaviour: "service",
  config: webhookConfig,
});
