// The LISTEN connection of a worker process. Postgres may drop it at any time (a restart, a
// failover, an idle-connection killer); the listener must come back on its own, say so in the
// log, and NOTIFY from other processes must wake this one again — without waiting for polling.
// Postgres only: on PGlite there is no LISTEN connection (wake-ups are in-process).
import pg from "pg";
import { describe, expect, onTestFinished } from "vitest";
import type { LogFields, Logger } from "../src/index";
import { NotificationListener } from "../src/workers/listener";
import { test } from "./db";
import { chain, service, timer } from "./support/definitions";
import {
  eventually,
  expectOk,
  freshWorkspace,
  openStore,
  publish,
  untilStatus,
} from "./support/harness";
import { executorsByAction } from "./support/node-types";

// The woken side polls once a minute, so anything done well within a minute was a notification.
const POLL_MS = 60_000;
const WAKE_DEADLINE_MS = 15_000;

interface LogLine {
  level: keyof Logger;
  fields: LogFields;
  message: string;
}

function recordingLogger(): { logger: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: keyof Logger) =>
    (fields: LogFields, message: string): void =>
      void lines.push({ level, fields, message });
  return {
    lines,
    logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") },
  };
}

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

type Query = (text: string, values?: unknown[]) => Promise<{ rows: Array<{ pid: number }> }>;

/** Backends of one application on the current database whose last statement was LISTEN. */
async function listeningBackends(query: Query, applicationName: string): Promise<number[]> {
  const { rows } = await query(
    `SELECT pid FROM pg_stat_activity
     WHERE datname = current_database() AND application_name = $1 AND query LIKE 'LISTEN%'`,
    [applicationName],
  );
  return rows.map((row) => row.pid);
}

async function connectedBackends(query: Query, applicationName: string): Promise<number[]> {
  const { rows } = await query(
    `SELECT pid FROM pg_stat_activity
     WHERE datname = current_database() AND application_name = $1`,
    [applicationName],
  );
  return rows.map((row) => row.pid);
}

async function adminClient(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "test-admin" });
  await client.connect();
  onTestFinished(() => client.end());
  return client;
}

/**
 * A listener on its own connection factory: the first connection is made at once, every later
 * one (the reconnects) waits for `reconnects.opened`, so a test can act while it is down.
 */
function heldListener(databaseUrl: string, applicationName: string) {
  const reconnects = gate();
  const reconnectConnected = gate();
  const log = recordingLogger();
  const jobWakes: number[] = [];
  let timerWakes = 0;
  let clientsMade = 0;
  const listener = new NotificationListener({
    applicationName,
    createClient: () => {
      const client = new pg.Client({
        connectionString: databaseUrl,
        application_name: applicationName,
      });
      clientsMade++;
      if (clientsMade > 1) {
        const connect = client.connect.bind(client) as () => Promise<pg.Client>;
        client.connect = (async () => {
          await reconnects.opened;
          try {
            return await connect();
          } finally {
            reconnectConnected.open();
          }
        }) as typeof client.connect;
      }
      return client;
    },
    onJobs: (count) => void jobWakes.push(count),
    onTimers: () => void timerWakes++,
    logger: log.logger,
  });
  onTestFinished(() => listener.stop());
  return {
    listener,
    reconnects,
    /** Resolves when the first held reconnect has got through (or failed) at the socket level. */
    reconnectConnected: reconnectConnected.opened,
    log,
    jobWakes,
    timerWakes: () => timerWakes,
    clientsMade: () => clientsMade,
  };
}

