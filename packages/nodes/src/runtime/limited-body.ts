// Reads a response body as text without ever holding more than the limit: the stream is read
// chunk by chunk and cancelled (closing the connection) as soon as the total would pass it.
import { NodeError } from "@playbook/node-sdk";
import type { Response } from "undici";

export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

/** The operator's setting that raises the limit; named when a body is too large. */
export const HTTP_MAX_RESPONSE_SETTING = "PLAYBOOK_HTTP_MAX_RESPONSE_BYTES";

export async function readBodyText(response: Response, limit: number): Promise<string> {
  // A declared length is the real size only when the body is not compressed.
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (!response.headers.has("content-encoding") && declared > limit) {
    void response.body?.cancel().catch(() => {});
    throw responseTooLarge(limit);
  }
  if (response.body === null) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      void reader.cancel().catch(() => {});
      throw responseTooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function responseTooLarge(limit: number): NodeError {
  // The same answer comes back next time: not retryable.
  return new NodeError(
    "http.responseTooLarge",
    `the answer is larger than ${formatBytes(limit)}, the most this server reads from one ` +
      `response; an operator can raise the limit with ${HTTP_MAX_RESPONSE_SETTING}`,
  );
}

export function formatBytes(bytes: number): string {
  const MiB = 1024 * 1024;
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB (${bytes} bytes)`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB (${bytes} bytes)`;
  return `${bytes} bytes`;
}
