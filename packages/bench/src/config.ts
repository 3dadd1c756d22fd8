// The benchmark's knobs, read once from the environment (the bench is a script, so unlike the
// store it may read env vars). Defaults are the issue's: 2,000 instances of a 10-step flow,
// 32 in flight, alternating rounds, 50 idle single-instance runs.

export interface BenchConfig {
  /** Admin connection (creates and drops the bench databases). */
  adminUrl: string;
  instances: number;
  concurrency: number;
  /** Service steps per instance (the flow is start → steps → end). */
  steps: number;
  /** Throughput rounds per side; sides alternate, Playbook first. */
  rounds: number;
  /** Sequential single-instance runs per latency round. */
  latencyRuns: number;
  /** Instances run (unmeasured) before the latency runs, in the same fresh process. */
  latencyWarmup: number;
  /** Connection pool size given to each side (Playbook `poolSize`, DBOS `systemDatabasePoolSize`). */
  poolSize: number;
  /** Worker loops of the Playbook side. */
  workerConcurrency: number;
  /** Which sides run: both by default; `playbook` or `dbos` for profiling one. */
  sides: ReadonlyArray<"playbook" | "dbos">;
  /** Where the JSON report goes (relative to the package). */
  resultsPath: string;
}

const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export function readConfig(env: NodeJS.ProcessEnv): BenchConfig {
  const concurrency = positiveInt(env, "BENCH_CONCURRENCY", 32);
  return {
    adminUrl: env.DATABASE_URL || DEFAULT_ADMIN_URL,
    instances: positiveInt(env, "BENCH_INSTANCES", 2_000),
    concurrency,
    steps: positiveInt(env, "BENCH_STEPS", 10),
    rounds: positiveInt(env, "BENCH_ROUNDS", 2),
    latencyRuns: positiveInt(env, "BENCH_LATENCY_RUNS", 50),
    latencyWarmup: positiveInt(env, "BENCH_LATENCY_WARMUP", 200),
    poolSize: positiveInt(env, "BENCH_POOL", 20),
    workerConcurrency: positiveInt(env, "BENCH_WORKERS", concurrency),
    sides: readSides(env.BENCH_SIDES),
    resultsPath: env.BENCH_RESULTS || "results/latest.json",
  };
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

function readSides(raw: string | undefined): BenchConfig["sides"] {
  if (raw === undefined || raw === "" || raw === "both") return ["playbook", "dbos"];
  if (raw === "playbook" || raw === "dbos") return [raw];
  throw new Error("BENCH_SIDES must be both, playbook or dbos");
}
