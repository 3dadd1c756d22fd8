// Computing process variables from expressions, with no outside call.
import { setVariablesConfig } from "@playbook/engine";
import { defineNode } from "@playbook/node-sdk";

export const setVariables = defineNode({
  type: "playbook.setVariables",
  version: 1,
  title: { "zh-CN": "设置变量", en: "Set variables" },
  description: {
    "zh-CN": "用 FEEL 表达式计算并写入流程变量，例如 折扣 := 金额 * 0.9",
    en: "Computes process variables with FEEL expressions, e.g. discount := amount * 0.9",
  },
  category: "data",
  icon: "variable",
  behaviour: "setVariables",
  config: setVariablesConfig,
});
