import { Group, SegmentedControl, Text } from '@mantine/core';
import { formatCount } from '../format/format';
import { useModel, type EvaluationSplit, type HoldoutInfo } from '../model/ModelProvider';

/**
 * Which rows the evaluation reads after a training with a holdout: all of them, the rows the
 * model was fitted on, or the held-out rows it never saw (the honest estimate).
 */
export function EvaluationSplitControl({ holdout }: { holdout: HoldoutInfo }) {
  const { split, setSplit } = useModel();
  const words: Record<EvaluationSplit, string> = {
    all: 'Every row of the dataset, training rows included: flatters the model.',
    train: `The ${formatCount(holdout.trainRows)} rows the model was fitted on: how well it learned them, not how well it generalises.`,
    test: `The ${formatCount(holdout.testRows)} rows the training set aside and never used: the estimate to report.`,
  };
  return (
    <Group gap="sm" wrap="wrap" align="center">
      <Text size="sm" fw={600} id="gb-evaluation-split-label">
        Rows
      </Text>
      <SegmentedControl
        size="xs"
        value={split}
        onChange={(v) => setSplit(v as EvaluationSplit)}
        data={[
          { value: 'all', label: 'All' },
          { value: 'train', label: 'Training' },
          { value: 'test', label: 'Held-out' },
        ]}
        aria-labelledby="gb-evaluation-split-label"
        data-testid="evaluation-split"
      />
      <Text size="xs" c="dimmed" style={{ flex: '1 1 260px' }} data-testid="evaluation-split-words">
        {words[split]} The split comes from the last training in this session.
      </Text>
    </Group>
  );
}
