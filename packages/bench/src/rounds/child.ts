// A round, run in its own process so that closing it makes Postgres publish its backends'
// counters (see postgres/stats.ts) and so both sides start equally cold. Reads its request from
// the environment, reports over IPC, exits.
import pg from "pg";
import { sequentialLatencies, withInFlight } from "../load";
import { cpuBetween, sampleCpu } from "../postgres/cpu";
import { walLsn } from "../postgres/stats";
import { openSide } from "./open-side";
import { ROUND_ENV, type RoundReport, type RoundRequest } from "./protocol";

async function runRound(request: RoundRequest): Promise<RoundReport> {
  const session = await openSide(request);
  const admin = new pg.Client({
    connectionString: request.adminUrl,
    application_name: "bench-wal",
  });
  await admin.connect();
  const database = new URL(request.databaseUrl).pathname.slice(1);
  try {
    const once = () => session.runInstance();
    const timed = async () => {
      const began = performance.now();
      await session.runInstance();
      return performance.now() - began;
    };
    let measured = 0;
    let latenciesMs: number[] = [];
    let durationMs = 0;
    let walBytes = 0;
    let cpu = { clientMs: 0, serverMs: 0 };
    switch (request.kind) {
      case "overhead":
        break;
      case "throughput": {
        await withInFlight(request.warmup, request.concurrency, once);
        const walBefore = await walLsn(admin);
        const cpuBefore = await sampleCpu(admin, database);
        const began = performance.now();
        await withInFlight(request.instances, request.concurrency, once);
        durationMs = performance.now() - began;
        cpu = cpuBetween(cpuBefore, await sampleCpu(admin, database));
        walBytes = Number((await walLsn(admin)) - walBefore);
        measured = request.instances;
        break;
      }
      case "latency": {
        await sequentialLatencies(request.warmup, timed);
        const walBefore = await walLsn(admin);
        const cpuBefore = await sampleCpu(admin, database);
        const began = performance.now();
        latenciesMs = await sequentialLatencies(request.latencyRuns, timed);
        durationMs = performance.now() - began;
        cpu = cpuBetween(cpuBefore, await sampleCpu(admin, database));
        walBytes = Number((await walLsn(admin)) - walBefore);
        measured = request.latencyRuns;
        break;
      }
    }
    return {
      durationMs,
      instancesRun: measured + (request.kind === "overhead" ? 0 : request.warmup),
      measured,
      latenciesMs,
      walBytes,
      fallbacks: session.fallbacks ?? 0,
      cpu,
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
