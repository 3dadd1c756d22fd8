// Identity checks: unique node and edge ids, edges whose ends exist, node types that are installed.
import type { Problem } from "../problems";
import type { DefinitionElements, ProcessGraph } from "./graph";
import { edgeName } from "./names";
import type { NodeManifestLookup } from "./node-types";
import { problem } from "./report";

export function checkIdentity(definition: DefinitionElements, graph: ProcessGraph): Problem[] {
  const problems: Problem[] = [];
  const nodeIds = new Set<string>();
  for (const node of definition.nodes) {
    if (nodeIds.has(node.id)) {
      problems.push(problem("node.duplicateId", { id: node.id }, { nodeId: node.id, field: "id" }));
    }
    nodeIds.add(node.id);
  }
  const edgeIds = new Set<string>();
  for (const edge of definition.edges) {
    if (edgeIds.has(edge.id)) {
      problems.push(problem("edge.duplicateId", { id: edge.id }, { edgeId: edge.id, field: "id" }));
      continue;
    }
    edgeIds.add(edge.id);
    // Named by the end that exists, as the user sees the edge dangling from it.
    const name = edgeName(edge, {
      from: graph.nodeById.get(edge.source)?.name,
      to: graph.nodeById.get(edge.target)?.name,
    });
    for (const end of ["source", "target"] as const) {
      if (!nodeIds.has(edge[end])) {
        problems.push(
          problem(
            "edge.unknownNode",
            { edge: name, end, id: edge[end] },
            { edgeId: edge.id, field: end },
          ),
        );
      }
    }
  }
  return problems;
}

export function checkNodeTypes(graph: ProcessGraph, lookup: NodeManifestLookup): Problem[] {
  const problems: Problem[] = [];
  for (const { node, manifest, name } of graph.nodes) {
    if (manifest) continue;
    problems.push(
      problem(
        "node.unknownType",
        {
          node: name,
          type: node.type,
          version: node.typeVersion,
          installed: lookup.versions?.(node.type) ?? [],
        },
        { nodeId: node.id, field: "type" },
      ),
    );
  }
  return problems;
}
