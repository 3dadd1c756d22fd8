// Process roles: `--role=api` serves HTTP and never runs jobs, `--role=worker` runs jobs and
// opens no port, and the two share one Postgres database. Real processes (tsx src/main.ts) on a
// fresh database from the store's test fixture, dropped after the file.
//
// The service step is the built-in HTTP request node calling a receiver in this test process
// on 127.0.0.1: every built-in service node makes an HTTP call, and a local one needs no network.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { resolve } from "node:path";
import { canonicalizeDefinition, type ProcessDefinitionInput } from "@playbook/schema";
import { describe, expect, onTestFinished } from "vitest";
import { readConfig } from "../src/config";
import type { Json } from "./support/server";
import { test } from "./support/server";

const serverDir = resolve(import.meta.dirname, "..");
const tsx = resolve(serverDir, "node_modules/.bin/tsx");
const START_TIMEOUT_MS = 60_000;
const URL_LINE = /Playbook is running at (http:\/\/localhost:\d+)/;

interface ServerProcess {
  child: ChildProcess;
  /** Everything printed so far, stdout and stderr. */
  output(): string;
  /** Resolves with the first match of `pattern` in the output; rejects if the process exits. */
  printed(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  exited: Promise<number | null>;
  /** The JSON log lines printed so far. */
  logs(): Array<Record<string, unknown>>;
}

function startServer(args: string[], env: Record<string, string>): ServerProcess {
  const child = spawn(tsx, ["src/main.ts", ...args], {
    cwd: serverDir,
    env: { ...process.env, PLAYBOOK_SEED: "false", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so cleanup also reaches the node process tsx starts.
    detached: true,
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined)
      process.kill(-child.pid, "SIGKILL");
  });
  let output = "";
  const watchers = new Set<() => void>();
  const read = (chunk: Buffer) => {
    output += chunk.toString();
    for (const watcher of watchers) watcher();
  };
  child.stdout?.on("data", read);
  child.stderr?.on("data", read);
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  return {
    child,
    output: () => output,
    exited,
    logs: () =>
      output
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    printed(pattern, timeoutMs = START_TIMEOUT_MS) {
      return new Promise((found, fail) => {
        const finish = (error?: Error) => {
          watchers.delete(check);
          clearTimeout(timer);
          if (error) fail(error);
        };
        const check = () => {
          const match = pattern.exec(output);
          if (match) {
            finish();
            found(match);
          }
        };
        const timer = setTimeout(
          () => finish(new Error(`${pattern} not printed within ${timeoutMs} ms:\n${output}`)),
          timeoutMs,
        );
        watchers.add(check);
        void exited.then((code) =>
          finish(new Error(`exited (${code}) before ${pattern}:\n${output}`)),
        );
        check();
      });
    },
  };
}

/** Stands in for the system the webhook calls: records requests, answers with a shipment. */
async function startReceiver() {
  const requests: Array<{ url: string; headers: IncomingHttpHeaders; body: Json }> = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on("end", () => {
      requests.push({ url: request.url ?? "", headers: request.headers, body: JSON.parse(body) });
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ shipment: `S-${requests.length}` }));
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  onTestFinished(() => new Promise<void>((done) => server.close(() => done())));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

function connectionRefused(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      done(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => done(error.code === "ECONNREFUSED"));
  });
}

function shipOrder(receiverUrl: string): ProcessDefinitionInput {
  return {
    key: "ship-order",
    name: { "zh-CN": "发货", en: "Ship order" },
    schemaVersion: 1,
    variables: [
      { name: "orderId", type: "string", required: true },
      { name: "shipment", type: "object" },
    ],
    nodes: [
      { id: "start", type: "playbook.start", typeVersion: 1, config: { trigger: "api" } },
      {
        id: "ship",
        type: "playbook.webhook",
        typeVersion: 1,
        config: {
          url: `${receiverUrl}/ship`,
          body: "{ orderId: orderId }",
          resultVariable: "shipment",
        },
      },
      { id: "end", type: "playbook.end", typeVersion: 1 },
    ],
    edges: [
      { id: "e1", source: "start", target: "ship" },
      { id: "e2", source: "ship", target: "end" },
    ],
  };
}

async function call(
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  const response = await fetch(url, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json() };
}

