// The DBOS Transact side of a round: the same N no-op steps as DBOS steps in one registered
// workflow, started with DBOS.startWorkflow and awaited through its handle (in-process, as the
// Playbook side awaits its post-commit signal). The system database is the only database DBOS
// writes here, so its commits are the side's transactions.
import { DBOS } from "@dbos-inc/dbos-sdk";
import type { RoundRequest, SideSession } from "../rounds/protocol";

const APP_NAME = "playbook-bench";

async function noop(): Promise<void> {}

/** Creates DBOS's system tables in the fresh database (once per run, before any round). */
export async function prepareDbos(databaseUrl: string): Promise<void> {
  await DBOS.migrate(databaseUrl);
}

export async function openDbos(request: RoundRequest): Promise<SideSession> {
  const stepNames = Array.from({ length: request.steps }, (_, i) => `s${i + 1}`);
  async function steps(): Promise<number> {
    for (const name of stepNames) await DBOS.runStep(noop, { name });
    return stepNames.length;
  }
  // Registration must precede launch; a child process launches DBOS exactly once.
  const workflow = DBOS.registerWorkflow(steps, { name: "benchSteps" });
  DBOS.setConfig({
    name: APP_NAME,
    systemDatabaseUrl: request.databaseUrl,
    systemDatabasePoolSize: request.poolSize,
    logLevel: "warn",
    runMigrations: false,
  });
  await DBOS.launch();

  return {
    async runInstance() {
      const handle = await DBOS.startWorkflow(workflow)();
      const done = await handle.getResult();
      if (done !== stepNames.length) throw new Error(`workflow returned ${String(done)}`);
    },
    async close() {
      await DBOS.shutdown();
    },
  };
}
