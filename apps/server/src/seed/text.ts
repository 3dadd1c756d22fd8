// Bilingual labels for the example definitions.
export const text = (zh: string, en: string) => ({ "zh-CN": zh, en });

/** Positions on a left-to-right row, so the examples open tidy in the canvas. */
export function row(
  ids: readonly string[],
  y = 0,
  gap = 300,
): Record<string, { x: number; y: number }> {
  return Object.fromEntries(ids.map((id, index) => [id, { x: index * gap, y }]));
}
