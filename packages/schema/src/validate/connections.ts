// Connection rules from the manifests' ports: edges leave by a port the source has, nothing
// enters a node without inputs (starts) or leaves one without outputs (ends), and single-edge
// ports hold one edge.
import type { PortSpec } from "../manifest";
import type { Problem } from "../problems";
import type { GraphEdge, GraphNode, ProcessGraph } from "./graph";
import { type DisplayName, displayName } from "./names";
import { problem } from "./report";

export function checkConnections(graph: ProcessGraph): Problem[] {
  const problems: Problem[] = [];
  for (const edge of graph.edges) problems.push(...edgeProblems(edge));
  for (const node of graph.nodes) problems.push(...capacityProblems(node));
  return problems;
}

function edgeProblems({ edge, source, target, name }: GraphEdge): Problem[] {
  const problems: Problem[] = [];
  const outPorts = source.manifest?.ports.out;
  if (outPorts && outPorts.length === 0) {
    problems.push(problem("edge.fromEnd", { node: source.name }, { edgeId: edge.id }));
  } else if (outPorts && !outPorts.some((port) => port.id === edge.sourcePort)) {
    problems.push(
      problem(
        "edge.unknownPort",
        {
          edge: name,
          node: source.name,
          port: edge.sourcePort,
          ports: outPorts.map(portName),
        },
        { edgeId: edge.id, field: "sourcePort" },
      ),
    );
  }
  if (target.manifest?.ports.in.length === 0) {
    problems.push(problem("edge.intoStart", { node: target.name }, { edgeId: edge.id }));
  }
  return problems;
}

function capacityProblems(node: GraphNode): Problem[] {
  const manifest = node.manifest;
  if (!manifest) return [];
  const problems: Problem[] = [];
  for (const port of manifest.ports.out) {
    if (!isSingle(port)) continue;
    const count = node.outgoing.filter((edge) => edge.edge.sourcePort === port.id).length;
    if (count > 1) {
      problems.push(
        problem(
          "port.tooManyEdges",
          { node: node.name, port: portName(port), direction: "out", count },
          { nodeId: node.node.id },
        ),
      );
    }
  }
  // Edges name no target port, so capacity of inputs is only decidable with a single input port.
  const [onlyInput, ...otherInputs] = manifest.ports.in;
  if (onlyInput && otherInputs.length === 0 && isSingle(onlyInput) && node.incoming.length > 1) {
    problems.push(
      problem(
        "port.tooManyEdges",
        {
          node: node.name,
          port: portName(onlyInput),
          direction: "in",
          count: node.incoming.length,
        },
        { nodeId: node.node.id },
      ),
    );
  }
  return problems;
}

/** A port as the canvas labels it: its label, else its id. */
function portName(port: PortSpec): DisplayName {
  return displayName(port.id, port.label);
}

// Manifests passed in unparsed may omit `multiple`; its default is true.
function isSingle(port: PortSpec): boolean {
  return port.multiple === false;
}
