// Example: a customer journey started by an event. When an app posts `user.registered`, a welcome
// message goes out through the CRM's webhook, the journey waits a day, then tags the user in the
// CRM. The CRM addresses are placeholders to edit; until then the calls fail into incidents.
import type { ProcessDefinitionInput } from "@playbook/schema";
import { row, text } from "./text";

export const welcomeJourney: ProcessDefinitionInput = {
  key: "welcome-journey",
  name: text("新用户欢迎旅程", "New user welcome journey"),
  description: text(
    "用户注册后发送欢迎消息，一天后在 CRM 中打上“新用户”标签",
    "After sign-up, send a welcome message; a day later tag the user in the CRM",
  ),
  schemaVersion: 1,
  variables: [
    { name: "userId", type: "string", required: true, label: text("用户ID", "User id") },
    { name: "nickname", type: "string", label: text("昵称", "Nickname") },
    {
      name: "channel",
      type: "string",
      default: "官网",
      label: text("注册渠道", "Sign-up channel"),
    },
    {
      name: "welcomeReceipt",
      type: "object",
      label: text("欢迎消息回执", "Welcome message receipt"),
    },
  ],
  nodes: [
    {
      id: "registered",
      type: "playbook.start",
      typeVersion: 1,
      label: text("用户注册", "User registered"),
      config: { trigger: "message", messageName: "user.registered" },
    },
    {
      id: "welcome",
      type: "playbook.webhook",
      typeVersion: 1,
      label: text("发送欢迎消息", "Send welcome message"),
      config: {
        method: "POST",
        url: "https://crm.example.com/api/messages",
        body: '{ userId: userId, template: "welcome", nickname: nickname }',
        resultVariable: "welcomeReceipt",
      },
    },
    {
      id: "wait",
      type: "playbook.timer",
      typeVersion: 1,
      label: text("等待 1 天", "Wait a day"),
      config: { mode: "duration", duration: "P1D" },
    },
    {
      id: "tag",
      type: "playbook.webhook",
      typeVersion: 1,
      label: text("CRM 打标签", "Tag in CRM"),
      config: {
        method: "POST",
        url: "https://crm.example.com/api/users/{{userId}}/tags",
        body: '{ tag: "new-user", channel: channel }',
      },
    },
    { id: "end", type: "playbook.end", typeVersion: 1, label: text("旅程结束", "Journey done") },
  ],
  edges: [
    { id: "e-registered-welcome", source: "registered", target: "welcome" },
    { id: "e-welcome-wait", source: "welcome", target: "wait" },
    { id: "e-wait-tag", source: "wait", target: "tag" },
    { id: "e-tag-end", source: "tag", target: "end" },
  ],
  layout: { nodes: row(["registered", "welcome", "wait", "tag", "end"]), view: "canvas" },
};
