/**
 * The domain classifier: on two samples of one distribution its out-of-fold AUC stays near 0.5;
 * when one column shifts strongly, the AUC nears 1 and that column leads the importances; the
 * same seed gives the same answer; the pooled table keeps every value and type.
 */
import { describe, expect, it } from 'vitest';
import { buildTable } from '../data/buildTable';
import { cellAt } from '../data/cellAt';
import { rawFromValues } from '../data/rawFromValues';
import { seededRandom } from '../random/seededRandom';
import { domainClassifier, pooledTable } from './domainClassifier';

function sample(n: number, seed: number, shift: number) {
  const rng = seededRandom(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const x = Array.from({ length: n }, () => normal() + shift);
  const noise = Array.from({ length: n }, () => normal());
  const colour = Array.from({ length: n }, () => (rng.next() < 0.5 ? 'red' : 'blue'));
  return { table: buildTable(['x', 'noise', 'colour'], [rawFromValues(x), rawFromValues(noise), rawFromValues(colour)], n), rows: null };
}

const control = { pause: () => Promise.resolve() };

describe('domain classifier', () => {
  it('cannot tell one distribution from itself; tells a strong shift apart and names the column', async () => {
    const same = await domainClassifier(sample(300, 1, 0), sample(300, 2, 0), ['x', 'noise', 'colour'], 0, control);
    expect(same.auc!).toBeGreaterThan(0.35);
    expect(same.auc!).toBeLessThan(0.65);
    const shifted = await domainClassifier(sample(300, 1, 0), sample(300, 2, 3), ['x', 'noise', 'colour'], 0, control);
    expect(shifted.auc!).toBeGreaterThan(0.95);
    expect(shifted.topFeatures[0].name).toBe('x');
    expect(shifted.topFeatures[0].importance).toBeGreaterThan(0.2);
    expect(shifted.topFeatures.map((f) => f.name).sort()).toEqual(['colour', 'noise', 'x']);
    const again = await domainClassifier(sample(300, 1, 0), sample(300, 2, 3), ['x', 'noise', 'colour'], 0, control);
    expect(again).toEqual(shifted);
  }, 60_000);

  it('pools the two sides row for row, keeping types', () => {
    const a = sample(5, 1, 0);
    const b = { ...sample(4, 2, 0), rows: Uint32Array.from([3, 1]) };
    const pooled = pooledTable(a, b, ['x', 'colour']);
    expect(pooled.rowCount).toBe(7);
    expect(pooled.columns.map((c) => c.type)).toEqual(['numeric', 'categorical', 'numeric']);
    expect(cellAt(pooled.columns[0], 5)).toBe(cellAt(b.table.columns[0], 3));
    expect(cellAt(pooled.columns[1], 6)).toBe(cellAt(b.table.columns[2], 1));
    expect(Array.from({ length: 7 }, (_, i) => cellAt(pooled.columns[2], i))).toEqual([0, 0, 0, 0, 0, 1, 1]);
  });
});
