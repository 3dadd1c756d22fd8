// Built-in node types with their executors. The editor imports "@playbook/nodes/manifests" instead.
export * from "./builtin-registry";
export { imNotifyExecutor } from "./im-notify/executor";
export * from "./manifests";
export { webhookExecutor } from "./webhook/executor";
