// Which tables the WAL of a window went to (profiling only): pg_walinspect's records between two
// LSNs, grouped by relation of the given database (and by resource manager for the rest, such
// as commit records). Server-wide like all WAL: other databases' records show up as "other db".
import pg from "pg";

export interface WalShare {
  what: string;
  records: number;
  bytes: number;
  fullPageBytes: number;
}

export async function walBreakdown(
  databaseUrl: string,
  fromLsn: string,
  toLsn: string,
): Promise<WalShare[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("CREATE EXTENSION IF NOT EXISTS pg_walinspect");
    const { rows } = await client.query<{
      what: string;
      records: string;
      bytes: string;
      fpi: string;
    }>(
      `WITH records AS (
         SELECT r.resource_manager, r.record_length, r.fpi_length,
                regexp_match(r.block_ref, 'rel \\d+/(\\d+)/(\\d+)') AS rel
         FROM pg_get_wal_records_info($1::pg_lsn, $2::pg_lsn) AS r
       )
       SELECT CASE
                WHEN rel IS NULL THEN resource_manager
                WHEN rel[1]::oid <> (SELECT oid FROM pg_database WHERE datname = current_database())
                  THEN 'other db'
                ELSE coalesce((SELECT relname FROM pg_class WHERE relfilenode = rel[2]::oid),
                              'relfilenode ' || rel[2])
              END AS what,
              count(*) AS records, sum(record_length) AS bytes, sum(fpi_length) AS fpi
       FROM records GROUP BY 1 ORDER BY sum(record_length) DESC`,
      [fromLsn, toLsn],
    );
    return rows.map((row) => ({
      what: row.what,
      records: Number(row.records),
      bytes: Number(row.bytes),
      fullPageBytes: Number(row.fpi),
    }));
  } finally {
    await client.end();
  }
}
