import { describe, expect, test } from "vitest";
import { WakeSignal } from "./wake";

describe("wake signal", () => {
  test("one new job wakes one idle loop, not all of them", async () => {
    const signal = new WakeSignal(() => 3);
    const woken: number[] = [];
    const sleepers = [0, 1, 2].map((i) =>
      signal.sleep(60_000).then((byWake) => byWake && woken.push(i)),
    );
    signal.wake(1);
    await sleepers[0];
    expect(woken).toEqual([0]);
    expect(signal.sleeping).toBe(2);
    signal.wakeAll();
    await Promise.all(sleepers);
  });

  test("a wake with nobody asleep is kept for the next loop that goes to sleep, up to the loop count", async () => {
    const signal = new WakeSignal(() => 2);
    signal.wake(5);
    expect(await signal.sleep(60_000)).toBe(true);
    expect(await signal.sleep(60_000)).toBe(true);
    expect(await signal.sleep(1)).toBe(false);
  });
});
