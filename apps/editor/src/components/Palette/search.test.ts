import { builtinManifests } from "@playbook/nodes/manifests";
import type { NodeManifest } from "@playbook/schema";
import { describe, expect, it } from "vitest";
import { PALETTE_DRAG_TYPE, paletteGroups, readPaletteDrop } from "./search";

const manifests = [...builtinManifests];
const found = (query: string) =>
  paletteGroups(manifests, query).flatMap((group) => group.items.map((item) => item.type));

describe("palette search", () => {
  it("finds the user task by 审批 and by approval", () => {
    expect(found("审批")).toContain("playbook.userTask");
    expect(found("approval")).toContain("playbook.userTask");
    expect(found("Approval")).toContain("playbook.userTask");
  });

  it("finds nodes by their title in either language", () => {
    expect(found("群机器人")).toEqual(["playbook.imNotify"]);
    expect(found("http")).toContain("playbook.webhook");
    expect(found("定时")).toContain("playbook.timer");
    expect(found("钉钉")).toEqual(["playbook.imNotify"]);
  });

  it("requires every word of the query", () => {
    expect(found("wait pay")).toEqual(["playbook.messageWait"]);
    expect(found("审批 钉钉")).toEqual([]);
  });

  it("finds nothing for gibberish and everything for an empty query", () => {
    expect(found("zzqx")).toEqual([]);
    expect(found("  ")).toHaveLength(manifests.length);
  });

  it("groups by category in palette order", () => {
    expect(paletteGroups(manifests, "").map((group) => group.category)).toEqual([
      "event",
      "human",
      "flow",
      "data",
      "integration",
      "messaging",
    ]);
  });

  it("shows only the latest version of a type", () => {
    const userTask = manifests.find((m) => m.type === "playbook.userTask") as NodeManifest;
    const v2 = { ...userTask, version: 2 };
    const items = paletteGroups([v2, ...manifests], "审批").flatMap((group) => group.items);
    expect(items.filter((item) => item.type === "playbook.userTask")).toEqual([v2]);
  });
});

describe("palette drag payload", () => {
  const transfer = (payload: string) => ({
    getData: (type: string) => (type === PALETTE_DRAG_TYPE ? payload : ""),
  });

  it("reads the node type a palette item carries", () => {
    expect(readPaletteDrop(transfer('{"type":"playbook.timer","version":1}'))).toEqual({
      type: "playbook.timer",
      version: 1,
    });
  });

  it("ignores drops that are not palette items", () => {
    expect(readPaletteDrop(transfer(""))).toBeUndefined();
    expect(readPaletteDrop(transfer("{oops"))).toBeUndefined();
    expect(readPaletteDrop(transfer('{"type":1}'))).toBeUndefined();
  });

  it("lists a group in the order a flow is drawn: start first, ends last, whatever the API order", () => {
    const alphabetical = [...builtinManifests].sort((a, b) => a.type.localeCompare(b.type));
    const events = paletteGroups(alphabetical, "").find((group) =>
      group.items.some((m) => m.behaviour === "start"),
    );
    const behaviours = events?.items.map((manifest) => manifest.behaviour) ?? [];
    expect(behaviours[0]).toBe("start");
    expect(behaviours.indexOf("end")).toBeGreaterThan(behaviours.indexOf("messageWait"));
    expect(behaviours.at(-1)).toBe("terminateEnd");
  });
});
