import { describe, expect, it } from 'vitest';
import { coefficientRanking, columnOfFeature, excludeAllButTop, sortedCoefficients } from './featureRanking';

const columns = ['age', 'income', 'region', 'a=b', 'a', 'default'];

describe('feature ranking', () => {
  it('traces features back to their columns', () => {
    expect(columnOfFeature('income', columns)).toBe('income');
    expect(columnOfFeature('income__missing', columns)).toBe('income');
    expect(columnOfFeature('region=North', columns)).toBe('region');
    expect(columnOfFeature('region=other', columns)).toBe('region');
    // the longest name wins when a column name holds "="
    expect(columnOfFeature('a=b=c', columns)).toBe('a=b');
    expect(columnOfFeature('a=x', columns)).toBe('a');
    expect(columnOfFeature('zip=1', columns)).toBeNull();
  });

  it('ranks columns by their largest |coefficient|', () => {
    const ranking = coefficientRanking(
      ['age', 'age__missing', 'income', 'region=North', 'region=other', 'ghost'],
      [0.2, -0.9, 0.5, -0.1, 0.3, 5],
      columns,
    );
    expect(ranking).toEqual([
      { column: 'age', value: 0.9, feature: 'age__missing' },
      { column: 'income', value: 0.5, feature: 'income' },
      { column: 'region', value: 0.3, feature: 'region=other' },
    ]);
  });

  it('keeps the top k columns by excluding every other one but the target', () => {
    const ranking = [
      { column: 'income', value: 3 },
      { column: 'age', value: 2 },
      { column: 'region', value: 1 },
    ];
    expect(excludeAllButTop(ranking, 2, columns, 'default')).toEqual(['region', 'a=b', 'a']);
    expect(excludeAllButTop(ranking, 0, columns, 'default')).toEqual(['age', 'income', 'region', 'a=b', 'a']);
    expect(excludeAllButTop(ranking, 10, columns, null)).toEqual(['a=b', 'a', 'default']);
  });

  it('sorts coefficients by size, keeping their sign', () => {
    expect(sortedCoefficients(['a', 'b', 'c'], [0.1, -2, 1])).toEqual([
      { feature: 'b', coefficient: -2 },
      { feature: 'c', coefficient: 1 },
      { feature: 'a', coefficient: 0.1 },
    ]);
  });
});
