import { builtinManifests } from "@playbook/nodes/manifests";
import { manifestLookup, type NodeManifest } from "@playbook/schema";
import { describe, expect, test } from "vitest";
import { approvalDefinition } from "../state/fixtures";
import { checkConnection } from "./connection-rules";

const lookup = manifestLookup(builtinManifests);
const manifestOf = (type: string, version: number) => lookup.get(type, version);

describe("connecting two nodes on the canvas", () => {
  const definition = approvalDefinition();

  test("a user task can lead to an end", () => {
    expect(
      checkConnection(definition, manifestOf, { source: "approve", target: "approved" }),
    ).toEqual({ ok: true, sourcePort: "out" });
  });

  test("nothing may lead into a start", () => {
    expect(checkConnection(definition, manifestOf, { source: "approve", target: "start" })).toEqual(
      { ok: false, reason: "intoStart" },
    );
  });

  test("nothing may leave an end", () => {
    expect(
      checkConnection(definition, manifestOf, { source: "approved", target: "approve" }),
    ).toEqual({ ok: false, reason: "fromEnd" });
  });

  test("a node cannot connect to itself, nor twice to the same node by the same port", () => {
    expect(
      checkConnection(definition, manifestOf, { source: "approve", target: "approve" }),
    ).toEqual({ ok: false, reason: "selfLoop" });
    expect(checkConnection(definition, manifestOf, { source: "start", target: "approve" })).toEqual(
      {
        ok: false,
        reason: "duplicate",
      },
    );
  });

  test("a port that takes one connection refuses a second", () => {
    const single: NodeManifest = {
      ...(lookup.get("playbook.userTask", 1) as NodeManifest),
      type: "acme.singleOut",
      ports: { in: [{ id: "in", multiple: true }], out: [{ id: "out", multiple: false }] },
    };
    const withSingle = {
      nodes: [
        ...definition.nodes,
        { id: "one", type: "acme.singleOut", typeVersion: 1, config: {} },
      ],
      edges: [
        ...definition.edges,
        {
          id: "x",
          source: "one",
          sourcePort: "out",
          target: "approved",
          isDefault: false,
          priority: 0,
        },
      ],
    };
    const of = (type: string, version: number) =>
      type === "acme.singleOut" ? single : manifestOf(type, version);
    expect(checkConnection(withSingle, of, { source: "one", target: "rejected" })).toEqual({
      ok: false,
      reason: "sourcePortFull",
    });
  });

  test("an error port must exist on the source node", () => {
    expect(
      checkConnection(definition, manifestOf, {
        source: "approve",
        sourceHandle: "error",
        target: "approved",
      }),
    ).toEqual({ ok: false, reason: "unknownPort" });
  });
});
