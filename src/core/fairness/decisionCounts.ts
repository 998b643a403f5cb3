/**
 * The confusion counts of a group's binary decisions and the rates Fairlearn reports from them
 * (shared/spec/cli.md, "fairness"): selection rate = share of rows whose predicted outcome is the
 * favourable one; true positive rate = TP / (TP + FN) (recall); false positive rate =
 * FP / (FP + TN); precision = TP / (TP + FP); accuracy = (TP + TN) / n — all for the positive
 * class. A rate with a zero denominator is null.
 */
export interface DecisionCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface DecisionRates {
  count: number;
  selectionRate: number | null;
  truePositiveRate: number | null;
  falsePositiveRate: number | null;
  precision: number | null;
  accuracy: number | null;
}

export function countTotal(c: DecisionCounts): number {
  return c.tp + c.fp + c.fn + c.tn;
}

/** Rows whose predicted outcome is the favourable one. */
export function favourableCount(c: DecisionCounts, favorableIsPositive: boolean): number {
  return favorableIsPositive ? c.tp + c.fp : c.fn + c.tn;
}

export function decisionRates(c: DecisionCounts, favorableIsPositive: boolean): DecisionRates {
  const n = countTotal(c);
  return {
    count: n,
    selectionRate: n ? favourableCount(c, favorableIsPositive) / n : null,
    truePositiveRate: c.tp + c.fn ? c.tp / (c.tp + c.fn) : null,
    falsePositiveRate: c.fp + c.tn ? c.fp / (c.fp + c.tn) : null,
    precision: c.tp + c.fp ? c.tp / (c.tp + c.fp) : null,
    accuracy: n ? (c.tp + c.tn) / n : null,
  };
}

/** The counts of rows `rows` (indices into `y` and `predicted`, 1 = the positive class). */
export function countDecisions(y: Uint8Array, predicted: Uint8Array, rows: ArrayLike<number>): DecisionCounts {
  const c: DecisionCounts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k];
    if (predicted[i] === 1) {
      if (y[i] === 1) c.tp++;
      else c.fp++;
    } else if (y[i] === 1) c.fn++;
    else c.tn++;
  }
  return c;
}
