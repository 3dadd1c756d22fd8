// The first schema: tenancy (workspace_id on every row), definitions and versions, instances,
// history, and the queue tables (jobs, timers, subscriptions) tuned for churn. Forward-only:
// a released migration is never edited; changes come as new files.
//
// Queue tables: rows are deleted when done (history keeps the record), claims walk a
// (visible_at, id) index in FIFO order, fillfactor leaves room for HOT updates of lease columns,
// and autovacuum runs on an absolute threshold instead of a fraction of a table that is mostly
// dead tuples at its head. One statement per entry: PGlite cannot run several in one call.

import { stepFunctions } from "./0001-step-functions";

const QUEUE_STORAGE =
  "fillfactor = 70, autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000, " +
  "autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 5000, " +
  "autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 5000, " +
  "autovacuum_vacuum_cost_delay = 0";

export const initialSchema: readonly string[] = [
  `CREATE TABLE workspaces (
    id text PRIMARY KEY,
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,

  `CREATE TABLE definitions (
    workspace_id text NOT NULL REFERENCES workspaces (id),
    key text NOT NULL,
    draft jsonb,
    draft_revision integer NOT NULL DEFAULT 0,
    draft_deleted_at timestamptz,
    latest_version integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, key)
  )`,

  `CREATE TABLE definition_versions (
    workspace_id text NOT NULL,
    key text NOT NULL,
    version integer NOT NULL,
    definition jsonb NOT NULL,
    note text,
    published_by text,
    published_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, key, version),
    FOREIGN KEY (workspace_id, key) REFERENCES definitions (workspace_id, key)
  )`,

  // Which published definitions an incoming message starts (latest version only).
  `CREATE TABLE message_start_triggers (
    workspace_id text NOT NULL,
    message_name text NOT NULL,
    definition_key text NOT NULL,
    version integer NOT NULL,
    start_node_id text NOT NULL,
    PRIMARY KEY (workspace_id, message_name, definition_key, start_node_id)
  )`,

  // state holds the engine's InstanceState; the columns beside it exist to filter and list.
  // Only status and the listing keys are indexed, so a step's update stays a HOT update.
  `CREATE TABLE instances (
    id uuid PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    workspace_id text NOT NULL,
    definition_key text NOT NULL,
    definition_version integer NOT NULL,
    status text NOT NULL,
    business_key text,
    idempotency_key text,
    state jsonb NOT NULL,
    version integer NOT NULL,
    started_by text,
    started_at timestamptz NOT NULL,
    ended_at timestamptz,
    updated_at timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (workspace_id, definition_key, definition_version)
      REFERENCES definition_versions (workspace_id, key, version)
  ) WITH (fillfactor = 80)`,
  "CREATE UNIQUE INDEX instances_list ON instances (workspace_id, seq)",
  "CREATE INDEX instances_by_definition ON instances (workspace_id, definition_key, seq)",
  "CREATE INDEX instances_by_status ON instances (workspace_id, status, seq)",
  `CREATE INDEX instances_by_business_key ON instances (workspace_id, business_key, seq)
    WHERE business_key IS NOT NULL`,
  `CREATE UNIQUE INDEX instances_idempotency ON instances (workspace_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL`,

  // Append-only; a later migration can partition it by time.
  `CREATE TABLE history (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id text NOT NULL,
    instance_id uuid NOT NULL,
    type text NOT NULL,
    at timestamptz NOT NULL,
    node_id text,
    edge_id text,
    activation_id text,
    token_id text,
    data jsonb
  )`,
  "CREATE INDEX history_by_instance ON history (instance_id, id)",

  `CREATE TABLE jobs (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id text NOT NULL,
    instance_id uuid NOT NULL,
    activation_id text NOT NULL,
    node_id text NOT NULL,
    job_type text NOT NULL,
    type_version integer NOT NULL,
    config jsonb NOT NULL,
    variables jsonb NOT NULL,
    idempotency_key text NOT NULL,
    attempt integer NOT NULL,
    visible_at timestamptz NOT NULL,
    lease_owner text,
    fence integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now()
  ) WITH (${QUEUE_STORAGE})`,
  "CREATE INDEX jobs_claim ON jobs (visible_at, id)",
  "CREATE INDEX jobs_by_instance ON jobs (instance_id, activation_id)",

  `CREATE TABLE timers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id text NOT NULL,
    instance_id uuid NOT NULL,
    activation_id text NOT NULL,
    node_id text NOT NULL,
    purpose text NOT NULL,
    due_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  ) WITH (${QUEUE_STORAGE})`,
  "CREATE INDEX timers_due ON timers (due_at, id)",
  "CREATE INDEX timers_by_instance ON timers (instance_id, activation_id)",

  `CREATE TABLE subscriptions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id text NOT NULL,
    message_name text NOT NULL,
    correlation_key text NOT NULL,
    instance_id uuid NOT NULL,
    activation_id text NOT NULL,
    node_id text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  ) WITH (${QUEUE_STORAGE})`,
  `CREATE INDEX subscriptions_lookup
    ON subscriptions (workspace_id, message_name, correlation_key, id)`,
  "CREATE INDEX subscriptions_by_instance ON subscriptions (instance_id, activation_id)",

  // Messages that arrived before anyone waited for them, kept until expires_at.
  `CREATE TABLE buffered_messages (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id text NOT NULL,
    name text NOT NULL,
    correlation_key text NOT NULL,
    payload jsonb NOT NULL,
    event_id text,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  ) WITH (${QUEUE_STORAGE})`,
  "CREATE INDEX buffered_messages_lookup ON buffered_messages (workspace_id, name, correlation_key, id)",
  "CREATE INDEX buffered_messages_expiry ON buffered_messages (expires_at)",

  // Event ids already applied, so a redelivered event is acknowledged and not applied twice.
  `CREATE TABLE received_events (
    workspace_id text NOT NULL,
    event_id text NOT NULL,
    name text NOT NULL,
    correlation_key text NOT NULL,
    outcome jsonb,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (workspace_id, event_id)
  )`,
  "CREATE INDEX received_events_age ON received_events (received_at)",

  `CREATE TABLE tasks (
    id uuid PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    workspace_id text NOT NULL,
    instance_id uuid NOT NULL,
    activation_id text NOT NULL,
    node_id text NOT NULL,
    status text NOT NULL,
    title text,
    assignee text,
    candidate_users text[] NOT NULL DEFAULT '{}',
    candidate_roles text[] NOT NULL DEFAULT '{}',
    config jsonb NOT NULL,
    due_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    completed_at timestamptz,
    completed_by text,
    outcome text,
    result jsonb
  )`,
  "CREATE INDEX tasks_by_status ON tasks (workspace_id, status, seq)",
  "CREATE INDEX tasks_by_assignee ON tasks (workspace_id, assignee, status, seq)",
  "CREATE INDEX tasks_by_instance ON tasks (instance_id, activation_id)",
  "CREATE INDEX tasks_candidate_users ON tasks USING gin (candidate_users)",
  "CREATE INDEX tasks_candidate_roles ON tasks USING gin (candidate_roles)",

  `CREATE TABLE incidents (
    id text NOT NULL,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    workspace_id text NOT NULL,
    instance_id uuid NOT NULL,
    activation_id text NOT NULL,
    node_id text NOT NULL,
    message text NOT NULL,
    status text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    resolved_at timestamptz,
    PRIMARY KEY (workspace_id, id)
  )`,
  "CREATE INDEX incidents_by_status ON incidents (workspace_id, status, seq)",
  "CREATE INDEX incidents_by_instance ON incidents (instance_id, activation_id)",

  // Wake-ups for worker processes. NOTIFY is transactional (sent at commit), so a worker never
  // hears of a job before it is visible. The sender's application_name travels in the payload
  // so a process can ignore its own notifications (it already woke its loops in memory).
  // Statement triggers fire even when a statement inserts nothing, hence the counts.
  `CREATE FUNCTION playbook_notify_jobs() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE ready integer;
  BEGIN
    SELECT count(*) INTO ready FROM inserted_jobs WHERE lease_owner IS NULL AND visible_at <= now();
    IF ready > 0 THEN
      PERFORM pg_notify('playbook_jobs', ready || ' ' || current_setting('application_name'));
    END IF;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER jobs_notify AFTER INSERT ON jobs REFERENCING NEW TABLE AS inserted_jobs
    FOR EACH STATEMENT EXECUTE FUNCTION playbook_notify_jobs()`,
  `CREATE FUNCTION playbook_notify_timers() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF EXISTS (SELECT 1 FROM inserted_timers) THEN
      PERFORM pg_notify('playbook_timers', '1 ' || current_setting('application_name'));
    END IF;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER timers_notify AFTER INSERT ON timers REFERENCING NEW TABLE AS inserted_timers
    FOR EACH STATEMENT EXECUTE FUNCTION playbook_notify_timers()`,
  ...stepFunctions,
];
