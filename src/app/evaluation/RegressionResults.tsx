import { Grid, Stack } from '@mantine/core';
import { useMemo } from 'react';
import type { EvaluationRequest } from '../../workers/workbenchApi';
import { useModelEvaluation, useModelMetrics } from '../api/modelQueries';
import { predictedActualSpec } from '../charts/predictedActualSpec';
import { residualHistogramSpec } from '../charts/residualHistogramSpec';
import { residualsSpec } from '../charts/residualsSpec';
import { rowsLine } from '../charts/rowsLine';
import { DEFAULT_THRESHOLD } from '../model/mapping';
import { LoadingBlock, QueryError } from '../explore/QueryState';
import { ChartCard } from './ChartCard';
import { PerformancePanel, type MetricGroup } from './MetricsTable';
import { RowsUsed } from './RowsUsed';

/** A regressor's predictions against the target, within the filter. */
export function RegressionResults({ scoring, request }: { scoring: string; request: EvaluationRequest }) {
  const evaluation = useModelEvaluation(scoring, request);
  const ev = evaluation.data?.task === 'regression' ? evaluation.data : null;
  const metrics = useModelMetrics(scoring, request, DEFAULT_THRESHOLD, ev !== null);
  const heat = useMemo(() => (ev ? predictedActualSpec(ev, request.target) : null), [ev, request.target]);
  const residuals = useMemo(() => (ev ? residualsSpec(ev) : null), [ev]);
  const hist = useMemo(() => (ev ? residualHistogramSpec(ev) : null), [ev]);

  if (evaluation.error) return <QueryError error={evaluation.error} title={`Could not evaluate the model against ${request.target}`} />;
  if (!ev || !heat || !residuals || !hist) return <LoadingBlock lines={6} chart label="Evaluating the model" />;

  const ci = metrics.data?.ci;
  const groups: MetricGroup[] = [
    {
      title: 'Errors of the predictions',
      rows: [
        { name: 'rmse', label: 'RMSE', help: `Root mean squared error, in units of ${request.target}`, value: ev.metrics.rmse, ci: ci?.rmse },
        { name: 'mae', label: 'MAE', help: `Mean absolute error, in units of ${request.target}`, value: ev.metrics.mae, ci: ci?.mae },
        { name: 'r2', label: 'R²', help: 'Share of the variance explained; 0 = predicting the mean', value: ev.metrics.r2, ci: ci?.r2 },
      ],
    },
  ];

  return (
    <Stack gap="md">
      <RowsUsed rows={ev.rows} split={request.split} testId="evaluation-rows" />
      {metrics.error && <QueryError error={metrics.error} title="Could not compute the confidence intervals" />}
      <Grid gap="md" align="stretch">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <PerformancePanel groups={groups} rowsText={rowsLine(ev.rows)} fill />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ChartCard
            spec={heat}
            title="Predicted vs actual"
            testId="predicted-actual-chart"
            minHeight={320}
            caption={`Where predictions and actual ${request.target} values fall together: a good model keeps the dark cells on the dashed y = x line; cells above it are under-predicted, below it over-predicted.`}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <ChartCard
            spec={residuals}
            title="Residuals by prediction decile"
            testId="residuals-chart"
            minHeight={260}
            caption="Rows are cut into ten equal groups by prediction: a median line away from 0 shows a bias at that level, a wide band shows large errors there."
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <ChartCard
            spec={hist}
            title="Distribution of residuals"
            testId="residual-histogram-chart"
            minHeight={260}
            caption="How far predictions miss, and in which direction: centred on 0 and narrow is good; a long tail means some rows are badly mispredicted."
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
