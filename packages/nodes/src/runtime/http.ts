// One HTTP exchange for executors, with the failure classes that decide retries: network
// trouble, timeouts, throttling and 5xx may pass; other 4xx answers will not change by retrying.
import { NodeError } from "@playbook/node-sdk";

export interface HttpRequest {
  method: string;
  url: string;
  headers: Headers;
  /** Sent as JSON when present. */
  body?: unknown;
  timeoutMs: number;
  signal: AbortSignal;
}

export interface HttpResponse {
  status: number;
  /** Parsed JSON when the text is JSON, else the text; null when empty. */
  body: unknown;
}

/** Statuses worth a retry even though they are 4xx. */
const RETRYABLE_CLIENT_STATUSES = new Set([408, 425, 429]);

/** Parses a URL that may have come out of a template; only http and https go out. */
export function httpUrl(field: string, text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new NodeError("http.invalidUrl", `${field}: "${text}" is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new NodeError("http.invalidUrl", `${field}: only http and https URLs are allowed`);
  }
  return url;
}

/**
 * Header names are case-insensitive, so later `set`s replace earlier ones whatever their case.
 * Values must be Latin-1 text: a header that cannot be sent fails for good, naming the header.
 */
export function httpHeaders(entries: Iterable<[name: string, value: string]>): Headers {
  const headers = new Headers();
  for (const [name, value] of entries) {
    try {
      headers.set(name, value);
    } catch {
      throw new NodeError(
        "http.invalidHeader",
        `headers.${name}: "${value}" cannot be sent in an HTTP header (only Latin-1 text can)`,
      );
    }
  }
  return headers;
}

/** Sends the request; resolves with any status, throws NodeError when no answer came back. */
export async function sendHttp(request: HttpRequest): Promise<HttpResponse> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const headers = new Headers(request.headers);
  if (request.body !== undefined && !headers.has("content-type")) {
    headers.set("content-type", "application/json; charset=utf-8");
  }
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      signal: AbortSignal.any([request.signal, timeout]),
    });
    return { status: response.status, body: parseBody(await response.text()) };
  } catch (error) {
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

/** Throws the NodeError a non-2xx answer stands for. */
export function assertSuccessStatus(response: HttpResponse, what: string): void {
  const { status } = response;
  if (status >= 200 && status < 300) return;
  const detail = `${what} answered HTTP ${status}${excerpt(response.body)}`;
  if (status >= 500) throw new NodeError("http.serverError", detail, { retryable: true });
  if (RETRYABLE_CLIENT_STATUSES.has(status))
    throw new NodeError("http.throttled", detail, { retryable: true });
  throw new NodeError("http.clientError", detail);
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

function excerpt(body: unknown): string {
  if (body === null) return "";
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return `: ${text.length > 300 ? `${text.slice(0, 300)}…` : text}`;
}
