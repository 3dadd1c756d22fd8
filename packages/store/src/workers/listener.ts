// One dedicated Postgres connection per process that LISTENs for new jobs and timers and wakes
// this process's idle loops (one per ready job, never all). Notifications sent by this process
// are ignored: it already woke its loops in memory right after its commit. If the connection
// drops, it reconnects with backoff; polling covers the gap.
import type pg from "pg";
import { errorFields, type Logger } from "../logger";

export interface ListenerOptions {
  createClient: () => pg.Client;
  applicationName: string;
  onJobs(count: number): void;
  onTimers(): void;
  logger: Logger;
}

const CHANNELS = ["playbook_jobs", "playbook_timers"] as const;
const MAX_BACKOFF_MS = 10_000;

export class NotificationListener {
  private client: pg.Client | undefined;
  private stopped = false;
  private backoffMs = 250;
  private retry: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: ListenerOptions) {}

  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = this.options.createClient();
    client.on("notification", (message) => this.dispatch(message.channel, message.payload ?? ""));
    client.on("error", (error) => {
      this.options.logger.warn(errorFields(error), "listener connection error");
      this.reconnect(client);
    });
    client.on("end", () => this.reconnect(client));
    try {
      await client.connect();
      for (const channel of CHANNELS) await client.query(`LISTEN ${channel}`);
      this.client = client;
      this.backoffMs = 250;
    } catch (error) {
      this.options.logger.warn(errorFields(error), "listener could not connect; polling meanwhile");
      this.reconnect(client);
    }
  }

  private reconnect(failed: pg.Client): void {
    if (this.stopped || (this.client !== undefined && this.client !== failed)) return;
    this.client = undefined;
    failed.end().catch(() => undefined);
    if (this.retry) return;
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