async function instanceOnceEnded(apiUrl: string, id: string, timeoutMs = 30_000): Promise<Json> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await call("GET", `${apiUrl}/api/instances/${id}`);
    if (body.status !== "running") return body;
    if (Date.now() > deadline)
      throw new Error(`instance ${id} still running after ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

const sentHttp = (server: ServerProcess) =>
  server
    .logs()
    .filter((line) => line.msg === "sending HTTP request")
    .map((line) => line.instanceId);

describe("process roles", () => {
  test("an api process and a worker process share the database: jobs wait for a worker, and the worker runs them", async ({
    database,
    skip,
  }) => {
    if (database.kind !== "postgres")
      return skip("two processes need Postgres (PGlite is one process)");
    const receiver = await startReceiver();
    const api = startServer(["--role=api"], { DATABASE_URL: database.databaseUrl, PORT: "0" });
    const apiUrl = (await api.printed(URL_LINE))[1] ?? "";

    expect((await call("GET", `${apiUrl}/api/health`)).body).toMatchObject({
      status: "ok",
      role: "api",
      database: "postgres",
      workers: false,
    });
    const definition = canonicalizeDefinition(shipOrder(receiver.url));
    expect((await call("POST", `${apiUrl}/api/definitions`, { definition })).status).toBe(201);
    expect((await call("POST", `${apiUrl}/api/definitions/ship-order/publish`, {})).status).toBe(
      201,
    );

    // Only the api process is up: the instance waits at its service step.
    const first = await call("POST", `${apiUrl}/api/instances`, {
      definitionKey: "ship-order",
      variables: { orderId: "A-1" },
    });
    expect(first.status).toBe(201);
    expect(first.body.activeNodes).toMatchObject([{ nodeId: "ship", waitingFor: "job" }]);
    // Longer than a worker's default poll interval (1 s): a process that ran workers would have
    // taken the job by now.
    await new Promise((done) => setTimeout(done, 1_500));
    expect((await call("GET", `${apiUrl}/api/instances/${first.body.id}`)).body).toMatchObject({
      status: "running",
      activeNodes: [{ nodeId: "ship", waitingFor: "job" }],
    });
    expect(receiver.requests).toEqual([]);

    // A worker starts, with a PORT it must not open, allowed to call the receiver on loopback.
    const workerPort = await freePort();
    const worker = startServer(["--role", "worker"], {
      DATABASE_URL: database.databaseUrl,
      PORT: String(workerPort),
      PLAYBOOK_HTTP_ALLOW: "127.0.0.1",
    });
    await worker.printed(/Playbook worker is running/);
    const done = await instanceOnceEnded(apiUrl, first.body.id);
    expect(done).toMatchObject({
      status: "completed",
      variables: { shipment: { shipment: "S-1" } },
    });
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]?.body).toEqual({ orderId: "A-1" });
    expect(receiver.requests[0]?.headers["idempotency-key"]).toMatch(
      new RegExp(`^${first.body.id}:`),
    );

    // Both up: a new instance started through the api is run by the worker.
    const second = await call("POST", `${apiUrl}/api/instances`, {
      definitionKey: "ship-order",
      variables: { orderId: "A-2" },
    });
    expect(await instanceOnceEnded(apiUrl, second.body.id)).toMatchObject({ status: "completed" });

    // The worker made the calls, the api process none; the worker serves no HTTP.
    expect(sentHttp(worker)).toEqual([first.body.id, second.body.id]);
    expect(sentHttp(api)).toEqual([]);
    expect(worker.output()).not.toMatch(URL_LINE);
    expect(await connectionRefused(workerPort)).toBe(true);

    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    expect(worker.logs().map((line) => line.msg)).toEqual(
      expect.arrayContaining(["workers stopped", "stopped"]),
    );
    api.child.kill("SIGTERM");
    expect(await api.exited).toBe(0);
  }, 150_000);

  test("an unknown role stops the process at once with a message naming the allowed roles", async () => {
    // A database that does not answer: the role must be refused before any connection is tried.
    const bad = startServer(["--role=workers"], {
      DATABASE_URL: "postgres://postgres@127.0.0.1:1/none",
      PORT: "0",
    });
    expect(await bad.exited).not.toBe(0);
    expect(bad.output()).toContain(
      "Playbook cannot start: --role must be all, api or worker, got workers",
    );
    expect(bad.output()).not.toMatch(URL_LINE);
  }, 60_000);

  test.each([
    [["--role"], {}, "--role must be all, api or worker, got nothing"],
    [["--role="], {}, "--role must be all, api or worker, got nothing"],
    [["--role", "API"], {}, "--role must be all, api or worker, got API"],
    [["--roles=worker"], {}, "unknown argument --roles=worker"],
    [["--role=api", "--role=worker"], {}, "--role is given more than once"],
    [["--role=worker"], { DATABASE_URL: "" }, "--role=worker needs DATABASE_URL (Postgres)"],
  ])("the command line %j is refused: %s", (argv, env, message) => {
    expect(() => readConfig({ DATABASE_URL: "postgres://db/x", ...env }, argv)).toThrow(
      expect.objectContaining({ name: "ConfigError", message: expect.stringContaining(message) }),
    );
  });

  test.each([
    [[], "all"],
    [["--role=api"], "api"],
    [["--", "--role", "worker"], "worker"],
  ])("the command line %j runs role %s", (argv, role) => {
    expect(readConfig({ DATABASE_URL: "postgres://db/x" }, argv).role).toBe(role);
  });
});
