import { Accordion, Alert, Grid, List, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { OutcomeValues } from '../../core/fairness/outcomeValue';
import type { EvaluationRequest } from '../../workers/workbenchApi';
import { describeError } from '../api/errors';
import { useFairnessReport, useThresholdView } from '../api/fairnessQueries';
import { groupMetricSpec } from '../charts/groupMetricSpec';
import { groupRocSpec } from '../charts/groupRocSpec';
import { selectionRateSpec } from '../charts/selectionRateSpec';
import { THRESHOLD_DATA } from '../charts/thresholdMarker';
import { ChartCard } from '../evaluation/ChartCard';
import { LoadingBlock } from '../explore/QueryState';
import { RequestedJobStatus } from '../layout/RequestedJobStatus';
import { useModel, type Scored } from '../model/ModelProvider';
import { decisionRates } from '../../core/fairness/decisionCounts';
import { sweepAt } from '../../core/fairness/thresholdSweep';
import { DisparityCards } from './DisparityCards';
import type { FairnessChoices } from './fairnessChoices';
import { fairnessRequest, rowsText, thresholdRequest } from './fairnessRequests';
import { GroupMetricsTable } from './GroupMetricsTable';
import { PerGroupThresholds } from './PerGroupThresholds';

const METRICS = [
  ['selectionRate', 'Selection rate'],
  ['truePositiveRate', 'True positive rate'],
  ['falsePositiveRate', 'False positive rate'],
  ['precision', 'Precision'],
  ['accuracy', 'Accuracy'],
  ['auc', 'ROC AUC'],
  ['expectedCalibrationError', 'Calibration error (ECE)'],
] as const;
type Metric = (typeof METRICS)[number][0];

/** The group report at the current threshold (bootstrap intervals, recomputed when the threshold settles) and the charts across thresholds. */
export function FairnessReportPanel({ scored, request, choices, values }: { scored: Scored; request: EvaluationRequest; choices: FairnessChoices; values: OutcomeValues }) {
  const { threshold } = useModel();
  const [settled] = useDebouncedValue(threshold, 500);
  const report = useFairnessReport(scored.id, fairnessRequest(request, choices, settled));
  const sweep = useThresholdView(scored.id, thresholdRequest(request, choices, values, threshold));
  const [attribute, setAttribute] = useState<string | null>(null);
  const [metric, setMetric] = useState<Metric>('selectionRate');
  const view = report.data ?? null;
  const attributes = view ? view.report.disparities.map((d) => d.attribute) : [];
  const shown = attribute && attributes.includes(attribute) ? attribute : (attributes[0] ?? null);
  const rows = view ? rowsText(view.rows, view.totalRows, request.split) : '';
  const groups = useMemo(() => (view && shown ? view.report.groups.filter((g) => g.attribute === shown) : []), [view, shown]);
  const metricLabel = METRICS.find((m) => m[0] === metric)![1];
  const barSpec = useMemo(() => {
    if (!view || !shown) return null;
    const overall = view.report.overall[metric];
    return groupMetricSpec(
      shown,
      metricLabel,
      groups.map((g) => ({ group: g.group, value: g[metric], low: g.ci[metric]?.[0] ?? null, high: g.ci[metric]?.[1] ?? null, count: g.count, small: g.small })),
      overall,
      `${rows} · threshold ${view.threshold} · seed ${view.seed}`,
    );
  }, [view, shown, groups, metric, metricLabel, rows]);
  const tv = sweep.data ?? null;
  const tvAttribute = tv && shown ? (tv.attributes.find((a) => a.name === shown) ?? null) : null;
  const tvRows = tv ? rowsText(tv.rows, tv.totalRows, request.split) : '';
  const rocSpec = useMemo(
    () => (tvAttribute ? groupRocSpec(tvAttribute.name, tvAttribute.groups.map((g) => ({ group: g.group, roc: g.roc, auc: null })), tvRows) : null),
    [tvAttribute, tvRows],
  );
  const rateSpec = useMemo(() => {
    if (!tv || !tvAttribute) return null;
    const favorableIsPositive = tv.favorable === tv.positive;
    return selectionRateSpec(
      tvAttribute.name,
      tv.favorable,
      tvAttribute.groups.map((g) => ({ group: g.group, thresholds: tv.thresholds, rate: tv.thresholds.map((_, k) => decisionRates(sweepAt(g.counts, k), favorableIsPositive).selectionRate) })),
      tvRows,
    );
  }, [tv, tvAttribute, tvRows]);
  const marker = useMemo(() => ({ [THRESHOLD_DATA]: [{ threshold }] }), [threshold]);

  if (choices.sensitive.length === 0) return <Text c="dimmed">Pick one or two sensitive attributes above to see how the model’s decisions treat their groups.</Text>;
  return (
    <Stack gap="md" data-testid="fairness-report">
      <RequestedJobStatus
        busy={report.isFetching}
        progress={report.progress}
        unit="Bootstrap resamples (blocks of 25)"
        starting="Computing the group metrics…"
        what="fairness report"
        onCancel={report.cancel}
        error={report.error}
        errorTitle="Could not compute the fairness report"
        id="fairness"
      />
      {!view && report.isFetching && <LoadingBlock lines={5} label="Computing the fairness report" />}
      {view && (
        <>
          <Alert variant="light" color="navy" icon={<IconInfoCircle size={18} aria-hidden />} title="In plain words" data-testid="fairness-summary">
            <List size="sm" spacing={4}>
              {view.report.summary.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
            <Text size="xs" c="dimmed" mt="xs" data-testid="fairness-provenance">
              {rows} · decisions at threshold {view.threshold} (score ≥ threshold → {view.report.positive}) · favourable outcome {view.report.favorable} · 95% intervals from{' '}
              {view.resamples.toLocaleString('en-US')} bootstrap resamples, seed {view.seed}
            </Text>
          </Alert>
          <DisparityCards disparities={view.report.disparities} />
          {attributes.length > 1 && (
            <SegmentedControl value={shown ?? undefined} onChange={setAttribute} data={attributes} aria-label="Attribute shown" data-testid="fairness-attribute" />
          )}
          <GroupMetricsTable groups={groups} />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, lg: 6 }}>
              {barSpec && (
                <ChartCard spec={barSpec} title={`${metricLabel} by ${shown}`} testId="fairness-metric-chart" caption="Each group’s value with its 95% bootstrap interval; grey bars are groups too small to judge; the dashed line is all rows together.">
                  <Select mt="xs" size="xs" w={240} label="Metric" data={METRICS.map(([value, label]) => ({ value, label }))} value={metric} onChange={(v) => v && setMetric(v as Metric)} allowDeselect={false} data-testid="fairness-metric" />
                </ChartCard>
              )}
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              {rocSpec && <ChartCard spec={rocSpec} title={`ROC per group of ${shown}`} testId="fairness-roc-chart" caption="How well the score separates the classes within each group, at every threshold." />}
            </Grid.Col>
            <Grid.Col span={12}>
              {rateSpec && (
                <ChartCard spec={rateSpec} data={marker} title={`Selection rate vs threshold by ${shown}`} testId="fairness-selection-chart" caption="The share of each group given the favourable outcome at each threshold; the orange line is the current threshold." />
              )}
            </Grid.Col>
          </Grid>
          <Accordion variant="separated" radius="sm">
            <Accordion.Item value="per-group">
              <Accordion.Control data-testid="per-group-thresholds-toggle">Explore per-group thresholds (exploration only)</Accordion.Control>
              <Accordion.Panel>{tv && shown && <PerGroupThresholds view={tv} attribute={shown} values={values} threshold={threshold} />}</Accordion.Panel>
            </Accordion.Item>
            <Accordion.Item value="definitions">
              <Accordion.Control data-testid="fairness-definitions-toggle">Definitions used in this report</Accordion.Control>
              <Accordion.Panel>
                <Table fz="sm" verticalSpacing={4} data-testid="fairness-definitions">
                  <Table.Tbody>
                    {view.report.definitions.map((d) => (
                      <Table.Tr key={d.name}>
                        <Table.Td fw={600} w={260} valign="top">
                          {d.label}
                        </Table.Td>
                        <Table.Td>{d.definition}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
        </>
      )}
      {sweep.error && (
        <Alert color="red" variant="light" title="Could not count the decisions at every threshold">
          {describeError(sweep.error).message}
        </Alert>
      )}
    </Stack>
  );
}
