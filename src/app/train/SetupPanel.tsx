import { Divider, Paper, Stack, Text, Title } from '@mantine/core';
import { useDataset } from '../session/SessionProvider';
import { CvSettings } from './CvSettings';
import { HoldoutSettings } from './HoldoutSettings';
import { ModelSettings } from './ModelSettings';
import { SchemeNote } from './SchemeNote';
import { TargetSetup } from './TargetSetup';
import { useTrain } from './TrainProvider';
import { cvSchemeFor } from './trainSettings';
import type { TrainTargetState } from './useTrainTarget';

/** What to predict, with which model and penalty, and how the rows are split to validate it. */
export function SetupPanel({ state }: { state: TrainTargetState }) {
  const { dataset } = useDataset();
  const { settings } = useTrain();
  const ready = state.state === 'ready' ? state : null;
  const target = state.state === 'pick' ? null : state.column;
  return (
    <Paper withBorder radius="sm" p="md" component="section" aria-labelledby="gb-train-setup-heading" data-testid="train-setup">
      <Title order={3} size="h5" id="gb-train-setup-heading">
        Setup
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        Training uses every row of {dataset.summary.name} with a target value; the filter above does not apply here.
      </Text>
      <Stack gap="md">
        <TargetSetup state={state} />
        {ready && (
          <>
            <ModelSettings target={target} kind={ready.target.kind} />
            <Divider label="Validation" labelPosition="left" />
            <HoldoutSettings target={target} classifier={ready.target.kind === 'logistic'} />
            <CvSettings target={target} kind={ready.target.kind} />
            <SchemeNote scheme={cvSchemeFor(ready.target.kind, settings.cv.scheme)} folds={settings.cv.folds} holdout={settings.holdout.enabled} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
