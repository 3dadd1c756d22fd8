// Waits for time or for an event: the building blocks of journeys and funnels.
import { messageWaitConfig, timerConfig } from "@playbook/engine";
import { defineNode } from "@playbook/node-sdk";

export const timer = defineNode({
  type: "playbook.timer",
  version: 1,
  title: { "zh-CN": "定时等待", en: "Timer" },
  description: {
    "zh-CN": "等待一段时间（如 3 天）或到指定时间后继续",
    en: "Waits for a duration (such as 3 days) or until a date and time, then continues",
  },
  category: "event",
  icon: "timer",
  behaviour: "timer",
  config: timerConfig,
});

export const messageWait = defineNode({
  type: "playbook.messageWait",
  version: 1,
  title: { "zh-CN": "等待事件", en: "Wait for event" },
  description: {
    "zh-CN": "等待与本流程关联的事件（如该用户下单、付款）；可设超时，超时后走“超时”分支",
    en: "Waits for an event correlated with this instance (the user orders, pays...); on timeout it leaves by the timeout port",
  },
  category: "event",
  icon: "mail",
  behaviour: "messageWait",
  config: messageWaitConfig,
});
