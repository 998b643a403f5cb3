import { Text } from '@mantine/core';
import type { EvaluationRequest } from '../../workers/workbenchApi';
import { useHoldoutMetrics } from '../api/trainQueries';
import { INTERVALS_NOTE, MetricsTable, type MetricGroup } from '../evaluation/MetricsTable';
import { QueryError } from '../explore/QueryState';
import { formatCount } from '../format/format';
import { useModel } from '../model/ModelProvider';
import type { Metrics, RunRecord } from './runRecord';

function groups(kind: RunRecord['target']['kind'], values: Metrics, ci: Record<string, [number, number] | null> | null | undefined, target: string): MetricGroup[] {
  const c = (name: string) => (ci === null ? null : ci?.[name]);
  if (kind === 'linear') {
    return [
      {
        title: 'Errors on the held-out rows',
        rows: [
          { name: 'r2', label: 'R²', help: 'Share of the variance explained; 0 = predicting the mean', value: values.r2, ci: c('r2') },
          { name: 'rmse', label: 'RMSE', help: `Root mean squared error, in units of ${target}`, value: values.rmse, ci: c('rmse') },
          { name: 'mae', label: 'MAE', help: `Mean absolute error, in units of ${target}`, value: values.mae, ci: c('mae') },
        ],
      },
    ];
  }
  return [
    {
      title: 'Ranking and probabilities',
      rows: [
        { name: 'auc', label: 'AUC (ROC)', help: '0.5 = guessing, 1 = perfect ranking', value: values.auc, ci: c('auc') },
        { name: 'logLoss', label: 'Log loss', help: 'Penalty for confident mistakes; lower is better', value: values.logLoss, ci: c('logLoss') },
        { name: 'brier', label: 'Brier score', help: 'Mean squared error of the probability; lower is better', value: values.brier, ci: c('brier') },
      ],
    },
    {
      title: 'Decisions at threshold 0.50 (choose another in Evaluation)',
      rows: [
        { name: 'accuracy', label: 'Accuracy', help: 'Share of rows predicted right', value: values.accuracy, ci: c('accuracy') },
        { name: 'recall', label: 'Recall', help: 'Share of actual positives caught', value: values.recall, ci: c('recall') },
      ],
    },
  ];
}

/**
 * The held-out rows' metrics: with 95 % bootstrap intervals while this run's model is loaded and
 * its split is known (`glassbox metrics --ci --seed 42` on those rows), else the values recorded.
 */
export function HoldoutMetrics({ record }: { record: RunRecord }) {
  const { model, scored, holdout } = useModel();
  const live = model?.runId === record.id && scored?.modelId === model.id && holdout?.runId === record.id;
  const request: EvaluationRequest | null = live
    ? { target: record.target.column, positive: record.target.positive ?? undefined, task: record.target.kind === 'logistic' ? 'classification' : 'regression' }
    : null;
  const q = useHoldoutMetrics(live ? scored.id : null, request);
  if (!record.holdout && record.testRows === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="holdout-metrics">
        No rows were held out in this run: the cross-validation mean is its only estimate.
      </Text>
    );
  }
  if (q.error) return <QueryError error={q.error} title="Could not score the held-out rows" />;
  const values: Metrics = q.data ? (q.data as unknown as Metrics) : (record.holdout ?? {});
  const ci = live ? (q.data?.ci ?? undefined) : null;
  return (
    <div data-testid="holdout-metrics" data-live={live}>
      <MetricsTable
        groups={groups(record.target.kind, values, ci, record.target.column)}
        caption={
          live
            ? `On the ${formatCount(record.testRows)} held-out rows, scored through the exported ONNX. ${INTERVALS_NOTE}`
            : `On the ${formatCount(record.testRows)} held-out rows, as recorded when this run finished. Intervals are computed while the run’s model is loaded and its split known (after a reload: train again).`
        }
      />
    </div>
  );
}