describe("LISTEN connection reconnect", () => {
  test("after Postgres drops the LISTEN connection, a job and a timer from another process still wake this one at once", async ({
    database,
    skip,
  }) => {
    if (database.kind !== "postgres") return skip("the LISTEN connection exists on Postgres only");
    const suffix = crypto.randomUUID().slice(0, 8);
    const workerName = `reconnect-worker-${suffix}`;
    const api = await openStore(database, { applicationName: `reconnect-api-${suffix}` });
    const log = recordingLogger();
    const ran: string[] = [];
    const worker = await openStore(database, {
      applicationName: workerName,
      logger: log.logger,
      executorFor: executorsByAction({ call: async (job) => void ran.push(job.instanceId) }),
    });
    const ws = await freshWorkspace(api, "reconnect");
    await publish(ws, chain("call-after-drop", [service("call", "call")]));
    await publish(ws, chain("pause-after-drop", [timer("pause", "PT1S")]));
    await worker.startWorkers({
      concurrency: 2,
      workspaceIds: [ws.id],
      pollMs: POLL_MS,
      timerPollMs: POLL_MS,
    });
    const admin = await adminClient(database.databaseUrl);
    const query: Query = (text, values) => admin.query(text, values);

    const [dropped] = await eventually(async () => {
      const pids = await listeningBackends(query, workerName);
      return pids.length === 1 ? pids : undefined;
    });
    await query("SELECT pg_terminate_backend($1)", [dropped]);

    await eventually(async () =>
      log.lines.some((line) => line.message === "listener reconnected") ? true : undefined,
    );
    const lost = log.lines.find((line) => line.message.startsWith("listener connection lost"));
    expect(lost?.level).toBe("warn");
    expect(JSON.stringify(lost?.fields)).toContain("administrator command");
    const listening = await listeningBackends(query, workerName);
    expect(listening).toHaveLength(1);
    expect(listening[0]).not.toBe(dropped);
    // Right after reconnecting the pool looks once for work it may have missed; let that look end
    // so that what follows can only have been woken by a notification.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const { instance: call } = expectOk(
      await ws.instances.start({ definitionKey: "call-after-drop" }),
    );
    const { instance: pause } = expectOk(
      await ws.instances.start({ definitionKey: "pause-after-drop" }),
    );
    await untilStatus(ws, call.id, "completed", WAKE_DEADLINE_MS);
    await untilStatus(ws, pause.id, "completed", WAKE_DEADLINE_MS);
    expect(ran).toEqual([call.id]);
  });

  test("work announced while the connection was down is looked for as soon as it is back", async ({
    database,
    skip,
  }) => {
    if (database.kind !== "postgres") return skip("the LISTEN connection exists on Postgres only");
    const name = `listener-gap-${crypto.randomUUID().slice(0, 8)}`;
    const admin = await adminClient(database.databaseUrl);
    const held = heldListener(database.databaseUrl, name);
    await held.listener.start();

    await admin.query(`SELECT pg_notify('playbook_jobs', '2 another-process')`);
    // Its own notifications are ignored: it woke its loops in memory already.
    await admin.query(`SELECT pg_notify('playbook_jobs', $1)`, [`5 ${name}`]);
    await admin.query(`SELECT pg_notify('playbook_jobs', '1 another-process')`);
    await eventually(async () => (held.jobWakes.length >= 2 ? true : undefined));
    expect(held.jobWakes).toEqual([2, 1]);

    const [pid] = await listeningBackends((text, values) => admin.query(text, values), name);
    await admin.query("SELECT pg_terminate_backend($1)", [pid]);
    await eventually(async () => (held.clientsMade() === 2 ? true : undefined));
    // Nobody listens now: these are lost, as any job committed during the gap would be.
    await admin.query(`SELECT pg_notify('playbook_jobs', '3 another-process')`);
    await admin.query(`SELECT pg_notify('playbook_timers', '1 another-process')`);
    expect(held.jobWakes).toEqual([2, 1]);
    expect(held.timerWakes()).toBe(0);

    held.reconnects.open();
    await eventually(async () =>
      held.log.lines.some((line) => line.message === "listener reconnected") ? true : undefined,
    );
    // Back: one job loop and the timer loop look for what was announced meanwhile.
    expect(held.jobWakes).toEqual([2, 1, 1]);
    expect(held.timerWakes()).toBe(1);
    await admin.query(`SELECT pg_notify('playbook_jobs', '4 another-process')`);
    await eventually(async () => (held.jobWakes.at(-1) === 4 ? true : undefined));
  });

  test("stopping while a reconnect is under way leaves no connection behind", async ({
    database,
    skip,
  }) => {
    if (database.kind !== "postgres") return skip("the LISTEN connection exists on Postgres only");
    const name = `listener-stop-${crypto.randomUUID().slice(0, 8)}`;
    const admin = await adminClient(database.databaseUrl);
    const query: Query = (text, values) => admin.query(text, values);
    const held = heldListener(database.databaseUrl, name);
    await held.listener.start();

    const [pid] = await listeningBackends(query, name);
    await admin.query("SELECT pg_terminate_backend($1)", [pid]);
    await eventually(async () => (held.clientsMade() === 2 ? true : undefined));

    const stopped = held.listener.stop();
    held.reconnects.open();
    await stopped;
    await held.reconnectConnected;
    await eventually(async () =>
      (await connectedBackends(query, name)).length === 0 ? true : undefined,
    );
    expect(held.clientsMade()).toBe(2);
    expect(held.log.lines.some((line) => line.message === "listener reconnected")).toBe(false);
  });
});
