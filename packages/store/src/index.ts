// Public API of @playbook/store. Only re-exports; see README.md for the design.

export type { Store, StoreOptions, WorkspaceApi } from "./create-store";
export { createStore, DEFAULT_WORKSPACE, databaseNow } from "./create-store";
export type { DatabaseKind } from "./database/connect";
export { DEFAULT_DATA_DIR } from "./database/connect";
export type { MigrationReport } from "./database/migrate";
export { migrateToLatest } from "./database/migrate";
export type { Database } from "./database/schema";
export type {
  DefinitionSummary,
  DefinitionsSystem,
  DeleteMode,
  DraftView,
  PublishInput,
  SaveDraftInput,
  VersionSummary,
  VersionView,
} from "./definitions/definitions";
export type {
  DefinitionIssue,
  Result,
  StoreError,
  StoreErrorCode,
  StoreErrorKind,
  VariableIssue,
} from "./errors";
export { fail, ok, storeErrorKinds } from "./errors";
export type {
  IncidentStatus,
  IncidentsSystem,
  IncidentView,
  ListIncidentsInput,
} from "./incidents/incidents";
export type {
  InstancesSystem,
  ListInstancesInput,
  StartedInstance,
  StartInstanceInput,
} from "./instances/instances";
export type { HistoryRecord, InstanceDetail, InstanceSummary } from "./instances/views";
export type { LogFields, Logger } from "./logger";
export { silentLogger } from "./logger";
export type { MessageOutcome, MessagesSystem, PublishMessageInput } from "./messages/messages";
export type { Page, PageRequest } from "./pagination";
export type { ApplyEvent, Executor, ExecutorFor, ExecutorJob, ResolveNodeType } from "./ports";
export type { ClaimedJob } from "./queue/claimed-job";
export type { ClaimOptions, JobOutcome, JobReport } from "./queue/jobs";
export type { FireReport, FireTimersOptions } from "./queue/timers";
export type { StoreSettings, ValidateDefinition } from "./resources";
export type { InlineLease } from "./runtime/write";
export type {
  CompleteTaskInput,
  ListTasksInput,
  TaskStatus,
  TasksSystem,
  TaskView,
} from "./tasks/tasks";
export type { ValidateVariablesOptions } from "./variables/validate";
export { pickDeclared, validateVariables } from "./variables/validate";
export type { ShutdownReport, WorkerOptions, WorkerPool } from "./workers/worker-pool";
