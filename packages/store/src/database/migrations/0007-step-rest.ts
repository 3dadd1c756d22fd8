// Migration 0007: fewer statements per inline step. Measured on a 2-core VM, a step's cost at
// idle is per statement inside Postgres, not JavaScript. Before: lock the instance (SELECT …
// FOR UPDATE), delete the finished job, update the instance, insert history, insert the next
// job — five statements and a row-lock record. Now: the version-checked UPDATE of the instance
// is the lock; the finished job's row becomes the next inline job (one UPDATE, fenced) instead
// of a DELETE plus an INSERT; then history. Three statements.
//
// playbook_write_rest holds everything after the instance row, so the step functions share it.
// A lease lost at the fence check raises SQLSTATE PB001 after the instance row was already
// updated: the whole statement rolls back, and the caller reads PB001 as "fenced". (A plpgsql
// EXCEPTION block would open a subtransaction on every step to handle this rare case.)
// A start inserts the instance with its history length set, so it needs no second UPDATE.

const SHARED_TAIL = `
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
    END IF;`;

export const stepRest: readonly string[] = [
  // Everything a step writes after the instance row. p_done_job: the job this step finished,
  // when the caller holds its lease but has not removed it (inline steps).
  `CREATE FUNCTION playbook_write_rest(
    p_workspace text, p_instance uuid, p_history_end integer,
    p_ended boolean, p_cleared text[],
    p_history jsonb, p_jobs jsonb, p_timers jsonb, p_subscriptions jsonb, p_tasks jsonb,
    p_incidents jsonb, p_lease_owner text, p_lease_ms integer,
    p_done_job bigint, p_done_fence integer
  ) RETURNS bigint LANGUAGE plpgsql AS $$
  DECLARE
    inline_id bigint;
    reused boolean := false;
    next_job jsonb;
    new_inline bigint;
    ready integer;
    entry_count integer := jsonb_array_length(p_history);
  BEGIN
    IF p_done_job IS NOT NULL THEN
      -- The caller puts the job to lease inline first (write.ts), so no query finds it.
      IF p_lease_owner IS NOT NULL AND coalesce((p_jobs->0->>'run_inline')::boolean, false) THEN
        next_job := p_jobs->0;
      END IF;
      IF next_job IS NOT NULL THEN
        -- fence goes back to 1: it also counts deliveries (maxDeliveries), and reuse is safe
        -- because only the row's current holder reuses it — any other lease of the row (a claim
        -- after expiry) bumps the fence to 2 or more, and a claimed job is reported on the
        -- locked path, which deletes the row instead of reusing it.
        UPDATE jobs SET activation_id = next_job->>'activation_id', node_id = next_job->>'node_id',
            job_type = next_job->>'job_type', type_version = (next_job->>'type_version')::integer,
            config = next_job->'config', variables = next_job->'variables',
            idempotency_key = next_job->>'idempotency_key',
            attempt = (next_job->>'attempt')::integer,
            visible_at = now() + p_lease_ms * interval '1 millisecond',
            lease_owner = p_lease_owner, fence = 1, created_at = now()
          WHERE id = p_done_job AND fence = p_done_fence AND visible_at > now()
          RETURNING id INTO inline_id;
        reused := true;
      ELSE
        DELETE FROM jobs WHERE id = p_done_job AND fence = p_done_fence AND visible_at > now();
      END IF;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'job % is no longer leased by this worker', p_done_job USING ERRCODE = 'PB001';
      END IF;
    END IF;

    IF p_ended OR cardinality(p_cleared) > 0 THEN
      DELETE FROM jobs WHERE workspace_id = p_workspace AND instance_id = p_instance
        AND (p_ended OR activation_id = ANY(p_cleared)) AND id IS DISTINCT FROM inline_id;
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

    IF entry_count > 0 THEN
      INSERT INTO history (instance_id, first_pos, last_pos, at, workspace_id, entries)
      VALUES (p_instance, p_history_end - entry_count + 1, p_history_end,
              to_timestamp((p_history->0->>'at')::float8 / 1000), p_workspace, p_history);
    END IF;

    IF jsonb_array_length(p_jobs) > (CASE WHEN reused THEN 1 ELSE 0 END) THEN
      -- The jobs not already written by reusing the finished job's row: the one marked
      -- run_inline (if not reused) is leased to p_lease_owner, the others are claimable now or
      -- at run_at.
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
        WHERE NOT (reused AND l.leased)
        RETURNING id, lease_owner, visible_at
      )
      SELECT max(id) FILTER (WHERE lease_owner IS NOT NULL),
             count(*) FILTER (WHERE lease_owner IS NULL AND visible_at <= now())
        INTO new_inline, ready
        FROM inserted;
      inline_id := coalesce(inline_id, new_inline);
      IF ready > 0 THEN
        PERFORM pg_notify('playbook_jobs', ready || ' ' || current_setting('application_name'));
      END IF;
    END IF;
${SHARED_TAIL}

    RETURN inline_id;
  END $$`,

  // Same signature and behaviour as before (0005): the instance row, then the rest.
  `CREATE OR REPLACE FUNCTION playbook_write_step(
    p_workspace text, p_instance uuid,
    p_update_instance boolean, p_state jsonb, p_version integer, p_previous_version integer,
    p_status text, p_ended_at_ms float8,
    p_ended boolean, p_cleared text[],
    p_history jsonb, p_jobs jsonb, p_timers jsonb, p_subscriptions jsonb, p_tasks jsonb,
    p_incidents jsonb, p_lease_owner text, p_lease_ms integer
  ) RETURNS bigint LANGUAGE plpgsql AS $$
  DECLARE
    entry_count integer := jsonb_array_length(p_history);
    history_end integer;
  BEGIN
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
      UPDATE instances SET history_length = history_length + entry_count
        WHERE id = p_instance AND workspace_id = p_workspace
        RETURNING history_length INTO history_end;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'instance % not found for its history', p_instance;
      END IF;
    END IF;
    RETURN playbook_write_rest(p_workspace, p_instance, history_end, p_ended, p_cleared,
      p_history, p_jobs, p_timers, p_subscriptions, p_tasks, p_incidents, p_lease_owner,
      p_lease_ms, NULL, NULL);
  END $$`,

  // An inline step: the version-checked UPDATE is the lock; the finished job is fenced and
  // reused by playbook_write_rest (PB001 when the lease is gone).
  `CREATE OR REPLACE FUNCTION playbook_step_inline(
    p_workspace text, p_instance uuid, p_job bigint, p_fence integer,
    p_update_instance boolean, p_state jsonb, p_version integer, p_previous_version integer,
    p_status text, p_ended_at_ms float8,
    p_ended boolean, p_cleared text[],
    p_history jsonb, p_jobs jsonb, p_timers jsonb, p_subscriptions jsonb, p_tasks jsonb,
    p_incidents jsonb, p_lease_owner text, p_lease_ms integer
  ) RETURNS TABLE (outcome text, inline_job_id bigint, now_ms float8) LANGUAGE plpgsql AS $$
  DECLARE
    history_end integer;
  BEGIN
    now_ms := (extract(epoch from now()) * 1000)::float8;
    UPDATE instances
      SET state = p_state, version = p_version, status = p_status,
          ended_at = to_timestamp(p_ended_at_ms / 1000), updated_at = now(),
          history_length = history_length + jsonb_array_length(p_history)
      WHERE id = p_instance AND workspace_id = p_workspace AND version = p_previous_version
      RETURNING history_length INTO history_end;
    IF NOT FOUND THEN
      outcome := 'conflict';
      RETURN NEXT;
      RETURN;
    END IF;
    outcome := 'recorded';
    inline_job_id := playbook_write_rest(p_workspace, p_instance, history_end, p_ended, p_cleared,
      p_history, p_jobs, p_timers, p_subscriptions, p_tasks, p_incidents, p_lease_owner,
      p_lease_ms, p_job, p_fence);
    RETURN NEXT;
  END $$`,

  `CREATE OR REPLACE FUNCTION playbook_steps_inline(p_steps jsonb)
  RETURNS TABLE (outcome text, inline_job_id bigint, now_ms float8) LANGUAGE plpgsql AS $$
  DECLARE
    s jsonb;
    history_end integer;
  BEGIN
    now_ms := (extract(epoch from now()) * 1000)::float8;
    FOR s IN SELECT e.value FROM jsonb_array_elements(p_steps) WITH ORDINALITY AS e(value, ord)
             ORDER BY e.ord LOOP
      inline_job_id := NULL;
      UPDATE instances
        SET state = s->'state', version = (s->>'version')::integer, status = s->>'status',
            ended_at = to_timestamp((s->>'ended_at_ms')::float8 / 1000), updated_at = now(),
            history_length = history_length + jsonb_array_length(s->'history')
        WHERE id = (s->>'instance')::uuid AND workspace_id = s->>'workspace'
          AND version = (s->>'previous_version')::integer
        RETURNING history_length INTO history_end;
      IF NOT FOUND THEN
        outcome := 'conflict';
        RETURN NEXT;
        CONTINUE;
      END IF;
      outcome := 'recorded';
      inline_job_id := playbook_write_rest(s->>'workspace', (s->>'instance')::uuid, history_end,
        (s->>'ended')::boolean, ARRAY(SELECT jsonb_array_elements_text(s->'cleared')),
        s->'history', s->'jobs', s->'timers', s->'subscriptions', s->'tasks', s->'incidents',
        s->>'lease_owner', (s->>'lease_ms')::integer, (s->>'job')::bigint,
        (s->>'fence')::integer);
      RETURN NEXT;
    END LOOP;
  END $$`,

  // A start writes the instance row with its history length, then the rest.
  `CREATE OR REPLACE FUNCTION playbook_start(
    p_workspace text, p_instance uuid, p_key text, p_expected_latest integer, p_version integer,
    p_status text, p_business_key text, p_idempotency_key text, p_state jsonb,
    p_state_version integer, p_started_by text, p_started_at_ms float8, p_ended_at_ms float8,
    p_update_instance boolean, p_next_state jsonb, p_next_version integer, p_previous_version integer,
    p_next_status text, p_next_ended_at_ms float8,
    p_ended boolean, p_cleared text[],
    p_history jsonb, p_jobs jsonb, p_timers jsonb, p_subscriptions jsonb, p_tasks jsonb,
    p_incidents jsonb, p_lease_owner text, p_lease_ms integer
  ) RETURNS TABLE (outcome text, inline_job_id bigint, now_ms float8) LANGUAGE plpgsql AS $$
  BEGIN
    now_ms := (extract(epoch from now()) * 1000)::float8;
    IF p_expected_latest IS NOT NULL THEN
      PERFORM 1 FROM definitions
        WHERE workspace_id = p_workspace AND key = p_key AND latest_version = p_expected_latest;
      IF NOT FOUND THEN
        outcome := 'stale';
        RETURN NEXT;
        RETURN;
      END IF;
    END IF;
    INSERT INTO instances (id, workspace_id, definition_key, definition_version, status,
      business_key, idempotency_key, state, version, started_by, started_at, ended_at,
      history_length)
    VALUES (p_instance, p_workspace, p_key, p_version, p_status, p_business_key,
      p_idempotency_key, p_state, p_state_version, p_started_by,
      to_timestamp(p_started_at_ms / 1000), to_timestamp(p_ended_at_ms / 1000),
      CASE WHEN p_update_instance THEN 0 ELSE jsonb_array_length(p_history) END)
    ON CONFLICT (workspace_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING;
    IF NOT FOUND THEN
      outcome := 'duplicate';
      RETURN NEXT;
      RETURN;
    END IF;
    outcome := 'started';
    IF p_update_instance THEN
      inline_job_id := playbook_write_step(p_workspace, p_instance, true, p_next_state,
        p_next_version, p_previous_version, p_next_status, p_next_ended_at_ms, p_ended, p_cleared,
        p_history, p_jobs, p_timers, p_subscriptions, p_tasks, p_incidents, p_lease_owner,
        p_lease_ms);
    ELSE
      inline_job_id := playbook_write_rest(p_workspace, p_instance, jsonb_array_length(p_history),
        p_ended, p_cleared, p_history, p_jobs, p_timers, p_subscriptions, p_tasks, p_incidents,
        p_lease_owner, p_lease_ms, NULL, NULL);
    END IF;
    RETURN NEXT;
  END $$`,
];
