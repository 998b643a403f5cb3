/**
 * Training, when recorded: the model kind, its parameters and seed, the recipe's steps in order,
 * and the cross-validation folds with the mean ± standard deviation of each metric (and a chart
 * of the main metric per fold). Each part is read defensively and skipped when malformed.
 */
import type { Snapshot } from '../../experiment/snapshotSchema';
import { code, facts, notRecorded, paragraph, subheading, table, text } from '../htmlBlocks';
import { asNumber, asRecord, asRecords, asString, asStrings, type Loose } from '../looseRecord';
import { mainMetric, metricLabel } from '../metricLabels';
import { foldsSpec } from '../reportCharts';
import type { ReportPart, ReportSection } from '../reportParts';
import { formatCount, formatNumber, formatPercent } from '../reportFormat';

const SETTING_LENGTH = 160;

/** A setting's value as short JSON text (long values cut). */
export function settingText(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > SETTING_LENGTH ? `${json.slice(0, SETTING_LENGTH)}…` : json;
}

function recipeStep(step: Loose): string {
  const kind = asString(step.step) ?? 'step';
  const columns = asStrings(step.columns) ?? [];
  const settings = Object.entries(step).filter(([k]) => k !== 'step' && k !== 'columns');
  const on = columns.length ? ` on ${columns.map(code).join(', ')}` : '';
  const with_ = settings.length ? ` — ${settings.map(([k, v]) => `${text(k)}: ${code(settingText(v))}`).join(', ')}` : '';
  return `<li><strong>${text(kind)}</strong>${on}${with_}</li>`;
}

/** The numeric metrics of a fold (the row count `n` aside). */
function foldMetrics(fold: Loose): Loose {
  return asRecord(fold.metrics) ?? {};
}

function cvParts(cv: Loose): ReportPart[] {
  const folds = asRecords(cv.folds) ?? [];
  if (!folds.length) return [notRecorded('Cross-validation folds')];
  const names: string[] = [];
  for (const f of folds) for (const [k, v] of Object.entries(foldMetrics(f))) if (k !== 'n' && (typeof v === 'number' || v === null) && !names.includes(k)) names.push(k);
  const mean = asRecord(cv.mean) ?? {};
  const std = asRecord(cv.std) ?? {};
  const foldLabel = (f: Loose, i: number) => `Fold ${(asNumber(f.fold) ?? i) + 1}`;
  const rows = folds.map((f, i) => [text(foldLabel(f, i)), formatCount(asNumber(f.trainRows)), formatCount(asNumber(f.testRows)), ...names.map((n) => formatNumber(asNumber(foldMetrics(f)[n])))]);
  rows.push(['<strong>Mean ± std</strong>', '', '', ...names.map((n) => `${formatNumber(asNumber(mean[n]))} ± ${formatNumber(asNumber(std[n]))}`)]);
  const parts: ReportPart[] = [
    subheading('Cross-validation'),
    table(['Fold', 'Training rows', 'Test rows', ...names.map(metricLabel)], rows, {
      caption: `${folds.length} folds; each fold’s model and recipe fitted on its training rows only`,
      numeric: [1, 2, ...names.map((_, i) => i + 3)],
    }),
  ];
  const main = mainMetric(names);
  const points = main ? folds.map((f, i) => ({ fold: foldLabel(f, i), value: asNumber(foldMetrics(f)[main]) })).filter((p): p is { fold: string; value: number } => p.value !== null) : [];
  if (main && points.length >= 2) {
    const label = metricLabel(main);
    parts.push({ title: `${label} per cross-validation fold (dashed line: the mean)`, spec: foldsSpec(`${label} per cross-validation fold`, label, points, asNumber(mean[main])) });
  }
  return parts;
}

/** A holdout setting `{ fraction, byColumn? }` in words. */
function holdoutText(holdout: Loose | null): string | null {
  const fraction = asNumber(holdout?.fraction);
  if (fraction === null) return null;
  const by = asString(holdout?.byColumn);
  return `${text(formatPercent(fraction))} of the rows held out${by ? `, the most recent by ${code(by)}` : ''}`;
}

export function trainingSection(snapshot: Snapshot): ReportSection {
  const training = snapshot.training;
  if (!training) return { id: 'training', title: 'Training', parts: [notRecorded('Training')] };
  const params = asRecord(training.params);
  const seed = asNumber(training.seed);
  const steps = asRecords(asRecord(training.recipe)?.steps);
  const cv = asRecord(training.cv);
  const optional = (label: string, html: string | null): (readonly [string, string])[] => (html === null ? [] : [[label, html]]);
  const task = asString(training.task);
  const target = asString(training.target);
  const trainRows = asNumber(training.trainRows);
  const testRows = asNumber(training.testRows);
  const features = asStrings(training.features);
  const parts: ReportPart[] = [
    facts([
      ['Model kind', asString(training.kind) !== null ? code(asString(training.kind)!) : '<span class="absent">not recorded</span>'],
      ['Seed', seed !== null ? String(seed) : '<span class="absent">not recorded</span>'],
      ...optional('Task', task && text(task)),
      ...optional('Target', target && text(target)),
      ...optional('Training rows', trainRows === null ? null : formatCount(trainRows)),
      ...optional('Held-out test rows', testRows === null ? null : formatCount(testRows)),
      ...optional('Holdout', holdoutText(asRecord(training.holdout))),
      ...optional('Encoded features', features && formatCount(features.length)),
    ]),
    params && Object.keys(params).length
      ? table(['Parameter', 'Value'], Object.entries(params).map(([k, v]) => [text(k), code(settingText(v))]), { caption: 'Parameters' })
      : paragraph('Parameters: the defaults (none recorded).', 'absent'),
    subheading('Recipe'),
    steps && steps.length ? `<ol class="steps">${steps.map(recipeStep).join('')}</ol>` : notRecorded('Recipe steps'),
    ...(cv ? cvParts(cv) : [notRecorded('Cross-validation')]),
  ];
  return { id: 'training', title: 'Training', parts };
}
