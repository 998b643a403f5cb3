/**
 * Spearman rank correlation over pairwise-complete observations: Pearson correlation of the
 * average ranks of the complete pairs, re-ranked within them (as scipy.stats.spearmanr on the
 * complete pairs and pandas DataFrame.corr(method='spearman')).
 */
import { argsortValues, presentPositions } from './argsort';
import { correlationFromSums, type PairCorrelation } from './pearson';
import { rankInto } from './ranks';

/** Spearman ρ of two aligned dense arrays (NaN = missing). */
export function spearman(x: Float64Array, y: Float64Array): PairCorrelation {
  return spearmanFromOrders(x, y, argsortValues(x, presentPositions(x)), argsortValues(y, presentPositions(y)));
}

/**
 * Spearman ρ given each side's value order (argsort of its present positions). `rx`, `ry`
 * are optional scratch arrays of the arrays' length (reused across pairs by the matrix).
 */
export function spearmanFromOrders(
  x: Float64Array,
  y: Float64Array,
  orderX: Uint32Array,
  orderY: Uint32Array,
  rx: Float64Array = new Float64Array(x.length),
  ry: Float64Array = new Float64Array(y.length),
): PairCorrelation {
  const n = rankInto(x, orderX, rx, y);
  rankInto(y, orderY, ry, x);
  if (n < 2) return { r: null, n };
  const mean = (n + 1) / 2; // mean of average ranks 1..n, exact
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let p = 0; p < x.length; p++) {
    const a = x[p];
    const b = y[p];
    if (a !== a || b !== b) continue;
    const dx = rx[p] - mean;
    const dy = ry[p] - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return { r: correlationFromSums(sxy, sxx, syy), n };
}
