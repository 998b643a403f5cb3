import { Alert, Badge, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMemo } from 'react';
import { VegaChart } from '../charts/VegaChart';
import { cvFoldsSpec } from '../charts/cvFoldsSpec';
import { formatCount, formatDuration } from '../format/format';
import { CoefficientsTable } from './CoefficientsTable';
import { CvTable } from './CvTable';
import { HoldoutMetrics } from './HoldoutMetrics';
import { stepCount } from './recipeEdit';
import { ResultActions } from './ResultActions';
import { MODEL_NAMES, paramsWords } from './modelNames';
import { looksTooGood, mainMetric, METRIC_LABELS, recordKind, recordParams, type RunRecord } from './runRecord';

/** One run's results: CV per fold and their spread, the holdout's metrics, the coefficients; evaluate or download its model. */
export function TrainResults({ record, number }: { record: RunRecord; number: number }) {
  const metric = mainMetric(record.target.kind);
  const label = METRIC_LABELS[metric];
  const spec = useMemo(
    () =>
      record.cv
        ? cvFoldsSpec({
            label,
            folds: record.cv.folds.map((f) => ({ fold: f.fold, value: f.metrics[metric] ?? null, testRows: f.testRows })),
            mean: record.cv.mean[metric] ?? null,
            std: record.cv.std[metric] ?? null,
            holdout: record.holdout?.[metric] ?? null,
          })
        : null,
    [record, metric, label],
  );
  const when = new Date(record.at);
  return (
    <Paper withBorder radius="sm" p="md" component="section" aria-labelledby="gb-train-results-heading" data-testid="train-results">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm" mb="sm">
        <div>
          <Title order={3} size="h5" id="gb-train-results-heading">
            Results of run {number}
          </Title>
          <Group gap={6} mt={4}>
            <Badge variant="light" radius="sm">
              {MODEL_NAMES[recordKind(record)]} · {paramsWords(recordKind(record), recordParams(record))}
            </Badge>
            <Badge variant="outline" color="gray" radius="sm" className="gb-mono">
              recipe {stepCount(record.recipe)} · {record.recipeHash}
            </Badge>
            <Badge variant="outline" color="gray" radius="sm">
              {formatCount(record.trainRows)} training rows · {formatCount(record.testRows)} held out
            </Badge>
            <Text size="xs" c="dimmed">
              {when.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' })} · {formatDuration(record.ms)} · {record.modelName}
            </Text>
          </Group>
        </div>
        {record.modelName !== '' && <ResultActions record={record} />}
      </Group>
      {record.search && record.search.trial !== null && (
        <Alert color="blue" variant="light" mb="sm" data-testid="trial-note">
          Trial {record.search.trial} of a {record.search.trials}-trial {record.search.strategy} search: cross-validated on the training rows only,
          without a model of its own. {record.search.trial === record.search.best ? 'It was the best trial; the search trained it as the run marked “best”.' : `Trial ${record.search.best} scored best.`}{' '}
          Select it and use “Train again with these settings” to train this one.
        </Alert>
      )}
      {looksTooGood(record) && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="Suspiciously good: check for leakage" mb="sm" data-testid="too-good">
          {label} of 0.99 or more is rare on real data. Look for a column that is recorded after the outcome or derived from it (Feature selection
          flags the likely ones), or for duplicated rows that sit on both sides of a split.
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <div>
              <Title order={4} size="h6" mb={6}>
                Cross-validation on the training rows
              </Title>
              <CvTable record={record} />
            </div>
            {spec && (
              <div>
                <VegaChart spec={spec} title={`${label} by cross-validation fold`} testId="cv-chart" minHeight={130} />
                <Text size="xs" c="dimmed" mt={4}>
                  How much the {label} moves from one fold to the next: a wide spread means the estimate depends on which rows were drawn, so small
                  differences between runs mean little.{record.holdout ? ' The held-out rows’ value should fall near the folds’.' : ''}
                </Text>
              </div>
            )}
          </Stack>
        </Grid.Col>
        {record.modelName !== '' && (
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack gap="md">
              <div>
                <Title order={4} size="h6" mb={6}>
                  Held-out rows (final estimate)
                </Title>
                <HoldoutMetrics record={record} />
              </div>
            </Stack>
          </Grid.Col>
        )}
        <Grid.Col span={12}>
          {record.coefficients ? (
            <>
              <Title order={4} size="h6" mb={6}>
                Coefficients ({record.features.length} features)
              </Title>
              <CoefficientsTable record={record} />
            </>
          ) : (
            record.trees && (
              <>
                <Title order={4} size="h6" mb={6}>
                  Trees
                </Title>
                <Text size="sm" data-testid="tree-summary">
                  {formatCount(record.trees.trees)} {record.trees.trees === 1 ? 'tree' : 'trees'}, {formatCount(record.trees.leaves)} leaves, deepest leaf at depth{' '}
                  {record.trees.depth}, on {record.features.length} features after the recipe.
                  {record.trees.earlyStopping &&
                    ` Early stopping kept ${record.trees.earlyStopping.kept} of the ${record.trees.earlyStopping.rounds} rounds run (the lowest loss on ${formatCount(record.trees.earlyStopping.validationRows)} validation rows set aside from the training rows).`}
                </Text>
              </>
            )
          )}
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
