// Retry backoff for failed jobs: exponential from `initialBackoffMs`, capped at `maxBackoffMs`,
// spread by ±`jitter` with the randomness the caller hands in (so runs replay exactly).
import type { RandomSource, RetryPolicy } from "./types";

/** Delay before the attempt after `failedAttempt` (1-based). */
export function backoffMs(
  policy: RetryPolicy,
  failedAttempt: number,
  random: RandomSource,
): number {
  const exponential = policy.initialBackoffMs * 2 ** Math.max(0, failedAttempt - 1);
  const base = Math.min(policy.maxBackoffMs, exponential);
  const spread = 1 + policy.jitter * (2 * random.next() - 1);
  return Math.max(0, Math.round(base * spread));
}
