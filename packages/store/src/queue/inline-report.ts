// Recording the result of a job this worker leased to itself inline, in one autocommit statement
// (migrations 0002, 0007), or together with other workers' steps (step-committer.ts). The engine
// runs on the state the worker wrote when it leased the job (`job.basis`); playbook_step_inline
// then checks that the instance is still at that version and the lease still holds, and writes. When another event got there first
// (a cancel, a message, a task completed), or the step opens a message subscription (which must
// look into the message buffer inside the transaction), the locked path does the work instead.
import type { StoreResources } from "../resources";
import { wakeFor } from "../runtime/after-commit";
import { engineContext, loadDefinitionOf } from "../runtime/transition";
import { type InlineLease, stepWrites, summarize } from "../runtime/write";
import { addOutcome, emptyPlan } from "../runtime/write-plan";
import { basisOf, type ClaimedJob } from "./claimed-job";
import { type JobOutcome, type JobReport, logReport, outcomeEvent, reportJobResult } from "./jobs";

export async function reportResult(
  res: StoreResources,
  job: ClaimedJob,
  outcome: JobOutcome,
  inline?: InlineLease,
): Promise<JobReport> {
  const basis = job.basis;
  if (!basis) return reportJobResult(res, job, outcome, inline);
  const target = { workspaceId: job.workspaceId, instanceId: job.instanceId };
  const loaded = await loadDefinitionOf(res.db, res, { workspaceId: job.workspaceId, ...basis });
  const now = res.clock.now();
  const ctx = engineContext(res, loaded, now);
  const result = res.applyEvent(ctx, basis.state, outcomeEvent(job, outcome));
  // A refusal on the cached state may be right or stale; the locked path decides.
  if (!result.ok) return reportJobResult(res, job, outcome, inline);
  const plan = emptyPlan();
  addOutcome(plan, result.effects, result.history);
  if (plan.subscriptions.length > 0 && plan.ended === undefined)
    return reportJobResult(res, job, outcome, inline);

  const writes = stepWrites(
    plan,
    { state: result.state, previousVersion: basis.state.version },
    inline,
  );
  const written = await res.steps.write(job, writes);
  if (written.outcome === "fenced") {
    const report: JobReport = { status: "fenced" };
    logReport(res, job, outcome, report);
    return report;
  }
  if (written.outcome !== "recorded") return reportJobResult(res, job, outcome, inline);

  const summary = summarize(target, writes, written.inlineJobId);
  if (summary.inlineJob) {
    summary.inlineJob.basis = basisOf(basis, result.state);
  }
  wakeFor(res, [summary]);
  const report: JobReport = { status: "recorded", inlineJob: summary.inlineJob };
  logReport(res, job, outcome, report);
  return report;
}
