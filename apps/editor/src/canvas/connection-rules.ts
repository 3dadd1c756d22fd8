// Live connection rules for the canvas, from the node types' ports: the same rules the validator
// reports after the fact (edge.intoStart, edge.fromEnd, port.tooManyEdges), checked while the
// user drags so a refused connection says why instead of silently not snapping.
import type { NodeManifest, ProcessDefinition } from "@playbook/schema";

export interface ConnectionAttempt {
  source: string;
  /** The source port (React Flow's sourceHandle); the manifest's first out port when absent. */
  sourceHandle?: string | null;
  target: string;
  targetHandle?: string | null;
}

export type ConnectionRefusal =
  | "selfLoop"
  | "intoStart"
  | "fromEnd"
  | "unknownNode"
  | "unknownPort"
  | "sourcePortFull"
  | "targetPortFull"
  | "duplicate";

export type ConnectionVerdict =
  | { ok: true; sourcePort: string }
  | { ok: false; reason: ConnectionRefusal };

/** The handle id of a node without inputs: present so a drop on it can be refused with a reason. */
export const NO_INPUT_HANDLE = "no-input";

export type ManifestOf = (type: string, version: number) => NodeManifest | undefined;

export function checkConnection(
  definition: Pick<ProcessDefinition, "nodes" | "edges">,
  manifestOf: ManifestOf,
  attempt: ConnectionAttempt,
): ConnectionVerdict {
  if (attempt.source === attempt.target) return { ok: false, reason: "selfLoop" };
  const source = definition.nodes.find((node) => node.id === attempt.source);
  const target = definition.nodes.find((node) => node.id === attempt.target);
  if (!source || !target) return { ok: false, reason: "unknownNode" };
  const sourceManifest = manifestOf(source.type, source.typeVersion);
  const targetManifest = manifestOf(target.type, target.typeVersion);

  if (targetManifest && targetManifest.ports.in.length === 0) {
    return { ok: false, reason: "intoStart" };
  }
  if (sourceManifest && sourceManifest.ports.out.length === 0) {
    return { ok: false, reason: "fromEnd" };
  }
  const sourcePort = attempt.sourceHandle ?? sourceManifest?.ports.out[0]?.id ?? "out";
  const outPort = sourceManifest?.ports.out.find((port) => port.id === sourcePort);
  if (sourceManifest && !outPort) return { ok: false, reason: "unknownPort" };

  const outgoing = definition.edges.filter(
    (edge) => edge.source === source.id && edge.sourcePort === sourcePort,
  );
  if (outgoing.some((edge) => edge.target === target.id)) {
    return { ok: false, reason: "duplicate" };
  }
  if (outPort?.multiple === false && outgoing.length > 0) {
    return { ok: false, reason: "sourcePortFull" };
  }
  // Edges name no target port, so an input's capacity only counts with a single input port.
  const inPorts = targetManifest?.ports.in ?? [];
  if (inPorts.length === 1 && inPorts[0]?.multiple === false) {
    if (definition.edges.some((edge) => edge.target === target.id)) {
      return { ok: false, reason: "targetPortFull" };
    }
  }
  return { ok: true, sourcePort };
}
