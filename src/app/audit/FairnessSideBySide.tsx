import { Table, Text } from '@mantine/core';
import type { Snapshot } from '../../core/experiment/snapshotSchema';
import type { FairnessReport } from '../../core/fairness/fairnessReport';
import { formatPercent, formatStat } from '../format/format';
import { ExperimentColumnsHeader } from './ExperimentColumnsHeader';

/** The recorded fairness reports next to each other: per attribute, each experiment's demographic-parity ratio and four-fifths verdict, and each group's selection rate. */
export function FairnessSideBySide({ list }: { list: Snapshot[] }) {
  const reports = list.map((s) => s.fairness as unknown as FairnessReport | null);
  const rows = new Map<string, (string | null)[]>();
  reports.forEach((r, k) => {
    if (!r) return;
    for (const d of r.disparities) {
      const key = `${d.attribute} · parity ratio`;
      if (!rows.has(key)) rows.set(key, list.map(() => null));
      rows.get(key)![k] = `${formatStat(d.demographicParityRatio)} ${d.fourFifthsRule === null ? '' : d.fourFifthsRule ? '(four-fifths met)' : '(four-fifths not met)'}`;
    }
    for (const g of r.groups) {
      const key = `${g.attribute} = ${g.group} · selection rate`;
      if (!rows.has(key)) rows.set(key, list.map(() => null));
      rows.get(key)![k] = formatPercent(g.selectionRate);
    }
  });
  return (
    <>
      <Text fw={600} size="sm" mt="md" mb={4}>
        Fairness as recorded
      </Text>
      <Table fz="sm" withTableBorder withColumnBorders data-testid="compare-fairness">
        <ExperimentColumnsHeader list={list} />
        <Table.Tbody>
          {[...rows.entries()].map(([key, values]) => (
            <Table.Tr key={key}>
              <Table.Td fw={600}>{key}</Table.Td>
              {values.map((v, i) => (
                <Table.Td key={i} ff="monospace">
                  {v ?? '—'}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
