// Start rules: a process needs a start, and two starts may not share a trigger (for message
// starts: the same message name), or the runtime could not tell which one an event means.
import type { Problem } from "../problems";
import { type GraphNode, isStart, type ProcessGraph } from "./graph";
import { requiredDetail } from "./issue-details";
import { text } from "./names";
import { problem } from "./report";
import { type SettingTitles, settingName } from "./setting-names";
import { isRecord } from "./shape";

export function checkStarts(graph: ProcessGraph, titles?: SettingTitles): Problem[] {
  const starts = graph.nodes.filter(isStart);
  if (starts.length === 0) return [problem("start.missing", undefined)];
  const problems: Problem[] = [];
  const firstByKind = new Map<string, GraphNode>();
  for (const start of starts) {
    const { trigger, messageName } = startKind(start);
    if (trigger === "message" && messageName === undefined) {
      // The config schema keeps messageName optional for other triggers; here nothing could start it.
      problems.push(
        problem(
          "node.config",
          {
            node: start.name,
            field: start.manifest
              ? settingName(["messageName"], start.manifest, titles)
              : text(" messageName ", "messageName"),
            detail: requiredDetail(),
          },
          { nodeId: start.node.id, field: "config.messageName" },
        ),
      );
    }
    const kind = trigger === "message" ? `message:${messageName ?? ""}` : trigger;
    const first = firstByKind.get(kind);
    if (!first) {
      firstByKind.set(kind, start);
      continue;
    }
    problems.push(
      problem(
        "start.multiple",
        { node: start.name, first: first.name, trigger, messageName },
        { nodeId: start.node.id, field: "config.trigger" },
      ),
    );
  }
  return problems;
}

/** The trigger as configured, else the default the node type's config schema declares. */
function startKind(start: GraphNode): { trigger: string; messageName?: string } {
  const config = start.node.config;
  const declaredDefault = propertySchema(start.manifest?.configSchema, "trigger")?.default;
  const trigger =
    typeof config.trigger === "string"
      ? config.trigger
      : typeof declaredDefault === "string"
        ? declaredDefault
        : "api";
  const messageName = typeof config.messageName === "string" ? config.messageName : undefined;
  return messageName === undefined ? { trigger } : { trigger, messageName };
}

function propertySchema(schema: unknown, key: string): Record<string, unknown> | undefined {
  if (!isRecord(schema) || !isRecord(schema.properties)) return undefined;
  const property = schema.properties[key];
  return isRecord(property) ? property : undefined;
}
