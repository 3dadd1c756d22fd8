// Reading an instance's history. Each stored row is one written step: its entries as a jsonb
// array at positions first_pos..last_pos (migration 0005). A page is the entries after the cursor
// (a position), so a cursor may fall inside a row; the rows are unpacked here.
import { sql } from "kysely";
import type { StoredHistoryEntry } from "../database/schema";
import type { Db } from "../database/transaction";
import { type Page, toPage } from "../pagination";
import type { HistoryRecord } from "./views";

// Positions are integers; a cursor beyond them simply finds nothing.
const LAST_POSITION = 2 ** 31 - 1;

interface Positioned {
  position: number;
  entry: StoredHistoryEntry;
  at: number;
}

/**
 * Up to `limit` entries after position `after`, oldest first. Positions are dense (1, 2, 3, …),
 * so the entries wanted are after+1 … after+limit+1 (one more says "there is more"): the query
 * reads only the rows holding them, from the row with the first wanted position to the one with
 * the last — both ends walk the primary key (instance_id, last_pos), however long the history.
 */
export async function readHistoryPage(
  db: Db,
  workspaceId: string,
  instanceId: string,
  after: number | undefined,
  limit: number,
): Promise<Page<HistoryRecord>> {
  const from = Math.min(after ?? 0, LAST_POSITION);
  const through = Math.min(from + limit + 1, LAST_POSITION);
  const { rows } = await sql<{ first_pos: number; entries: StoredHistoryEntry[] }>`
    SELECT first_pos, entries FROM history
    WHERE workspace_id = ${workspaceId} AND instance_id = ${instanceId}
      AND last_pos > ${from}::int
      AND last_pos <= coalesce(
        (SELECT min(last_pos) FROM history
          WHERE instance_id = ${instanceId} AND last_pos >= ${through}::int),
        ${LAST_POSITION}::int)
    ORDER BY last_pos
    LIMIT ${limit + 1}`.execute(db);

  const wanted: Positioned[] = [];
  for (const row of rows) {
    const firstAt = row.entries[0]?.at ?? 0;
    row.entries.forEach((entry, index) => {
      const position = row.first_pos + index;
      if (position > from && wanted.length <= limit)
        wanted.push({ position, entry, at: entry.at ?? firstAt });
    });
  }
  return toPage(wanted, limit, (item) => item.position, toRecord);
}

function toRecord({ position, entry, at }: Positioned): HistoryRecord {
  return {
    id: String(position),
    type: entry.type,
    at: new Date(at).toISOString(),
    nodeId: entry.node_id ?? null,
    edgeId: entry.edge_id ?? null,
    activationId: entry.activation_id ?? null,
    tokenId: entry.token_id ?? null,
    data: entry.data ?? null,
  };
}
