// What the parent asks of a round child and what the child reports back (over Node's IPC).

export type Side = "playbook" | "dbos";

/**
 * - `overhead`: open the side, start its workers, close — no instances. Its commits are the fixed
 *   cost every other round also pays, subtracted from them.
 * - `throughput`: `instances` with `concurrency` in flight (after `warmup` of the same shape).
 * - `latency`: `latencyRuns` single instances one after another, after `warmup` of them: the
 *   measured runs see a process whose code the JIT has compiled, as a server that has been up
 *   for a while is. The first `latencyRuns` of the warm-up are reported too (a fresh process).
 */
export type RoundKind = "overhead" | "throughput" | "latency";

export interface RoundRequest {
  side: Side;
  kind: RoundKind;
  databaseUrl: string;
  /** For the child's WAL position reads, which must not count as the side's transactions. */
  adminUrl: string;
  instances: number;
  concurrency: number;
  steps: number;
  latencyRuns: number;
  warmup: number;
  poolSize: number;
  workerConcurrency: number;
}

export interface RoundReport {
  /** Load phase only (not opening or closing), ms. */
  durationMs: number;
  /** Instances run, warm-up included (all of them cost transactions). */
  instancesRun: number;
  /** Instances in the measured phase. */
  measured: number;
  /** Per-instance start → end, ms (latency rounds only). */
  latenciesMs: number[];
  /** The same for the first runs of the warm-up, in a freshly started process. */
  freshLatenciesMs: number[];
  /** WAL written during the load phase, warm-up excluded (server-wide). */
  walBytes: number;
  /** Playbook: completions found by polling instead of the post-commit signal. */
  fallbacks: number;
  /** CPU of the measured phase: this process, and the side's Postgres backends (NaN if unknown). */
  cpu: { clientMs: number; serverMs: number };
}

/** One instance, started and awaited to its end; what each side implements. */
export interface SideSession {
  runInstance(): Promise<void>;
  /** Completions found by polling rather than by the side's own signal. */
  readonly fallbacks?: number;
  close(): Promise<void>;
}

export const ROUND_ENV = "BENCH_ROUND";

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
