/**
 * Evaluation: what was compared with what (target, positive class, threshold, rows, seed) and the
 * recorded metrics with their 95 % bootstrap intervals, as a table and, for the metrics on a 0–1
 * scale, a chart.
 */
import type { Snapshot } from '../../experiment/snapshotSchema';
import { code, facts, names, notRecorded, paragraph, table, text } from '../htmlBlocks';
import { asInterval, asNumber, asRecord, asString, asStrings } from '../looseRecord';
import { metricLabel, metricMeaning } from '../metricLabels';
import { intervalBarsSpec } from '../reportCharts';
import type { ReportPart, ReportSection } from '../reportParts';
import { formatCount, formatInterval, formatNumber } from '../reportFormat';

/** Metrics bounded by 0 and 1, drawn on one axis (log loss, errors and R² are not). */
const UNIT_METRICS = new Set(['auc', 'accuracy', 'precision', 'recall', 'f1', 'brier']);

export interface MetricRow {
  name: string;
  value: number | null;
  ci: [number, number] | null;
}

/** The metrics of a `glassbox metrics` record: scalar entries (but the row count `n`), with the interval of the same name from any record-valued entry (`ci`). */
export function metricRows(metrics: Record<string, unknown>): MetricRow[] {
  const intervals = new Map<string, [number, number] | null>();
  for (const value of Object.values(metrics)) {
    const map = asRecord(value);
    if (map) for (const [name, ci] of Object.entries(map)) intervals.set(name, asInterval(ci));
  }
  return Object.entries(metrics)
    .filter(([name, value]) => name !== 'n' && (value === null || typeof value === 'number'))
    .map(([name, value]) => ({ name, value: asNumber(value), ci: intervals.get(name) ?? null }));
}

export function evaluationSection(snapshot: Snapshot): ReportSection {
  const e = snapshot.evaluation;
  const loose = e as Record<string, unknown>;
  const rows = e.rows === 'all' ? 'all rows with a target and a score' : `${formatCount(e.rows.length)} rows, listed by row number in the snapshot`;
  const sensitive = asStrings(loose.sensitive);
  const favorable = asString(loose.favorable);
  const metrics = metricRows(e.metrics);
  const parts: ReportPart[] = [
    facts([
      ['Target', text(e.target)],
      ['Task', text(e.task)],
      ...(e.task === 'classification' ? [['Positive class', e.positive === null ? 'not recorded' : code(e.positive)] as const, ['Threshold', `${formatNumber(e.threshold)} (scores at or above it are predicted positive)`] as const] : []),
      ['Rows evaluated', rows],
      ['n (rows scored)', formatCount(e.n)],
      ['Seed (bootstrap intervals)', String(e.seed)],
      ...(sensitive && sensitive.length ? [['Sensitive attributes', names(sensitive)] as const] : []),
      ...(favorable !== null ? [['Favourable outcome', code(favorable)] as const] : []),
    ]),
  ];
  if (!metrics.length) {
    parts.push(notRecorded('Metrics'));
    return { id: 'evaluation', title: 'Evaluation', parts };
  }
  parts.push(
    table(
      ['Metric', 'Value', '95% interval', 'What it measures'],
      metrics.map((m) => [text(metricLabel(m.name)), formatNumber(m.value), formatInterval(m.ci), text(metricMeaning(m.name))]),
      { caption: `Metrics on the ${formatCount(e.n)} rows evaluated`, numeric: [1, 2] },
    ),
    paragraph('Intervals: 95% percentile bootstrap over the evaluated rows (1,000 resamples, seeded); “—” marks a value that is undefined on these rows.', 'note'),
  );
  const bars = metrics.filter((m) => UNIT_METRICS.has(m.name) && m.value !== null && m.value >= 0 && m.value <= 1);
  if (bars.length >= 2) {
    parts.push({
      title: 'Metrics on a 0–1 scale, with 95% intervals',
      spec: intervalBarsSpec(
        'Metrics on a 0–1 scale with 95% intervals',
        bars.map((m) => ({ label: metricLabel(m.name), value: m.value!, low: m.ci?.[0] ?? null, high: m.ci?.[1] ?? null })),
        'Value',
      ),
    });
  }
  return { id: 'evaluation', title: 'Evaluation', parts };
}
