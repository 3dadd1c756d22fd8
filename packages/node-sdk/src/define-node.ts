// `defineNode()`: one zod config schema plus titles, ports and behaviour become a node type
// whose manifest (what the editor draws and validates with) is checked when the pack loads.
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "@playbook/engine";
import {
  type Behaviour,
  type LocalizedText,
  type NodeCategory,
  type NodeKind,
  NodeManifest,
  type PartialLocalizedText,
} from "@playbook/schema";
import { z } from "zod";
import { deepFreeze } from "./deep-freeze";
import { NodeSdkError } from "./errors";
import { assertNever, defaultPorts, type PortsInput, toPortSpec } from "./ports";

/** A node type's config: a zod schema of a JSON object. */
export type ConfigSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;

/** Upgrades a config written for version n-1 to the shape of version n. */
export type ConfigMigration = (previous: Record<string, unknown>) => Record<string, unknown>;

/**
 * Config upgrades keyed by the version they produce: `{ 2: v1ToV2, 3: v2ToV3 }`. The newest
 * definition carries the whole sequence (as tldraw shapes do), so an upgrade from any older
 * version needs only the target definition.
 */
export type ConfigMigrations = Readonly<Record<number, ConfigMigration>>;

export interface NodeTypeOptions<TConfig extends ConfigSchema> {
  /** Dotted, owner first: `acme.crmTag`. */
  type: string;
  version: number;
  title: LocalizedText;
  description?: PartialLocalizedText;
  category: NodeCategory;
  /** A lucide icon name, e.g. `mail`. */
  icon: string;
  /** Defaults from the behaviour: userTask is human, timer and messageWait are waiting. */
  kind?: NodeKind;
  behaviour: Behaviour;
  config: TConfig;
  /** Defaults per behaviour: no `in` on starts, no `out` on ends, `error` on services. */
  ports?: PortsInput;
  /** Service nodes only; unset fields take the engine's default policy. */
  retry?: Partial<RetryPolicy>;
  migrations?: ConfigMigrations;
}

export interface NodeDefinition<TConfig extends ConfigSchema = ConfigSchema> {
  readonly type: string;
  readonly version: number;
  readonly behaviour: Behaviour;
  readonly config: TConfig;
  readonly retry: RetryPolicy | undefined;
  readonly migrations: ConfigMigrations;
  /** Frozen; what the server publishes and the palette shows. */
  readonly manifest: NodeManifest;
}

const RetryPolicyInput = z.strictObject({
  maxAttempts: z.number().int().min(1),
  initialBackoffMs: z.number().min(0),
  maxBackoffMs: z.number().min(0),
  jitter: z.number().min(0).max(1),
});

export function defineNode<TConfig extends ConfigSchema>(
  options: NodeTypeOptions<TConfig>,
): NodeDefinition<TConfig> {
  const name = `${options.type}@${options.version}`;
  const ports = options.ports ?? {};
  const fallback = defaultPorts(options.behaviour);
  const manifestInput = {
    type: options.type,
    version: options.version,
    title: options.title,
    ...(options.description === undefined ? {} : { description: options.description }),
    category: options.category,
    icon: options.icon,
    kind: options.kind ?? defaultKind(options.behaviour),
    behaviour: options.behaviour,
    ports: {
      in: (ports.in ?? fallback.in).map(toPortSpec),
      out: (ports.out ?? fallback.out).map(toPortSpec),
    },
    configSchema: configJsonSchema(name, options.config),
  };
  const parsed = NodeManifest.safeParse(manifestInput);
  if (!parsed.success) {
    throw new NodeSdkError("definition.invalid", `${name}: ${z.prettifyError(parsed.error)}`);
  }
  const manifest = parsed.data;
  checkPorts(name, manifest);
  return Object.freeze({
    type: manifest.type,
    version: manifest.version,
    behaviour: manifest.behaviour,
    config: options.config,
    retry: resolveRetry(name, options.behaviour, options.retry),
    migrations: checkMigrations(name, manifest.version, options.migrations ?? {}),
    manifest: deepFreeze(manifest),
  });
}

function defaultKind(behaviour: Behaviour): NodeKind {
  switch (behaviour) {
    case "userTask":
      return "human";
    case "timer":
    case "messageWait":
      return "waiting";
    case "start":
    case "end":
    case "terminateEnd":
    case "exclusiveGateway":
    case "parallelGateway":
    case "service":
    case "setVariables":
      return "automatic";
    default:
      return assertNever(behaviour);
  }
}

/**
 * The editor builds its form from this. `io: "input"` keeps fields with defaults optional, and
 * the `x-widget` hints of the schema field helpers travel along as metadata.
 */
function configJsonSchema(name: string, config: ConfigSchema): Record<string, unknown> {
  let jsonSchema: Record<string, unknown>;
  try {
    jsonSchema = z.toJSONSchema(config, { io: "input", unrepresentable: "throw" });
  } catch (error) {
    throw new NodeSdkError(
      "definition.configNotRepresentable",
      `${name}: the config schema has no JSON Schema form (${(error as Error).message})`,
    );
  }
  if (jsonSchema.type !== "object") {
    throw new NodeSdkError(
      "definition.invalid",
      `${name}: the config schema must describe an object`,
    );
  }
  return jsonSchema;
}

function checkPorts(name: string, manifest: NodeManifest): void {
  for (const side of ["in", "out"] as const) {
    const ids = manifest.ports[side].map((port) => port.id);
    const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
    if (duplicate !== undefined) {
      throw new NodeSdkError(
        "definition.invalid",
        `${name}: ${side} port "${duplicate}" is listed twice`,
      );
    }
  }
  if (manifest.behaviour === "start" && manifest.ports.in.length > 0) {
    throw new NodeSdkError("definition.invalid", `${name}: a start node has no incoming ports`);
  }
  const ends = manifest.behaviour === "end" || manifest.behaviour === "terminateEnd";
  if (ends && manifest.ports.out.length > 0) {
    throw new NodeSdkError("definition.invalid", `${name}: an end node has no outgoing ports`);
  }
}

function resolveRetry(
  name: string,
  behaviour: Behaviour,
  retry: Partial<RetryPolicy> | undefined,
): RetryPolicy | undefined {
  if (retry === undefined) return undefined;
  if (behaviour !== "service") {
    throw new NodeSdkError(
      "definition.invalid",
      `${name}: a retry policy applies to service nodes only`,
    );
  }
  const policy = RetryPolicyInput.safeParse({ ...DEFAULT_RETRY_POLICY, ...retry });
  if (!policy.success) {
    throw new NodeSdkError("definition.invalid", `${name}: retry ${z.prettifyError(policy.error)}`);
  }
  return Object.freeze(policy.data);
}

function checkMigrations(
  name: string,
  version: number,
  migrations: ConfigMigrations,
): ConfigMigrations {
  for (const key of Object.keys(migrations)) {
    const target = Number(key);
    if (!Number.isInteger(target) || target < 2 || target > version) {
      throw new NodeSdkError(
        "definition.invalid",
        `${name}: migration "${key}" must name a version between 2 and ${version}`,
      );
    }
  }
  return Object.freeze({ ...migrations });
}
