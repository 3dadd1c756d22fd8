// Part of migration 0001: the two functions every step calls. A step is on the hot path, and on
// a small machine the cost is CPU per statement, not fsync: one call per round trip instead of
// five or six statements, with plpgsql caching each inner statement's plan per connection.
// Rows arrive as JSON arrays (jsonb_to_recordset), times as epoch milliseconds.

export const stepFunctions: readonly string[] = [
  // Locks the instance first (every writer locks the instance before its rows, so no deadlock),
  // then removes the job only if this lease still holds it. A worker whose lease expired or was
  // re-claimed (different fence) gets job_taken = false and must write nothing.
  `CREATE FUNCTION playbook_take_job(
    p_workspace text, p_instance uuid, p_job bigint, p_fence integer
  ) RETURNS TABLE (
    job_taken boolean, instance_found boolean, definition_key text, definition_version integer,
    state jsonb, version integer, now_ms float8
  ) LANGUAGE plpgsql AS $$
  DECLARE
    found_instance instances%ROWTYPE;
  BEGIN
    SELECT * INTO found_instance FROM instances
      WHERE id = p_instance AND workspace_id = p_workspace FOR UPDATE;
    instance_found := FOUND;
    DELETE FROM jobs WHERE id = p_job AND fence = p_fence AND visible_at > now();
    job_taken := FOUND;
    definition_key := found_instance.definition_key;
    definition_version := found_instance.definition_version;
    state := found_instance.state;
    version := found_instance.version;
    now_ms := (extract(epoch from now()) * 1000)::float8;
    RETURN NEXT;
  END $$`,

  // Writes one step's outcome: removes the waits of cleared activations (or all, when the
  // instance ended), saves the state (checking the version it was read at), appends history and
  // inserts the new waits. Returns the id of the job leased inline to p_lease_owner, if any.
  `CREATE FUNCTION playbook_write_step(
    p_workspace text, p_instance uuid,
    p_update_instance boolean, p_state jsonb, p_version integer, p_previous_version integer,
    p_status text, p_ended_at_ms float8,
    p_ended boolean, p_cleared text[],
    p_history jsonb, p_jobs jsonb, p_timers jsonb, p_subscriptions jsonb, p_tasks jsonb,
    p_incidents jsonb, p_lease_owner text, p_lease_ms integer
  ) RETURNS bigint LANGUAGE plpgsql AS $$
  DECLARE
    inline_id bigint;
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
            ended_at = to_timestamp(p_ended_at_ms / 1000), updated_at = now()
        WHERE id = p_instance AND workspace_id = p_workspace AND version = p_previous_version;
      IF NOT FOUND THEN
        RAISE EXCEPTION 'instance % changed under its lock', p_instance;
      END IF;
    END IF;

    IF jsonb_array_length(p_history) > 0 THEN
      INSERT INTO history (workspace_id, instance_id, type, at, node_id, edge_id, activation_id, token_id, data)
      SELECT p_workspace, p_instance, r.type, to_timestamp(r.at / 1000), r.node_id, r.edge_id,
             r.activation_id, r.token_id, r.data
      FROM jsonb_to_recordset(p_history) AS r(type text, at float8, node_id text, edge_id text,
        activation_id text, token_id text, data jsonb);
    END IF;

    IF jsonb_array_length(p_jobs) > 0 THEN
      -- The inline job first, on its own, so its id can be returned.
      INSERT INTO jobs (workspace_id, instance_id, activation_id, node_id, job_type, type_version,
        config, variables, idempotency_key, attempt, visible_at, lease_owner, fence)
      SELECT p_workspace, p_instance, r.activation_id, r.node_id, r.job_type, r.type_version,
             r.config, r.variables, r.idempotency_key, r.attempt,
             now() + p_lease_ms * interval '1 millisecond', p_lease_owner, 1
      FROM jsonb_to_recordset(p_jobs) AS r(activation_id text, node_id text, job_type text,
        type_version integer, config jsonb, variables jsonb, idempotency_key text, attempt integer,
        run_at float8, run_inline boolean)
      WHERE r.run_inline AND p_lease_owner IS NOT NULL
      LIMIT 1
      RETURNING id INTO inline_id;
      INSERT INTO jobs (workspace_id, instance_id, activation_id, node_id, job_type, type_version,
        config, variables, idempotency_key, attempt, visible_at)
      SELECT p_workspace, p_instance, r.activation_id, r.node_id, r.job_type, r.type_version,
             r.config, r.variables, r.idempotency_key, r.attempt,
             coalesce(to_timestamp(r.run_at / 1000), now())
      FROM jsonb_to_recordset(p_jobs) AS r(activation_id text, node_id text, job_type text,
        type_version integer, config jsonb, variables jsonb, idempotency_key text, attempt integer,
        run_at float8, run_inline boolean)
      WHERE NOT (r.run_inline AND p_lease_owner IS NOT NULL);
    END IF;

    IF jsonb_array_length(p_timers) > 0 THEN
      INSERT INTO timers (workspace_id, instance_id, activation_id, node_id, purpose, due_at)
      SELECT p_workspace, p_instance, r.activation_id, r.node_id, r.purpose, to_timestamp(r.due_at / 1000)
      FROM jsonb_to_recordset(p_timers) AS r(activation_id text, node_id text, purpose text, due_at float8);
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
