// Starting an instance. The common case is one autocommit statement (playbook_start, migration
// 0004): the engine runs on the version this process believes is the latest, and the database
// confirms that belief as it inserts. The transactional path (look the version up, validate,
// insert, write) handles everything else: no belief yet, a stale one, and a first step that waits
// for a message (the message buffer must be checked inside the transaction).
// Either way, an idle loop of this process is reserved first and handed the first job after
// commit (workers/handoff.ts).
import { toJson } from "../database/json";
import { inTransaction } from "../database/transaction";
import type { LoadedDefinition } from "../definitions/cache";
import { resolvePublished } from "../definitions/lookup";
import { fail, type Result } from "../errors";
import { basisOf } from "../queue/claimed-job";
import type { StoreResources } from "../resources";
import { wakeFor } from "../runtime/after-commit";
import {
  type NewInstance,
  runStartEvent,
  type StartResult,
  startInstanceInTx,
} from "../runtime/start";
import { stepParams, stepPlaceholders } from "../runtime/step-values";
import { type InlineLease, stepWrites, summarize } from "../runtime/write";
import { addOutcome, emptyPlan } from "../runtime/write-plan";
import { validateVariables } from "../variables/validate";
import { reserveLocalLoop } from "../workers/handoff";
import type { StartInstanceInput } from "./instances";

type Started = Extract<StartResult, { ok: true }> & { version: number };

export type StartOutcome =
  | Started
  | Exclude<StartResult, { ok: true }>
  | { ok: false; refused: Result<never> };

export async function startInstance(
  res: StoreResources,
  workspaceId: string,
  input: StartInstanceInput,
): Promise<StartOutcome> {
  const handoff = reserveLocalLoop(res, workspaceId);
  let started: Started | undefined;
  try {
    const outcome =
      (await startInOneCall(res, workspaceId, input, handoff?.lease)) ??
      (await startInTransaction(res, workspaceId, input, handoff?.lease));
    if (!outcome.ok) return outcome;
    started = outcome;
  } finally {
    // After commit (or failure): the reserved loop gets its job, or goes back to sleep.
    handoff?.give(started?.summary.inlineJob);
  }
  wakeFor(res, [started.summary]);
  return started;
}

const START = `SELECT * FROM playbook_start($1, $2::uuid, $3, $4::int, $5::int, $6, $7, $8,
  $9::jsonb, $10::int, $11, $12::float8, $13::float8, ${stepPlaceholders(14)})`;

type StartRow = {
  outcome: "started" | "stale" | "duplicate";
  inline_job_id: number | null;
  now_ms: number;
};

/** The one-statement start; undefined when the transactional path must decide. */
async function startInOneCall(
  res: StoreResources,
  workspaceId: string,
  input: StartInstanceInput,
  inline: InlineLease | undefined,
): Promise<StartOutcome | undefined> {
  const guessed =
    input.version === undefined
      ? res.definitions.guessLatest(workspaceId, input.definitionKey)
      : undefined;
  const version = input.version ?? guessed;
  if (version === undefined) return undefined;
  const loaded = await res.definitions.get(res.db, workspaceId, input.definitionKey, version);
  if (!loaded) return undefined;
  const variables = input.variables ?? {};
  const issues = validateVariables(loaded.definition, variables, { checkRequired: true });
  // Against a guessed version, only the real latest may refuse.
  if (issues.length > 0)
    return guessed === undefined
      ? { ok: false, refused: fail({ code: "variables.invalid", issues }) }
      : undefined;

  const request = newInstance(workspaceId, input, loaded, version, variables);
  const { instanceId, result } = runStartEvent(res, request);
  if (!result.ok) return undefined;
  const plan = emptyPlan();
  addOutcome(plan, result.effects, result.history);
  if (plan.subscriptions.length > 0 && plan.ended === undefined) return undefined;

  const first = result.state;
  const writes = stepWrites(plan, undefined, inline);
  const rows = await res.run<StartRow>("playbook_start", START, [
    workspaceId,
    instanceId,
    input.definitionKey,
    guessed ?? null,
    version,
    first.status,
    input.businessKey ?? null,
    input.idempotencyKey ?? null,
    toJson(first),
    first.version,
    input.startedBy ?? null,
    first.startedAt,
    first.endedAt ?? null,
    ...stepParams(writes.values),
  ]);
  const row = rows[0];
  if (row) res.clock.observe(Number(row.now_ms));
  if (row?.outcome === "duplicate") return { ok: false, duplicate: true };
  if (row?.outcome !== "started") {
    res.definitions.rememberLatest(workspaceId, input.definitionKey, undefined);
    return undefined;
  }
  const summary = summarize({ workspaceId, instanceId }, writes, row.inline_job_id);
  if (summary.inlineJob) summary.inlineJob.basis = basisOf(request, first);
  return { ok: true, state: first, summary, version };
}

async function startInTransaction(
  res: StoreResources,
  workspaceId: string,
  input: StartInstanceInput,
  inline: InlineLease | undefined,
): Promise<StartOutcome> {
  const variables = input.variables ?? {};
  let version = 0;
  const outcome = await inTransaction<StartOutcome>(res.db, async (tx, rollback) => {
    const published = await resolvePublished(
      tx,
      res,
      workspaceId,
      input.definitionKey,
      input.version,
    );
    if (!published.ok) return rollback({ ok: false, refused: published });
    const issues = validateVariables(published.value.loaded.definition, variables, {
      checkRequired: true,
    });
    if (issues.length > 0)
      return rollback({ ok: false, refused: fail({ code: "variables.invalid", issues }) });
    version = published.value.version;
    const started = await startInstanceInTx(tx, res, {
      ...newInstance(workspaceId, input, published.value.loaded, version, variables),
      ...(inline ? { inline } : {}),
    });
    return started.ok ? { ...started, version } : rollback(started);
  });
  return outcome;
}

function newInstance(
  workspaceId: string,
  input: StartInstanceInput,
  loaded: LoadedDefinition,
  version: number,
  variables: Record<string, unknown>,
): NewInstance {
  return {
    workspaceId,
    loaded,
    definitionKey: input.definitionKey,
    definitionVersion: version,
    variables,
    businessKey: input.businessKey,
    idempotencyKey: input.idempotencyKey,
    startedBy: input.startedBy,
    startNodeId: input.startNodeId,
  };
}
