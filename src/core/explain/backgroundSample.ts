/**
 * The background rows of an explanation: `size` rows (default 100) drawn without replacement,
 * seeded, stratified by class when labels are given — each class gets its share of the rows by
 * largest remainders, so the background has the data's class balance. Returned ascending; the
 * row ids are recorded with every result.
 */
import { seededSample } from '../folds/shuffle';
import { seededRandom } from '../random/seededRandom';

export const DEFAULT_BACKGROUND = 100;

export function backgroundSample(rows: Uint32Array, labels: Uint8Array | null, size: number, seed: number): Uint32Array {
  if (rows.length <= size) return rows.slice().sort();
  const rng = seededRandom(seed);
  if (!labels) return seededSample(rows, size, rng).slice().sort();
  const byClass = [0, 1].map((c) => rows.filter((_, i) => labels[i] === c));
  const exact = byClass.map((r) => (size * r.length) / rows.length);
  const take = exact.map(Math.floor);
  let left = size - take[0] - take[1];
  for (const c of [0, 1].sort((a, b) => exact[b] - take[b] - (exact[a] - take[a]) || a - b)) {
    if (left > 0 && take[c] < byClass[c].length) {
      take[c]++;
      left--;
    }
  }
  const out = [...seededSample(byClass[0], take[0], rng), ...seededSample(byClass[1], take[1], rng)];
  return Uint32Array.from(out).sort();
}
