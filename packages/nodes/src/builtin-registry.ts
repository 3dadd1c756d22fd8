// The registry a server starts with: every built-in node type, executors included. Third-party
// packs are registered on the returned instance.
import { createNodeTypeRegistry, type NodeTypeRegistry } from "@playbook/node-sdk";
import { imNotifyExecutor } from "./im-notify/executor";
import {
  end,
  exclusiveGateway,
  messageWait,
  parallelGateway,
  setVariables,
  start,
  terminateEnd,
  timer,
  userTask,
} from "./manifests";
import { webhookExecutor } from "./webhook/executor";

export function createBuiltinRegistry(): NodeTypeRegistry {
  return createNodeTypeRegistry([
    start,
    end,
    terminateEnd,
    userTask,
    exclusiveGateway,
    parallelGateway,
    timer,
    messageWait,
    setVariables,
    webhookExecutor,
    imNotifyExecutor,
  ]);
}
