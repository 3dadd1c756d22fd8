// Node-type manifests: what the editor needs to draw, connect and configure a node type,
// with no executor code. The config schema travels as JSON Schema so any client can build forms.
import { z } from "zod";
import { NodeTypeName } from "./definition";
import { LocalizedText, PartialLocalizedText } from "./i18n";

/**
 * The engine primitive a node type runs as. Node packs pick one; `service` is the hook for
 * third-party work done by an executor outside the engine.
 */
export const Behaviour = z.enum([
  "start",
  "end",
  "terminateEnd",
  "userTask",
  "exclusiveGateway",
  "parallelGateway",
  "timer",
  "messageWait",
  "service",
  "setVariables",
]);
export type Behaviour = z.infer<typeof Behaviour>;

/** How a node looks to a business user: runs by itself, waits for something, or waits for a person. */
export const NodeKind = z.enum(["automatic", "waiting", "human"]);
export type NodeKind = z.infer<typeof NodeKind>;

export const NodeCategory = z.enum(["event", "flow", "human", "data", "integration", "messaging"]);
export type NodeCategory = z.infer<typeof NodeCategory>;

export const PortSpec = z.strictObject({
  id: z.string().min(1),
  label: PartialLocalizedText.optional(),
  /** How many edges may leave (out) or enter (in) this port. */
  multiple: z.boolean().default(true),
});
export type PortSpec = z.infer<typeof PortSpec>;

export const NodeManifest = z.strictObject({
  type: NodeTypeName,
  version: z.number().int().positive(),
  title: LocalizedText,
  description: PartialLocalizedText.optional(),
  category: NodeCategory,
  icon: z.string().min(1),
  kind: NodeKind,
  behaviour: Behaviour,
  ports: z.strictObject({ in: z.array(PortSpec), out: z.array(PortSpec) }),
  /** JSON Schema (draft 2020-12) of the node's config. FEEL fields carry `format: "feel"`. */
  configSchema: z.record(z.string(), z.unknown()),
});
export type NodeManifest = z.infer<typeof NodeManifest>;
export type NodeManifestInput = z.input<typeof NodeManifest>;
