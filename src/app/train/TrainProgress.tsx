import { Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import type { TrainingProgress } from '../../workers/workbenchApi';
import { formatCount } from '../format/format';
import type { TrainingJob } from './TrainProvider';

function stageWords(p: TrainingProgress | null): string {
  if (!p) return 'Preparing the rows…';
  switch (p.stage) {
    case 'cross-validation':
      return `Cross-validation: ${p.done} of ${p.total} folds fitted and scored`;
    case 'training':
      return 'Fitting the final model on all training rows and exporting it to ONNX';
    default:
      return `Scoring the dataset through the exported ONNX: ${formatCount(p.done)} of ${formatCount(p.total)} rows`;
  }
}

/** The stage of the training under way, a bar, and Cancel (honoured between folds). */
export function TrainProgress({ job, onCancel }: { job: TrainingJob; onCancel: () => void }) {
  const p = job.progress;
  const fraction = p && p.total > 0 && p.stage !== 'training' ? p.done / p.total : null;
  return (
    <Paper withBorder p="sm" radius="sm" aria-busy="true" data-testid="train-progress">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" aria-live="polite" data-testid="train-progress-text" data-stage={p?.stage ?? 'starting'}>
            {stageWords(p)}
            {fraction !== null ? ` · ${Math.round(fraction * 100)}%` : ''}
          </Text>
          <Button variant="default" size="xs" onClick={onCancel} aria-label="Cancel training" data-testid="cancel-training">
            Cancel
          </Button>
        </Group>
        <Progress value={fraction === null ? 100 : fraction * 100} animated={fraction === null} striped={fraction === null} aria-label="Training progress" />
        <Text size="xs" c="dimmed">
          Cancel stops between folds; the final fit and the scoring finish once started.
        </Text>
      </Stack>
    </Paper>
  );
}
