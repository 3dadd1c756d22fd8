// Migration 0006: group commit. Steps that workers of one process finish while the previous
// write is still in flight are sent together as one jsonb array and committed in one
// transaction — one round trip and one WAL flush for all of them. Each step is checked on its
// own exactly as in playbook_step_inline (version under the row lock, then the lease), so a
// conflict or a lost lease refuses that step only. The caller sends the steps ordered by
// instance id, so two batches lock instances in the same order and cannot deadlock each other.

export const stepBatch: readonly string[] = [
  `CREATE FUNCTION playbook_steps_inline(p_steps jsonb)
  RETURNS TABLE (outcome text, inline_job_id bigint, now_ms float8) LANGUAGE plpgsql AS $$
  DECLARE
    s jsonb;
    current_version integer;
  BEGIN
    now_ms := (extract(epoch from now()) * 1000)::float8;
    FOR s IN SELECT e.value FROM jsonb_array_elements(p_steps) WITH ORDINALITY AS e(value, ord)
             ORDER BY e.ord LOOP
      inline_job_id := NULL;
      SELECT i.version INTO current_version FROM instances i
        WHERE i.id = (s->>'instance')::uuid AND i.workspace_id = s->>'workspace' FOR UPDATE;
      IF NOT FOUND OR current_version <> (s->>'previous_version')::integer THEN
        outcome := 'conflict';
        RETURN NEXT;
        CONTINUE;
      END IF;
      DELETE FROM jobs WHERE id = (s->>'job')::bigint AND fence = (s->>'fence')::integer
        AND visible_at > now();
      IF NOT FOUND THEN
        outcome := 'fenced';
        RETURN NEXT;
        CONTINUE;
      END IF;
      outcome := 'recorded';
      inline_job_id := playbook_write_step(s->>'workspace', (s->>'instance')::uuid,
        (s->>'update_instance')::boolean, s->'state', (s->>'version')::integer,
        (s->>'previous_version')::integer, s->>'status', (s->>'ended_at_ms')::float8,
        (s->>'ended')::boolean, ARRAY(SELECT jsonb_array_elements_text(s->'cleared')),
        s->'history', s->'jobs', s->'timers', s->'subscriptions', s->'tasks', s->'incidents',
        s->>'lease_owner', (s->>'lease_ms')::integer);
      RETURN NEXT;
    END LOOP;
  END $$`,
];
