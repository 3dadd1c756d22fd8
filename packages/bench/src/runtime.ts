// `pnpm bench`: Playbook's durable runtime against DBOS Transact on the same Postgres, in
// alternating rounds. Each round runs in a child process (rounds/child.ts); this process creates
// the databases, reads Postgres's counters around each round, and prints the comparison.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type BenchConfig, readConfig } from "./config";
import { prepareDbos } from "./dbos/session";
import { busyPercent, loadAverage, sampleMachine } from "./machine";
import { preparePlaybook } from "./playbook/session";
import {
  type BenchDatabases,
  createBenchDatabases,
  dropBenchDatabases,
  withAdmin,
} from "./postgres/admin";
import { commitDelta, snapshot, untilDisconnected } from "./postgres/stats";
import { checkTargets, type RoundRecord, summarise } from "./report/summary";
import { formatRounds, formatTable, formatTargets } from "./report/table";
import type { RoundKind, RoundRequest, Side } from "./rounds/protocol";
import { runInChild } from "./rounds/spawn";

const packageRoot = fileURLToPath(new URL("../", import.meta.url));

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const adminDatabase = new URL(config.adminUrl).pathname.slice(1) || "postgres";
  console.log(
    `bench: ${config.instances} instances × ${config.steps} steps, ${config.concurrency} in flight, ` +
      `${config.rounds} rounds per side, ${config.latencyRuns} idle runs per round, pool ${config.poolSize}, ` +
      `${config.workerConcurrency} Playbook worker loops; load average ${loadAverage().join(" ")}`,
  );
  const loadAtStart = loadAverage();
  const databases = await createBenchDatabases(config.adminUrl);
  try {
    await preparePlaybook(databases.playbook.url, config.steps);
    await prepareDbos(databases.dbos.url);
    const records = await runRounds(config, databases, adminDatabase);
    await writeResults(config.resultsPath, {
      ...report(config, records, databases),
      machine: { loadAtStart, loadAtEnd: loadAverage() },
    });
  } finally {
    await dropBenchDatabases(config.adminUrl, databases);
  }
}

async function runRounds(
  config: BenchConfig,
  databases: BenchDatabases,
  adminDatabase: string,
): Promise<RoundRecord[]> {
  const records: RoundRecord[] = [];
  const database = (side: Side) => databases[side];
  async function round(side: Side, kind: RoundKind, index: number): Promise<void> {
    const request: RoundRequest = {
      side,
      kind,
      databaseUrl: database(side).url,
      adminUrl: config.adminUrl,
      instances: config.instances,
      concurrency: config.concurrency,
      steps: config.steps,
      latencyRuns: config.latencyRuns,
      warmup: kind === "latency" ? config.latencyWarmup : config.concurrency,
      poolSize: config.poolSize,
      workerConcurrency: config.workerConcurrency,
    };
    await withAdmin(config.adminUrl, async (admin) => {
      await untilDisconnected(admin, database(side).name);
      const before = await snapshot(admin);
      const machineBefore = sampleMachine();
      const result = await runInChild(request);
      const machineBusyPct = busyPercent(machineBefore, sampleMachine());
      await untilDisconnected(admin, database(side).name);
      const after = await snapshot(admin);
      const commits = commitDelta(before, after, database(side).name, adminDatabase);
      records.push({ side, kind, round: index, report: result, commits, machineBusyPct });
      const rate =
        kind === "throughput"
          ? `${((result.measured * config.steps) / (result.durationMs / 1000)).toFixed(0)} steps/s, `
          : kind === "latency"
            ? `${result.latenciesMs.length} runs, `
            : "";
      console.log(
        `  ${side} ${kind}${kind === "overhead" ? "" : ` #${index}`}: ${rate}${commits.own} commits`,
      );
    });
  }

  for (const side of config.sides) await round(side, "overhead", 0);
  for (let index = 1; index <= config.rounds; index++) {
    for (const side of config.sides) {
      await round(side, "throughput", index);
      await round(side, "latency", index);
    }
  }
  return records;
}

function report(
  config: BenchConfig,
  records: RoundRecord[],
  databases: BenchDatabases,
): Record<string, unknown> {
  const playbook = config.sides.includes("playbook")
    ? summarise("playbook", config.steps, records)
    : undefined;
  const dbos = config.sides.includes("dbos") ? summarise("dbos", config.steps, records) : undefined;
  console.log(`\n${formatTable(playbook, dbos)}\n`);
  for (const summary of [playbook, dbos]) if (summary) console.log(formatRounds(summary));
  const targets = playbook ? checkTargets(playbook, dbos) : undefined;
  if (targets) console.log(`\ntargets of this issue:\n${formatTargets(targets)}`);
  if (playbook && playbook.fallbacks > 0)
    console.log(`  note: ${playbook.fallbacks} Playbook completions were found by polling`);

  return {
    at: new Date().toISOString(),
    config: { ...config, adminUrl: undefined },
    databases: { playbook: databases.playbook.name, dbos: databases.dbos.name },
    playbook,
    dbos,
    targets,
    rounds: records.map(({ report: r, ...rest }) => ({
      ...rest,
      report: {
        ...r,
        latenciesMs: r.latenciesMs.length,
        freshLatenciesMs: r.freshLatenciesMs.length,
      },
    })),
  };
}

async function writeResults(relativePath: string, json: unknown): Promise<void> {
  const path = resolve(packageRoot, relativePath);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nresults written to ${path}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
