// How busy the machine was: the bench shares two cores with whatever else runs, so each run
// records the load average and the share of CPU time in use during its rounds.
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";

export interface MachineSample {
  busy: number;
  all: number;
}

/** Jiffies busy and in all, summed over CPUs, from /proc/stat (NaN off Linux). */
export function sampleMachine(): MachineSample {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const all = fields.reduce((sum, value) => sum + value, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { busy: all - idle, all };
  } catch {
    return { busy: Number.NaN, all: Number.NaN };
  }
}

/** Percentage of CPU time in use between two samples. */
export function busyPercent(before: MachineSample, after: MachineSample): number {
  return (100 * (after.busy - before.busy)) / (after.all - before.all);
}

export function loadAverage(): number[] {
  return loadavg().map((value) => Math.round(value * 100) / 100);
}
