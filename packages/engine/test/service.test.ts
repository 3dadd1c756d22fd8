import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY } from "../src";
import { edge, flow, node, nodeTypes, quickRetry } from "./definitions";
import { type JobEffect, type JobOutcome, T0, TestDriver } from "./driver";

const crmSync = flow({
  nodes: [
    node("start", "start"),
    node("sync", "webhook", { url: "https://crm.example.com/hook", method: "POST" }),
    node("review", "userTask"),
  ],
  edges: [edge("start", "sync"), edge("sync", "review")],
});

const withErrorEdge = flow({
  nodes: [
    node("start", "start"),
    node("sync", "webhook", { url: "https://crm.example.com/hook" }),
    node("ok", "userTask"),
    node("fix", "userTask"),
  ],
  edges: [edge("start", "sync"), edge("sync", "ok"), edge("sync", "fix", { port: "error" })],
});

/** A job function that fails `failures` times, then succeeds; records what it was called with. */
function flaky(failures: number) {
  const calls: Array<{ at: number; job: JobEffect }> = [];
  let now = () => 0;
  return {
    calls,
    bind(clock: () => number) {
      now = clock;
    },
    run(job: JobEffect): JobOutcome {
      calls.push({ at: now(), job });
      return calls.length <= failures
        ? { error: { message: "503 from CRM", code: "http.503" } }
        : { output: { crmId: "C-1" } };
    },
  };
}

