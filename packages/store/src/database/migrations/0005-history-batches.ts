// Migration 0005: history as one row per written step. Until now each engine history entry was
// its own row with two index entries — 3.7 rows and 7.4 index insertions per step, more than half
// of a step's WAL. Now a step appends one row holding its entries as a jsonb array, with one
// index (the primary key). Reads unpack the arrays; the API and its positions stay the same.
//
// Positions: an entry's position is its 1-based place in the instance's history, and a row holds
// positions first_pos..last_pos. They come from instances.history_length, bumped by the UPDATE a
// step already makes (RETURNING the new length: no extra round trip, no extra statement); a step
// that leaves the instance row alone (the first step of a start) bumps it with a small UPDATE of
// its own. The instance row is locked by the writer, so positions are dense and never repeat, and
// the primary key (instance_id, last_pos) would refuse a second writer that got it wrong.
//
// Entries are stored as playbook_write_step receives them ({ type, at, node_id, edge_id,
// activation_id, token_id, data }, at in epoch ms): reshaping them in plpgsql (camelCase keys,
// nulls left out) measured 10-20 µs of CPU per step, as much as one row per step saves; the
// caller can send them compact instead (fields left out). Readers take a missing field as null and a
// missing `at` as the row's first entry's. Existing rows are converted in order: each instance's
// old rows, numbered by id, are grouped into runs that share a timestamp (in practice the steps
// that wrote them), written in that shape without nulls and with `at` on each run's first entry
// only; then the old table goes.

