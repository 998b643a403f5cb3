/**
 * Vega-Lite specs built as pure functions from the engine's pre-aggregated results (never from
 * raw rows). Each spec carries a title and a description (used for the chart's accessible name).
 */
import type { TopLevelSpec } from 'vega-lite';
import type {
  CorrelationMatrix,
  GroupComparison,
  Histogram,
  MissingnessResult,
  TargetAnalysisResult,
  TargetColumnAnalysis,
  TopCategories,
} from '../../core/stats/results';
import { GRAY, GROUP_A, GROUP_B, NAVY, ORANGE } from './chartConfig';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

function base(title: string, subtitle?: string): Pick<TopLevelSpec, '$schema' | 'title' | 'description'> {
  return {
    $schema: SCHEMA,
    title: subtitle ? { text: title, subtitle } : title,
    description: subtitle ? `${title}. ${subtitle}` : title,
  };
}

export interface HistogramOptions {
  /** Symmetric-log scale for the counts, so that sparse tails (outliers) stay visible. */
  logCounts?: boolean;
  title?: string;
}

/** Histogram from pre-computed bins (`bin: 'binned'` + x2); datetimes on a time axis. */
export function histogramSpec(h: Histogram, options: HistogramOptions = {}): TopLevelSpec {
  const title = options.title ?? `Distribution of ${h.column}`;
  const y = {
    field: 'count',
    type: 'quantitative' as const,
    title: options.logCounts ? 'Rows (symmetric log scale)' : 'Rows',
    ...(options.logCounts ? { scale: { type: 'symlog' as const } } : {}),
  };
  const values = h.bins.map((b) => ({ start: b.start, end: b.end, count: b.count }));
  const subtitle = h.missing > 0 ? `${h.missing.toLocaleString('en-US')} missing values not shown` : undefined;
  if (h.type === 'datetime') {
    return {
      ...base(title, subtitle),
      width: 'container',
      height: 220,
      data: { values },
      // Explicit rectangles: a temporal bar with x/x2 would be drawn as a horizontal range.
      mark: { type: 'rect', color: NAVY, stroke: 'white', strokeWidth: 0.5 },
      encoding: {
        x: { field: 'start', type: 'temporal', title: h.column },
        x2: { field: 'end' },
        y,
        y2: { datum: 0 },
        tooltip: [
          { field: 'start', type: 'temporal', title: 'From', format: '%Y-%m-%d %H:%M' },
          { field: 'end', type: 'temporal', title: 'To', format: '%Y-%m-%d %H:%M' },
          { field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
        ],
      },
    };
  }
  return {
    ...base(title, subtitle),
    width: 'container',
    height: 220,
    data: { values },
    mark: { type: 'bar', color: NAVY, stroke: 'white', strokeWidth: 0.5 },
    encoding: {
      x: { field: 'start', type: 'quantitative', bin: 'binned', title: h.column, axis: { format: '~s' } },
      x2: { field: 'end' },
      y,
      tooltip: [
        { field: 'start', type: 'quantitative', title: 'From (incl.)', format: ',.6~g' },
        { field: 'end', type: 'quantitative', title: 'To', format: ',.6~g' },
        { field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
      ],
    },
  };
}

/** Most frequent categories as horizontal bars, plus "other" and "missing" when present. */
export function categoriesSpec(d: TopCategories, title = `Most frequent values of ${d.column}`): TopLevelSpec {
  const values: { label: string; count: number; kind: string }[] = d.categories.map((c) => ({
    label: c.value,
    count: c.count,
    kind: 'value',
  }));
  if (d.otherCount > 0) values.push({ label: '(all other values)', count: d.otherCount, kind: 'other' });
  if (d.missing > 0) values.push({ label: '(missing)', count: d.missing, kind: 'missing' });
  return {
    ...base(title),
    width: 'container',
    height: Math.max(60, values.length * 22),
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: null, title: null, axis: { labelLimit: 220 } },
      x: { field: 'count', type: 'quantitative', title: 'Rows' },
      color: {
        field: 'kind',
        type: 'nominal',
        scale: { domain: ['value', 'other', 'missing'], range: [NAVY, GRAY, ORANGE] },
        legend: null,
      },
      tooltip: [
        { field: 'label', type: 'nominal', title: d.column },
        { field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
      ],
    },
  };
}

/** Share of missing values per column (only columns that have some). */
export function missingBarsSpec(m: MissingnessResult, title = 'Missing values per column'): TopLevelSpec {
  const values = m.columns.filter((c) => c.missing > 0).map((c) => ({ column: c.name, missing: c.missing, fraction: c.fraction }));
  return {
    ...base(title, `${m.rows.toLocaleString('en-US')} rows in scope`),
    width: 'container',
    height: Math.max(60, values.length * 22),
    data: { values },
    mark: { type: 'bar', color: ORANGE },
    encoding: {
      y: { field: 'column', type: 'nominal', sort: '-x', title: null },
      x: { field: 'fraction', type: 'quantitative', title: 'Share of rows missing', axis: { format: '.0%' } },
      tooltip: [
        { field: 'column', type: 'nominal', title: 'Column' },
        { field: 'missing', type: 'quantitative', title: 'Missing', format: ',' },
        { field: 'fraction', type: 'quantitative', title: 'Share', format: '.2%' },
      ],
    },
  };
}

function cellStep(n: number): number {
  return Math.max(22, Math.min(56, Math.floor(640 / Math.max(1, n))));
}

/** Rows where both columns are missing (diagonal: the column's own missing count). */
export function cooccurrenceSpec(m: MissingnessResult, title = 'Missing together (rows where both are missing)'): TopLevelSpec {
  const { names, counts } = m.cooccurrence;
  const values: { a: string; b: string; count: number }[] = [];
  names.forEach((a, i) => names.forEach((b, j) => values.push({ a, b, count: counts[i][j] })));
  const step = cellStep(names.length);
  return {
    ...base(title),
    width: { step },
    height: { step },
    data: { values },
    encoding: {
      x: { field: 'b', type: 'nominal', sort: names, title: null, axis: { labelAngle: -40 } },
      y: { field: 'a', type: 'nominal', sort: names, title: null },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: { field: 'count', type: 'quantitative', scale: { scheme: 'oranges', zero: true }, title: 'Rows' },
          tooltip: [
            { field: 'a', type: 'nominal', title: 'Column' },
            { field: 'b', type: 'nominal', title: 'and column' },
            { field: 'count', type: 'quantitative', title: 'Rows missing both', format: ',' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: step < 30 ? 8 : 10 },
        encoding: {
          text: { field: 'count', type: 'quantitative', format: ',' },
          color: { condition: { test: `datum.count > ${Math.max(...counts.flat(), 0) * 0.6}`, value: 'white' }, value: '#212529' },
        },
      },
    ],
  };
}

export const CORRELATION_LABELS = { pearson: 'Pearson', spearman: 'Spearman', cramersV: "Cramér's V" } as const;

/** Correlation heatmap with the value written in each cell (blank where undefined). */
export function correlationSpec(c: CorrelationMatrix, title = `${CORRELATION_LABELS[c.method]} correlation`): TopLevelSpec {
  const values: { a: string; b: string; value: number | null; n: number; label: string }[] = [];
  c.names.forEach((a, i) =>
    c.names.forEach((b, j) => {
      const v = c.values[i][j];
      values.push({ a, b, value: v, n: c.n[i][j], label: v === null ? '–' : (Math.abs(v) < 0.005 ? 0 : v).toFixed(2) });
    }),
  );
  const step = cellStep(c.names.length);
  const signed = c.method !== 'cramersV';
  return {
    ...base(title, signed ? 'Blue: positive, red: negative; blank cells are undefined' : '0 = no association, 1 = perfect association'),
    width: { step },
    height: { step },
    data: { values },
    encoding: {
      x: { field: 'b', type: 'nominal', sort: c.names, title: null, axis: { labelAngle: -40 } },
      y: { field: 'a', type: 'nominal', sort: c.names, title: null },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          color: {
            field: 'value',
            type: 'quantitative',
            scale: signed ? { scheme: 'redblue', domain: [-1, 1] } : { scheme: 'blues', domain: [0, 1] },
            title: signed ? 'r' : 'V',
          },
          tooltip: [
            { field: 'a', type: 'nominal', title: 'Column' },
            { field: 'b', type: 'nominal', title: 'and column' },
            { field: 'value', type: 'quantitative', title: CORRELATION_LABELS[c.method], format: '.4f' },
            { field: 'n', type: 'quantitative', title: 'Complete pairs', format: ',' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: step < 30 ? 8 : 10 },
        encoding: {
          text: { field: 'label', type: 'nominal' },
          color: {
            condition: { test: 'datum.value !== null && abs(datum.value) > 0.6', value: 'white' },
            value: '#212529',
          },
        },
      },
    ],
  };
}

/** Target rate (classification) or mean (regression) per category / numeric bin, with counts. */
export function targetBreakdownSpec(result: TargetAnalysisResult, col: TargetColumnAnalysis): TopLevelSpec {
  const classification = result.task === 'classification';
  const measure = classification ? `Rate of ${result.target} = ${result.positive ?? '?'}` : `Mean ${result.target}`;
  const values = col.rows.map((r) => ({ label: r.label, value: r.value, count: r.count }));
  const valueFormat = classification ? '.1%' : ',.4~g';
  const x = {
    field: 'label',
    type: 'nominal' as const,
    sort: null,
    title: col.column,
    axis: { labelAngle: values.length > 6 ? -40 : 0, labelLimit: 120 },
  };
  return {
    ...base(
      `${measure} by ${col.column}`,
      `Dashed line: overall ${classification ? 'rate' : 'mean'}; numbers above the bars are row counts`,
    ),
    width: 'container',
    height: 260,
    layer: [
      {
        data: { values },
        mark: { type: 'bar', color: NAVY },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative', title: measure, axis: { format: classification ? '.0%' : '~s' } },
          tooltip: [
            { field: 'label', type: 'nominal', title: col.column },
            { field: 'value', type: 'quantitative', title: measure, format: valueFormat },
            { field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
          ],
        },
      },
      {
        data: { values },
        mark: { type: 'text', dy: -6, fontSize: 10, color: '#495057', baseline: 'bottom' },
        encoding: {
          x,
          y: { field: 'value', type: 'quantitative' },
          text: { field: 'count', type: 'quantitative', format: ',' },
        },
      },
      {
        data: { values: [{ overall: result.overall }] },
        mark: { type: 'rule', color: ORANGE, strokeDash: [4, 3], strokeWidth: 1.5 },
        encoding: {
          y: { field: 'overall', type: 'quantitative' },
          tooltip: [{ field: 'overall', type: 'quantitative', title: `Overall ${classification ? 'rate' : 'mean'}`, format: valueFormat }],
        },
      },
    ],
  };
}

export const TEST_LABELS: Record<GroupComparison['test'], string> = {
  'welch-t': "Welch's t-test",
  'mann-whitney': 'Mann–Whitney U test',
  'chi-squared': 'Chi-squared test of independence',
};

/** Group A vs B: means (t-test) or medians (Mann–Whitney), or category shares (chi-squared). */
export function compareSpec(cmp: GroupComparison, labelA = 'A', labelB = 'B'): TopLevelSpec {
  const color = { field: 'group', type: 'nominal' as const, scale: { domain: [labelA, labelB], range: [GROUP_A, GROUP_B] }, title: 'Group' };
  if (cmp.test === 'chi-squared') {
    const table = cmp.table ?? [];
    const totA = table.reduce((s, r) => s + r.a, 0) || 1;
    const totB = table.reduce((s, r) => s + r.b, 0) || 1;
    const values = table.flatMap((r) => [
      { value: r.value, group: labelA, share: r.a / totA, count: r.a },
      { value: r.value, group: labelB, share: r.b / totB, count: r.b },
    ]);
    return {
      ...base(`Share of each ${cmp.column} value in groups ${labelA} and ${labelB}`),
      width: 'container',
      height: 240,
      data: { values },
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'value', type: 'nominal', sort: null, title: cmp.column, axis: { labelAngle: table.length > 6 ? -40 : 0 } },
        xOffset: { field: 'group', type: 'nominal', sort: [labelA, labelB] },
        y: { field: 'share', type: 'quantitative', title: 'Share of group', axis: { format: '.0%' } },
        color,
        tooltip: [
          { field: 'group', type: 'nominal', title: 'Group' },
          { field: 'value', type: 'nominal', title: cmp.column },
          { field: 'count', type: 'quantitative', title: 'Rows', format: ',' },
          { field: 'share', type: 'quantitative', title: 'Share', format: '.1%' },
        ],
      },
    };
  }
  const useMedian = cmp.test === 'mann-whitney';
  const stat = useMedian ? 'Median' : 'Mean';
  const values = [
    { group: labelA, value: useMedian ? cmp.a.median : cmp.a.mean, n: cmp.a.n },
    { group: labelB, value: useMedian ? cmp.b.median : cmp.b.mean, n: cmp.b.n },
  ];
  return {
    ...base(`${stat} of ${cmp.column} in groups ${labelA} and ${labelB}`),
    width: 'container',
    height: 200,
    data: { values },
    encoding: {
      y: { field: 'group', type: 'nominal', sort: [labelA, labelB], title: null },
    },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.6 } },
        encoding: {
          x: { field: 'value', type: 'quantitative', title: `${stat} of ${cmp.column}` },
          color: { ...color, legend: null },
          tooltip: [
            { field: 'group', type: 'nominal', title: 'Group' },
            { field: 'value', type: 'quantitative', title: stat, format: ',.6~g' },
            { field: 'n', type: 'quantitative', title: 'Rows', format: ',' },
          ],
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#212529' },
        encoding: {
          x: { field: 'value', type: 'quantitative' },
          text: { field: 'value', type: 'quantitative', format: ',.4~g' },
        },
      },
    ],
  };
}
