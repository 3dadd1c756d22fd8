// The resources every system shares (database, engine, ports, caches, clock, wake signals).
// Systems are small modules of plain functions over this object, not methods of one big class.
import type { IdGenerator, RandomSource } from "@playbook/engine";
import type { ProcessDefinition } from "@playbook/schema";
import type { DatabaseClock } from "./database/clock";
import type { DatabaseKind, PreparedRunner } from "./database/connect";
import type { Db } from "./database/transaction";
import type { DefinitionCache } from "./definitions/cache";
import type { DefinitionIssue } from "./errors";
import type { Logger } from "./logger";
import type { ApplyEvent, ExecutorFor, ResolveNodeType } from "./ports";
import type { StepCommitter } from "./queue/step-committer";
import type { HandoffTarget } from "./workers/handoff";
import type { WakeSignal } from "./workers/wake";

/** Extra checks run at publish (graph validation); returns problems, empty when fine. */
export type ValidateDefinition = (definition: ProcessDefinition) => DefinitionIssue[];

export interface StoreSettings {
  /** How long a message nobody waits for stays buffered, unless the message says otherwise. */
  messageTtlMs: number;
  /** How long event ids are remembered for de-duplication. */
  eventRetentionMs: number;
  /** Passed to the engine: synchronous steps allowed per event. */
  maxStepsPerEvent?: number;
}

export interface StoreResources {
  db: Db;
  /** Runs a fixed hot-path statement, prepared once per connection (see database/connect.ts). */
  run: PreparedRunner;
  kind: DatabaseKind;
  applyEvent: ApplyEvent;
  resolveNodeType: ResolveNodeType;
  executorFor: ExecutorFor;
  validateDefinition?: ValidateDefinition;
  definitions: DefinitionCache;
  clock: DatabaseClock;
  ids: IdGenerator;
  random: RandomSource;
  logger: Logger;
  /** In-process wake-ups, fired after commit; other processes hear NOTIFY instead. */
  wake: { jobs: WakeSignal; timers: WakeSignal };
  settings: StoreSettings;
  /** Writes inline steps, grouping those that finish while others are being written. */
  steps: StepCommitter;
  /** Worker pools of this process that take the first job of a local start directly. */
  localPools: Set<HandoffTarget>;
}