export const historyBatches: readonly string[] = [
  // Fixed-width columns first: no alignment padding in the row.
  `CREATE TABLE history_batches (
    instance_id uuid NOT NULL,
    first_pos integer NOT NULL,
    last_pos integer NOT NULL,
    at timestamptz NOT NULL,
    workspace_id text NOT NULL,
    entries jsonb NOT NULL,
    CONSTRAINT history_batches_pkey PRIMARY KEY (instance_id, last_pos)
  )`,

  `INSERT INTO history_batches (instance_id, first_pos, last_pos, at, workspace_id, entries)
  SELECT instance_id, min(pos), max(pos), min(at), workspace_id, jsonb_agg(entry ORDER BY pos)
  FROM (
    SELECT workspace_id, instance_id, pos, at,
      count(*) FILTER (WHERE starts_run) OVER (PARTITION BY instance_id ORDER BY pos) AS run,
      jsonb_strip_nulls(jsonb_build_object('type', type,
        'at', CASE WHEN starts_run THEN (extract(epoch FROM at) * 1000)::float8 END,
        'node_id', node_id, 'edge_id', edge_id, 'activation_id', activation_id,
        'token_id', token_id))
      || CASE WHEN data IS NULL OR data = 'null' THEN '{}' ELSE jsonb_build_object('data', data) END
        AS entry
    FROM (
      SELECT h.*, row_number() OVER w AS pos, at IS DISTINCT FROM lag(at) OVER w AS starts_run
      FROM history h
      WINDOW w AS (PARTITION BY instance_id ORDER BY id)
    ) numbered
  ) grouped
  GROUP BY workspace_id, instance_id, run`,

  "ALTER TABLE instances ADD COLUMN history_length integer NOT NULL DEFAULT 0",
  `UPDATE instances SET history_length = written.length
    FROM (SELECT instance_id, max(last_pos) AS length FROM history_batches GROUP BY instance_id) written
    WHERE instances.id = written.instance_id`,

  "DROP TABLE history",
  "ALTER TABLE history_batches RENAME TO history",
  "ALTER TABLE history RENAME CONSTRAINT history_batches_pkey TO history_pkey",

  // As in 0003, except the history part and the positions it needs.
  `CREATE OR REPLACE FUNCTION playbook_write_step(
    p_workspace text, p_instance uuid,
    p_update_instance boolean, p_state jsonb, p_version integer, p_previous_version integer,
    p_status text, p_ended_at_ms float8,
    p_ended boolean, p_cleared text[],
    p_history jsonb, p_jobs jsonb, p_timers jsonb, p_subscriptions jsonb, p_tasks jsonb,
    p_incidents jsonb, p_lease_owner text, p_lease_ms integer
  ) RETURNS bigint LANGUAGE plpgsql AS $$
  DECLARE
    inline_id bigint;
    ready integer;
    entry_count integer := jsonb_array_length(p_history);
    history_end integer;
  BEGIN
    IF p_ended OR cardinality(p_cleared) > 0 THEN
      DELETE FROM jobs WHERE workspace_id = p_workspace AND instance_id = p_instance
        AND (p_ended OR activation_id = ANY(p_cleared));
      DELETE FROM timers WHERE workspace_id = p_workspace AND instance_id = p_instance
        AND (p_ended OR activation_id = ANY(p_cleared));
      DELETE FROM subscriptions WHERE workspace_id = p_workspace AND instance_id = p_instance
        AND (p_ended OR activation_id = ANY(p_cleared));
      UPDATE tasks SET status = 'cancelled', completed_at = now()
        WHERE workspace_id = p_workspace AND instance_id = p_instance AND status = 'open'
        AND (p_ended OR activation_id = ANY(p_cleared));
      UPDATE incidents SET status = 'resolved', resolved_at = now()
        WHERE workspace_id = p_workspace AND instance_id = p_instance AND status = 'open'
        AND (p_ended OR activation_id = ANY(p_cleared));
    END IF;

    IF p_update_instance THEN
      UPDATE instances
        SET state = p_state, version = p_version, status = p_status,
            ended_at = to_timestamp(p_ended_at_ms / 1000), updated_at = now(),
            history_length = history_length + entry_count
        WHERE id = p_instance AND workspace_id = p_workspace AND version = p_previous_version
        RETURNING history_length INTO history_end;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'instance % changed under its lock', p_instance;
      END IF;
    ELSIF entry_count > 0 THEN
      -- The row was inserted (or locked) by this transaction; only its history grows.
      UPDATE instances SET history_length = history_length + entry_count
        WHERE id = p_instance AND workspace_id = p_workspace
        RETURNING history_length INTO history_end;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'instance % not found for its history', p_instance;
      END IF;
    END IF;

    IF entry_count > 0 THEN
      -- One row for the step, its entries stored as sent (see the header).
      INSERT INTO history (instance_id, first_pos, last_pos, at, workspace_id, entries)
      VALUES (p_instance, history_end - entry_count + 1, history_end,
              to_timestamp((p_history->0->>'at')::float8 / 1000), p_workspace, p_history);
    END IF;

    IF jsonb_array_length(p_jobs) > 0 THEN
      -- One statement for all jobs: the one marked run_inline is leased to p_lease_owner (fence
      -- 1, invisible until the lease ends); the others are claimable now or at run_at.
      WITH inserted AS (
        INSERT INTO jobs (workspace_id, instance_id, activation_id, node_id, job_type, type_version,
          config, variables, idempotency_key, attempt, visible_at, lease_owner, fence)
        SELECT p_workspace, p_instance, r.activation_id, r.node_id, r.job_type, r.type_version,
               r.config, r.variables, r.idempotency_key, r.attempt,
               CASE WHEN leased THEN now() + p_lease_ms * interval '1 millisecond'
                    ELSE coalesce(to_timestamp(r.run_at / 1000), now()) END,
               CASE WHEN leased THEN p_lease_owner END,
               CASE WHEN leased THEN 1 ELSE 0 END
        FROM jsonb_to_recordset(p_jobs) AS r(activation_id text, node_id text, job_type text,
          type_version integer, config jsonb, variables jsonb, idempotency_key text, attempt integer,
          run_at float8, run_inline boolean),
          LATERAL (SELECT coalesce(r.run_inline, false) AND p_lease_owner IS NOT NULL AS leased) l
        RETURNING id, lease_owner, visible_at
      )
      SELECT max(id) FILTER (WHERE lease_owner IS NOT NULL),
             count(*) FILTER (WHERE lease_owner IS NULL AND visible_at <= now())
        INTO inline_id, ready
        FROM inserted;
      IF ready > 0 THEN
        PERFORM pg_notify('playbook_jobs', ready || ' ' || current_setting('application_name'));
      END IF;
    END IF;

    IF jsonb_array_length(p_timers) > 0 THEN
      INSERT INTO timers (workspace_id, instance_id, activation_id, node_id, purpose, due_at)
      SELECT p_workspace, p_instance, r.activation_id, r.node_id, r.purpose, to_timestamp(r.due_at / 1000)
      FROM jsonb_to_recordset(p_timers) AS r(activation_id text, node_id text, purpose text, due_at float8);
      PERFORM pg_notify('playbook_timers', '1 ' || current_setting('application_name'));
    END IF;

    IF jsonb_array_length(p_subscriptions) > 0 THEN
      INSERT INTO subscriptions (workspace_id, instance_id, activation_id, node_id, message_name, correlation_key)
      SELECT p_workspace, p_instance, r.activation_id, r.node_id, r.message_name, r.correlation_key
      FROM jsonb_to_recordset(p_subscriptions) AS r(activation_id text, node_id text,
        message_name text, correlation_key text);
    END IF;

    IF jsonb_array_length(p_tasks) > 0 THEN
      INSERT INTO tasks (id, workspace_id, instance_id, activation_id, node_id, status, title, assignee,
        candidate_users, candidate_roles, config, due_at)
      SELECT r.id, p_workspace, p_instance, r.activation_id, r.node_id, 'open', r.title, r.assignee,
             ARRAY(SELECT jsonb_array_elements_text(r.candidate_users)),
             ARRAY(SELECT jsonb_array_elements_text(r.candidate_roles)),
             r.config, to_timestamp(r.due_at / 1000)
      FROM jsonb_to_recordset(p_tasks) AS r(id uuid, activation_id text, node_id text, title text,
        assignee text, candidate_users jsonb, candidate_roles jsonb, config jsonb, due_at float8);
    END IF;

    IF jsonb_array_length(p_incidents) > 0 THEN
      INSERT INTO incidents (id, workspace_id, instance_id, activation_id, node_id, message, status)
      SELECT r.id, p_workspace, p_instance, r.activation_id, r.node_id, r.message, r.status
      FROM jsonb_to_recordset(p_incidents) AS r(id text, activation_id text, node_id text,
        message text, status text);
    END IF;

    RETURN inline_id;
  END $$`,
];
