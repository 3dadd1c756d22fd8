// Group commit for inline steps. A step is written at once when fewer than `maxInFlight` writes
// are under way, so an idle system pays no delay; steps finished while the writes are busy wait
// for the next free slot and go together, as one statement and one transaction
// (playbook_steps_inline, migration 0006). Under load that turns N commits into one.
// If a batch fails as a whole (an error in one step aborts the transaction), each of its steps
// is retried on its own, so one bad step cannot fail the others.
import { sqlState } from "../database/transaction";
import type { StoreResources } from "../resources";
import { stepJson, stepParams, stepPlaceholders } from "../runtime/step-values";
import type { StepWrites } from "../runtime/write";
import type { ClaimedJob } from "./claimed-job";

export interface StepCommitSettings {
  /** Writes under way at once (each on its own connection). Default 2. */
  maxInFlight: number;
  /** Most steps in one transaction. Default 64. */
  maxBatch: number;
}

export type StepOutcome =
  | { outcome: "recorded"; inlineJobId: number | null }
  | { outcome: "conflict" }
  | { outcome: "fenced" };

interface Pending {
  job: ClaimedJob;
  writes: StepWrites;
  resolve(outcome: StepOutcome): void;
  reject(error: unknown): void;
}

/** Raised by playbook_write_rest (migration 0007) when the finished job's lease is gone. */
const LEASE_LOST = "PB001";

const STEP_INLINE = `SELECT * FROM playbook_step_inline($1, $2::uuid, $3::bigint, $4::int, ${stepPlaceholders(5)})`;
const STEPS_INLINE = "SELECT * FROM playbook_steps_inline($1::jsonb)";

type Row = { outcome: StepOutcome["outcome"]; inline_job_id: number | null; now_ms: number };

export class StepCommitter {
  private readonly queue: Pending[] = [];
  private inFlight = 0;

  constructor(
    private readonly res: Pick<StoreResources, "run" | "clock" | "logger">,
    private readonly settings: StepCommitSettings,
  ) {}

  /** Writes one inline step (version and lease checked by the database); resolves after commit. */
  write(job: ClaimedJob, writes: StepWrites): Promise<StepOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, writes, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.settings.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.settings.maxBatch);
      this.inFlight++;
      this.flush(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async flush(batch: Pending[]): Promise<void> {
    if (batch.length === 1) {
      await this.flushOne(batch[0] as Pending);
      return;
    }
    // One lock order for every batch: by instance id.
    batch.sort((a, b) => (a.job.instanceId < b.job.instanceId ? -1 : 1));
    let rows: Row[];
    try {
      rows = await this.writeBatch(batch);
    } catch (error) {
      // A lost lease (PB001) refuses its step by aborting the statement: common enough under
      // crashes and shutdowns not to warn about.
      const log = sqlState(error) === LEASE_LOST ? this.res.logger.debug : this.res.logger.warn;
      log.call(
        this.res.logger,
        { steps: batch.length, error: error instanceof Error ? error.message : String(error) },
        "batched step write failed; writing its steps one by one",
      );
      await Promise.all(batch.map((pending) => this.flushOne(pending)));
      return;
    }
    for (const [index, pending] of batch.entries()) pending.resolve(toOutcome(rows[index]));
  }

  private async flushOne(pending: Pending): Promise<void> {
    const { job, writes } = pending;
    try {
      const rows = await this.res.run<Row>("playbook_step_inline", STEP_INLINE, [
        job.workspaceId,
        job.instanceId,
        job.id,
        job.fence,
        ...stepParams(writes.values),
      ]);
      this.observe(rows);
      pending.resolve(toOutcome(rows[0]));
    } catch (error) {
      if (sqlState(error) === LEASE_LOST) pending.resolve({ outcome: "fenced" });
      else pending.reject(error);
    }
  }

  private async writeBatch(batch: Pending[]): Promise<Row[]> {
    const steps = `[${batch
      .map(({ job, writes }) =>
        stepJson(
          { workspace: job.workspaceId, instance: job.instanceId, job: job.id, fence: job.fence },
          writes.values,
        ),
      )
      .join(",")}]`;
    const rows = await this.res.run<Row>("playbook_steps_inline", STEPS_INLINE, [steps]);
    if (rows.length !== batch.length)
      throw new Error(`batch of ${batch.length} steps answered ${rows.length} rows`);
    this.observe(rows);
    return rows;
  }

  private observe(rows: Row[]): void {
    const row = rows[0];
    if (row) this.res.clock.observe(Number(row.now_ms));
  }
}

function toOutcome(row: Row | undefined): StepOutcome {
  if (row?.outcome === "recorded") return { outcome: "recorded", inlineJobId: row.inline_job_id };
  if (row?.outcome === "fenced") return { outcome: "fenced" };
  return { outcome: "conflict" };
}
