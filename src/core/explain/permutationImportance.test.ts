/**
 * Permutation importance against a brute-force computation of scikit-learn's definition: the
 * same seeded shuffles applied by hand to plain arrays, scored with a pairwise (O(n²)) AUC and a
 * textbook R²; unused columns get exactly 0.
 */
import { describe, expect, it } from 'vitest';
import { buildTable } from '../data/buildTable';
import { numberAt, textAt } from '../data/modelEncoding';
import { rawFromValues } from '../data/rawFromValues';
import type { Table } from '../data/table';
import { seededPermutation } from '../folds/shuffle';
import { seededRandom } from '../random/seededRandom';
import { permutationImportance, shuffledColumn } from './permutationImportance';

const N = 300;
const rng = seededRandom(3);
const x = Array.from({ length: N }, () => rng.next() * 4 - 2);
const z = Array.from({ length: N }, () => rng.next());
const c = Array.from({ length: N }, () => ['a', 'b', 'c'][rng.int(3)]);
const noise = Array.from({ length: N }, () => rng.next());
const y = x.map((v, i) => (v + (c[i] === 'a' ? 1 : 0) + noise[i] * 2 - 1 > 0 ? 1 : 0));
const value = x.map((v, i) => 3 * v + (c[i] === 'b' ? 2 : 0) + noise[i]);
const table = buildTable(['x', 'z', 'c'], [rawFromValues(x), rawFromValues(z), rawFromValues(c)], N);
// every other row is evaluated
const rows = Uint32Array.from({ length: N / 2 }, (_, i) => 2 * i + 1);

/** A fixed model of x and c (z unused). */
const model = (xv: number, cv: string) => 1 / (1 + Math.exp(-(1.5 * xv + (cv === 'a' ? 0.8 : cv === 'b' ? -0.3 : 0))));
const predict = (t: Table, r: Uint32Array) => {
  const cx = t.columns.find((col) => col.name === 'x')!;
  const cc = t.columns.find((col) => col.name === 'c')!;
  return Float64Array.from(r, (i) => model(numberAt(cx, i), textAt(cc, i)));
};

function pairwiseAuc(labels: number[], scores: number[]): number {
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 1) continue;
    for (let j = 0; j < labels.length; j++) {
      if (labels[j] !== 0) continue;
      pairs++;
      sum += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
    }
  }
  return sum / pairs;
}

function r2(truth: number[], pred: number[]): number {
  const m = truth.reduce((a, b) => a + b, 0) / truth.length;
  const ssRes = truth.reduce((a, t, i) => a + (t - pred[i]) ** 2, 0);
  const ssTot = truth.reduce((a, t) => a + (t - m) ** 2, 0);
  return 1 - ssRes / ssTot;
}

describe('permutation importance', () => {
  it('classification: s − mean of the shuffled AUCs, per column, as computed by hand', async () => {
    const label = Uint8Array.from(rows, (r) => y[r]);
    const result = await permutationImportance(predict, table, rows, ['x', 'z', 'c'], { task: 'classification', label }, { repeats: 4, seed: 9 });
    const labels = Array.from(label);
    const base = pairwiseAuc(labels, Array.from(rows, (r) => model(x[r], c[r])));
    expect(result.metric).toBe('auc');
    expect(result.baseline).toBeCloseTo(base, 12);
    // the same shuffles, by hand: column after column, repeat after repeat, from one stream
    const stream = seededRandom(9);
    const expected = new Map<string, number[]>();
    for (const name of ['x', 'z', 'c']) {
      const drops: number[] = [];
      for (let k = 0; k < 4; k++) {
        const p = seededPermutation(rows.length, stream);
        const scores = Array.from(rows, (r, i) => {
          const source = rows[p[i]];
          return model(name === 'x' ? x[source] : x[r], name === 'c' ? c[source] : c[r]);
        });
        drops.push(base - pairwiseAuc(labels, scores));
      }
      expected.set(name, drops);
    }
    for (const col of result.columns) {
      const drops = expected.get(col.column)!;
      col.drops.forEach((d, k) => expect(d).toBeCloseTo(drops[k], 12));
      const mean = drops.reduce((a, b) => a + b, 0) / 4;
      expect(col.mean).toBeCloseTo(mean, 12);
      expect(col.std).toBeCloseTo(Math.sqrt(drops.reduce((a, d) => a + (d - mean) ** 2, 0) / 4), 12);
    }
    // the unused column is worth exactly nothing; x matters most
    expect(result.columns.map((r) => r.column)).toEqual(['x', 'c', 'z']);
    expect(result.columns[2]).toMatchObject({ column: 'z', mean: 0, std: 0 });
    expect(result.columns[0].mean).toBeGreaterThan(0.2);
  });

  it('regression: drops in R²', async () => {
    const truth = Array.from(rows, (r) => value[r]);
    const linear = (t: Table, r: Uint32Array) => {
      const cx = t.columns[0];
      return Float64Array.from(r, (i) => 3 * numberAt(cx, i));
    };
    const result = await permutationImportance(linear, table, rows, ['x', 'c'], { task: 'regression', value: Float64Array.from(truth) }, { repeats: 2, seed: 1 });
    expect(result.metric).toBe('r2');
    expect(result.baseline).toBeCloseTo(r2(truth, Array.from(rows, (r) => 3 * x[r])), 12);
    const stream = seededRandom(1);
    const p = seededPermutation(rows.length, stream);
    const first = result.baseline - r2(truth, Array.from(rows, (_, i) => 3 * x[rows[p[i]]]));
    expect(result.columns.find((r) => r.column === 'x')!.drops[0]).toBeCloseTo(first, 12);
    expect(result.columns.find((r) => r.column === 'c')!.mean).toBe(0);
  });

  it('shuffles only the evaluated rows; cancels between columns', async () => {
    const col = table.columns[0];
    const p = seededPermutation(rows.length, seededRandom(2));
    const shuffled = shuffledColumn(col, rows, p);
    if (shuffled.type !== 'numeric' || col.type !== 'numeric') throw new Error('numeric');
    for (let i = 0; i < N; i += 2) expect(shuffled.values[i]).toBe(col.values[i]);
    expect(Array.from(rows, (r) => shuffled.values[r]).sort()).toEqual(Array.from(rows, (r) => col.values[r]).sort());
    const controller = new AbortController();
    controller.abort();
    await expect(permutationImportance(predict, table, rows, ['x'], { task: 'classification', label: Uint8Array.from(rows, (r) => y[r]) }, { signal: controller.signal })).rejects.toMatchObject({ name: 'CancelledError' });
  });
});
