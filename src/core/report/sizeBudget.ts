/**
 * The report's size rule (shared/spec/cli.md, "report": at most 5× the snapshot's size). The text
 * and tables are always kept; charts are added in document order while the whole report stays
 * within the budget, and a chart that does not fit leaves a one-line note in its place.
 */
export const SIZE_FACTOR = 5;

const encoder = new TextEncoder();

export function byteLength(text: string): number {
  return encoder.encode(text).length;
}

/**
 * The budget of a snapshot's report: 5× the bytes of its compact JSON — the smallest form of the
 * snapshot, so the rule holds for the file whatever its indentation.
 */
export function reportBudget(snapshot: unknown): number {
  return SIZE_FACTOR * byteLength(JSON.stringify(snapshot));
}

export interface ChartSlot {
  /** The chart's markup, or null when it could not be drawn. */
  figure: string | null;
  /** What stands in its place when it is not drawn. */
  fallback: string;
}

/**
 * The markup of each slot: its figure while the report, `fixedBytes` plus every slot, stays within
 * `budget` bytes (charts that do not fit are skipped, later smaller ones may still fit), else its
 * fallback.
 */
export function fitCharts(fixedBytes: number, slots: readonly ChartSlot[], budget: number): string[] {
  let total = fixedBytes + slots.reduce((sum, s) => sum + byteLength(s.fallback), 0);
  return slots.map((slot) => {
    if (slot.figure === null) return slot.fallback;
    const extra = byteLength(slot.figure) - byteLength(slot.fallback);
    if (total + extra > budget) return slot.fallback;
    total += extra;
    return slot.figure;
  });
}
