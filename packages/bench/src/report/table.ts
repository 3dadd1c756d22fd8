// The side-by-side table printed at the end of a run.
import type { SideSummary, TargetCheck } from "./summary";

interface Row {
  label: string;
  value(side: SideSummary): number;
  digits: number;
  /** Ratio Playbook / DBOS, or DBOS / Playbook where lower is better. */
  lowerIsBetter?: boolean;
}

const ROWS: Row[] = [
  { label: "instances/s", value: (s) => s.instancesPerSec, digits: 0 },
  { label: "steps/s", value: (s) => s.stepsPerSec, digits: 0 },
  { label: "transactions/step", value: (s) => s.txPerStep, digits: 2, lowerIsBetter: true },
  { label: "WAL bytes/step", value: (s) => s.walBytesPerStep, digits: 0, lowerIsBetter: true },
  {
    label: "CPU ms/step, client",
    value: (s) => s.clientCpuMsPerStep,
    digits: 3,
    lowerIsBetter: true,
  },
  {
    label: "CPU ms/step, Postgres",
    value: (s) => s.serverCpuMsPerStep,
    digits: 3,
    lowerIsBetter: true,
  },
  { label: "idle p50 ms", value: (s) => s.idle.p50Ms, digits: 1, lowerIsBetter: true },
  { label: "idle p99 ms", value: (s) => s.idle.p99Ms, digits: 1, lowerIsBetter: true },
  {
    label: "idle p50 ms, fresh process",
    value: (s) => s.idle.freshP50Ms,
    digits: 1,
    lowerIsBetter: true,
  },
  {
    label: "idle transactions/step",
    value: (s) => s.idle.txPerStep,
    digits: 2,
    lowerIsBetter: true,
  },
];

export function formatTable(playbook?: SideSummary, dbos?: SideSummary): string {
  const header = ["", "Playbook", "DBOS 5.3", "advantage"];
  const lines = ROWS.map((row) => {
    const p = playbook ? row.value(playbook) : Number.NaN;
    const d = dbos ? row.value(dbos) : Number.NaN;
    const ratio = row.lowerIsBetter ? d / p : p / d;
    return [row.label, fixed(p, row.digits), fixed(d, row.digits), `${fixed(ratio, 2)}×`];
  });
  const widths = header.map((_, i) =>
    Math.max(...[header, ...lines].map((line) => line[i]?.length ?? 0)),
  );
  const render = (line: string[]) =>
    line
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ");
  return [render(header), ...lines.map(render)].join("\n");
}

export function formatRounds(summary: SideSummary): string {
  return summary.throughput
    .map(
      (t) =>
        `  ${summary.side} round ${t.round}: ${fixed(t.stepsPerSec, 0)} steps/s, ` +
        `${fixed(t.txPerStep, 3)} tx/step, ${fixed(t.walBytesPerStep, 0)} WAL B/step, ` +
        `CPU ${fixed(t.clientCpuMsPerStep, 3)} + ${fixed(t.serverCpuMsPerStep, 3)} ms/step, ` +
        `machine ${fixed(t.machineBusyPct, 0)} % busy` +
        (t.otherCommits > 0 ? `  (other databases committed ${t.otherCommits} meanwhile)` : ""),
    )
    .join("\n");
}

export function formatTargets(check: TargetCheck): string {
  const mark = (met: boolean) => (met ? "met" : "NOT met");
  return [
    `  steps/s vs DBOS   ${fixed(check.stepsRatio.value, 2)}×  (target ≥ ${check.stepsRatio.target}×)  ${mark(check.stepsRatio.met)}`,
    `  transactions/step ${fixed(check.txPerStep.value, 3)}  (target ≤ ${check.txPerStep.target})  ${mark(check.txPerStep.met)}`,
    `  idle p50          ${fixed(check.idleP50Ms.value, 1)} ms  (target ≤ ${check.idleP50Ms.target} ms)  ${mark(check.idleP50Ms.met)}`,
  ].join("\n");
}

function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "–";
}
