// Frame timing in the page: requestAnimationFrame callbacks are recorded between start and stop,
// and the gaps between them are the frame times a person sees while dragging or panning.
import type { Page } from "playwright-core";

export interface FrameStats {
  frames: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  fps: number;
}

declare global {
  interface Window {
    __frames?: { times: number[]; running: boolean };
  }
}

// Sent as source text: tsx would wrap named functions in a helper the page does not have.
const SAMPLER = `(() => {
  const state = { times: [], running: true };
  window.__frames = state;
  function tick(time) {
    if (!state.running) return;
    state.times.push(time);
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})()`;

export async function startFrameSampling(page: Page): Promise<void> {
  await page.evaluate(SAMPLER);
}

export async function stopFrameSampling(page: Page): Promise<FrameStats> {
  const times = await page.evaluate(() => {
    const state = window.__frames;
    if (!state) return [];
    state.running = false;
    return state.times;
  });
  const gaps = times.slice(1).map((time, index) => time - (times[index] as number));
  const sorted = [...gaps].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const total = gaps.reduce((sum, gap) => sum + gap, 0);
  return {
    frames: gaps.length,
    meanMs: gaps.length ? total / gaps.length : 0,
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    maxMs: sorted.at(-1) ?? 0,
    fps: total ? (gaps.length * 1000) / total : 0,
  };
}
