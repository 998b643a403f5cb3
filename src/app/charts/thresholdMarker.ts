/**
 * The decision threshold drawn on evaluation charts lives in a named dataset, so the chart is
 * drawn once and the marker moves with the slider (VegaChart's `data` prop) without a redraw.
 */
export const THRESHOLD_DATA = 'threshold';

/** Where the current threshold sits: on the ROC and PR curves, and on the score axis. */
export interface ThresholdPoint {
  threshold: number;
  fpr: number | null;
  tpr: number | null;
  precision: number | null;
}

/** The marker rows: none while a coordinate is undefined (e.g. precision with no predicted positive). */
export function thresholdRows(p: ThresholdPoint | null): Record<string, number>[] {
  if (!p) return [];
  const row: Record<string, number> = { threshold: p.threshold };
  if (p.fpr !== null) row.fpr = p.fpr;
  if (p.tpr !== null) row.tpr = p.tpr;
  if (p.precision !== null) row.precision = p.precision;
  return [row];
}
