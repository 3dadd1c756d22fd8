// Opens the database (Postgres or embedded PGlite), runs migrations, makes sure the default
// workspace exists, and wires the systems to one shared resources object.

import type { PGlite } from "@electric-sql/pglite";
import { applyEvent as engineApplyEvent } from "@playbook/engine";
import { sql } from "kysely";
import { DatabaseClock } from "./database/clock";
import { connectDatabase, type DatabaseKind } from "./database/connect";
import { migrateToLatest } from "./database/migrate";
import type { Db } from "./database/transaction";
import { DefinitionCache } from "./definitions/cache";
import { type DefinitionsSystem, definitionsSystem } from "./definitions/definitions";
import { type IncidentsSystem, incidentsSystem } from "./incidents/incidents";
import { type InstancesSystem, instancesSystem } from "./instances/instances";
import { type Logger, silentLogger } from "./logger";
import { type MessagesSystem, messagesSystem } from "./messages/messages";
import type { ApplyEvent, ExecutorFor, ResolveNodeType } from "./ports";
import { claimJobs, heartbeat, releaseJobs, reportJobResult } from "./queue/jobs";
import { type StepCommitSettings, StepCommitter } from "./queue/step-committer";
import { fireDueTimers } from "./queue/timers";
import type { StoreResources, StoreSettings, ValidateDefinition } from "./resources";
import { type TasksSystem, tasksSystem } from "./tasks/tasks";
import { WakeSignal } from "./workers/wake";
import { startWorkerPool, type WorkerOptions, type WorkerPool } from "./workers/worker-pool";

export const DEFAULT_WORKSPACE = "default";

export interface StoreOptions {
  /** postgres://… — Postgres through `pg`. When absent, embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PGlite data directory; default `.data/pglite`. `memory://` for a throw-away database. */
  dataDir?: string;
  /** An open PGlite instance to use instead (owned by the caller). */
  pglite?: PGlite;
  /** Workspace used by `store.workspace()` without an id; created if missing. Default "default". */
  workspace?: string;
  /** Resolves node types for the engine (the node registry). */
  resolveNodeType: ResolveNodeType;
  /** Finds the executor of a job's node type; needed only where workers run. */
  executorFor?: ExecutorFor;
  /** Graph validation run at publish, in addition to shape and known node types. */
  validateDefinition?: ValidateDefinition;
  logger?: Logger;
  /** Postgres pool size. Default 20. */
  poolSize?: number;
  /** Name this process shows to Postgres; default `playbook-<random>`. */
  applicationName?: string;
  settings?: Partial<StoreSettings>;
  /**
   * Group commit of inline steps: at most `maxInFlight` step writes at once, the steps finished
   * meanwhile go together in one transaction of up to `maxBatch`. `false` writes every step on
   * its own. Default { maxInFlight: 2, maxBatch: 64 }.
   */
  groupCommit?: Partial<StepCommitSettings> | false;
  /** The engine's transition function; tests may wrap it. */
  applyEvent?: ApplyEvent;
}

export interface WorkspaceApi {
  readonly id: string;
  definitions: DefinitionsSystem;
  instances: InstancesSystem;
  messages: MessagesSystem;
  tasks: TasksSystem;
  incidents: IncidentsSystem;
}

export interface Store {
  readonly kind: DatabaseKind;
  /** The systems scoped to one workspace (the default one when no id is given). */
  workspace(id?: string): WorkspaceApi;
  workspaces: {
    /** Creates the workspace if it does not exist. */
    ensure(id: string, name?: string): Promise<void>;
    list(): Promise<Array<{ id: string; name: string }>>;
  };
  /** Starts job and timer loops in this process (skip for an API-only process). */
  startWorkers(options?: WorkerOptions): Promise<WorkerPool>;
  /** Low-level queue access (workers use it; tests and benchmarks drive it directly). */
  queue: {
    claim: (options: Parameters<typeof claimJobs>[1]) => ReturnType<typeof claimJobs>;
    heartbeat: (...args: DropFirst<Parameters<typeof heartbeat>>) => ReturnType<typeof heartbeat>;
    report: (
      ...args: DropFirst<Parameters<typeof reportJobResult>>
    ) => ReturnType<typeof reportJobResult>;
    release: (...args: DropFirst<Parameters<typeof releaseJobs>>) => ReturnType<typeof releaseJobs>;
    fireDueTimers: (
      ...args: DropFirst<Parameters<typeof fireDueTimers>>
    ) => ReturnType<typeof fireDueTimers>;
  };
  /** The Kysely instance, for diagnostics, tests and benchmarks. */
  readonly db: Db;
  /** Stops every worker pool (grace period each), then closes the database. */
  close(options?: { graceMs?: number }): Promise<void>;
}

