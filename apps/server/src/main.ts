// The Playbook process: reads its settings, opens (and migrates) the database, seeds the examples
// on a fresh one, runs the HTTP API and/or the workers (`--role=all|api|worker`), and shuts down
// gracefully on SIGTERM/SIGINT: stop accepting requests, let in-flight jobs finish, close the
// database. Run with `pnpm start` at the repository root, or `tsx src/main.ts` here.
import { mkdir } from "node:fs/promises";
import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { createBuiltinRegistry } from "@playbook/nodes";
import { createStore } from "@playbook/store";
import { createApp } from "./app";
import { ConfigError, readConfig } from "./config";
import { createDefinitionValidator } from "./definition-validation";
import { registryExecutors } from "./executors";
import { createLogger } from "./logging";
import { seedExamples } from "./seed";

const VERSION = "0.1.0";
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = readConfig(process.env, process.argv.slice(2));
  const logger = createLogger();
  const registry = createBuiltinRegistry({ http: config.http });
  const validator = createDefinitionValidator(registry);

  if (config.databaseUrl === undefined) await mkdir(config.dataDir, { recursive: true });
  const store = await createStore({
    ...(config.databaseUrl !== undefined
      ? { databaseUrl: config.databaseUrl }
      : { dataDir: config.dataDir }),
    resolveNodeType: registry.resolveNodeType,
    executorFor: registryExecutors(registry, logger),
    validateDefinition: validator.forStore,
    logger,
    applicationName: `playbook-${config.role}-${process.pid}`,
  });
  logger.info({ database: store.kind, role: config.role }, "database ready");

  if (config.seedExamples && config.role !== "worker")
    await seedExamples(store.workspace(), logger);
  const workers = config.role === "api" ? undefined : await store.startWorkers();

  let server: Server | undefined;
  if (config.role !== "worker") {
    const app = createApp({
      store,
      registry,
      validator,
      logger,
      role: config.role,
      workersRunning: () => workers !== undefined,
      editorDist: config.editorDist,
      version: VERSION,
    });
    server = await listen(app.fetch, config.port, config.host);
    const address = server.address();
    const port = typeof address === "object" && address !== null ? address.port : config.port;
    console.log(`Playbook is running at http://localhost:${port}`);
  } else {
    console.log("Playbook worker is running");
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, "shutting down");
    const forced = setTimeout(() => {
      logger.error({}, "shutdown took too long; exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS + 5_000);
    forced.unref();
    if (server) {
      const closed = new Promise<void>((resolve) => server?.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
    }
    // Drains the workers (in-flight jobs get the grace period), then closes the database.
    await store.close({ graceMs: SHUTDOWN_GRACE_MS });
    logger.info({}, "stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  port: number,
  hostname: string,
): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, () => resolve(server as Server));
    server.once("error", reject);
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(`Playbook cannot start: ${error.message}`);
  } else {
    console.error("Playbook failed to start:", error);
  }
  process.exit(1);
});
