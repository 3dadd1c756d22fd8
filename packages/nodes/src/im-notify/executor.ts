// Sends the group-robot message: renders the template, builds the platform's JSON, signs it when
// the robot has a secret, and turns the robot's error codes into retryable or final failures.
// Sends through the given client, which holds the operator's address and response-size policy.
import { implementNode, NodeError } from "@playbook/node-sdk";
import { renderTemplate } from "../runtime/feel";
import { assertSuccessStatus, httpHeaders } from "../runtime/http";
import type { HttpClient } from "../runtime/http-client";
import { imNotify } from "./definition";
import { robotPayload, robotRejection } from "./robot-messages";
import { signRobotRequest } from "./signing";

const ROBOT_TIMEOUT_MS = 10_000;

export const createImNotifyExecutor = (http: HttpClient) =>
  implementNode(imNotify, async (ctx) => {
    const { config, variables } = ctx;
    const { payload, warnings } = robotPayload(config.platform, {
      format: config.format,
      title:
        config.title === undefined ? undefined : renderTemplate("title", config.title, variables),
      text: renderTemplate("message", config.message, variables),
      mentionAll: config.mentionAll,
      mentionMobiles: config.mentionMobiles,
    });
    for (const warning of warnings) ctx.log.warn(warning);

    const unsigned = { url: new URL(config.webhookUrl), payload };
    const request =
      config.secret === undefined
        ? unsigned
        : await signRobotRequest(config.platform, config.secret, unsigned, Date.now());

    ctx.log.info("sending group robot message", {
      platform: config.platform,
      attempt: ctx.attempt,
    });
    const response = await http.send({
      method: "POST",
      url: request.url.href,
      // Robots ignore it today; sent anyway so a proxy or a future API can drop retried duplicates.
      headers: httpHeaders([["idempotency-key", ctx.idempotencyKey]]),
      body: request.payload,
      timeoutMs: ROBOT_TIMEOUT_MS,
      signal: ctx.signal,
    });
    assertSuccessStatus(response, `${config.platform} robot`);
    const rejection = robotRejection(config.platform, response.body);
    if (rejection !== undefined) {
      throw new NodeError(rejection.retryable ? "im.throttled" : "im.rejected", rejection.message, {
        retryable: rejection.retryable,
      });
    }
    return {};
  });
