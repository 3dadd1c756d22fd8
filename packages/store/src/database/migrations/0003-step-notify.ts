// Migration 0003: playbook_write_step announces new work itself instead of through statement
// triggers. The triggers (0001) captured a transition table and ran a counting query on every
// INSERT into jobs and timers — twice per step, even when the only job was leased inline and
// nobody needed to hear of it. Now a step inserts its jobs in one statement, counts the ones left
// claimable, and NOTIFYs only when there are some. NOTIFY is still sent at commit, so a worker
// never hears of a job before it is visible. Every insert into jobs and timers goes through
// this function (or releaseJobs, which notifies on its own).

export const stepNotify: readonly string[] = [
  "DROP TRIGGER jobs_notify ON jobs",
  "DROP TRIGGER timers_notify ON timers",
  "DROP FUNCTION playbook_notify_jobs()",
  "DROP FUNCTION playbook_notify_timers()",
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
