// Knowing when an instance has ended, without polling the database. The store has no completion
// hook, so two of its ports are tapped: the wrapped engine transition marks an instance whose
// event ended it (inside a transaction not yet committed), and the worker's "job result recorded"
// log line — written after that transaction commits — confirms it. A status poll remains as a
// fallback, counted, in case the store's log text ever changes.
import type { ApplyEvent, Logger, WorkspaceApi } from "@playbook/store";

/** The message the store's reportJobResult logs after its transaction committed. */
const RECORDED = "job result recorded";
const FALLBACK_AFTER_MS = 5_000;
const FALLBACK_POLL_MS = 50;

interface Waiter {
  resolve(at: number): void;
}

export class CompletionWatcher {
  private readonly endedUncommitted = new Set<string>();
  private readonly committedAt = new Map<string, number>();
  private readonly waiters = new Map<string, Waiter>();
  /** Completions that had to be found by polling (should stay 0). */
  fallbacks = 0;
  /** Instances that ended other than completed (failed, terminated): the round is void. */
  notCompleted = 0;

  /** The engine transition, wrapped to notice events that end an instance. */
  wrap(applyEvent: ApplyEvent): ApplyEvent {
    return (ctx, state, event) => {
      const result = applyEvent(ctx, state, event);
      if (result.ok && result.state.status !== "running")
        this.endedUncommitted.add(result.state.id);
      return result;
    };
  }

  /** A logger for the store: silent except for the post-commit signal. */
  readonly logger: Logger = {
    debug: (fields, message) => {
      if (message !== RECORDED) return;
      const instanceId = fields.instanceId;
      if (typeof instanceId !== "string" || !this.endedUncommitted.delete(instanceId)) return;
      this.settle(instanceId, performance.now());
    },
    info() {},
    warn: (fields, message) => console.warn("[store warn]", message, JSON.stringify(fields)),
    error: (fields, message) => console.error("[store error]", message, JSON.stringify(fields)),
  };

  /** Resolves with `performance.now()` at the moment the ending commit was observed. */
  async ended(ws: WorkspaceApi, instanceId: string): Promise<number> {
    const early = this.committedAt.get(instanceId);
    if (early !== undefined) {
      this.committedAt.delete(instanceId);
      return early;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const signalled = new Promise<number>((resolve) => {
      this.waiters.set(instanceId, { resolve });
    });
    const polled = new Promise<number>((resolve) => {
      timer = setTimeout(() => resolve(this.poll(ws, instanceId)), FALLBACK_AFTER_MS);
    });
    try {
      return await Promise.race([signalled, polled]);
    } finally {
      clearTimeout(timer);
      this.waiters.delete(instanceId);
    }
  }

  private settle(instanceId: string, at: number): void {
    const waiter = this.waiters.get(instanceId);
    if (waiter) waiter.resolve(at);
    else this.committedAt.set(instanceId, at);
  }

  private async poll(ws: WorkspaceApi, instanceId: string): Promise<number> {
    for (;;) {
      if (!this.waiters.has(instanceId)) return performance.now();
      const found = await ws.instances.get(instanceId);
      if (found.ok && found.value.status !== "running") {
        this.fallbacks++;
        if (found.value.status !== "completed") this.notCompleted++;
        return performance.now();
      }
      await new Promise((resolve) => setTimeout(resolve, FALLBACK_POLL_MS));
    }
  }
}
