import { Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';
import type { ClassificationEvaluation } from '../../core/validation/modelEvaluation';
import type { EvaluationRequest } from '../../workers/workbenchApi';
import { useModelEvaluation, useModelMetrics, useThresholdMetrics } from '../api/modelQueries';
import { calibrationSpec } from '../charts/calibrationSpec';
import { gainsSpec } from '../charts/gainsSpec';
import { precisionRecallSpec } from '../charts/precisionRecallSpec';
import { rocSpec } from '../charts/rocSpec';
import { rowsLine } from '../charts/rowsLine';
import { scoreHistogramSpec } from '../charts/scoreHistogramSpec';
import { THRESHOLD_DATA, thresholdRows } from '../charts/thresholdMarker';
import { LoadingBlock, QueryError } from '../explore/QueryState';
import { useModel } from '../model/ModelProvider';
import { VegaChart } from '../charts/VegaChart';
import { ChartCard } from './ChartCard';
import { ConfusionMatrix } from './ConfusionMatrix';
import { LiftTable } from './LiftTable';
import { PerformancePanel, type MetricGroup } from './MetricsTable';
import { RowsUsed } from './RowsUsed';
import { ThresholdControl } from './ThresholdControl';

type Ci = Record<string, [number, number] | null> | undefined;

const NO_MARKER: Record<string, number>[] = [];

/** Everything about a binary classifier's scores against the target, within the filter. */
export function ClassificationResults({ scoring, request }: { scoring: string; request: EvaluationRequest }) {
  const { threshold } = useModel();
  // The intervals take seconds on large data and hold up the worker: recompute them once the slider rests.
  const [settled] = useDebouncedValue(threshold, 800);
  const evaluation = useModelEvaluation(scoring, request);
  const atThreshold = useThresholdMetrics(scoring, request, threshold);
  const ev = evaluation.data?.task === 'classification' ? evaluation.data : null;
  const m = atThreshold.data;
  const metrics = useModelMetrics(scoring, request, settled, ev !== null && m !== undefined);
  const marker = useMemo(
    () => (m ? thresholdRows({ threshold: m.threshold, fpr: m.falsePositiveRate, tpr: m.recall, precision: m.precision }) : NO_MARKER),
    [m],
  );

  if (evaluation.error) return <QueryError error={evaluation.error} title={`Could not evaluate the model against ${request.target}`} />;
  if (!ev) return <LoadingBlock lines={6} chart label="Evaluating the model" />;

  const ci: Ci = metrics.data?.ci;
  const ciStale = metrics.isPlaceholderData || settled !== threshold || metrics.isFetching;
  const t = threshold.toFixed(2);
  const pos = `${request.target} = ${ev.positive}`;
  const groups: MetricGroup[] = [
    {
      title: 'Ranking and probabilities (all thresholds)',
      rows: [
        { name: 'auc', label: 'AUC (ROC)', help: '0.5 = guessing, 1 = perfect ranking', value: ev.auc, ci: ci?.auc },
        { name: 'logLoss', label: 'Log loss', help: 'Penalty for confident mistakes; lower is better', value: ev.logLoss, ci: ci?.logLoss },
        { name: 'brier', label: 'Brier score', help: 'Mean squared error of the probability; lower is better', value: ev.brier, ci: ci?.brier },
      ],
    },
    {
      title: `Decisions at threshold ${t}`,
      rows: [
        { name: 'accuracy', label: 'Accuracy', help: 'Share of rows predicted right', value: m?.accuracy, ci: ci?.accuracy, ciStale },
        { name: 'precision', label: 'Precision', help: `Share of predicted ${pos} that are correct`, value: m?.precision, ci: ci?.precision, ciStale },
        { name: 'recall', label: 'Recall', help: `Share of actual ${pos} that are caught`, value: m?.recall, ci: ci?.recall, ciStale },
        { name: 'f1', label: 'F1', help: 'Harmonic mean of precision and recall', value: m?.f1, ci: ci?.f1, ciStale },
      ],
    },
  ];

  return (
    <Stack gap="md">
      <RowsUsed rows={ev.rows} split={request.split} testId="evaluation-rows" />
      <Text size="sm" c="dimmed" mt={-8}>
        {ev.positives.toLocaleString('en-US')} of them have {pos} (the positive class) and {ev.negatives.toLocaleString('en-US')} have{' '}
        {request.target} = {ev.negative}: {((ev.positives / Math.max(1, ev.rows.n)) * 100).toFixed(1)}% positive.
      </Text>
      {metrics.error && <QueryError error={metrics.error} title="Could not compute the confidence intervals" />}
      {atThreshold.error && <QueryError error={atThreshold.error} title="Could not apply the threshold" />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <PerformancePanel groups={groups} rowsText={rowsLine(ev.rows)} />
            <Paper withBorder radius="sm" p="md">
              <ThresholdControl positive={pos} />
              {m ? (
                <ConfusionMatrix m={m} target={request.target} positive={ev.positive} negative={ev.negative} />
              ) : (
                <LoadingBlock lines={4} label="Applying the threshold" />
              )}
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <ClassificationChart ev={ev} target={request.target} marker={marker} part="roc" />
            <ClassificationChart ev={ev} target={request.target} marker={marker} part="histogram" />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <ClassificationChart ev={ev} target={request.target} marker={marker} part="pr" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <ClassificationChart ev={ev} target={request.target} marker={NO_MARKER} part="calibration" />
        </Grid.Col>
        <Grid.Col span={12}>
          <ClassificationChart ev={ev} target={request.target} marker={NO_MARKER} part="gains" />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

type Part = 'roc' | 'pr' | 'calibration' | 'gains' | 'histogram';

/** One chart of the evaluation; its spec is built once per evaluation, the threshold marker moves without a redraw. */
function ClassificationChart({ ev, target, marker, part }: { ev: ClassificationEvaluation; target: string; marker: Record<string, number>[]; part: Part }) {
  const spec = useMemo(() => {
    switch (part) {
      case 'roc':
        return rocSpec(ev);
      case 'pr':
        return precisionRecallSpec(ev);
      case 'calibration':
        return calibrationSpec(ev, target);
      case 'gains':
        return gainsSpec(ev, target);
      default:
        return scoreHistogramSpec(ev, target);
    }
  }, [ev, target, part]);
  const data = useMemo(() => ({ [THRESHOLD_DATA]: marker }), [marker]);
  const pos = `${target} = ${ev.positive}`;
  switch (part) {
    case 'roc':
      return (
        <ChartCard
          spec={spec}
          title="ROC curve"
          testId="roc-chart"
          data={data}
          caption={`Each point is a threshold: how many actual ${pos} rows are caught (up) against how many others are flagged (right). The closer the curve hugs the top-left corner, the better the model ranks; the AUC is the area under it.`}
        />
      );
    case 'pr':
      return (
        <ChartCard
          spec={spec}
          title="Precision-recall curve"
          testId="pr-chart"
          data={data}
          caption={`How often a flagged row really is ${pos} (up) as more of them are caught (right); useful when ${pos} is rare, where the ROC curve can look flattering.`}
        />
      );
    case 'calibration':
      return (
        <ChartCard
          spec={spec}
          title="Calibration"
          testId="calibration-chart"
          caption={`Whether scores can be read as probabilities: in each score bin, the share of rows that really are ${pos}. Dots on the diagonal are well calibrated; below it the model over-estimates, above it under-estimates.`}
        />
      );
    case 'gains':
      return (
        <Paper withBorder radius="sm" p="sm">
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <VegaChart spec={spec} title="Cumulative gains" testId="gains-chart" minHeight={300} />
              <Text size="xs" c="dimmed" mt={6}>
                {`If you review rows from the highest score down, the share of all ${pos} rows you have found by each point; lift is that share divided by the share of rows reviewed (1× = no better than random).`}
              </Text>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Title order={4} size="h6" mt={4}>
                Lift by decile
              </Title>
              <LiftTable lift={ev.lift} positive={pos} />
            </Grid.Col>
          </Grid>
        </Paper>
      );
    default:
      return (
        <ChartCard
          spec={spec}
          title="Score distribution by class"
          testId="score-histogram-chart"
          data={data}
          minHeight={260}
          caption="The scores of each actual class: the less the two overlap, the better the model separates them; rows right of the threshold line are predicted positive."
        />
      );
  }
}
