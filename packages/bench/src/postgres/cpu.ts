// CPU time spent by one side, client and server: on a shared two-core machine, steps/s moves with
// whatever else runs, while CPU milliseconds per step mostly do not. Server CPU is read from
// /proc for the backends connected to the side's database, so it is available only when
// Postgres runs on this machine (the bench's default); otherwise it is reported as missing.
import { readFile } from "node:fs/promises";
import type pg from "pg";

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in ticks of 10 ms. */
const TICK_MS = 10;

export interface CpuSample {
  clientMs: number;
  /** Per backend pid: user + system CPU in ms; undefined when /proc is not readable. */
  backends: Map<number, number> | undefined;
}

export async function sampleCpu(admin: pg.Client, database: string): Promise<CpuSample> {
  const usage = process.cpuUsage();
  const clientMs = (usage.user + usage.system) / 1000;
  const { rows } = await admin.query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE datname = $1",
    [database],
  );
  const backends = new Map<number, number>();
  for (const { pid } of rows) {
    const ms = await processCpuMs(pid);
    if (ms === undefined) return { clientMs, backends: undefined };
    backends.set(pid, ms);
  }
  return { clientMs, backends };
}

export interface CpuSpent {
  clientMs: number;
  /** NaN when server CPU could not be read. */
  serverMs: number;
}

/** CPU between two samples; a backend that appeared meanwhile counts whole. */
export function cpuBetween(before: CpuSample, after: CpuSample): CpuSpent {
  let serverMs = Number.NaN;
  if (before.backends && after.backends) {
    serverMs = 0;
    for (const [pid, ms] of after.backends) serverMs += ms - (before.backends.get(pid) ?? 0);
  }
  return { clientMs: after.clientMs - before.clientMs, serverMs };
}

async function processCpuMs(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}
