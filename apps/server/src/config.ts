// Process settings from the environment and the command line, checked once at start-up so a typo
// fails loudly instead of running with a surprise.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_MAX_RESPONSE_BYTES, type HttpPolicy, isHttpAllowEntry } from "@playbook/nodes";
import { ServerRole } from "@playbook/schema";
import { z } from "zod";

export interface ServerConfig {
  port: number;
  host: string;
  role: ServerRole;
  /** postgres://… when set; else embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  editorDist: string;
  seedExamples: boolean;
  /** What the HTTP-calling nodes may reach and read (PLAYBOOK_HTTP_ALLOW, …_MAX_RESPONSE_BYTES). */
  http: Required<HttpPolicy>;
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
    http: readHttpPolicy(env),
  };
}

const MAX_RESPONSE_BYTES_CEILING = 1024 * 1024 * 1024;

/** The outgoing-HTTP settings; empty or unset means the defaults. */
const HttpSettings = z.object({
  PLAYBOOK_HTTP_ALLOW: z
    .string()
    .default("")
    .transform((text) =>
      text
        .split(",")
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ""),
    )
    .superRefine((entries, ctx) => {
      for (const entry of entries.filter((entry) => !isHttpAllowEntry(entry))) {
        ctx.addIssue({
          code: "custom",
          message: `has "${entry}", which is not a host name, IP address or CIDR range (expected e.g. crm.internal,10.0.0.0/8,127.0.0.1)`,
        });
      }
    }),
  PLAYBOOK_HTTP_MAX_RESPONSE_BYTES: z
    .string()
    .default(String(DEFAULT_MAX_RESPONSE_BYTES))
    .refine((text) => /^\d+$/.test(text), { error: "must be a whole number of bytes" })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(1, { error: "must be at least 1 byte" })
        .max(MAX_RESPONSE_BYTES_CEILING, {
          error: `must be at most ${MAX_RESPONSE_BYTES_CEILING} (1 GiB)`,
        }),
    ),
});

function readHttpPolicy(env: NodeJS.ProcessEnv): Required<HttpPolicy> {
  const settings = HttpSettings.safeParse({
    PLAYBOOK_HTTP_ALLOW: env.PLAYBOOK_HTTP_ALLOW || undefined,
    PLAYBOOK_HTTP_MAX_RESPONSE_BYTES: env.PLAYBOOK_HTTP_MAX_RESPONSE_BYTES || undefined,
  });
  if (!settings.success) {
    const issue = settings.error.issues[0];
    const name = String(issue?.path[0] ?? "PLAYBOOK_HTTP_*");
    // An allow-list issue quotes its entry already; a size issue shows what was given.
    const given = name === "PLAYBOOK_HTTP_ALLOW" ? "" : `, got "${env[name] ?? ""}"`;
    throw new ConfigError(`${name} ${issue?.message ?? "is invalid"}${given}`);
  }
  return {
    allow: settings.data.PLAYBOOK_HTTP_ALLOW,
    maxResponseBytes: settings.data.PLAYBOOK_HTTP_MAX_RESPONSE_BYTES,
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
