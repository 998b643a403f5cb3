/**
 * Fairness, when recorded (a `glassbox fairness` report): the plain-language summary, the
 * disparities per attribute with the four-fifths verdict and its caveat, the per-group metrics
 * with their 95 % intervals and small groups flagged, a chart of the selection rate per group,
 * and the definitions the figures follow.
 */
import type { Snapshot } from '../../experiment/snapshotSchema';
import { code, facts, list, notRecorded, paragraph, subheading, table, text } from '../htmlBlocks';
import { asBoolean, asInterval, asNumber, asRecord, asRecords, asString, asStrings, type Loose } from '../looseRecord';
import { intervalBarsSpec } from '../reportCharts';
import type { ReportPart, ReportSection } from '../reportParts';
import { formatCount, formatNumber, formatPercent, formatPValue, MISSING } from '../reportFormat';

export const FOUR_FIFTHS_CAVEAT =
  'The four-fifths rule is a rule of thumb from US employment practice (the EEOC Uniform Guidelines, 1978) for flagging possible adverse impact. It is a heuristic, not a statistical test and not a certificate of fairness: meeting it does not show that a model is fair, and missing it does not prove discrimination. Read it with the group sizes, the intervals and the context of the decision.';

export const SMALL_FLAG = '<strong class="flag">small group</strong>';

const GROUP_METRICS = [
  ['selectionRate', 'Selection rate'],
  ['truePositiveRate', 'True positive rate'],
  ['falsePositiveRate', 'False positive rate'],
  ['precision', 'Precision'],
  ['accuracy', 'Accuracy'],
  ['auc', 'AUC'],
  ['expectedCalibrationError', 'Calibration error'],
] as const;

/** "0.4123" over its interval "[0.3800, 0.4400]" in one cell. */
function withInterval(value: unknown, ci: unknown): string {
  const v = formatNumber(asNumber(value));
  const interval = asInterval(ci);
  return interval ? `${v}<br><small>[${formatNumber(interval[0])}, ${formatNumber(interval[1])}]</small>` : v;
}

export function fourFifthsVerdict(value: unknown): string {
  const met = asBoolean(value);
  return met === null ? 'undefined' : met ? 'met' : 'not met';
}

function disparitiesTable(disparities: Loose[]): string {
  return table(
    ['Attribute', 'Demographic-parity difference', 'Demographic-parity ratio', 'Four-fifths rule (ratio ≥ 0.8)', 'Equal-opportunity difference', 'Equalized-odds difference', 'Chi-squared p-value'],
    disparities.map((d) => [
      text(asString(d.attribute) ?? MISSING),
      formatNumber(asNumber(d.demographicParityDifference)),
      formatNumber(asNumber(d.demographicParityRatio)),
      `<strong class="verdict-${fourFifthsVerdict(d.fourFifthsRule).replace(' ', '-')}">${fourFifthsVerdict(d.fourFifthsRule)}</strong>`,
      formatNumber(asNumber(d.equalOpportunityDifference)),
      formatNumber(asNumber(d.equalizedOddsDifference)),
      text(formatPValue(asNumber(asRecord(d.selectionRateTest)?.pValue))),
    ]),
    { caption: 'Disparities per sensitive attribute', numeric: [1, 2, 4, 5, 6] },
  );
}

function groupsTable(groups: Loose[]): string {
  return table(
    ['Attribute', 'Group', 'Rows', ...GROUP_METRICS.map(([, label]) => label)],
    groups.map((g) => {
      const ci = asRecord(g.ci) ?? {};
      return [
        text(asString(g.attribute) ?? MISSING),
        `${text(asString(g.group) ?? MISSING)}${asBoolean(g.small) ? `<br>${SMALL_FLAG}` : ''}`,
        formatCount(asNumber(g.count)),
        ...GROUP_METRICS.map(([name]) => withInterval(g[name], ci[name])),
      ];
    }),
    {
      caption: 'Per-group metrics with 95% bootstrap intervals; groups flagged “small group” have too few rows to judge',
      numeric: [2, 3, 4, 5, 6, 7, 8, 9],
      rowClass: (i) => (asBoolean(groups[i].small) ? 'small' : undefined),
    },
  );
}

function selectionRateChart(groups: Loose[], overall: number | null): ReportPart[] {
  const bars = groups.flatMap((g) => {
    const rate = asNumber(g.selectionRate);
    if (rate === null) return [];
    const ci = asInterval(asRecord(g.ci)?.selectionRate);
    const small = asBoolean(g.small) ? ' (small)' : '';
    return [{ label: `${asString(g.attribute) ?? ''} = ${asString(g.group) ?? ''}${small}`, value: rate, low: ci?.[0] ?? null, high: ci?.[1] ?? null }];
  });
  if (bars.length < 2) return [];
  return [
    {
      title: `Selection rate per group, with 95% intervals${overall !== null ? ' (dashed line: overall rate)' : ''}`,
      spec: intervalBarsSpec('Selection rate per group with 95% intervals', bars, 'Selection rate', { percent: true, reference: overall !== null ? { value: overall, label: 'overall' } : undefined }),
    },
  ];
}

export function fairnessSection(snapshot: Snapshot): ReportSection {
  const fairness = snapshot.fairness;
  if (!fairness) return { id: 'fairness', title: 'Fairness', parts: [notRecorded('Fairness')] };
  const overall = asRecord(fairness.overall);
  const groups = asRecords(fairness.groups) ?? [];
  const disparities = asRecords(fairness.disparities) ?? [];
  const summary = asStrings(fairness.summary) ?? [];
  const definitions = (asRecords(fairness.definitions) ?? []).filter((d) => asString(d.definition) !== null);
  const favorable = asString(fairness.favorable);
  const positive = asString(fairness.positive);
  const overallRate = asNumber(overall?.selectionRate);
  const parts: ReportPart[] = [
    facts([
      ['Favourable outcome', favorable !== null ? code(favorable) : '<span class="absent">not recorded</span>'],
      ['Positive class', positive !== null ? code(positive) : '<span class="absent">not recorded</span>'],
      ['Rows', formatCount(asNumber(overall?.count))],
      ['Overall selection rate', formatPercent(overallRate)],
    ]),
    subheading('Summary'),
    summary.length ? list(summary) : notRecorded('Summary'),
    subheading('Disparities'),
    disparities.length ? disparitiesTable(disparities) : notRecorded('Disparities'),
    paragraph(`<strong>Caveat.</strong> ${text(FOUR_FIFTHS_CAVEAT)}`, 'caveat'),
    subheading('Groups'),
    groups.length ? groupsTable(groups) : notRecorded('Per-group metrics'),
    ...selectionRateChart(groups, overallRate),
    subheading('Definitions'),
    definitions.length ? `<dl class="definitions">${definitions.map((d) => `<dt>${text(asString(d.label) ?? asString(d.name) ?? '')}</dt><dd>${text(asString(d.definition)!)}</dd>`).join('')}</dl>` : notRecorded('Definitions'),
  ];
  return { id: 'fairness', title: 'Fairness', parts };
}
