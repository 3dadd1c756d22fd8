// Migration 0002: one round trip for a step the worker continues inline. The worker already
// holds the state it wrote when it leased itself the job, so instead of BEGIN, take_job (lock +
// read), write_step, COMMIT it computes the step first and sends it in one autocommit call. The
// function checks under the row lock that nobody changed the instance since (version) and that
// the lease still holds (fence, expiry), and only then writes; otherwise it writes nothing and
// says why, and the worker falls back to the locked path.

export const inlineStep: readonly string[] = [
  `CREATE FUNCTION playbook_step_inline(
    p_workspace text, p_instance uuid, p_job bigint, p_fence integer,
    p_update_instance boolean, p_state jsonb, p_version integer, p_previous_version integer,
    p_status text, p_ended_at_ms float8,
    p_ended boolean, p_cleared text[],
    p_history jsonb, p_jobs jsonb, p_timers jsonb, p_subscriptions jsonb, p_tasks jsonb,
    p_incidents jsonb, p_lease_owner text, p_lease_ms integer
  ) RETURNS TABLE (outcome text, inline_job_id bigint, now_ms float8) LANGUAGE plpgsql AS $$
  DECLARE
    current_version integer;
  BEGIN
    now_ms := (extract(epoch from now()) * 1000)::float8;
    -- The instance first, as every writer does, so this cannot deadlock with them.
    SELECT i.version INTO current_version FROM instances i
      WHERE i.id = p_instance AND i.workspace_id = p_workspace FOR UPDATE;
    IF NOT FOUND OR current_version <> p_previous_version THEN
      outcome := 'conflict';
      RETURN NEXT;
      RETURN;
    END IF;
    DELETE FROM jobs WHERE id = p_job AND fence = p_fence AND visible_at > now();
    IF NOT FOUND THEN
      outcome := 'fenced';
      RETURN NEXT;
      RETURN;
    END IF;
    outcome := 'recorded';
    inline_job_id := playbook_write_step(p_workspace, p_instance, p_update_instance, p_state,
      p_version, p_previous_version, p_status, p_ended_at_ms, p_ended, p_cleared, p_history,
      p_jobs, p_timers, p_subscriptions, p_tasks, p_incidents, p_lease_owner, p_lease_ms);
    RETURN NEXT;
  END $$`,
];
