import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { RowsUsed as Rows } from '../../core/validation/modelEvaluation';
import type { EvaluationSplit } from '../model/ModelProvider';
import { formatCount } from '../format/format';
import { useDataset } from '../session/SessionProvider';

const SPLIT_WORDS: Record<Exclude<EvaluationSplit, 'all'>, string> = {
  train: 'the training rows of the last training',
  test: 'the rows held out by the last training',
};

/** Which rows a result used: n with both a target and a score, of the rows in scope (filter, split), of the dataset. */
export function RowsUsed({ rows, testId, split = 'all' }: { rows: Rows; testId?: string; split?: EvaluationSplit }) {
  const { filter } = useDataset();
  const left = rows.inScope - rows.n;
  let scope: ReactNode;
  if (split !== 'all') {
    scope = (
      <>
        {' '}
        (in scope: {SPLIT_WORDS[split]}
        {filter ? (
          <>
            {' '}
            within the filter <code>{filter}</code>
          </>
        ) : null}
        ; {formatCount(rows.total)} in the dataset)
      </>
    );
  } else if (filter) {
    scope = (
      <>
        {' '}
        (in scope of the filter <code>{filter}</code>; {formatCount(rows.total)} in the dataset)
      </>
    );
  } else {
    scope = <> (all rows of the dataset are in scope)</>;
  }
  return (
    <Group gap="xs" wrap="wrap" data-testid={testId}>
      <Text size="sm">
        <b>
          {formatCount(rows.n)} of {formatCount(rows.inScope)} rows
        </b>{' '}
        used
        {scope}
        {left > 0 ? ` · ${formatCount(left)} left out: no target value or no score` : ''}
      </Text>
    </Group>
  );
}
