import { Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { formatCount } from '../format/format';
import type { ScoringRun } from './ModelProvider';
import { useModel } from './ModelProvider';

/** Rows scored so far, with Cancel. */
export function ScoringProgress({ run }: { run: ScoringRun }) {
  const { cancelScoring } = useModel();
  const p = run.progress;
  const fraction = p && p.total > 0 ? p.done / p.total : null;
  return (
    <Paper withBorder p="sm" radius="sm" mt="md" aria-busy="true">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" aria-live="polite" data-testid="score-progress-text">
            {p ? `Scoring: ${formatCount(p.done)} of ${formatCount(p.total)} rows` : 'Starting the model…'}
            {fraction !== null ? ` · ${Math.round(fraction * 100)}%` : ''}
          </Text>
          <Button variant="default" size="xs" onClick={cancelScoring} aria-label="Cancel scoring" data-testid="cancel-scoring">
            Cancel
          </Button>
        </Group>
        <Progress
          value={fraction === null ? 100 : fraction * 100}
          animated={fraction === null}
          striped={fraction === null}
          aria-label="Scoring the dataset"
          data-testid="score-progress"
        />
      </Stack>
    </Paper>
  );
}
