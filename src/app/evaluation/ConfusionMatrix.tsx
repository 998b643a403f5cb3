import { Table, Text } from '@mantine/core';
import type { ThresholdMetrics } from '../../core/validation/modelEvaluation';
import { rowsLine } from '../charts/rowsLine';
import { formatCount, formatPercent } from '../format/format';

function Cell({ kind, label, count, n, good }: { kind: 'tp' | 'fp' | 'fn' | 'tn'; label: string; count: number; n: number; good: boolean }) {
  return (
    <Table.Td
      ta="center"
      bg={good ? 'green.0' : 'red.0'}
      data-testid={`confusion-${kind}`}
      data-count={count}
      style={{ verticalAlign: 'middle' }}
    >
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" className="gb-num" style={{ textAlign: 'center' }}>
        {formatCount(count)}
      </Text>
      <Text size="xs" c="dimmed">
        {formatPercent(n ? count / n : 0)} of rows
      </Text>
    </Table.Td>
  );
}

function Rate({ label, value, help }: { label: string; value: number | null; help: string }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        {label}
        <Text size="xs" c="dimmed" fw={400}>
          {help}
        </Text>
      </Table.Th>
      <Table.Td className="gb-num">{value === null ? '—' : formatPercent(value)}</Table.Td>
    </Table.Tr>
  );
}

/** Counts of right and wrong decisions at the threshold, and the rates people quote. */
export function ConfusionMatrix({ m, target, positive, negative }: { m: ThresholdMetrics; target: string; positive: string; negative: string }) {
  const n = m.rows.n;
  return (
    <div data-testid="confusion-matrix" data-threshold={m.threshold.toFixed(2)}>
      <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={6} aria-label={`Confusion matrix at threshold ${m.threshold.toFixed(2)}`} mb="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th scope="col" ta="center">
              Predicted {positive}
            </Table.Th>
            <Table.Th scope="col" ta="center">
              Predicted {negative}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row" style={{ whiteSpace: 'nowrap' }}>
              Actual {positive}
            </Table.Th>
            <Cell kind="tp" label="True positives" count={m.tp} n={n} good />
            <Cell kind="fn" label="False negatives (missed)" count={m.fn} n={n} good={false} />
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row" style={{ whiteSpace: 'nowrap' }}>
              Actual {negative}
            </Table.Th>
            <Cell kind="fp" label="False positives (false alarms)" count={m.fp} n={n} good={false} />
            <Cell kind="tn" label="True negatives" count={m.tn} n={n} good />
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mb="xs">
        A row is predicted {target} = {positive} when its score is at least {m.threshold.toFixed(2)}. Counts over {rowsLine(m.rows)}.
      </Text>
      <Table fz="sm" verticalSpacing={3} aria-label="Rates at the threshold" data-testid="confusion-rates">
        <Table.Tbody>
          <Rate label="Recall (true positive rate)" value={m.recall} help={`Share of actual ${target} = ${positive} that are caught`} />
          <Rate label="Precision" value={m.precision} help={`Share of predicted ${target} = ${positive} that are correct`} />
          <Rate label="False positive rate" value={m.falsePositiveRate} help={`Share of actual ${target} = ${negative} flagged anyway`} />
          <Rate label="Predicted positive rate" value={m.predictedPositiveRate} help={`Share of rows predicted ${target} = ${positive}`} />
          <Rate label="Accuracy" value={m.accuracy} help="Share of rows predicted right" />
        </Table.Tbody>
      </Table>
    </div>
  );
}
