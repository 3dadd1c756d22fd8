// Built-in node types with their executors. The editor imports "@playbook/nodes/manifests" instead.
export * from "./builtin-registry";
export { createImNotifyExecutor } from "./im-notify/executor";
export * from "./manifests";
export { HTTP_ALLOW_SETTING, isHttpAllowEntry } from "./runtime/address-policy";
export {
  createHttpClient,
  type HttpClient,
  type HttpPolicy,
  MAX_REDIRECTS,
} from "./runtime/http-client";
export { DEFAULT_MAX_RESPONSE_BYTES, HTTP_MAX_RESPONSE_SETTING } from "./runtime/limited-body";
export { createWebhookExecutor } from "./webhook/executor";
