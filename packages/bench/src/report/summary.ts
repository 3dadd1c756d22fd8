// Turns rounds into the numbers the issue asks for, per side, and the Playbook : DBOS ratios.
import { percentile } from "../load";
import type { CommitDelta } from "../postgres/stats";
import type { RoundKind, RoundReport, Side } from "../rounds/protocol";

export interface RoundRecord {
  side: Side;
  kind: RoundKind;
  round: number;
  report: RoundReport;
  commits: CommitDelta;
  /** Share of the machine's CPU in use during the round (this bench and everything else). */
  machineBusyPct: number;
}

export interface ThroughputRound {
  round: number;
  instancesPerSec: number;
  stepsPerSec: number;
  txPerStep: number;
  walBytesPerStep: number;
  /** Commits in other databases during the round: other users of the server (noise). */
  otherCommits: number;
  machineBusyPct: number;
  /** CPU per step of the measured phase: the side's process and its Postgres backends. */
  clientCpuMsPerStep: number;
  serverCpuMsPerStep: number;
}

export interface SideSummary {
  side: Side;
  /** Commits of opening + closing the side with no instances, subtracted from every round. */
  overheadCommits: number;
  throughput: ThroughputRound[];
  /** Medians over the throughput rounds. */
  instancesPerSec: number;
  stepsPerSec: number;
  txPerStep: number;
  walBytesPerStep: number;
  clientCpuMsPerStep: number;
  serverCpuMsPerStep: number;
  idle: {
    runs: number;
    p50Ms: number;
    p99Ms: number;
    /** p50 of the first runs in a freshly started process (before the JIT has warmed up). */
    freshP50Ms: number;
    txPerStep: number;
    walBytesPerStep: number;
  };
  fallbacks: number;
}

export function summarise(side: Side, steps: number, records: readonly RoundRecord[]): SideSummary {
  const own = records.filter((record) => record.side === side);
  const overheadCommits = own.find((record) => record.kind === "overhead")?.commits.own ?? 0;
  const txPerStep = (record: RoundRecord) =>
    (record.commits.own - overheadCommits) / (record.report.instancesRun * steps);
  const walPerStep = (record: RoundRecord) =>
    record.report.walBytes / (record.report.measured * steps);

  const throughput = own
    .filter((record) => record.kind === "throughput")
    .map((record) => {
      const instancesPerSec = record.report.measured / (record.report.durationMs / 1000);
      return {
        round: record.round,
        instancesPerSec,
        stepsPerSec: instancesPerSec * steps,
        txPerStep: txPerStep(record),
        walBytesPerStep: walPerStep(record),
        otherCommits: record.commits.others,
        machineBusyPct: record.machineBusyPct,
        clientCpuMsPerStep: record.report.cpu.clientMs / (record.report.measured * steps),
        serverCpuMsPerStep: record.report.cpu.serverMs / (record.report.measured * steps),
      };
    });
  const latency = own.filter((record) => record.kind === "latency");
  const samples = latency.flatMap((record) => record.report.latenciesMs);
  const fresh = latency.flatMap((record) => record.report.freshLatenciesMs);
  return {
    side,
    overheadCommits,
    throughput,
    instancesPerSec: median(throughput.map((t) => t.instancesPerSec)),
    stepsPerSec: median(throughput.map((t) => t.stepsPerSec)),
    txPerStep: median(throughput.map((t) => t.txPerStep)),
    walBytesPerStep: median(throughput.map((t) => t.walBytesPerStep)),
    clientCpuMsPerStep: median(throughput.map((t) => t.clientCpuMsPerStep)),
    serverCpuMsPerStep: median(throughput.map((t) => t.serverCpuMsPerStep)),
    idle: {
      runs: samples.length,
      p50Ms: percentile(samples, 50),
      p99Ms: percentile(samples, 99),
      freshP50Ms: percentile(fresh, 50),
      txPerStep: median(latency.map(txPerStep)),
      walBytesPerStep: median(latency.map(walPerStep)),
    },
    fallbacks: own.reduce((sum, record) => sum + record.report.fallbacks, 0),
  };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

/** The targets for this stage. */
export interface TargetCheck {
  stepsRatio: { value: number; target: number; met: boolean };
  txPerStep: { value: number; target: number; met: boolean };
  idleP50Ms: { value: number; target: number; met: boolean };
}

export function checkTargets(playbook: SideSummary, dbos: SideSummary | undefined): TargetCheck {
  const ratio = dbos ? playbook.stepsPerSec / dbos.stepsPerSec : Number.NaN;
  return {
    stepsRatio: { value: ratio, target: 2, met: ratio >= 2 },
    txPerStep: { value: playbook.txPerStep, target: 1.2, met: playbook.txPerStep <= 1.2 },
    idleP50Ms: { value: playbook.idle.p50Ms, target: 8, met: playbook.idle.p50Ms <= 8 },
  };
}
