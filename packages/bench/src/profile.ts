// `pnpm --filter @playbook/bench profile`: where a side's round trips go (BENCH_SIDES=playbook,
// the default, or dbos; PROFILE_IN_FLIGHT=1 for the idle path; PROFILE_SETUP_SQL runs SQL on
// the side's database first, for what-if experiments). Runs the
// same load as a throughput round in this process, counting every statement sent through `pg`
// (grouped by its leading words) with its client-side time, and prints them per step.
// Statement counts are exact; times include waiting for a pool connection's turn on the CPU.
import { monitorEventLoopDelay } from "node:perf_hooks";
import pg from "pg";
import { readConfig } from "./config";
import { prepareDbos } from "./dbos/session";
import { withInFlight } from "./load";
import { busyPercent, sampleMachine } from "./machine";
import { preparePlaybook } from "./playbook/session";
import { createBenchDatabases, dropBenchDatabases } from "./postgres/admin";
import { cpuBetween, sampleCpu } from "./postgres/cpu";
import { untilDisconnected } from "./postgres/stats";
import { walBreakdown } from "./postgres/wal-breakdown";
import { openSide } from "./rounds/open-side";

interface StatementStats {
  count: number;
  totalMs: number;
}

const statements = new Map<string, StatementStats>();
let counting = false;

