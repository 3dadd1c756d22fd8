// Checks that must hold after every event, for any valid definition: tokens are never lost or
// duplicated (replayed from history alone), joins never hold a complete set, a running instance
// rests only on waits an event can resume, and the outside world (the driver's jobs, tasks,
// timers, subscriptions, incidents) matches exactly what the tokens wait on.
import type { ProcessDefinition } from "@playbook/schema";
import type { HistoryEntry, InstanceState } from "../src";
import type { TestDriver } from "./driver";

type Place = { phase: "edge" } | { phase: "node"; nodeId: string } | { phase: "leaving" };

const ENDS = new Set([
  "instanceCompleted",
  "instanceTerminated",
  "instanceCancelled",
  "instanceFailed",
]);

/** Replays history: each token is born once, alternates node/edge, and ends at most once. */
export function tokensFromHistory(history: readonly HistoryEntry[]): Map<string, string> {
  const places = new Map<string, Place>();
  const gone = new Set<string>();
  const fail = (entry: HistoryEntry, why: string) => {
    throw new Error(
      `token ${entry.tokenId} ${why} at ${entry.type} ${entry.nodeId ?? ""}${entry.edgeId ?? ""}`,
    );
  };
  for (const entry of history) {
    const id = entry.tokenId;
    if (ENDS.has(entry.type)) {
      for (const tokenId of places.keys()) gone.add(tokenId);
      places.clear();
      continue;
    }
    if (id === undefined) continue;
    if (gone.has(id)) fail(entry, "reappears after it ended");
    const place = places.get(id);
    switch (entry.type) {
      case "instanceStarted":
        if (place) fail(entry, "is born twice");
        places.set(id, { phase: "edge" });
        break;
      case "nodeEntered":
        if (place?.phase !== "edge") fail(entry, "enters a node without arriving by an edge");
        places.set(id, { phase: "node", nodeId: entry.nodeId ?? "" });
        break;
      case "nodeLeft":
        if (place?.phase !== "node" || place.nodeId !== entry.nodeId)
          fail(entry, "leaves a node it is not at");
        if (entry.data?.reason) {
          places.delete(id);
          gone.add(id);
        } else places.set(id, { phase: "leaving" });
        break;
      case "edgeTaken":
        if (place && place.phase !== "leaving") fail(entry, "takes a second edge (duplicated)");
        places.set(id, { phase: "edge" });
        break;
      default:
        if (place?.phase !== "node" || place.nodeId !== entry.nodeId)
          fail(entry, "is not where this happened");
    }
  }
  const atNodes = new Map<string, string>();
  for (const [id, place] of places) {
    if (place.phase !== "node") throw new Error(`token ${id} was left in flight (${place.phase})`);
    atNodes.set(id, place.nodeId);
  }
  return atNodes;
}

export function checkInvariants(driver: TestDriver, definition: ProcessDefinition): void {
  const state = driver.state;
  if (!state) throw new Error("no instance");
  const alive = tokensFromHistory(driver.history);
  const ids = state.tokens.map((t) => t.id);
  if (new Set(ids).size !== ids.length) throw new Error(`duplicate token ids ${ids}`);
  if (new Set(state.tokens.map((t) => t.activationId)).size !== ids.length)
    throw new Error("shared activation");
  for (const token of state.tokens) {
    if (alive.get(token.id) !== token.nodeId)
      throw new Error(`token ${token.id} rests at ${token.nodeId} but history disagrees`);
  }
  if (alive.size !== ids.length)
    throw new Error(`history has ${alive.size} live tokens, state ${ids.length}`);

  if (state.status !== "running") {
    if (state.tokens.length > 0 || state.endedAt === undefined)
      throw new Error(`ended instance still holds tokens`);
  } else {
    if (state.tokens.length === 0) throw new Error("running instance without tokens");
    checkJoins(state, definition);
  }
  checkOutsideWorld(driver, state);
}

function checkJoins(state: InstanceState, definition: ProcessDefinition): void {
  const joins = state.tokens.filter((t) => t.wait.type === "join");
  if (joins.length > 0 && joins.length === state.tokens.length)
    throw new Error("every token waits at a join: deadlock");
  for (const nodeId of new Set(joins.map((t) => t.nodeId))) {
    const incoming = definition.edges.filter((e) => e.target === nodeId).map((e) => e.id);
    const arrived = new Set(joins.filter((t) => t.nodeId === nodeId).map((t) => t.viaEdgeId));
    if (incoming.every((id) => arrived.has(id)))
      throw new Error(`join ${nodeId} holds a complete set but did not fire`);
  }
}

function checkOutsideWorld(driver: TestDriver, state: InstanceState): void {
  const expected = new Map<string, string[]>();
  for (const token of state.tokens) {
    const wait = token.wait;
    const needs: Record<typeof wait.type, string[]> = {
      job: ["job"],
      task: ["task"],
      timer: ["timer"],
      message:
        wait.type === "message" && wait.timeoutDueAt !== undefined
          ? ["subscription", "timeout"]
          : ["subscription"],
      incident: ["incident"],
      join: [],
    };
    expected.set(token.activationId, needs[wait.type]);
  }
  const actual = new Map<string, string[]>();
  const note = (activationId: string, what: string) =>
    actual.set(activationId, [...(actual.get(activationId) ?? []), what]);
  for (const id of driver.jobs.keys()) note(id, "job");
  for (const id of driver.tasks.keys()) note(id, "task");
  for (const timer of driver.timers.values())
    note(timer.activationId, timer.purpose === "timer" ? "timer" : "timeout");
  for (const id of driver.subscriptions.keys()) note(id, "subscription");
  for (const id of driver.incidents.keys()) note(id, "incident");
  const norm = (m: Map<string, string[]>) =>
    JSON.stringify(
      [...m]
        .filter(([, v]) => v.length > 0)
        .map(([k, v]) => [k, [...v].sort()])
        .sort(),
    );
  if (norm(expected) !== norm(actual)) {
    throw new Error(`outside world ${norm(actual)} does not match the waits ${norm(expected)}`);
  }
}
