/**
 * Average ranks ("fractional ranking", as scipy.stats.rankdata(method='average') and pandas
 * rank()): 1-based, tied values share the mean of the ranks they span.
 */
import { argsortValues, presentPositions } from './argsort';

/**
 * Writes the average rank of each ranked position p into out[p], walking `order` (positions
 * sorted by value, e.g. from argsortValues). With `companion`, only positions where the
 * companion value is present (not NaN) are ranked — the pairwise-complete ranking Spearman
 * needs. Other entries of `out` are left untouched. Returns the number of ranked positions.
 */
export function rankInto(
  values: Float64Array,
  order: Uint32Array,
  out: Float64Array | Float32Array,
  companion?: Float64Array,
): number {
  const n = order.length;
  let rank = 0; // ranks assigned so far
  let i = 0;
  while (i < n) {
    // the run of equal values starting at i
    const v = values[order[i]];
    let j = i;
    let included = 0;
    while (j < n && values[order[j]] === v) {
      if (!companion || companion[order[j]] === companion[order[j]]) included++;
      j++;
    }
    if (included > 0) {
      const avg = rank + (included + 1) / 2;
      for (let k = i; k < j; k++) {
        const p = order[k];
        if (!companion || companion[p] === companion[p]) out[p] = avg;
      }
      rank += included;
    }
    i = j;
  }
  return rank;
}

/** Average ranks of a dense array (NaN stays NaN and is not ranked). */
export function averageRanks(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length).fill(NaN);
  rankInto(values, argsortValues(values, presentPositions(values)), out);
  return out;
}
