// The bench's own databases: created fresh for a run on the admin connection's server, dropped at
// the end (also after a failure). Names carry a run id so parallel runs cannot collide.
import pg from "pg";

export interface BenchDatabases {
  playbook: { name: string; url: string };
  dbos: { name: string; url: string };
}

export async function withAdmin<T>(
  adminUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, application_name: "bench-admin" });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createBenchDatabases(adminUrl: string): Promise<BenchDatabases> {
  const run = `${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
  const names = { playbook: `bench_playbook_${run}`, dbos: `bench_dbos_${run}` };
  await withAdmin(adminUrl, async (client) => {
    for (const name of Object.values(names)) await client.query(`CREATE DATABASE ${name}`);
  });
  return {
    playbook: { name: names.playbook, url: databaseUrl(adminUrl, names.playbook) },
    dbos: { name: names.dbos, url: databaseUrl(adminUrl, names.dbos) },
  };
}

export async function dropBenchDatabases(
  adminUrl: string,
  databases: BenchDatabases,
): Promise<void> {
  await withAdmin(adminUrl, async (client) => {
    for (const { name } of [databases.playbook, databases.dbos])
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}
