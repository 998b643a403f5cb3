import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { BinarizeForm } from '../evaluation/BinarizeForm';
import { QueryError } from '../explore/QueryState';
import { useDataset, useSession } from '../session/SessionProvider';
import { findDemo } from '../start/demoDatasets';
import type { TrainTargetState } from './useTrainTarget';

/** The target (the session's, shared with Explore and Model), its positive class, and the model it calls for. */
export function TargetSetup({ state }: { state: TrainTargetState }) {
  const { target, setTarget } = useSession();
  const { dataset } = useDataset();
  const names = dataset.summary.columns.map((c) => c.name);
  const demo = dataset.source.kind === 'demo' ? findDemo(dataset.source.name) : undefined;
  const suggested = demo && names.includes(demo.target) && target.column !== demo.target ? demo.target : null;
  const ready = state.state === 'ready' ? state : null;
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="md" wrap="wrap">
        <Select
          label="Target column"
          aria-label="Target column"
          placeholder="Pick the column to predict"
          data={names}
          value={state.state === 'pick' ? null : state.column}
          onChange={(v) => setTarget({ column: v, positive: null })}
          searchable
          clearable
          w={240}
          nothingFoundMessage="No such column"
          data-testid="train-target"
        />
        {ready && ready.target.kind === 'logistic' && (
          <Select
            label="Positive class"
            aria-label="Positive class"
            data={ready.classes}
            value={ready.target.positive}
            onChange={(v) => setTarget({ column: ready.column, positive: v })}
            allowDeselect={false}
            w={150}
            data-testid="train-positive"
          />
        )}
        {suggested && (
          <Button variant="light" size="sm" onClick={() => setTarget({ column: suggested, positive: null })}>
            Use the documented target: {suggested}
          </Button>
        )}
      </Group>
      {ready && (
        <Text size="sm" data-testid="train-kind">
          <b>{ready.target.kind === 'logistic' ? 'Binary classification' : 'Regression'}</b>
          {ready.target.kind === 'logistic'
            ? ` — ${ready.column} has two classes: the model gives P(${ready.column} = ${ready.target.positive ?? ''}).`
            : ` — ${ready.column} is numeric: the model predicts its value.`}
        </Text>
      )}
      {state.state === 'pick' && (
        <Text size="sm" c="dimmed">
          Pick the column the model should predict: two classes make a binary classification, a numeric column a regression.
        </Text>
      )}
      {state.state === 'error' && <QueryError error={state.error} title={`Could not read ${state.column}`} />}
      {state.state === 'multiclass' && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="Two classes needed" data-testid="train-multiclass">
          <Text size="sm" mb="sm">
            {state.column} has {state.profile.distinct.toLocaleString('en-US')} classes; Glassbox trains binary classifiers. Add a yes/no column
            from a condition on {state.column} and train on that.
          </Text>
          <BinarizeForm column={state.column} profile={state.profile} />
        </Alert>
      )}
      {state.state === 'one-class' && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="Only one value">
          {state.column} has a single value, so there is nothing to learn: pick another target.
        </Alert>
      )}
      {state.state === 'unsupported' && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="Not a target Glassbox can train on">
          {state.column} is a {state.profile.type} column: pick a numeric column or one with two classes.
        </Alert>
      )}
    </Stack>
  );
}
