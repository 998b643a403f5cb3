import { Alert, EmptyState, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconTarget } from '@tabler/icons-react';
import { LoadingBlock, QueryError } from '../explore/QueryState';
import { useModel, type ImportedModel, type Scored } from '../model/ModelProvider';
import { useDataset } from '../session/SessionProvider';
import { BinarizeForm } from './BinarizeForm';
import { ClassificationResults } from './ClassificationResults';
import { EvaluationSplitControl } from './EvaluationSplitControl';
import { RegressionResults } from './RegressionResults';
import { TargetControls } from './TargetControls';
import { useEvaluationTarget } from './useEvaluationTarget';

/** Target controls, then the evaluation of the current scoring against that target. */
export function EvaluationPanel({ model, scored }: { model: ImportedModel; scored: Scored }) {
  const target = useEvaluationTarget(model);
  const { holdout } = useModel();
  const { dataset } = useDataset();
  const positive = target.state === 'ready' ? (target.request.positive ?? null) : null;
  const modelPositive = model.info.signature.positive === null ? null : String(model.info.signature.positive);
  return (
    <Stack gap="md" data-testid="evaluation-view">
      <TargetControls model={model} target={target} />
      {holdout && holdout.datasetId === dataset.id && <EvaluationSplitControl holdout={holdout} />}
      {target.state === 'pick' ? (
        <EmptyState
          icon={<IconTarget size={32} />}
          title="Which column is the truth?"
          description={`Pick the target column that ${model.name} predicts; its scores are compared with it row by row.`}
        />
      ) : target.state === 'loading' ? (
        <LoadingBlock lines={6} chart label={`Reading the classes of ${target.column}`} />
      ) : target.state === 'error' ? (
        <QueryError error={target.error} title={`Could not read ${target.column}`} />
      ) : target.state === 'multiclass' ? (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="Binary classification only" data-testid="multiclass-alert">
          <Text size="sm" mb="sm">
            {target.column} has {target.profile.distinct.toLocaleString('en-US')} classes, but {model.name} is a binary classifier: its
            score is the probability of one class. Add a yes/no column from a condition on {target.column} (e.g. the classes the model
            was trained to find) and evaluate against that.
          </Text>
          <BinarizeForm column={target.column} profile={target.profile} />
        </Alert>
      ) : target.state === 'one-class' ? (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="Only one class">
          {target.column} has a single value, so there is nothing to tell apart: pick another target.
        </Alert>
      ) : target.state === 'not-numeric' ? (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="A regressor needs a numeric target">
          {model.name} predicts a number, but {target.column} is {target.profile.type}: pick a numeric target column.
        </Alert>
      ) : (
        <>
          {positive !== null && modelPositive !== null && positive !== modelPositive && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="The positive class differs from the model's" data-testid="positive-mismatch">
              {model.name}'s score is P({modelPositive}), but {positive} is chosen as the positive class: the curves below read the score as
              P({positive}), so an AUC under 0.5 is expected. Choose {modelPositive} unless this is what you mean.
            </Alert>
          )}
          {target.request.task === 'regression' ? (
            <RegressionResults scoring={scored.id} request={target.request} />
          ) : (
            <ClassificationResults scoring={scored.id} request={target.request} />
          )}
        </>
      )}
    </Stack>
  );
}
