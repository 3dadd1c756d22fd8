// Start and end events: where an instance begins and where its paths finish.
import { endConfig, startConfig, terminateEndConfig } from "@playbook/engine";
import { defineNode } from "@playbook/node-sdk";

export const start = defineNode({
  type: "playbook.start",
  version: 1,
  title: { "zh-CN": "开始", en: "Start" },
  description: {
    "zh-CN": "流程从这里开始：由人手动发起、由系统接口调用，或收到指定事件时启动",
    en: "Where the process begins: started by a person, by an API call, or by an incoming event",
  },
  category: "event",
  icon: "play",
  behaviour: "start",
  config: startConfig,
});

export const end = defineNode({
  type: "playbook.end",
  version: 1,
  title: { "zh-CN": "结束", en: "End" },
  description: {
    "zh-CN": "这条路径到此结束；所有路径都结束后，流程完成",
    en: "This path ends here; the process completes once every path has ended",
  },
  category: "event",
  icon: "square",
  behaviour: "end",
  config: endConfig,
});

export const terminateEnd = defineNode({
  type: "playbook.terminateEnd",
  version: 1,
  title: { "zh-CN": "终止流程", en: "Terminate" },
  description: {
    "zh-CN": "立即结束整个流程，其他仍在进行的路径一并取消",
    en: "Ends the whole process at once and cancels every other path still running",
  },
  category: "event",
  icon: "octagon-x",
  behaviour: "terminateEnd",
  config: terminateEndConfig,
});
