import { describe, expect, test } from "vitest";
import type { ClaimedJob } from "../queue/claimed-job";
import { WakeSignal } from "./wake";

const job = { id: 7, fence: 1 } as ClaimedJob;

describe("wake signal", () => {
  test("one new job wakes one idle loop, not all of them", async () => {
    const signal = new WakeSignal();
    const woken: number[] = [];
    const sleepers = [0, 1, 2].map((i) =>
      signal.sleep(60_000).then((wake) => wake.kind === "work" && woken.push(i)),
    );
    signal.wake(1);
    await sleepers[0];
    expect(woken).toEqual([0]);
    expect(signal.sleeping).toBe(2);
    signal.wakeAll();
    await Promise.all(sleepers);
  });

  test("wakes nobody waits for are kept, one per job, so a busy loop claims again only while work waits", async () => {
    const signal = new WakeSignal(3);
    signal.wake(5);
    expect(signal.banked).toBe(3);
    expect(signal.tryTake()).toBe(true);
    expect((await signal.sleep(60_000)).kind).toBe("work");
    expect(signal.tryTake()).toBe(true);
    expect(signal.tryTake()).toBe(false);
    expect((await signal.sleep(1)).kind).toBe("timeout");
  });

  test("a loop that sleeps without a timeout stays asleep until woken", async () => {
    const signal = new WakeSignal();
    let woke = false;
    const sleeping = signal.sleep(Number.POSITIVE_INFINITY).then(() => {
      woke = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(woke).toBe(false);
    signal.wake(1, "probe");
    await sleeping;
    expect(woke).toBe(true);
  });

  test("a reserved loop is handed its job even when its poll interval passes meanwhile", async () => {
    const signal = new WakeSignal();
    const other = signal.sleep(60_000, "pool B");
    const reservedLoop = signal.sleep(5, "pool A");
    const give = signal.reserve("pool A");
    expect(give).toBeDefined();
    expect(signal.reserve("pool A")).toBeUndefined();
    // Longer than the reserved loop's 5 ms timeout: the reservation cancelled it.
    await new Promise((resolve) => setTimeout(resolve, 30));
    give?.(job);
    expect(await reservedLoop).toEqual({ kind: "job", job });
    // A wake for ready work goes to the loop still asleep, not to the reserved one.
    signal.wake(1);
    expect((await other).kind).toBe("work");
  });

  test("a reservation that brings nothing sends the loop back to sleep", async () => {
    const signal = new WakeSignal();
    const loop = signal.sleep(60_000, "pool A");
    signal.reserve("pool A")?.(undefined);
    expect(await loop).toEqual({ kind: "nothing" });
    expect(signal.banked).toBe(0);
  });
});
