import { Button, Group, Select, Text } from '@mantine/core';
import type { ImportedModel } from '../model/ModelProvider';
import { useDataset, useSession } from '../session/SessionProvider';
import { findDemo } from '../start/demoDatasets';
import type { EvaluationTarget } from './useEvaluationTarget';

/** The target column (the session's target, shared with Explore) and, for two classes, the positive one. */
export function TargetControls({ model, target }: { model: ImportedModel; target: EvaluationTarget }) {
  const { target: chosen, setTarget } = useSession();
  const { dataset } = useDataset();
  const names = dataset.summary.columns.map((c) => c.name);
  const demo = dataset.source.kind === 'demo' ? findDemo(dataset.source.name) : undefined;
  const suggested = demo && names.includes(demo.target) && chosen.column !== demo.target ? demo.target : null;
  const ready = target.state === 'ready' && target.request.task === 'classification' ? target : null;
  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <Select
        label="Target column"
        aria-label="Target column"
        placeholder="Pick the column the model predicts"
        data={names}
        value={target.state === 'pick' ? null : target.column}
        onChange={(v) => setTarget({ column: v, positive: null })}
        searchable
        clearable
        w={280}
        nothingFoundMessage="No such column"
        data-testid="evaluation-target"
      />
      {ready && (
        <Select
          label="Positive class"
          aria-label="Positive class"
          data={ready.classes}
          value={ready.request.positive ?? null}
          onChange={(v) => setTarget({ column: ready.column, positive: v })}
          allowDeselect={false}
          w={200}
          data-testid="evaluation-positive"
        />
      )}
      {suggested && (
        <Button variant="light" size="sm" onClick={() => setTarget({ column: suggested, positive: null })}>
          Use the documented target: {suggested}
        </Button>
      )}
      <Text size="xs" c="dimmed" style={{ flex: '1 1 260px' }} pb={6}>
        {model.info.signature.task === 'classification'
          ? `${model.name} is a binary classifier: its score is P(${String(model.info.signature.positive)}). The filter above re-scopes every figure.`
          : `${model.name} is a regressor: its score is the predicted value. The filter above re-scopes every figure.`}
      </Text>
    </Group>
  );
}
