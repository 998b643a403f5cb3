import { Button, EmptyState } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { LoadingBlock } from '../explore/QueryState';
import { useModel, type ImportedModel, type Scored } from './ModelProvider';
import { useSession } from '../session/SessionProvider';

/**
 * A step that works on the scored model (Explain, Fairness): its views once the model has scored
 * the dataset, a loading block while it is restored or scored, else what is missing first.
 */
export function NeedsScoredModel(p: { title: string; description: string; testId: string; children: (model: ImportedModel, scored: Scored) => ReactNode }) {
  const { setView } = useSession();
  const { model, scored, run, restoring } = useModel();
  if (model && scored && scored.modelId === model.id) return <>{p.children(model, scored)}</>;
  if (restoring || run) return <LoadingBlock lines={6} chart label={restoring ? 'Restoring the model' : 'Scoring the dataset'} />;
  return (
    <EmptyState icon={<IconPlayerPlay size={32} />} title={p.title} description={p.description} data-testid={p.testId}>
      <EmptyState.Actions>
        <Button onClick={() => setView({ step: 'model', modelTab: 'setup' })}>Go to the Model step</Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
