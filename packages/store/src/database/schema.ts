// Kysely's view of the tables created by the migrations. jsonb columns are written as JSON text
// (see json.ts) and read back as values; bigint identity columns are read as numbers.
import type { ColumnType, Generated } from "kysely";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;
type NullableJson<T> = ColumnType<T | null, string | null, string | null>;
type Identity = ColumnType<number, never, never>;

export interface WorkspacesTable {
  id: string;
  name: string;
  created_at: DefaultedTimestamp;
}

export interface DefinitionsTable {
  workspace_id: string;
  key: string;
  draft: NullableJson<unknown>;
  draft_revision: Generated<number>;
  draft_deleted_at: Date | null;
  latest_version: Generated<number>;
  /** The draft revision the latest version was published from (migration 0008). */
  published_revision: number | null;
  created_at: DefaultedTimestamp;
  updated_at: DefaultedTimestamp;
}

export interface DefinitionVersionsTable {
  workspace_id: string;
  key: string;
  version: number;
  definition: Json<unknown>;
  note: string | null;
  published_by: string | null;
  published_at: DefaultedTimestamp;
}

export interface MessageStartTriggersTable {
  workspace_id: string;
  message_name: string;
  definition_key: string;
  version: number;
  start_node_id: string;
}

export interface InstancesTable {
  id: string;
  seq: Identity;
  workspace_id: string;
  definition_key: string;
  definition_version: number;
  status: string;
  business_key: string | null;
  idempotency_key: string | null;
  state: Json<unknown>;
  version: number;
  started_by: string | null;
  started_at: Timestamp;
  ended_at: Date | null;
  updated_at: DefaultedTimestamp;
  /** Entries in the instance's history; the last one's position (migration 0005). */
  history_length: Generated<number>;
}

/**
 * One engine history entry as stored inside a history row: as playbook_write_step received it.
 * A missing or null field is null; a missing `at` (epoch ms) is the row's first entry's.
 */
export interface StoredHistoryEntry {
  type: string;
  at?: number | null;
  node_id?: string | null;
  edge_id?: string | null;
  activation_id?: string | null;
  token_id?: string | null;
  data?: Record<string, unknown> | null;
}

/** One row per written step: its entries, at positions first_pos..last_pos of the instance. */
export interface HistoryTable {
  instance_id: string;
  first_pos: number;
  last_pos: number;
  /** Time of the first entry. */
  at: Timestamp;
  workspace_id: string;
  entries: Json<StoredHistoryEntry[]>;
}

export interface JobsTable {
  id: Identity;
  workspace_id: string;
  instance_id: string;
  activation_id: string;
  node_id: string;
  job_type: string;
  type_version: number;
  config: Json<Record<string, unknown>>;
  variables: Json<Record<string, unknown>>;
  idempotency_key: string;
  attempt: number;
  /** Claimable when `visible_at <= now()`; while leased it holds the lease expiry. */
  visible_at: Timestamp;
  lease_owner: string | null;
  /** Incremented by every claim: the fencing token a result must present. */
  fence: Generated<number>;
  created_at: DefaultedTimestamp;
}

export interface TimersTable {
  id: Identity;
  workspace_id: string;
  instance_id: string;
  activation_id: string;
  node_id: string;
  purpose: string;
  due_at: Timestamp;
  created_at: DefaultedTimestamp;
}

export interface SubscriptionsTable {
  id: Identity;
  workspace_id: string;
  message_name: string;
  correlation_key: string;
  instance_id: string;
  activation_id: string;
  node_id: string;
  created_at: DefaultedTimestamp;
}

export interface BufferedMessagesTable {
  id: Identity;
  workspace_id: string;
  name: string;
  correlation_key: string;
  payload: Json<Record<string, unknown>>;
  event_id: string | null;
  expires_at: Timestamp;
  created_at: DefaultedTimestamp;
}

export interface ReceivedEventsTable {
  workspace_id: string;
  event_id: string;
  name: string;
  correlation_key: string;
  outcome: NullableJson<unknown>;
  received_at: DefaultedTimestamp;
}

export interface TasksTable {
  id: string;
  seq: Identity;
  workspace_id: string;
  instance_id: string;
  activation_id: string;
  node_id: string;
  status: string;
  title: string | null;
  assignee: string | null;
  candidate_users: ColumnType<string[], string[] | undefined, string[]>;
  candidate_roles: ColumnType<string[], string[] | undefined, string[]>;
  config: Json<Record<string, unknown>>;
  due_at: Date | null;
  created_at: DefaultedTimestamp;
  completed_at: Date | null;
  completed_by: string | null;
  outcome: string | null;
  result: NullableJson<Record<string, unknown>>;
}

export interface IncidentsTable {
  id: string;
  seq: Identity;
  workspace_id: string;
  instance_id: string;
  activation_id: string;
  node_id: string;
  message: string;
  status: string;
  created_at: DefaultedTimestamp;
  resolved_at: Date | null;
}

export interface Database {
  workspaces: WorkspacesTable;
  definitions: DefinitionsTable;
  definition_versions: DefinitionVersionsTable;
  message_start_triggers: MessageStartTriggersTable;
  instances: InstancesTable;
  history: HistoryTable;
  jobs: JobsTable;
  timers: TimersTable;
  subscriptions: SubscriptionsTable;
  buffered_messages: BufferedMessagesTable;
  received_events: ReceivedEventsTable;
  tasks: TasksTable;
  incidents: IncidentsTable;
}
