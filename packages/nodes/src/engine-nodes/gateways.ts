// Gateways: choosing one path by condition, or running several paths side by side.
import { exclusiveGatewayConfig, parallelGatewayConfig } from "@playbook/engine";
import { defineNode } from "@playbook/node-sdk";

export const exclusiveGateway = defineNode({
  type: "playbook.exclusiveGateway",
  version: 1,
  title: { "zh-CN": "条件分支", en: "Exclusive gateway" },
  description: {
    "zh-CN": "按连线上的条件选择一条路径继续；条件都不满足时走默认路径",
    en: "Continues on the first path whose condition holds, otherwise on the default path",
  },
  category: "flow",
  icon: "git-branch",
  behaviour: "exclusiveGateway",
  config: exclusiveGatewayConfig,
});

export const parallelGateway = defineNode({
  type: "playbook.parallelGateway",
  version: 1,
  title: { "zh-CN": "并行分支", en: "Parallel gateway" },
  description: {
    "zh-CN": "同时走所有路径；用作汇合时，等所有路径都到达后再继续",
    en: "Starts every outgoing path at once; as a join, waits until all incoming paths arrive",
  },
  category: "flow",
  icon: "git-fork",
  behaviour: "parallelGateway",
  config: parallelGatewayConfig,
});
