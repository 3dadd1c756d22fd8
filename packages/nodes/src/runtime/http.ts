// What executors build an HTTP exchange from (URL, headers) and the failure classes of its
// answer that decide retries: throttling and 5xx may pass; other 4xx will not change by retrying.
// Sending is `HttpClient`'s job (http-client.ts), under the operator's address and size policy.
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

function excerpt(body: unknown): string {
  if (body === null) return "";
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return `: ${text.length > 300 ? `${text.slice(0, 300)}…` : text}`;
}
