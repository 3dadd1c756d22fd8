// One dedicated Postgres connection per process that LISTENs for new jobs and timers and wakes
// this process's idle loops (one per ready job, never all). Notifications sent by this process
// are ignored: it already woke its loops in memory right after its commit.
//
// If the connection drops it reconnects with backoff, logging the loss once and the return.
// Notifications sent while it was down are lost for good (Postgres keeps none for a listener
// that is not connected), so once LISTEN is back it wakes one job loop and the timer loop to
// look for work announced meanwhile (a probe: a loop that finds a job wakes another to look too).
import type pg from "pg";
import { errorFields, type Logger } from "../logger";

export interface ListenerOptions {
  createClient: () => pg.Client;
  applicationName: string;
  /** `probe`: nobody knows how many jobs wait; the woken loop wakes a sibling if it finds one. */
  onJobs(count: number, probe?: boolean): void;
  onTimers(): void;
  logger: Logger;
}

const CHANNELS = ["playbook_jobs", "playbook_timers"] as const;
const FIRST_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 10_000;
const STOP_WAIT_MS = 5_000;

export class NotificationListener {
  /** The client in use, or the one being connected; undefined while waiting to retry. */
  private client: pg.Client | undefined;
  /** The connection attempt under way, so `stop()` can wait for it to settle. */
  private attempt: Promise<void> | undefined;
  private stopped = false;
  private everConnected = false;
  private backoffMs = FIRST_BACKOFF_MS;
  private retry: ReturnType<typeof setTimeout> | undefined;
  /** When the connection was lost (or first failed), until it is back. */
  private downSince: number | undefined;
  private failedAttempts = 0;

  constructor(private readonly options: ListenerOptions) {}

  async start(): Promise<void> {
    await this.connect();
  }

  /** Closes the connection; when it resolves, the listener holds none (and will open none). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = undefined;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
    // A connection still being opened closes itself once it sees the stop; wait for that, but
    // not so long that a connect hanging at the network level holds up shutdown.
    if (this.attempt) await settlesWithin(this.attempt, STOP_WAIT_MS);
  }

  private connect(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const attempt = this.open(this.options.createClient()).finally(() => {
      if (this.attempt === attempt) this.attempt = undefined;
    });
    this.attempt = attempt;
    return attempt;
  }

  private async open(client: pg.Client): Promise<void> {
    this.client = client;
    client.on("notification", (message) => this.dispatch(message.channel, message.payload ?? ""));
    // pg reports a dead connection as "error" and then "end" (or only "end"); `lost` ignores all
    // but the first report for the current client.
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, undefined));
    try {
      await client.connect();
      for (const channel of CHANNELS) await client.query(`LISTEN ${channel}`);
    } catch (error) {
      this.lost(client, error);
      // Stopped or replaced meanwhile: make sure this one does not linger.
      await client.end().catch(() => undefined);
      return;
    }
    if (this.client !== client) {
      // `stop()` ran (or the connection died) while this attempt was under way.
      await client.end().catch(() => undefined);
      return;
    }
    this.backoffMs = FIRST_BACKOFF_MS;
    const wasDown = this.downSince !== undefined;
    if (wasDown) {
      this.options.logger.info(
        {
          downMs: Date.now() - (this.downSince ?? Date.now()),
          failedAttempts: this.failedAttempts,
        },
        this.everConnected ? "listener reconnected" : "listener connected",
      );
    }
    this.everConnected = true;
    this.downSince = undefined;
    this.failedAttempts = 0;
    if (wasDown) {
      // Whatever was announced while nobody listened: look once.
      this.options.onJobs(1, true);
      this.options.onTimers();
    }
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    if (this.stopped) return;
    const fields = error === undefined ? {} : errorFields(error);
    if (this.downSince === undefined) {
      this.downSince = Date.now();
      this.options.logger.warn(
        fields,
        this.everConnected
          ? "listener connection lost; polling until it is back"
          : "listener could not connect; polling meanwhile",
      );
    } else {
      this.failedAttempts++;
      this.options.logger.warn(
        { ...fields, retryInMs: this.backoffMs, failedAttempts: this.failedAttempts },
        "listener could not reconnect; trying again",
      );
    }
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, this.backoffMs);
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
  }

  private dispatch(channel: string, payload: string): void {
    const space = payload.indexOf(" ");
    const count = Number(space < 0 ? payload : payload.slice(0, space));
    const origin = space < 0 ? "" : payload.slice(space + 1);
    if (origin === this.options.applicationName) return;
    if (channel === "playbook_jobs")
      this.options.onJobs(Number.isFinite(count) && count > 0 ? count : 1);
    else if (channel === "playbook_timers") this.options.onTimers();
  }
}

async function settlesWithin(promise: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  try {
    await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
