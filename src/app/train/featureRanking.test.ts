import { describe, expect, it } from 'vitest';
import { excludeAllButTop, importanceRanking, sortedCoefficients } from './featureRanking';

const columns = ['age', 'income', 'region', 'a=b', 'a', 'default'];

describe('feature ranking', () => {
  it('ranks by permutation importance with its spread', () => {
    expect(
      importanceRanking([
        { column: 'income', mean: 0.05, std: 0.01 },
        { column: 'age', mean: -0.001, std: 0.002 },
      ]),
    ).toEqual([
      { column: 'income', value: 0.05, spread: 0.01 },
      { column: 'age', value: -0.001, spread: 0.002 },
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
    // an excluded column stays out: the top k are counted among the others
    expect(excludeAllButTop(ranking, 2, columns, 'default', ['income'])).toEqual(['income', 'a=b', 'a']);
  });

  it('sorts coefficients by size, keeping their sign', () => {
    expect(sortedCoefficients(['a', 'b', 'c'], [0.1, -2, 1])).toEqual([
      { feature: 'b', coefficient: -2 },
      { feature: 'c', coefficient: 1 },
      { feature: 'a', coefficient: 0.1 },
    ]);
  });
});
