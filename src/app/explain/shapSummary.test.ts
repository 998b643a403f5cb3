/** The Shapley views' aggregates: importance ranks by mean |value|, the waterfall ends at the prediction, beeswarm colours by rank. */
import { describe, expect, it } from 'vitest';
import { beeswarmPoints, dependencePoints, globalImportance, strongestInteraction, waterfall } from './shapSummary';

const result = {
  features: ['a', 'b', 'c'],
  values: [
    [0.5, -0.1, 0],
    [-0.3, 0.2, 0.05],
    [0.1, -0.6, 0.01],
  ],
  featureValues: [
    [1, 'x', null],
    [3, 'y', 2],
    [2, 'x', 2],
  ],
  baseValue: 0.25,
};

describe('Shapley summaries', () => {
  it('ranks features by mean absolute value', () => {
    expect(globalImportance(result)).toEqual([
      { feature: 'a', meanAbs: 0.3 },
      { feature: 'b', meanAbs: 0.3 },
      { feature: 'c', meanAbs: 0.02 },
    ]);
  });

  it('a waterfall starts at the base value and ends at base + Σ values, folding the smallest steps', () => {
    const steps = waterfall(result, 1, 2);
    expect(steps.map((s) => s.label)).toEqual(['Base value', 'a', 'b', '1 other features', 'Prediction']);
    expect(steps.at(-1)!.end).toBeCloseTo(0.25 - 0.3 + 0.2 + 0.05, 12);
    expect(steps[1]).toMatchObject({ start: 0.25, kind: 'down', shown: '3' });
  });

  it('colours beeswarm points by the rank of the feature value; text and missing values uncoloured', () => {
    const points = beeswarmPoints(result);
    expect(points.filter((p) => p.feature === 'a').map((p) => p.level)).toEqual([0, 1, 0.5]);
    expect(points.filter((p) => p.feature === 'b').every((p) => p.level === null)).toBe(true);
    expect(points.filter((p) => p.feature === 'c').map((p) => [p.level, p.shown])).toEqual([
      [null, 'missing'],
      [0.5, '2'],
      [0.5, '2'],
    ]);
  });
});

describe('dependence plot', () => {
  it('finds the feature whose values split the Shapley values at equal values of the plotted one', () => {
    // feature 0's Shapley value is x0 · (x2 high ? 1 : −1): feature 2 interacts, feature 1 is noise
    const rows = Array.from({ length: 200 }, (_, i) => [i % 20, (i * 7919) % 13, (i * 31) % 2 === 0 ? 5 : 9]);
    const r = {
      features: ['x0', 'x1', 'x2'],
      featureValues: rows,
      values: rows.map(([a, , c]) => [a * (c === 9 ? 1 : -1), 0.01 * a, 0]),
    };
    expect(strongestInteraction(r, 0)).toBe(2);
    const points = dependencePoints(r, 0, 2);
    // ties share their mid-rank: the 5s below the middle, the 9s above
    expect(points[0]).toMatchObject({ x: 0, shown: '5' });
    expect(points[0].colour).toBeLessThan(0.5);
    expect(points[1]).toMatchObject({ x: 1, value: 1, shown: '9' });
    expect(points[1].colour).toBeGreaterThan(0.5);
  });
});
