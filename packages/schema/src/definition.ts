// The process definition document: what the editor saves and the runtime executes.
// Meaning (nodes, edges, variables) is kept apart from `layout` so diffs of meaning ignore moves.
import { z } from "zod";
import { LocalizedText, PartialLocalizedText } from "./i18n";
import { VariableDeclaration } from "./variables";

export const SCHEMA_VERSION = 1 as const;

export const DefinitionKey = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "lowercase letters, digits, - and _ only");

export const ElementId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, "letters, digits, - and _ only");

/** Node type names are dotted: `playbook.userTask`, `acme.crmTag`. */
export const NodeTypeName = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9]*)+$/, "dotted name such as acme.crmTag");

export const ProcessNode = z.strictObject({
  id: ElementId,
  type: NodeTypeName,
  typeVersion: z.number().int().positive(),
  label: PartialLocalizedText.optional(),
  config: z.record(z.string(), z.unknown()).default({}),
});
export type ProcessNode = z.infer<typeof ProcessNode>;

export const ProcessEdge = z.strictObject({
  id: ElementId,
  source: ElementId,
  sourcePort: z.string().min(1).default("out"),
  target: ElementId,
  /** FEEL expression; the edge is taken when it yields true. */
  condition: z.string().min(1).optional(),
  /** Taken when no conditional edge of the same gateway matches. */
  isDefault: z.boolean().default(false),
  /** Lower is evaluated first; ties are broken by edge id. */
  priority: z.number().int().default(0),
  label: PartialLocalizedText.optional(),
});
export type ProcessEdge = z.infer<typeof ProcessEdge>;

export const Layout = z.strictObject({
  nodes: z.record(z.string(), z.strictObject({ x: z.number(), y: z.number() })).default({}),
  viewport: z
    .strictObject({ x: z.number(), y: z.number(), zoom: z.number().positive() })
    .optional(),
  view: z.enum(["canvas", "approvalTree"]).optional(),
});
export type Layout = z.infer<typeof Layout>;

export const ProcessDefinition = z.strictObject({
  key: DefinitionKey,
  name: LocalizedText,
  description: PartialLocalizedText.optional(),
  schemaVersion: z.literal(SCHEMA_VERSION),
  variables: z.array(VariableDeclaration).default([]),
  nodes: z.array(ProcessNode),
  edges: z.array(ProcessEdge).default([]),
  layout: Layout.default({ nodes: {} }),
});
/** A parsed definition (defaults applied). */
export type ProcessDefinition = z.infer<typeof ProcessDefinition>;
/** A definition as written in JSON, before defaults. */
export type ProcessDefinitionInput = z.input<typeof ProcessDefinition>;
