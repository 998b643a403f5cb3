import { describe, expect, it } from 'vitest';
import { compile, type TopLevelSpec } from 'vega-lite';
import type {
  CorrelationMatrix,
  GroupComparison,
  Histogram,
  MissingnessResult,
  TargetAnalysisResult,
  TopCategories,
} from '../../core/stats/results';
import { categoriesSpec } from './categoriesSpec';
import { compareSpec } from './compareSpec';
import { cooccurrenceSpec, missingBarsSpec } from './missingnessSpecs';
import { correlationSpec } from './correlationSpec';
import { histogramSpec } from './histogramSpec';
import { targetBreakdownSpec } from './targetBreakdownSpec';

/** Compiles with Vega-Lite and fails on any warning (e.g. an invalid encoding). */
function compiles(spec: TopLevelSpec): void {
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: (...a: unknown[]) => {
      throw new Error(a.join(' '));
    },
    warn: (...a: unknown[]) => {
      warnings.push(a.join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  compile(spec, { logger: logger as any });
  expect(warnings).toEqual([]);
}

const hist: Histogram = {
  kind: 'histogram',
  column: 'age',
  type: 'numeric',
  bins: [
    { start: 10, end: 20, count: 5 },
    { start: 20, end: 30, count: 9 },
  ],
  missing: 2,
};

describe('chart specs', () => {
  it('histogram uses pre-binned data (bin: binned + x2), numeric and datetime', () => {
    const spec = histogramSpec(hist);
    compiles(spec);
    expect(JSON.stringify(spec)).toContain('"bin":"binned"');
    expect(spec.title).toEqual({ text: 'Distribution of age', subtitle: '2 missing values not shown' });
    compiles(histogramSpec({ ...hist, type: 'datetime', bins: [{ start: 0, end: 86_400_000, count: 3 }] }));
    compiles(histogramSpec(hist, { logCounts: true }));
  });

  it('categories, missingness, correlations, target and comparisons compile', () => {
    const cats: TopCategories = {
      kind: 'categories',
      column: 'sex',
      type: 'categorical',
      categories: [
        { value: 'Male', count: 10 },
        { value: 'Female', count: 5 },
      ],
      otherCount: 1,
      missing: 2,
    };
    compiles(categoriesSpec(cats));
    const m: MissingnessResult = {
      rows: 10,
      columns: [
        { name: 'a', missing: 2, fraction: 0.2 },
        { name: 'b', missing: 1, fraction: 0.1 },
        { name: 'c', missing: 0, fraction: 0 },
      ],
      cooccurrence: { names: ['a', 'b'], counts: [[2, 1], [1, 1]] },
      patterns: [{ columns: ['a'], count: 1 }],
      completeRows: 8,
    };
    compiles(missingBarsSpec(m));
    compiles(cooccurrenceSpec(m));
    const c: CorrelationMatrix = { method: 'pearson', names: ['x', 'y'], values: [[1, -0.5], [-0.5, 1]], n: [[3, 3], [3, 3]] };
    compiles(correlationSpec(c));
    compiles(correlationSpec({ ...c, method: 'cramersV', values: [[1, null], [null, 1]] }));
    const t: TargetAnalysisResult = {
      target: 'y',
      task: 'classification',
      positive: '1',
      overall: 0.3,
      n: 10,
      columns: [
        {
          column: 'age',
          type: 'numeric',
          mutualInformation: 0.1,
          rows: [
            { label: '[20, 30)', count: 4, value: 0.25, start: 20, end: 30 },
            { label: '[30, 40]', count: 6, value: null, start: 30, end: 40 },
          ],
        },
      ],
    };
    compiles(targetBreakdownSpec(t, t.columns[0]));
    compiles(targetBreakdownSpec({ ...t, task: 'regression', positive: null, overall: 5 }, t.columns[0]));
    const g: GroupComparison = {
      column: 'age',
      test: 'welch-t',
      statistic: 2.1,
      pValue: 0.04,
      df: 20.5,
      a: { n: 10, mean: 40, median: 39 },
      b: { n: 12, mean: 35, median: 36 },
    };
    compiles(compareSpec(g));
    compiles(compareSpec({ ...g, test: 'mann-whitney' }));
    compiles(
      compareSpec({
        ...g,
        test: 'chi-squared',
        df: 1,
        table: [
          { value: 'x', a: 3, b: 4 },
          { value: 'y', a: 7, b: 8 },
        ],
      }),
    );
  });
});
