// The two load shapes both sides are measured with: N instances with a fixed number in flight
// (start one, wait for it to end, start the next), and idle latency (one instance at a time).

/** Runs `run(i)` for i in [0, total) with at most `inFlight` running at once. */
export async function withInFlight(
  total: number,
  inFlight: number,
  run: (index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  async function lane(): Promise<void> {
    while (next < total) {
      const index = next++;
      await run(index);
    }
  }
  await Promise.all(Array.from({ length: Math.min(inFlight, total) }, () => lane()));
}

/** Sequential runs; returns each run's duration in ms. */
export async function sequentialLatencies(
  runs: number,
  run: () => Promise<number>,
): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < runs; i++) durations.push(await run());
  return durations;
}

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}