type DropFirst<T extends unknown[]> = T extends [unknown, ...infer Rest] ? Rest : never;

export async function createStore(options: StoreOptions): Promise<Store> {
  const logger = options.logger ?? silentLogger;
  const applicationName = options.applicationName ?? `playbook-${crypto.randomUUID().slice(0, 8)}`;
  const connection = await connectDatabase({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    pglite: options.pglite,
    poolSize: options.poolSize,
    applicationName,
    logger,
  });
  const { db } = connection;
  try {
    const migrated = await migrateToLatest(db);
    if (migrated.applied.length > 0)
      logger.info({ applied: migrated.applied }, "database migrated");
  } catch (error) {
    await connection.close();
    throw error;
  }

  const clock = new DatabaseClock();
  await clock.sync(db);
  const groupCommit: StepCommitSettings =
    options.groupCommit === false
      ? { maxInFlight: Number.POSITIVE_INFINITY, maxBatch: 1 }
      : { maxInFlight: 2, maxBatch: 64, ...options.groupCommit };
  const res: StoreResources = {
    db,
    run: connection.run,
    kind: connection.kind,
    applyEvent: options.applyEvent ?? engineApplyEvent,
    resolveNodeType: options.resolveNodeType,
    executorFor: options.executorFor ?? (() => undefined),
    validateDefinition: options.validateDefinition,
    definitions: new DefinitionCache(),
    clock,
    ids: { next: () => crypto.randomUUID() },
    random: { next: () => Math.random() },
    logger,
    wake: {
      jobs: new WakeSignal(),
      timers: new WakeSignal(1),
    },
    localPools: new Set(),
    steps: new StepCommitter({ run: connection.run, clock, logger }, groupCommit),
    settings: {
      messageTtlMs: options.settings?.messageTtlMs ?? 60 * 60_000,
      eventRetentionMs: options.settings?.eventRetentionMs ?? 7 * 24 * 60 * 60_000,
      maxStepsPerEvent: options.settings?.maxStepsPerEvent,
    },
  };

  const defaultWorkspace = options.workspace ?? DEFAULT_WORKSPACE;
  async function ensureWorkspace(id: string, name = id): Promise<void> {
    await db
      .insertInto("workspaces")
      .values({ id, name })
      .onConflict((conflict) => conflict.column("id").doNothing())
      .execute();
  }
  await ensureWorkspace(defaultWorkspace);

  const pools = new Set<WorkerPool>();
  let closed = false;

  return {
    kind: connection.kind,
    db,
    workspace(id = defaultWorkspace) {
      return {
        id,
        definitions: definitionsSystem(res, id),
        instances: instancesSystem(res, id),
        messages: messagesSystem(res, id),
        tasks: tasksSystem(res, id),
        incidents: incidentsSystem(res, id),
      };
    },
    workspaces: {
      ensure: ensureWorkspace,
      list: () => db.selectFrom("workspaces").select(["id", "name"]).orderBy("id").execute(),
    },
    async startWorkers(workerOptions) {
      if (closed) throw new Error("store is closed");
      const pool = await startWorkerPool(
        { res, applicationName, createListenerClient: connection.createListenerClient },
        workerOptions,
      );
      pools.add(pool);
      return pool;
    },
    queue: {
      claim: (claim) => claimJobs(res, claim),
      heartbeat: (...args) => heartbeat(res, ...args),
      report: (...args) => reportJobResult(res, ...args),
      release: (...args) => releaseJobs(res, ...args),
      fireDueTimers: (...args) => fireDueTimers(res, ...args),
    },
    async close(closeOptions) {
      if (closed) return;
      closed = true;
      await Promise.all([...pools].map((pool) => pool.stop(closeOptions)));
      await connection.close();
    },
  };
}

/** Reads the database time (epoch ms); used by tests to reason about due times. */
export async function databaseNow(db: Db): Promise<number> {
  const { rows } = await sql<{
    now_ms: number;
  }>`SELECT (extract(epoch from now()) * 1000)::float8 AS now_ms`.execute(db);
  return Number(rows[0]?.now_ms);
}
