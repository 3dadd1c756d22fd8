import { describe, expect, test } from "vitest";
import { definition, edge, nodes, path, validate } from "./fixtures/builders";
import { expectNoProblems, expectOnlyProblem } from "./fixtures/expect-problems";

const approved = '审核结果 = "通过"';

describe("parallel splits and joins that work", () => {
  test("a split whose branches all meet at its join", () => {
    const input = definition({
      nodes: [
        nodes.start(),
        nodes.and("split"),
        nodes.task("design"),
        nodes.task("copy"),
        nodes.and("join"),
        nodes.end(),
      ],
      edges: [...path("start", "split", "design", "join", "end"), ...path("split", "copy", "join")],
    });
    expectNoProblems(validate(input));
  });

  test("nested split/join pairs", () => {
    const input = definition({
      nodes: [
        nodes.start(),
        nodes.and("outer"),
        nodes.and("inner"),
        nodes.task("a"),
        nodes.task("b"),
        nodes.and("innerJoin"),
        nodes.task("c"),
        nodes.and("outerJoin"),
        nodes.end(),
      ],
      edges: [
        ...path("start", "outer", "inner", "a", "innerJoin", "outerJoin", "end"),
        ...path("inner", "b", "innerJoin"),
        ...path("outer", "c", "outerJoin"),
      ],
    });
    expectNoProblems(validate(input));
  });

  test("a split with no join, each branch running to its own end", () => {
    const input = definition({
      nodes: [
        nodes.start(),
        nodes.and("split"),
        nodes.task("email"),
        nodes.task("sms"),
        nodes.end("end1"),
        nodes.end("end2"),
      ],
      edges: [...path("start", "split", "email", "end1"), ...path("split", "sms", "end2")],
    });
    expectNoProblems(validate(input));
  });

  test("a rework loop with a wait inside one branch", () => {
    const input = definition({
      nodes: [
        nodes.start(),
        nodes.and("split"),
        nodes.task("draft", "创作"),
        nodes.task("review", "审核"),
        nodes.xor("ok"),
        nodes.task("assets", "素材"),
        nodes.and("join"),
        nodes.end(),
      ],
      edges: [
        ...path("start", "split", "draft", "review", "ok"),
        edge("ok", "join", { condition: approved }),
        edge("ok", "draft", { isDefault: true }),
        ...path("split", "assets", "join", "end"),
      ],
    });
    expectNoProblems(validate(input));
  });

  test("an exclusive choice inside a branch that merges again before the join", () => {
    const input = definition({
      nodes: [
        nodes.start(),
        nodes.and("split"),
        nodes.wait("reply"),
        nodes.task("followUp"),
        nodes.task("remind"),
        nodes.xor("merge"),
        nodes.task("other"),
        nodes.and("join"),
        nodes.end(),
      ],
      edges: [
        ...path("start", "split", "reply", "followUp", "merge", "join", "end"),
        edge("reply", "remind", { sourcePort: "timeout" }),
        edge("remind", "merge"),
        ...path("split", "other", "join"),
      ],
    });
    expectNoProblems(validate(input));
  });

  test("several starts feeding one flow", () => {
    const input = definition({
      nodes: [
        nodes.start("web", { trigger: "manual" }),
        nodes.start("app", { trigger: "api" }),
        nodes.xor("entry"),
        nodes.and("split"),
        nodes.task("a"),
        nodes.task("b"),
        nodes.and("join"),
        nodes.end(),
      ],
      edges: [
        ...path("web", "entry", "split", "a", "join", "end"),
        ...path("app", "entry"),
        ...path("split", "b", "join"),
      ],
    });
    expectNoProblems(validate(input));
  });
});

