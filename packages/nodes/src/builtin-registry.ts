// The registry a server starts with: every built-in node type, executors included. Third-party
// packs are registered on the returned instance. The HTTP policy (which non-public addresses may
// be reached, how much of an answer is read) is the operator's, passed in by the server.
import { createNodeTypeRegistry, type NodeTypeRegistry } from "@playbook/node-sdk";
import { createImNotifyExecutor } from "./im-notify/executor";
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
import { createHttpClient, type HttpPolicy } from "./runtime/http-client";
import { createWebhookExecutor } from "./webhook/executor";

export interface BuiltinRegistryOptions {
  /** Default: public addresses only, answers up to 1 MiB. */
  http?: HttpPolicy;
}

export function createBuiltinRegistry(options: BuiltinRegistryOptions = {}): NodeTypeRegistry {
  const http = createHttpClient(options.http);
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
    createWebhookExecutor(http),
    createImNotifyExecutor(http),
  ]);
}
