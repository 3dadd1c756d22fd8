// A real local HTTP server for executor tests: records every request and answers as told.
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/robot/send?access_token=abc`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: unknown;
}

export interface Answer {
  status?: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON. */
  body?: unknown;
  /** Never answer (for abort tests). */
  hang?: boolean;
  /** Stream a body without end (chunked, 64 KiB a chunk) until the client hangs up; stops by itself after 64 MiB. */
  endless?: boolean;
}

const ENDLESS_CHUNK = Buffer.alloc(64 * 1024, "x");
const ENDLESS_MAX_CHUNKS = 1024;

export interface RecordingServer {
  baseUrl: string;
  requests: RecordedRequest[];
  /** How to answer the next requests; default 200 `{}`. */
  answerWith(answer: Answer | ((request: RecordedRequest) => Answer)): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startRecordingServer(): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  let answer: (request: RecordedRequest) => Answer = () => ({});
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body,
        json: parseJson(body),
      };
      requests.push(recorded);
      const {
        status = 200,
        headers = {},
        body: answerBody = {},
        hang = false,
        endless = false,
      } = answer(recorded);
      if (hang) return;
      if (endless) {
        res.writeHead(status, { "content-type": "text/plain", ...headers });
        let sent = 0;
        const more = () => {
          while (sent < ENDLESS_MAX_CHUNKS && !res.destroyed) {
            sent++;
            if (!res.write(ENDLESS_CHUNK)) return void res.once("drain", more);
          }
          res.end();
        };
        more();
        return;
      }
      const text = typeof answerBody === "string" ? answerBody : JSON.stringify(answerBody);
      const contentType = typeof answerBody === "string" ? "text/plain" : "application/json";
      res.writeHead(status, { "content-type": contentType, ...headers }).end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    answerWith(next) {
      answer = typeof next === "function" ? next : () => next;
    },
    reset() {
      requests.length = 0;
      answer = () => ({});
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
