// Sends executors' HTTP requests under the operator's policy: only addresses the policy allows
// are connected to (checked per connection, redirects included), at most five redirects are
// followed, and no more than the size limit of an answer is read. Resolves with any status;
// throws NodeError when no usable answer came back.
import { NodeError } from "@playbook/node-sdk";
import { type Agent, fetch } from "undici";
import { createAddressPolicy } from "./address-policy";
import { createGuardedAgent } from "./guarded-agent";
import type { HttpRequest, HttpResponse } from "./http";
import { DEFAULT_MAX_RESPONSE_BYTES, readBodyText } from "./limited-body";

export interface HttpPolicy {
  /**
   * Host names, IP addresses and CIDR ranges that may be reached although they are not public
   * (`crm.internal`, `127.0.0.1`, `10.0.0.0/8`). Public addresses are always allowed.
   */
  allow?: readonly string[];
  /** The most of one answer's body that is read; default 1 MiB. */
  maxResponseBytes?: number;
}

export interface HttpClient {
  send(request: HttpRequest): Promise<HttpResponse>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Dropped when a redirect turns the request into a GET without a body (as fetch does). */
const BODY_HEADERS = ["content-type", "content-encoding", "content-language", "content-location"];
/** Dropped when a redirect leaves the origin (as fetch does). */
const CREDENTIAL_HEADERS = ["authorization", "proxy-authorization", "cookie"];

export function createHttpClient(policy: HttpPolicy = {}): HttpClient {
  const maxResponseBytes = policy.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (!Number.isSafeInteger(maxResponseBytes) || maxResponseBytes < 1) {
    throw new Error(`maxResponseBytes must be a positive whole number, got ${maxResponseBytes}`);
  }
  const agent = createGuardedAgent(createAddressPolicy(policy.allow));
  return {
    send: (request) => send(request, agent, maxResponseBytes),
    close: () => agent.close(),
  };
}

async function send(request: HttpRequest, agent: Agent, limit: number): Promise<HttpResponse> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = AbortSignal.any([request.signal, timeout]);
  const headers = new Headers(request.headers);
  let body = request.body === undefined ? undefined : JSON.stringify(request.body);
  if (body !== undefined && !headers.has("content-type")) {
    headers.set("content-type", "application/json; charset=utf-8");
  }
  let method = request.method;
  let url = new URL(request.url);
  try {
    // Redirects are followed here, not by fetch, to cap them at MAX_REDIRECTS.
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(url, {
        method,
        headers: [...headers],
        ...(body === undefined ? {} : { body }),
        redirect: "manual",
        dispatcher: agent,
        signal,
      });
      const location = REDIRECT_STATUSES.has(response.status)
        ? response.headers.get("location")
        : null;
      if (location === null) {
        return { status: response.status, body: parseBody(await readBodyText(response, limit)) };
      }
      void response.body?.cancel().catch(() => {});
      const next = redirectTarget(location, url);
      if (redirects === MAX_REDIRECTS) {
        throw new NodeError(
          "http.tooManyRedirects",
          `more than ${MAX_REDIRECTS} redirects (the last one to ${next.host})`,
        );
      }
      if (turnsIntoGet(response.status, method)) {
        method = "GET";
        body = undefined;
        for (const name of BODY_HEADERS) headers.delete(name);
      }
      if (next.origin !== url.origin) {
        for (const name of CREDENTIAL_HEADERS) headers.delete(name);
      }
      url = next;
    }
  } catch (error) {
    // Refusals and size limits are ours, possibly wrapped by fetch as a connection's cause.
    const ours = nodeErrorIn(error);
    if (ours !== undefined) throw ours;
    if (request.signal.aborted) {
      throw new NodeError("node.aborted", "the job was stopped before the answer came", {
        retryable: true,
        cause: error,
      });
    }
    if (timeout.aborted) {
      throw new NodeError("http.timeout", `no answer within ${request.timeoutMs} ms`, {
        retryable: true,
        cause: error,
      });
    }
    throw new NodeError("http.network", `request failed: ${describeNetworkError(error)}`, {
      retryable: true,
      cause: error,
    });
  }
}

function redirectTarget(location: string, from: URL): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw new NodeError(
      "http.invalidRedirect",
      `${from.host} redirected to "${location}", not a URL`,
    );
  }
  if (next.protocol !== "http:" && next.protocol !== "https:") {
    throw new NodeError(
      "http.invalidRedirect",
      `${from.host} redirected to a ${next.protocol} URL; only http and https are followed`,
    );
  }
  return next;
}

/** 301/302 after a POST and 303 after anything but GET/HEAD continue as a GET (as fetch does). */
function turnsIntoGet(status: number, method: string): boolean {
  if (status === 303) return method !== "GET" && method !== "HEAD";
  return (status === 301 || status === 302) && method === "POST";
}

function nodeErrorIn(error: unknown): NodeError | undefined {
  let current = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof NodeError) return current;
    current = current.cause;
  }
  return undefined;
}

function parseBody(text: string): unknown {
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // undici puts the useful part (ECONNREFUSED, ENOTFOUND...) in `cause`.
  const cause = error.cause;
  if (cause instanceof Error) return `${error.message} (${cause.message})`;
  return error.message;
}
