// The built-in node types without their executors: what the editor imports to draw the palette
// and build property forms. Never import an executor (or anything under runtime/) from here.
import type { NodeDefinition } from "@playbook/node-sdk";
import type { NodeManifest } from "@playbook/schema";
import { end, start, terminateEnd } from "./engine-nodes/events";
import { exclusiveGateway, parallelGateway } from "./engine-nodes/gateways";
import { setVariables } from "./engine-nodes/set-variables";
import { userTask } from "./engine-nodes/user-task";
import { messageWait, timer } from "./engine-nodes/waits";
import { imNotify } from "./im-notify/definition";
import { webhook } from "./webhook/definition";

export { end, start, terminateEnd } from "./engine-nodes/events";
export { exclusiveGateway, parallelGateway } from "./engine-nodes/gateways";
export { setVariables } from "./engine-nodes/set-variables";
export { userTask } from "./engine-nodes/user-task";
export { messageWait, timer } from "./engine-nodes/waits";
export {
  IM_PLATFORMS,
  type ImNotifyConfig,
  type ImPlatform,
  imNotify,
  imNotifyConfig,
} from "./im-notify/definition";
export { HTTP_METHODS, type WebhookConfig, webhook, webhookConfig } from "./webhook/definition";

/** Every built-in node type, in palette order. */
export const builtinDefinitions: readonly NodeDefinition[] = [
  start,
  end,
  terminateEnd,
  userTask,
  exclusiveGateway,
  parallelGateway,
  timer,
  messageWait,
  setVariables,
  webhook,
  imNotify,
];

export const builtinManifests: readonly NodeManifest[] = builtinDefinitions.map(
  (definition) => definition.manifest,
);
