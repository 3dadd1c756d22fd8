// Every edit of a definition is a typed change applied by one pure function — the one path for
// the canvas, the side panels, paste, import, undo/redo and tests (the xyflow NodeChange idea).
import type {
  PartialLocalizedText,
  ProcessDefinition,
  ProcessEdge,
  ProcessNode,
  VariableDeclaration,
} from "@playbook/schema";
import { applyVariableRename, type VariableRename } from "./rename-variable";

export interface XYPosition {
  x: number;
  y: number;
}

export interface NodePatch {
  label?: PartialLocalizedText | undefined;
  config?: Record<string, unknown>;
}

export interface EdgePatch {
  condition?: string | undefined;
  isDefault?: boolean;
  priority?: number;
  label?: PartialLocalizedText | undefined;
}

export interface DefinitionDetails {
  name?: ProcessDefinition["name"];
  description?: PartialLocalizedText | undefined;
}

export type DefinitionChange =
  /** New nodes (drop from the palette, paste) with their positions and the edges among them. */
  | {
      kind: "addElements";
      nodes: ProcessNode[];
      positions: Record<string, XYPosition>;
      edges?: ProcessEdge[];
      /** Declarations the pasted nodes rely on; names already declared are kept as they are. */
      variables?: VariableDeclaration[];
    }
  /** Removes nodes (with every edge touching them) and edges. */
  | { kind: "removeElements"; nodeIds: readonly string[]; edgeIds: readonly string[] }
  | { kind: "moveNodes"; positions: Record<string, XYPosition> }
  | { kind: "updateNode"; nodeId: string; patch: NodePatch }
  | { kind: "addEdge"; edge: ProcessEdge }
  | { kind: "updateEdge"; edgeId: string; patch: EdgePatch }
  | { kind: "setVariables"; variables: VariableDeclaration[] }
  /** A declared variable's new name, with its uses rewritten (see rename-variable.ts). */
  | { kind: "renameVariable"; rename: VariableRename }
  | { kind: "updateDetails"; details: DefinitionDetails }
  /** The whole document at once: import, or "reload theirs" after a conflict. */
  | { kind: "replaceDefinition"; definition: ProcessDefinition };

export function applyChange(
  definition: ProcessDefinition,
  change: DefinitionChange,
): ProcessDefinition {
  switch (change.kind) {
    case "addElements":
      return addElements(definition, change);
    case "removeElements":
      return removeElements(definition, change.nodeIds, change.edgeIds);
    case "moveNodes":
      return withPositions(definition, change.positions);
    case "updateNode":
      return updateNode(definition, change.nodeId, change.patch);
    case "addEdge":
      return { ...definition, edges: [...definition.edges, change.edge] };
    case "updateEdge":
      return updateEdge(definition, change.edgeId, change.patch);
    case "setVariables":
      return { ...definition, variables: change.variables };
    case "renameVariable":
      return applyVariableRename(definition, change.rename);
    case "updateDetails":
      return updateDetails(definition, change.details);
    case "replaceDefinition":
      return change.definition;
    default:
      return assertNever(change);
  }
}

export function assertNever(value: never): never {
  throw new Error(`unexpected change: ${JSON.stringify(value)}`);
}

function addElements(
  definition: ProcessDefinition,
  change: Extract<DefinitionChange, { kind: "addElements" }>,
): ProcessDefinition {
  const declared = new Set(definition.variables.map((variable) => variable.name));
  const newVariables = (change.variables ?? []).filter((variable) => !declared.has(variable.name));
  return withPositions(
    {
      ...definition,
      nodes: [...definition.nodes, ...change.nodes],
      edges: [...definition.edges, ...(change.edges ?? [])],
      variables: newVariables.length
        ? [...definition.variables, ...newVariables]
        : definition.variables,
    },
    change.positions,
  );
}

