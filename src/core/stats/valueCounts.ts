/**
 * Frequency counts and "most frequent first, ties broken by first appearance" rankings, for
 * dictionary codes, booleans and numbers. "First appearance" is within the rows in scope
 * (the selection), in row order.
 */
import { CODE_MISSING, type RowSelection } from '../data/table';

export interface CodeCounts {
  /** counts[code] = rows with that code. */
  counts: Float64Array;
  /** first[code] = position (in the selection) of the first row with that code; -1 if none. */
  first: Float64Array;
  missing: number;
}

/** Counts of the codes 0..cardinality−1 of a dictionary-coded (or 0/1 boolean) view. */
export function codeCounts(
  codes: Int32Array | Uint8Array,
  cardinality: number,
  rows?: RowSelection,
  missingCode: number = CODE_MISSING,
): CodeCounts {
  const counts = new Float64Array(cardinality);
  const first = new Float64Array(cardinality).fill(-1);
  const n = rows ? rows.length : codes.length;
  let missing = 0;
  for (let i = 0; i < n; i++) {
    const c = rows ? codes[rows[i]] : codes[i];
    if (c === missingCode || c < 0 || c >= cardinality) {
      missing++;
      continue;
    }
    if (counts[c]++ === 0) first[c] = i;
  }
  return { counts, first, missing };
}

/**
 * The (at most k) codes with the highest counts, most frequent first, ties by first appearance.
 * Codes with count 0 are never returned. O(d·k) for d codes, k small.
 */
export function topCodes(counts: ArrayLike<number>, first: ArrayLike<number>, k: number): number[] {
  const top: number[] = [];
  if (k <= 0) return top;
  const better = (a: number, b: number) => counts[a] > counts[b] || (counts[a] === counts[b] && first[a] < first[b]);
  for (let c = 0; c < counts.length; c++) {
    if (counts[c] === 0) continue;
    if (top.length === k && !better(c, top[k - 1])) continue;
    let j = top.length === k ? k - 1 : top.length;
    top[j] = c;
    while (j > 0 && better(c, top[j - 1])) {
      top[j] = top[j - 1];
      top[j - 1] = c;
      j--;
    }
  }
  return top;
}

/** Distinct values of an ascending array and how often each occurs. */
export interface SortedRuns {
  values: Float64Array;
  counts: Float64Array;
}

/** Runs of equal values in an ascending array (−0 and 0 are the same value). */
export function sortedRuns(sorted: Float64Array): SortedRuns {
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) d++;
  const values = new Float64Array(d);
  const counts = new Float64Array(d);
  let j = -1;
  for (let i = 0; i < n; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) values[++j] = sorted[i];
    counts[j]++;
  }
  return { values, counts };
}

/** Index of `v` in ascending distinct `values`, or −1. */
export function findSorted(values: Float64Array, v: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const m = values[mid];
    if (m < v) lo = mid + 1;
    else if (m > v) hi = mid - 1;
    else return mid;
  }
  return -1;
}