describe("parallel mistakes", () => {
  test("both branches of an exclusive choice enter a parallel join, which waits forever", () => {
    const input = definition({
      nodes: [
        nodes.start(),
        nodes.xor("choose"),
        nodes.task("a"),
        nodes.task("b"),
        nodes.and("join", "汇总"),
        nodes.end(),
      ],
      edges: [
        edge("start", "choose"),
        edge("choose", "a", { condition: "金额 > 100" }),
        edge("choose", "b", { isDefault: true }),
        ...path("a", "join", "end"),
        edge("b", "join"),
      ],
    });
    const problem = expectOnlyProblem(validate(input), {
      code: "parallel.unbalanced",
      nodeId: "join",
    });
    expect(problem.message["zh-CN"]).toContain("并行分支「汇总」可能永远等下去");
  });

  test("a split whose second branch may go to an end while the join still waits for it", () => {
    const input = definition({
      nodes: [
        nodes.start(),
        nodes.and("split"),
        nodes.task("a"),
        nodes.task("b"),
        nodes.xor("giveUp"),
        nodes.and("join"),
        nodes.end(),
        nodes.end("cancelled"),
      ],
      edges: [
        ...path("start", "split", "a", "join", "end"),
        ...path("split", "b", "giveUp"),
        edge("giveUp", "cancelled", { condition: '审核结果 = "取消"' }),
        edge("giveUp", "join", { isDefault: true }),
      ],
    });
    expectOnlyProblem(validate(input), { code: "parallel.unbalanced", nodeId: "join" });
  });

  test("a join that waits for a branch its split never started", () => {
    // split → A → join, split → B → end; the join's other input comes from the other choice.
    const input = definition({
      nodes: [
        nodes.start(),
        nodes.xor("kind"),
        nodes.and("split"),
        nodes.task("a"),
        nodes.task("b"),
        nodes.task("c"),
        nodes.and("join"),
        nodes.end(),
        nodes.end("end2"),
      ],
      edges: [
        edge("start", "kind"),
        edge("kind", "split", { condition: "金额 > 100" }),
        edge("kind", "c", { isDefault: true }),
        ...path("split", "a", "join", "end"),
        ...path("split", "b", "end2"),
        edge("c", "join"),
      ],
    });
    expectOnlyProblem(validate(input), { code: "parallel.unbalanced", nodeId: "join" });
  });

  test("a service's success and error edges both entering one join", () => {
    const input = definition({
      nodes: [
        nodes.start(),
        nodes.and("split"),
        nodes.http("notify"),
        nodes.task("other"),
        nodes.and("join"),
        nodes.end(),
      ],
      edges: [
        ...path("start", "split", "notify", "join", "end"),
        edge("notify", "join", { id: "notify-error", sourcePort: "error" }),
        ...path("split", "other", "join"),
      ],
    });
    expectOnlyProblem(validate(input), { code: "parallel.unbalanced", nodeId: "join" });
  });

  test("a loop that can be left by cancelling, inside a branch that a join waits for", () => {
    const input = definition({
      nodes: [
        nodes.start(),
        nodes.and("split"),
        nodes.task("draft"),
        nodes.xor("verdict"),
        nodes.task("assets"),
        nodes.and("join"),
        nodes.end(),
        nodes.end("dropped"),
      ],
      edges: [
        ...path("start", "split", "draft", "verdict"),
        edge("verdict", "join", { condition: approved }),
        edge("verdict", "dropped", { condition: '审核结果 = "放弃"' }),
        edge("verdict", "draft", { isDefault: true }),
        ...path("split", "assets", "join", "end"),
      ],
    });
    expectOnlyProblem(validate(input), { code: "parallel.unbalanced", nodeId: "join" });
  });

  test("a loop edge into a parallel join deadlocks on the first round", () => {
    const input = definition({
      nodes: [nodes.start(), nodes.and("join"), nodes.task("a"), nodes.xor("again"), nodes.end()],
      edges: [
        ...path("start", "join", "a", "again"),
        edge("again", "join", { condition: approved }),
        edge("again", "end", { isDefault: true }),
      ],
    });
    const problem = expectOnlyProblem(validate(input), {
      code: "parallel.unbalanced",
      nodeId: "join",
    });
    expect(problem.message.en).toContain("waits for a connection that loops back");
  });

  test("parallel branches merged by an exclusive gateway run what follows twice", () => {
    const input = definition({
      nodes: [
        nodes.start(),
        nodes.and("split"),
        nodes.task("a"),
        nodes.task("b"),
        nodes.xor("merge", "汇合"),
        nodes.task("publish"),
        nodes.end(),
      ],
      edges: [
        ...path("start", "split", "a", "merge", "publish", "end"),
        ...path("split", "b", "merge"),
      ],
    });
    const problem = expectOnlyProblem(validate(input), {
      code: "parallel.unsynchronized",
      nodeId: "merge",
    });
    expect(problem.message["zh-CN"]).toContain("重复执行");
  });

  test("two branches running straight into one task (an implicit merge)", () => {
    const input = definition({
      nodes: [
        nodes.start(),
        nodes.and("split"),
        nodes.task("a"),
        nodes.task("b"),
        nodes.task("publish"),
        nodes.end(),
      ],
      edges: [...path("start", "split", "a", "publish", "end"), ...path("split", "b", "publish")],
    });
    expectOnlyProblem(validate(input), { code: "parallel.unsynchronized", nodeId: "publish" });
  });

  test("going round a loop while a parallel branch of the same round still runs", () => {
    const input = definition({
      nodes: [
        nodes.start(),
        nodes.task("draft", "创作"),
        nodes.and("split"),
        nodes.task("review"),
        nodes.xor("ok"),
        nodes.task("assets"),
        nodes.and("join"),
        nodes.end(),
      ],
      edges: [
        ...path("start", "draft", "split", "review", "ok"),
        edge("ok", "join", { condition: approved }),
        edge("ok", "draft", { isDefault: true }),
        ...path("split", "assets", "join", "end"),
      ],
    });
    // Rework goes back to 创作 while 素材 is still running; the next round adds another.
    const problem = expectOnlyProblem(validate(input), {
      code: "parallel.unsynchronized",
      nodeId: "draft",
      edgeId: "ok-draft",
    });
    expect(problem.message.en).toContain("while another parallel path is still running");
  });

  test("two starts each feeding a different input of one join", () => {
    const input = definition({
      nodes: [
        nodes.start("web", { trigger: "manual" }),
        nodes.start("app", { trigger: "api" }),
        nodes.task("a"),
        nodes.task("b"),
        nodes.and("join"),
        nodes.end(),
      ],
      edges: [...path("web", "a", "join", "end"), ...path("app", "b", "join")],
    });
    expectOnlyProblem(validate(input), { code: "parallel.unbalanced", nodeId: "join" });
  });

  test("one mistake yields one problem, not one per join after it", () => {
    const input = definition({
      nodes: [
        nodes.start(),
        nodes.xor("choose"),
        nodes.task("a"),
        nodes.task("b"),
        nodes.and("join1"),
        nodes.and("split2"),
        nodes.task("c"),
        nodes.task("d"),
        nodes.and("join2"),
        nodes.end(),
      ],
      edges: [
        edge("start", "choose"),
        edge("choose", "a", { condition: "金额 > 100" }),
        edge("choose", "b", { isDefault: true }),
        ...path("a", "join1", "split2", "c", "join2", "end"),
        edge("b", "join1"),
        ...path("split2", "d", "join2"),
      ],
    });
    expectOnlyProblem(validate(input), { code: "parallel.unbalanced", nodeId: "join1" });
  });
});
