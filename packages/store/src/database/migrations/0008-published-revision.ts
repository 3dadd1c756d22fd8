// Migration 0008: which draft revision the latest version was published from, so a list can
// tell a draft that is already published from one with changes not yet published. Publishing
// sets it; every save bumps draft_revision past it.
//
// Existing rows: a definition whose latest version was published at or after its last update
// (publishing sets updated_at in the same transaction) has not been saved since, so its draft
// is that version. The others stay NULL, read as "changed since".

export const publishedRevision: readonly string[] = [
  "ALTER TABLE definitions ADD COLUMN published_revision integer",
  `UPDATE definitions d SET published_revision = d.draft_revision
    FROM definition_versions v
    WHERE v.workspace_id = d.workspace_id AND v.key = d.key AND v.version = d.latest_version
      AND v.published_at >= d.updated_at`,
];
