// Definitions of one workspace: a draft edited freely (with a revision number to detect
// concurrent edits), and immutable numbered versions frozen from it by publishing.
import type { StoreResources } from "../resources";
import { draftsSystem } from "./drafts";
import { versionsSystem } from "./versions";

export type {
  DefinitionSummary,
  DeleteMode,
  DraftView,
  PublishInput,
  SaveDraftInput,
  VersionSummary,
  VersionView,
} from "./views";

export function definitionsSystem(res: StoreResources, workspaceId: string) {
  return { ...draftsSystem(res, workspaceId), ...versionsSystem(res, workspaceId) };
}

export type DefinitionsSystem = ReturnType<typeof definitionsSystem>;
