// What createApp needs: the store (already migrated), the node registry, a logger and a few facts
// about the process. Tests build these with a throw-away database; main.ts from the environment.
import type { NodeTypeRegistry } from "@playbook/node-sdk";
import type { ServerRole } from "@playbook/schema";
import type { Store } from "@playbook/store";
import type { Logger } from "pino";
import type { DefinitionValidator } from "./definition-validation";

export interface AppDeps {
  store: Store;
  /** The workspace this app serves; the store's default when absent. */
  workspaceId?: string;
  registry: NodeTypeRegistry;
  /** The shared validator bound to the registry's manifests (see definition-validation.ts). */
  validator: DefinitionValidator;
  logger: Logger;
  /** Which parts this process runs; reported by /api/health. */
  role?: ServerRole;
  /** Whether job and timer workers run in this process. */
  workersRunning?: () => boolean;
  /** Directory of the built editor (index.html + assets); served at / when it exists. */
  editorDist?: string;
  /** Request body limit in bytes. Default 1 MiB. */
  bodyLimitBytes?: number;
  version?: string;
}
