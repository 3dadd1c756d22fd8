// A step's writes as values, in playbook_write_step's argument order (after workspace and
// instance), and the three ways they travel: Kysely arguments (write.ts), parameters of a
// prepared statement, and one JSON object per step in a batch.

/** A step's writes: the arguments of playbook_write_step after workspace and instance. */
export interface StepValues {
  updateInstance: boolean;
  /** JSON text of the new state, when the instance row is updated. */
  state: string | null;
  version: number;
  previousVersion: number;
  status: string;
  endedAtMs: number | null;
  ended: boolean;
  cleared: string[];
  /** JSON arrays (text) of the rows to insert. */
  history: string;
  jobs: string;
  timers: string;
  subscriptions: string;
  tasks: string;
  incidents: string;
  leaseOwner: string | null;
  leaseMs: number;
}

// playbook_write_step's arguments after workspace and instance, as placeholders and values,
// for the prepared hot-path statements (StepValues order).
export const STEP_TYPES = [
  "boolean",
  "jsonb",
  "int",
  "int",
  "text",
  "float8",
  "boolean",
  "text[]",
  "jsonb",
  "jsonb",
  "jsonb",
  "jsonb",
  "jsonb",
  "jsonb",
  "text",
  "int",
];

/** `$n::type, …` for the step's arguments, numbered from `first`. */
export function stepPlaceholders(first: number): string {
  return STEP_TYPES.map((type, i) => `$${first + i}::${type}`).join(", ");
}

export function stepParams(v: StepValues): unknown[] {
  return [
    v.updateInstance,
    v.state,
    v.version,
    v.previousVersion,
    v.status,
    v.endedAtMs,
    v.ended,
    v.cleared,
    v.history,
    v.jobs,
    v.timers,
    v.subscriptions,
    v.tasks,
    v.incidents,
    v.leaseOwner,
    v.leaseMs,
  ];
}

/**
 * The values as one JSON object (text), for a batch of steps sent as a jsonb array. The JSON
 * parts are spliced in as they are, not encoded twice.
 */
export function stepJson(extra: Record<string, string | number>, v: StepValues): string {
  const head = Object.entries(extra)
    .map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`)
    .join(",");
  return (
    `{${head},"update_instance":${v.updateInstance},"state":${v.state ?? "null"},` +
    `"version":${v.version},"previous_version":${v.previousVersion},` +
    `"status":${JSON.stringify(v.status)},"ended_at_ms":${v.endedAtMs ?? "null"},` +
    `"ended":${v.ended},"cleared":${JSON.stringify(v.cleared)},"history":${v.history},` +
    `"jobs":${v.jobs},"timers":${v.timers},"subscriptions":${v.subscriptions},` +
    `"tasks":${v.tasks},"incidents":${v.incidents},` +
    `"lease_owner":${JSON.stringify(v.leaseOwner)},"lease_ms":${v.leaseMs}}`
  );
}