function removeElements(
  definition: ProcessDefinition,
  nodeIds: readonly string[],
  edgeIds: readonly string[],
): ProcessDefinition {
  if (nodeIds.length === 0 && edgeIds.length === 0) return definition;
  const nodes = new Set(nodeIds);
  const edges = new Set(edgeIds);
  const layoutNodes = { ...definition.layout.nodes };
  for (const id of nodes) delete layoutNodes[id];
  return {
    ...definition,
    nodes: definition.nodes.filter((node) => !nodes.has(node.id)),
    edges: definition.edges.filter(
      (edge) => !edges.has(edge.id) && !nodes.has(edge.source) && !nodes.has(edge.target),
    ),
    layout: { ...definition.layout, nodes: layoutNodes },
  };
}

function withPositions(
  definition: ProcessDefinition,
  positions: Record<string, XYPosition>,
): ProcessDefinition {
  const entries = Object.entries(positions);
  if (entries.length === 0) return definition;
  const layoutNodes = { ...definition.layout.nodes };
  for (const [id, position] of entries) {
    layoutNodes[id] = { x: Math.round(position.x), y: Math.round(position.y) };
  }
  return { ...definition, layout: { ...definition.layout, nodes: layoutNodes } };
}

function updateNode(
  definition: ProcessDefinition,
  nodeId: string,
  patch: NodePatch,
): ProcessDefinition {
  return {
    ...definition,
    nodes: definition.nodes.map((node) => {
      if (node.id !== nodeId) return node;
      let next: ProcessNode = node;
      if ("label" in patch) next = withLabel(next, patch.label);
      if (patch.config !== undefined) next = { ...next, config: patch.config };
      return next;
    }),
  };
}

function updateEdge(
  definition: ProcessDefinition,
  edgeId: string,
  patch: EdgePatch,
): ProcessDefinition {
  const target = definition.edges.find((edge) => edge.id === edgeId);
  if (!target) return definition;
  // One default per decision: marking an edge as the default takes the flag off its siblings.
  const clearsSiblings = patch.isDefault === true;
  return {
    ...definition,
    edges: definition.edges.map((edge) => {
      if (edge.id === edgeId) return patchedEdge(edge, patch);
      if (clearsSiblings && edge.source === target.source && edge.isDefault) {
        return { ...edge, isDefault: false };
      }
      return edge;
    }),
  };
}

function patchedEdge(edge: ProcessEdge, patch: EdgePatch): ProcessEdge {
  let next: ProcessEdge = { ...edge };
  if ("condition" in patch) {
    const condition = patch.condition?.trim() ? patch.condition : undefined;
    const { condition: _old, ...rest } = next;
    next = condition === undefined ? rest : { ...rest, condition };
  }
  if (patch.isDefault !== undefined) next.isDefault = patch.isDefault;
  if (patch.priority !== undefined) next.priority = patch.priority;
  if ("label" in patch) next = withLabel(next, patch.label);
  return next;
}

/** Sets a bilingual label, dropping empty languages and the label itself when nothing is left. */
function withLabel<T extends { label?: PartialLocalizedText | undefined }>(
  element: T,
  label: PartialLocalizedText | undefined,
): T {
  const cleaned = cleanText(label);
  const { label: _old, ...rest } = element;
  return (cleaned === undefined ? rest : { ...rest, label: cleaned }) as T;
}

function cleanText(text: PartialLocalizedText | undefined): PartialLocalizedText | undefined {
  if (!text) return undefined;
  const cleaned: PartialLocalizedText = {};
  if (text["zh-CN"]?.trim()) cleaned["zh-CN"] = text["zh-CN"];
  if (text.en?.trim()) cleaned.en = text.en;
  return cleaned["zh-CN"] === undefined && cleaned.en === undefined ? undefined : cleaned;
}

function updateDetails(
  definition: ProcessDefinition,
  details: DefinitionDetails,
): ProcessDefinition {
  let next = definition;
  if (details.name) next = { ...next, name: details.name };
  if ("description" in details) {
    const description = cleanText(details.description);
    const { description: _old, ...rest } = next;
    next = description === undefined ? rest : { ...rest, description };
  }
  return next;
}
