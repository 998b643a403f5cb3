/**
 * Drift, when recorded (a `glassbox drift` report): the plain-language summary, per column the
 * test, PSI, Wasserstein distance, effect size and severity (and a chart of PSI against the
 * thresholds), the domain classifier's AUC and top features, and the thresholds used.
 */
import { PSI_MAJOR, PSI_MODERATE } from '../../drift/driftThresholds';
import type { Snapshot } from '../../experiment/snapshotSchema';
import { facts, list, notRecorded, subheading, table, text } from '../htmlBlocks';
import { asNumber, asRecord, asRecords, asString, asStrings, type Loose } from '../looseRecord';
import { barsSpec, psiSpec } from '../reportCharts';
import type { ReportPart, ReportSection } from '../reportParts';
import { formatCount, formatNumber, formatPValue, MISSING } from '../reportFormat';

const CHART_TOP = 25;

function columnsTable(columns: Loose[]): string {
  return table(
    ['Column', 'Type', 'Test', 'Statistic', 'p-value', 'PSI', 'Wasserstein', 'Effect size', 'Severity'],
    columns.map((c) => [
      text(asString(c.name) ?? MISSING),
      text(asString(c.type) ?? MISSING),
      text(asString(c.test) ?? MISSING),
      formatNumber(asNumber(c.statistic)),
      text(formatPValue(asNumber(c.pValue))),
      formatNumber(asNumber(c.psi)),
      formatNumber(asNumber(c.wasserstein)),
      formatNumber(asNumber(c.effectSize)),
      text(asString(c.severity) ?? MISSING),
    ]),
    { caption: 'Drift per column (reference → current)', numeric: [3, 4, 5, 6, 7], rowClass: (i) => (asString(columns[i].severity) === 'major' ? 'major' : undefined) },
  );
}

function psiChart(columns: Loose[], thresholds: Loose | null): ReportPart[] {
  const psi = asRecord(thresholds?.psi);
  const bars = columns
    .map((c) => ({ name: asString(c.name) ?? '', psi: asNumber(c.psi), severity: asString(c.severity) ?? 'unknown' }))
    .filter((c): c is { name: string; psi: number; severity: string } => c.psi !== null)
    .sort((a, b) => b.psi - a.psi)
    .slice(0, CHART_TOP);
  if (!bars.length) return [];
  const moderate = asNumber(psi?.moderate) ?? PSI_MODERATE;
  const major = asNumber(psi?.major) ?? PSI_MAJOR;
  return [{ title: `PSI per column, most drifted first (dashed lines: ${moderate} moderate, ${major} major)`, spec: psiSpec('PSI per column', bars, { moderate, major }) }];
}

function domainParts(domain: Loose | null): ReportPart[] {
  if (!domain) return [notRecorded('Domain classifier')];
  const auc = asNumber(domain.auc);
  const features = (asRecords(domain.topFeatures) ?? [])
    .map((f) => ({ name: asString(f.name), value: asNumber(f.importance) }))
    .filter((f): f is { name: string; value: number } => f.name !== null && f.value !== null);
  const parts: ReportPart[] = [
    facts([['Out-of-fold AUC', `${formatNumber(auc)} (0.5 = current and reference rows are indistinguishable)`]]),
  ];
  if (features.length) {
    parts.push(table(['Column', 'Importance (drop in AUC when shuffled)'], features.map((f) => [text(f.name), formatNumber(f.value)]), { caption: 'Columns that tell current from reference rows', numeric: [1] }));
    if (features.length >= 2) parts.push({ title: 'Domain classifier: what tells current from reference rows', spec: barsSpec('Domain classifier top features', features, 'Drop in out-of-fold AUC when shuffled') });
  }
  return parts;
}

function thresholdNotes(thresholds: Loose | null): string[] {
  if (!thresholds) return [];
  return Object.values(thresholds)
    .map(asRecord)
    .flatMap((t) => [asString(t?.source), asString(t?.note)])
    .filter((s): s is string => s !== null);
}

export function driftSection(snapshot: Snapshot): ReportSection {
  const drift = snapshot.drift;
  if (!drift) return { id: 'drift', title: 'Drift', parts: [notRecorded('Drift')] };
  const columns = asRecords(drift.columns) ?? [];
  const rows = asRecord(drift.rows);
  const summary = asStrings(drift.summary) ?? [];
  const thresholds = asRecord(drift.thresholds);
  const notes = thresholdNotes(thresholds);
  const parts: ReportPart[] = [
    facts([
      ['Reference rows', formatCount(asNumber(rows?.reference))],
      ['Current rows', formatCount(asNumber(rows?.current))],
      ['Columns compared', formatCount(columns.length)],
    ]),
    subheading('Summary'),
    summary.length ? list(summary) : notRecorded('Summary'),
    subheading('Per column'),
    columns.length ? columnsTable(columns) : notRecorded('Per-column drift'),
    ...psiChart(columns, thresholds),
    subheading('Domain classifier'),
    ...domainParts(asRecord(drift.domainClassifier)),
    ...(notes.length ? [subheading('Thresholds'), list(notes)] : []),
  ];
  return { id: 'drift', title: 'Drift', parts };
}
