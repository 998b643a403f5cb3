import { Button, EmptyState } from '@mantine/core';
import { IconChartLine, IconPlayerPlay } from '@tabler/icons-react';
import { LoadingBlock } from '../explore/QueryState';
import { useModel } from '../model/ModelProvider';
import { useSession } from '../session/SessionProvider';
import { EvaluationPanel } from './EvaluationPanel';

/** The Evaluation tab: the scored model against a target, or what is missing first. */
export function EvaluationView() {
  const { setView } = useSession();
  const { model, scored, run, restoring } = useModel();
  if (model && scored && scored.modelId === model.id) return <EvaluationPanel model={model} scored={scored} />;
  if (restoring || run) return <LoadingBlock lines={6} chart label={restoring ? 'Restoring the model' : 'Scoring the dataset'} />;
  return (
    <EmptyState
      icon={model ? <IconPlayerPlay size={32} /> : <IconChartLine size={32} />}
      title={model ? 'Score the dataset first' : 'Import a model first'}
      description={
        model
          ? `Map the dataset's columns to ${model.name}'s inputs and press Score dataset; the evaluation compares its scores with a target column.`
          : 'Import an ONNX model, map the dataset’s columns to its inputs and score the dataset; its ROC, calibration and other checks appear here.'
      }
      data-testid="evaluation-empty"
    >
      <EmptyState.Actions>
        <Button onClick={() => setView({ modelTab: 'setup' })}>{model ? 'Go to the mapping' : 'Import a model'}</Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
