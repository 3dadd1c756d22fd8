// A round, run in its own process so that closing it makes Postgres publish its backends'
// counters (see postgres/stats.ts) and so both sides start equally cold. Reads its request from
// the environment, reports over IPC, exits.
import pg from "pg";
import { sequentialLatencies, withInFlight } from "../load";
import { cpuBetween, sampleCpu } from "../postgres/cpu";
import { walLsn } from "../postgres/stats";
import { openSide } from "./open-side";
import {
  assertNever,
  ROUND_ENV,
  type RoundReport,
  type RoundRequest,
  type SideSession,
} from "./protocol";

interface Phase<T> {
  value: T;
  durationMs: number;
  walBytes: number;
  cpu: RoundReport["cpu"];
}

/** Runs the measured phase of a round between WAL and CPU readings. */
async function measure<T>(
  admin: pg.Client,
  database: string,
  work: () => Promise<T>,
): Promise<Phase<T>> {
  const walBefore = await walLsn(admin);
  const cpuBefore = await sampleCpu(admin, database);
  const began = performance.now();
  const value = await work();
  const durationMs = performance.now() - began;
  const cpu = cpuBetween(cpuBefore, await sampleCpu(admin, database));
  const walBytes = Number((await walLsn(admin)) - walBefore);
  return { value, durationMs, walBytes, cpu };
}

async function runPhases(
  request: RoundRequest,
  session: SideSession,
  admin: pg.Client,
): Promise<Phase<number[]> & { measured: number; fresh: number[] }> {
  const database = new URL(request.databaseUrl).pathname.slice(1);
  const once = () => session.runInstance();
  const timed = async () => {
    const began = performance.now();
    await session.runInstance();
    return performance.now() - began;
  };
  switch (request.kind) {
    case "overhead":
      return {
        value: [],
        durationMs: 0,
        walBytes: 0,
        cpu: { clientMs: 0, serverMs: 0 },
        measured: 0,
        fresh: [],
      };
    case "throughput": {
      await withInFlight(request.warmup, request.concurrency, once);
      const phase = await measure(admin, database, async () => {
        await withInFlight(request.instances, request.concurrency, once);
        return [] as number[];
      });
      return { ...phase, measured: request.instances, fresh: [] };
    }
    case "latency": {
      const warmup = await sequentialLatencies(request.warmup, timed);
      const phase = await measure(admin, database, () =>
        sequentialLatencies(request.latencyRuns, timed),
      );
      return {
        ...phase,
        measured: request.latencyRuns,
        fresh: warmup.slice(0, request.latencyRuns),
      };
    }
    default:
      return assertNever(request.kind);
  }
}

async function runRound(request: RoundRequest): Promise<RoundReport> {
  const session = await openSide(request);
  const admin = new pg.Client({
    connectionString: request.adminUrl,
    application_name: "bench-wal",
  });
  await admin.connect();
  try {
    const phase = await runPhases(request, session, admin);
    return {
      durationMs: phase.durationMs,
      instancesRun: phase.measured + (request.kind === "overhead" ? 0 : request.warmup),
      measured: phase.measured,
      latenciesMs: phase.value,
      freshLatenciesMs: phase.fresh,
      walBytes: phase.walBytes,
      fallbacks: session.fallbacks ?? 0,
      cpu: phase.cpu,
    };
  } finally {
    await admin.end();
    await session.close();
  }
}

const raw = process.env[ROUND_ENV];
if (!raw || !process.send) {
  console.error(`round child: run by the bench with ${ROUND_ENV} set and an IPC channel`);
  process.exit(2);
}
try {
  const report = await runRound(JSON.parse(raw) as RoundRequest);
  process.send(report, () => process.exit(0));
} catch (error) {
  console.error("round failed:", error);
  process.exit(1);
}
