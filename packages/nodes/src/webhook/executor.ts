// Runs the HTTP request node: fills URL, headers and body from the variables, sends the
// activation's idempotency key so the receiver can drop duplicates of a retried call. Sends
// through the given client, which holds the operator's address and response-size policy.
import { implementNode } from "@playbook/node-sdk";
import { evaluateField, renderTemplate } from "../runtime/feel";
import { assertSuccessStatus, httpHeaders, httpUrl } from "../runtime/http";
import type { HttpClient } from "../runtime/http-client";
import { webhook } from "./definition";

export const createWebhookExecutor = (http: HttpClient) =>
  implementNode(webhook, async (ctx) => {
    const { config, variables } = ctx;
    const url = httpUrl("url", renderTemplate("url", config.url, variables));
    const headers = httpHeaders([
      ["accept", "application/json"],
      ...Object.entries(config.headers).map(([name, value]): [string, string] => [
        name,
        renderTemplate(`headers.${name}`, value, variables),
      ]),
      // Last: the key is the receiver's only way to recognise a retry, so no header overrides it.
      ["idempotency-key", ctx.idempotencyKey],
    ]);
    const body =
      config.body === undefined ? undefined : evaluateField("body", config.body, variables);

    ctx.log.info("sending HTTP request", {
      method: config.method,
      url: url.origin + url.pathname,
      attempt: ctx.attempt,
    });
    const response = await http.send({
      method: config.method,
      url: url.href,
      headers,
      ...(body === undefined ? {} : { body }),
      timeoutMs: config.timeoutSeconds * 1000,
      signal: ctx.signal,
    });
    assertSuccessStatus(response, url.host);
    return config.resultVariable === undefined ? {} : { [config.resultVariable]: response.body };
  });