describe("service task", () => {
  it("emits a job with the node's own config, the variables and a stable idempotency key", () => {
    const driver = new TestDriver({ definition: crmSync });
    driver.start({ 客户: "张三" });
    const activationId = driver.activationAt("sync");
    expect([...driver.jobs.values()]).toEqual([
      {
        type: "createJob",
        activationId,
        nodeId: "sync",
        jobType: "playbook.webhook",
        jobTypeVersion: 1,
        config: { url: "https://crm.example.com/hook", method: "POST" },
        variables: { 客户: "张三" },
        idempotencyKey: `instance-1:${activationId}`,
        attempt: 1,
      },
    ]);
    expect(driver.state?.tokens[0]?.wait).toEqual({ type: "job", attempt: 1 });
  });

  it("a completed job merges its output into the variables and moves on", () => {
    const driver = new TestDriver({
      definition: crmSync,
      runJob: () => ({ output: { crmId: "C-9" } }),
    });
    driver.start({ 客户: "张三" });
    expect(driver.variables).toEqual({ 客户: "张三", crmId: "C-9" });
    expect(driver.waitingAt).toEqual(["review"]);
  });

  it("a service task that fails twice then succeeds retries with backoff", () => {
    const job = flaky(2);
    const driver = new TestDriver({
      definition: crmSync,
      nodeTypes: nodeTypes({ "playbook.webhook": { behaviour: "service", retry: quickRetry } }),
      runJob: (j) => job.run(j),
    });
    job.bind(() => driver.now);
    driver.start();
    expect(driver.state?.tokens[0]?.wait).toEqual({ type: "job", attempt: 2 });
    expect([...driver.jobs.values()]).toMatchObject([{ attempt: 2, runAt: T0 + 1_000 }]);

    driver.advance(60_000);
    expect(job.calls.map((c) => [c.at - T0, c.job.attempt])).toEqual([
      [0, 1],
      [1_000, 2],
      [3_000, 3], // backoff doubles: 1s, then 2s
    ]);
    expect(new Set(job.calls.map((c) => c.job.idempotencyKey)).size).toBe(1);
    expect(driver.waitingAt).toEqual(["review"]);
    expect(driver.variables.crmId).toBe("C-1");
    expect(driver.history.filter((h) => h.type === "jobRetryScheduled").map((h) => h.data)).toEqual(
      [
        { attempt: 2, runAt: T0 + 1_000 },
        { attempt: 3, runAt: T0 + 3_000 },
      ],
    );
  });

  it("backoff is jittered by the random source it is given, and capped", () => {
    const driver = new TestDriver({
      definition: crmSync,
      nodeTypes: nodeTypes({
        "playbook.webhook": {
          behaviour: "service",
          retry: { maxAttempts: 9, initialBackoffMs: 1_000, maxBackoffMs: 4_000, jitter: 0.5 },
        },
      }),
      random: () => 0.999999,
    });
    driver.start();
    const failures = [1, 2, 3, 4].map(() => {
      driver.must({
        type: "jobFailed",
        activationId: driver.activationAt("sync"),
        error: { message: "timeout" },
      });
      const job = [...driver.jobs.values()][0];
      return Math.round(((job?.runAt ?? 0) - driver.now) / 100) * 100;
    });
    expect(failures).toEqual([1_500, 3_000, 6_000, 6_000]);
  });

  it("uses the default retry policy when the node type has none", () => {
    const driver = new TestDriver({
      definition: crmSync,
      runJob: () => ({ error: { message: "down" } }),
    });
    driver.start();
    driver.advance(3_600_000);
    expect(driver.history.filter((h) => h.type === "jobFailed")).toHaveLength(
      DEFAULT_RETRY_POLICY.maxAttempts,
    );
  });

  it("a job that keeps failing leaves by the error edge with the failure in `error`", () => {
    const driver = new TestDriver({
      definition: withErrorEdge,
      nodeTypes: nodeTypes({ "playbook.webhook": { behaviour: "service", retry: quickRetry } }),
      runJob: () => ({ error: { message: "503 from CRM", code: "http.503" } }),
    });
    driver.start();
    driver.advance(60_000);
    expect(driver.waitingAt).toEqual(["fix"]);
    expect(driver.variables.error).toEqual({
      message: "503 from CRM",
      code: "http.503",
      nodeId: "sync",
      attempts: 3,
    });
  });

  it("a non-retryable failure goes straight to the error edge", () => {
    const driver = new TestDriver({
      definition: withErrorEdge,
      runJob: () => ({ error: { message: "400 bad payload" }, retryable: false }),
    });
    driver.start();
    expect(driver.waitingAt).toEqual(["fix"]);
    expect(driver.history.filter((h) => h.type === "jobFailed")).toHaveLength(1);
    expect(driver.history.some((h) => h.type === "jobRetryScheduled")).toBe(false);
  });

  it("without an error edge the last failure raises an incident; retrying it runs one more attempt", () => {
    let crmUp = false;
    const driver = new TestDriver({
      definition: crmSync,
      nodeTypes: nodeTypes({ "playbook.webhook": { behaviour: "service", retry: quickRetry } }),
      runJob: () => (crmUp ? { output: { crmId: "C-2" } } : { error: { message: "503" } }),
    });
    driver.start();
    driver.advance(60_000);
    expect(driver.state?.tokens[0]?.wait).toMatchObject({
      type: "incident",
      message: expect.stringContaining("3 attempt"),
      resume: { step: "enter", lastAttempt: 3 },
    });
    expect(driver.incidents.size).toBe(1);

    crmUp = true;
    const activationId = driver.activationAt("sync");
    driver.retryIncident("sync");
    const retried = driver.effects.filter((e) => e.type === "createJob").at(-1);
    expect(retried).toMatchObject({
      attempt: 4,
      activationId,
      idempotencyKey: `instance-1:${activationId}`,
    });
    expect(driver.waitingAt).toEqual(["review"]);
  });

  it("a duplicate job completion is not applicable and changes nothing", () => {
    const driver = new TestDriver({ definition: crmSync });
    driver.start();
    const activationId = driver.activationAt("sync");
    driver.must({ type: "jobCompleted", activationId, output: { crmId: "C-1" } });
    const before = driver.state;
    expect(
      driver.rejection({ type: "jobCompleted", activationId, output: { crmId: "C-2" } }),
    ).toMatchObject({
      code: "event.notApplicable",
    });
    expect(driver.state).toBe(before);
  });

  it("completing a user task with a job event is not applicable", () => {
    const definition = flow({
      nodes: [node("start", "start"), node("t", "userTask")],
      edges: [edge("start", "t")],
    });
    const driver = new TestDriver({ definition });
    driver.start();
    expect(
      driver.rejection({ type: "jobCompleted", activationId: driver.activationAt("t") }),
    ).toMatchObject({
      code: "event.notApplicable",
    });
  });
});
