import { Table } from '@mantine/core';
import type { LiftRow } from '../../core/validation/modelEvaluation';
import { formatPercent } from '../format/format';

/** Gain and lift of the top 10 %, 20 %, … of rows by score. */
export function LiftTable({ lift, positive }: { lift: LiftRow[]; positive: string }) {
  return (
    <Table fz="xs" verticalSpacing={2} withTableBorder striped aria-label="Lift by decile" data-testid="lift-table" mt="sm">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Top rows by score</Table.Th>
          <Table.Th scope="col" className="gb-num">
            Share of {positive} found
          </Table.Th>
          <Table.Th scope="col" className="gb-num">
            Lift
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lift.map((r) => (
          <Table.Tr key={r.fraction}>
            <Table.Td>{Math.round(r.fraction * 100)}%</Table.Td>
            <Table.Td className="gb-num">{formatPercent(r.gain)}</Table.Td>
            <Table.Td className="gb-num">{r.lift.toFixed(2)}×</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
