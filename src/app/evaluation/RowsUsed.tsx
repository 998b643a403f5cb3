import { Group, Text } from '@mantine/core';
import type { RowsUsed as Rows } from '../../core/validation/modelEvaluation';
import { formatCount } from '../format/format';
import { useDataset } from '../session/SessionProvider';

/** Which rows a result used: n with both a target and a score, of the rows in scope, of the dataset. */
export function RowsUsed({ rows, testId }: { rows: Rows; testId?: string }) {
  const { filter } = useDataset();
  const left = rows.inScope - rows.n;
  return (
    <Group gap="xs" wrap="wrap" data-testid={testId}>
      <Text size="sm">
        <b>
          {formatCount(rows.n)} of {formatCount(rows.inScope)} rows
        </b>{' '}
        used
        {filter ? (
          <>
            {' '}
            (in scope of the filter <code>{filter}</code>; {formatCount(rows.total)} in the dataset)
          </>
        ) : (
          <> (all rows of the dataset are in scope)</>
        )}
        {left > 0 ? ` · ${formatCount(left)} left out: no target value or no score` : ''}
      </Text>
    </Group>
  );
}
