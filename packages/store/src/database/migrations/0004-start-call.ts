// Migration 0004: starting an instance in one round trip. The caller has already run the engine
// on the definition version it believes is the latest; this function checks that belief (unless
// a version was asked for), inserts the instance (an idempotency key already used makes it a
// no-op) and writes the first step through playbook_write_step — one autocommit statement
// instead of BEGIN, a version lookup, an insert, the step and COMMIT. 'stale' and 'duplicate'
// write nothing; the caller then takes the transactional path or returns the existing instance.

export const startCall: readonly string[] = [
  `CREATE FUNCTION playbook_start(
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
      business_key, idempotency_key, state, version, started_by, started_at, ended_at)
    VALUES (p_instance, p_workspace, p_key, p_version, p_status, p_business_key,
      p_idempotency_key, p_state, p_state_version, p_started_by,
      to_timestamp(p_started_at_ms / 1000), to_timestamp(p_ended_at_ms / 1000))
    ON CONFLICT (workspace_id, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING;
    IF NOT FOUND THEN
      outcome := 'duplicate';
      RETURN NEXT;
      RETURN;
    END IF;
    outcome := 'started';
    inline_job_id := playbook_write_step(p_workspace, p_instance, p_update_instance, p_next_state,
      p_next_version, p_previous_version, p_next_status, p_next_ended_at_ms, p_ended, p_cleared,
      p_history, p_jobs, p_timers, p_subscriptions, p_tasks, p_incidents, p_lease_owner, p_lease_ms);
    RETURN NEXT;
  END $$`,
];
