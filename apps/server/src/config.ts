// Process settings from the environment and the command line, checked once at start-up so a typo
// fails loudly instead of running with a surprise.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ServerRole } from "@playbook/schema";

export interface ServerConfig {
  port: number;
  host: string;
  role: ServerRole;
  /** postgres://… when set; else embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  editorDist: string;
  seedExamples: boolean;
}

/** The repository root (this file is apps/server/src/config.ts). */
export const REPO_ROOT = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

export function readConfig(env: NodeJS.ProcessEnv, argv: readonly string[]): ServerConfig {
  const role = readRole(argv);
  const databaseUrl = env.DATABASE_URL || undefined;
  // The embedded database opens in one process only, so an api process could never hand its
  // jobs to a worker process: instances would wait forever without a word.
  if (role !== "all" && databaseUrl === undefined) {
    throw new ConfigError(
      `--role=${role} needs DATABASE_URL (Postgres): the embedded database (PGlite) can be opened by one process only, so it cannot be split into api and worker processes`,
    );
  }
  return {
    port: readPort(env.PORT),
    host: env.HOST ?? "0.0.0.0",
    role,
    databaseUrl,
    dataDir: env.PGLITE_DATA_DIR || resolve(REPO_ROOT, ".data/pglite"),
    editorDist: env.EDITOR_DIST || resolve(REPO_ROOT, "apps/editor/dist"),
    seedExamples: env.PLAYBOOK_SEED !== "false",
  };
}

function readPort(value: string | undefined): number {
  if (value === undefined || value === "") return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a number from 0 to 65535, got ${value}`);
  }
  return port;
}

/**
 * `--role=api` or `--role api`. Anything else on the command line is refused, so a misspelt
 * flag (`--roles=worker`) cannot quietly start a process that runs everything. A lone `--` (as
 * `pnpm start -- …` may pass on) is allowed.
 */
function readRole(argv: readonly string[]): ServerRole {
  let value: string | undefined;
  let found = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") continue;
    if (arg === "--role" || arg.startsWith("--role=")) {
      if (found) throw new ConfigError("--role is given more than once");
      found = true;
      value = arg === "--role" ? argv[++i] : arg.slice("--role=".length);
      continue;
    }
    throw new ConfigError(`unknown argument ${arg}; the only one is --role=all|api|worker`);
  }
  if (!found) return "all";
  const role = ServerRole.safeParse(value);
  if (!role.success)
    throw new ConfigError(`--role must be all, api or worker, got ${value || "nothing"}`);
  return role.data;
}