function statementKey(text: string): string {
  const compact = text.replace(/\s+/g, " ").trim();
  const call = /(playbook_\w+)\(/.exec(compact);
  if (call) return `call ${call[1]}`;
  return compact.slice(0, 60);
}

// Transactions as the client sees them: a BEGIN … COMMIT block, or a statement outside one.
const inBlock = new WeakSet<pg.Client>();
let transactions = 0;

/** Counts the transaction a statement starts, if any; true when it runs in autocommit mode. */
function countTransaction(client: pg.Client, text: string): boolean {
  const verb = text.trimStart().slice(0, 8).toLowerCase();
  if (verb.startsWith("begin")) {
    inBlock.add(client);
    transactions++;
    return false;
  }
  if (verb.startsWith("commit") || verb.startsWith("rollback")) {
    inBlock.delete(client);
    return false;
  }
  if (inBlock.has(client)) return false;
  transactions++;
  return true;
}

type Query = (this: pg.Client, ...args: unknown[]) => unknown;
const originalQuery = pg.Client.prototype.query as unknown as Query;
(pg.Client.prototype as unknown as { query: Query }).query = function (this: pg.Client, ...args) {
  const first = args[0];
  const text =
    typeof first === "string" ? first : ((first as { text?: string } | undefined)?.text ?? "?");
  const result = originalQuery.apply(this, args);
  if (!counting || !(result instanceof Promise)) return result;
  const began = performance.now();
  const key = countTransaction(this, text)
    ? `${statementKey(text)}  [autocommit]`
    : statementKey(text);
  return result.finally(() => {
    const stats = statements.get(key) ?? { count: 0, totalMs: 0 };
    stats.count++;
    stats.totalMs += performance.now() - began;
    statements.set(key, stats);
  });
};

// DBOS 5.3 triggers pg's "client.query() while executing" deprecation on every run; not ours.
process.noDeprecation = true;

async function main(): Promise<void> {
  const config = readConfig(process.env);
  const inFlight = Number(process.env.PROFILE_IN_FLIGHT ?? config.concurrency);
  const databases = await createBenchDatabases(config.adminUrl);
  try {
    const side = config.sides[0] ?? "playbook";
    if (side === "playbook") await preparePlaybook(databases.playbook.url, config.steps);
    else await prepareDbos(databases.dbos.url);
    // Experiments: SQL run on the side's database before the load (drop an index, a trigger…).
    // PROFILE_FUNCTIONS=1 times every plpgsql function call (track_functions) for the report.
    const setupSql = [
      process.env.PROFILE_SETUP_SQL,
      process.env.PROFILE_FUNCTIONS === "1"
        ? `ALTER DATABASE "${databases[side].name}" SET track_functions = 'pl'`
        : undefined,
    ].filter((statement): statement is string => Boolean(statement));
    if (setupSql.length > 0) {
      const setup = new pg.Client({ connectionString: databases[side].url });
      await setup.connect();
      for (const statement of setupSql) await setup.query(statement);
      await setup.end();
    }
    const session = await openSide({
      side,
      kind: "throughput",
      databaseUrl: databases[side].url,
      adminUrl: config.adminUrl,
      instances: config.instances,
      concurrency: inFlight,
      steps: config.steps,
      latencyRuns: 0,
      warmup: 0,
      poolSize: config.poolSize,
      workerConcurrency: config.workerConcurrency,
    });
    await withInFlight(inFlight, inFlight, () => session.runInstance());
    const admin = new pg.Client({ connectionString: config.adminUrl });
    await admin.connect();
    const database = databases[side].name;
    const fromLsn = await currentLsn(admin);
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    const cpuBefore = await sampleCpu(admin, database);
    const machineBefore = sampleMachine();
    counting = true;
    const began = performance.now();
    await withInFlight(config.instances, inFlight, () => session.runInstance());
    const seconds = (performance.now() - began) / 1000;
    counting = false;
    const machineBusy = busyPercent(machineBefore, sampleMachine());
    const cpu = cpuBetween(cpuBefore, await sampleCpu(admin, database));
    loopDelay.disable();
    const toLsn = await currentLsn(admin);
    await session.close();
    await untilDisconnected(admin, database);
    await admin.end();
    const steps = config.instances * config.steps;
    console.log(
      `${side}: ${config.instances} instances × ${config.steps} steps, ${inFlight} in flight: ` +
        `${(steps / seconds).toFixed(0)} steps/s (with client-side counting)`,
    );
    const rows = [...statements.entries()].sort((a, b) => b[1].count - a[1].count);
    let total = 0;
    for (const [key, stats] of rows) {
      total += stats.count;
      console.log(
        `${(stats.count / steps).toFixed(3).padStart(7)} /step  ${(stats.totalMs / stats.count).toFixed(2).padStart(7)} ms avg  ${key}`,
      );
    }
    console.log(`${(total / steps).toFixed(3).padStart(7)} /step  statements in all`);
    console.log(
      `${(transactions / steps).toFixed(3).padStart(7)} /step  transactions (BEGIN blocks + autocommit statements)`,
    );
    console.log(
      `CPU per step: this process ${(cpu.clientMs / steps).toFixed(3)} ms, ` +
        `its Postgres backends ${(cpu.serverMs / steps).toFixed(3)} ms (machine ${machineBusy.toFixed(0)} % busy); ` +
        `event-loop delay p50 ${(loopDelay.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms`,
    );
    if (process.env.PROFILE_FUNCTIONS === "1") {
      console.log("plpgsql functions (ms per call: total, self; includes the warm-up):");
      const side = new pg.Client({
        connectionString: databases[config.sides[0] ?? "playbook"].url,
      });
      await side.connect();
      const { rows } = await side.query<{
        name: string;
        calls: string;
        total: number;
        self: number;
      }>(
        "SELECT funcname AS name, calls::text AS calls, total_time AS total, self_time AS self FROM pg_stat_user_functions ORDER BY total_time DESC",
      );
      await side.end();
      for (const row of rows) {
        const calls = Number(row.calls);
        console.log(
          `${String(calls).padStart(8)} calls  ${(row.total / calls).toFixed(3).padStart(7)} ms  ${(row.self / calls).toFixed(3).padStart(7)} ms self  ${row.name}`,
        );
      }
    }
    if (process.env.PROFILE_WAL === "1") {
      console.log("WAL by relation (bytes/step, of which full-page images):");
      for (const share of await walBreakdown(databases[side].url, fromLsn, toLsn)) {
        console.log(
          `${(share.bytes / steps).toFixed(0).padStart(7)} B/step  ${(share.fullPageBytes / steps).toFixed(0).padStart(6)} FPI  ${(share.records / steps).toFixed(2).padStart(6)} rec/step  ${share.what}`,
        );
      }
    }
  } finally {
    await dropBenchDatabases(config.adminUrl, databases);
  }
}

async function currentLsn(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn");
  return rows[0]?.lsn ?? "0/0";
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
