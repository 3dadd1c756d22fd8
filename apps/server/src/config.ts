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
  return {
    port: readPort(env.PORT),
    host: env.HOST ?? "0.0.0.0",
    role: readRole(argv),
    databaseUrl: env.DATABASE_URL || undefined,
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

function readRole(argv: readonly string[]): ServerRole {
  const flag = argv.find((arg) => arg.startsWith("--role"));
  if (flag === undefined) return "all";
  const value = flag.includes("=")
    ? flag.slice(flag.indexOf("=") + 1)
    : argv[argv.indexOf(flag) + 1];
  const role = ServerRole.safeParse(value);
  if (!role.success)
    throw new ConfigError(`--role must be all, api or worker, got ${value ?? "nothing"}`);
  return role.data;
}
