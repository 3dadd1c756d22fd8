// The TCK report as text, and the recorded baseline it is held against.
import type { FolderReport } from "./run";

export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

export interface Baseline extends Counts {
  folders: Record<string, Counts>;
}

export function toBaseline(folders: readonly FolderReport[]): Baseline {
  const total = (key: keyof Counts) => folders.reduce((sum, f) => sum + f[key], 0);
  return {
    passed: total("passed"),
    failed: total("failed"),
    skipped: total("skipped"),
    folders: Object.fromEntries(
      folders.map((f) => [f.folder, { passed: f.passed, failed: f.failed, skipped: f.skipped }]),
    ),
  };
}

/** Folders (and the total) whose pass count is lower than recorded. */
export function regressions(current: Baseline, recorded: Baseline): string[] {
  const out: string[] = [];
  for (const [folder, counts] of Object.entries(recorded.folders)) {
    const now = current.folders[folder]?.passed ?? 0;
    if (now < counts.passed) out.push(`${folder}: ${now} passed, baseline ${counts.passed}`);
  }
  if (current.passed < recorded.passed) {
    out.push(`total: ${current.passed} passed, baseline ${recorded.passed}`);
  }
  return out;
}

export function formatReport(
  folders: readonly FolderReport[],
  options: { details: boolean },
): string {
  const lines: string[] = [];
  const width = Math.max(6, ...folders.map((f) => f.folder.length));
  lines.push(`${"folder".padEnd(width)}  passed  failed  skipped`);
  for (const f of folders) {
    lines.push(
      `${f.folder.padEnd(width)}  ${pad(f.passed)}  ${pad(f.failed)}  ${pad(f.skipped, 7)}`,
    );
    const shown = f.outcomes.filter(
      (o) => o.status === "skipped" || (options.details && o.status === "failed"),
    );
    for (const o of shown)
      lines.push(`    ${o.status} ${o.testCase}/${o.decision}: ${o.detail ?? ""}`);
  }
  const total = toBaseline(folders);
  lines.push(
    `${"total".padEnd(width)}  ${pad(total.passed)}  ${pad(total.failed)}  ${pad(total.skipped, 7)}`,
  );
  return lines.join("\n");
}

function pad(n: number, width = 6): string {
  return String(n).padStart(width);
}
