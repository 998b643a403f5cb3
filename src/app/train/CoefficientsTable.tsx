import { ScrollArea, Table, Text, VisuallyHidden } from '@mantine/core';
import { fullNumber } from '../format/format';
import { sortedCoefficients } from './featureRanking';
import type { RunRecord } from './runRecord';

/** The model's coefficients by size (sign kept), then the intercept. */
export function CoefficientsTable({ record }: { record: RunRecord }) {
  const rows = sortedCoefficients(record.features, record.coefficients ?? []);
  const max = Math.max(...rows.map((r) => Math.abs(r.coefficient)), 1e-12);
  const unit = record.target.kind === 'logistic' ? 'log-odds' : record.target.column;
  return (
    <>
      <ScrollArea.Autosize mah={360} type="auto" offsetScrollbars>
        <Table fz="sm" verticalSpacing={3} withTableBorder stickyHeader aria-label="Coefficients sorted by size" data-testid="coefficients-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Feature</Table.Th>
              <Table.Th scope="col" className="gb-num">
                Coefficient
              </Table.Th>
              <Table.Th scope="col" w="35%">
                <VisuallyHidden>Size and sign</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.feature}>
                <Table.Td className="gb-mono" style={{ wordBreak: 'break-all' }}>
                  {r.feature}
                </Table.Td>
                <Table.Td className="gb-num" title={fullNumber(r.coefficient)}>
                  {r.coefficient.toFixed(4)}
                </Table.Td>
                <Table.Td aria-hidden>
                  <div style={{ display: 'flex', height: 8 }}>
                    <div style={{ flex: 1, display: 'flex', justifyContent: 'flex-end' }}>
                      {r.coefficient < 0 && <div style={{ width: `${(Math.abs(r.coefficient) / max) * 100}%`, background: 'var(--mantine-color-orange-6)', borderRadius: 2, height: '100%' }} />}
                    </div>
                    <div style={{ width: 1, background: 'var(--mantine-color-gray-5)' }} />
                    <div style={{ flex: 1 }}>
                      {r.coefficient > 0 && <div style={{ width: `${(r.coefficient / max) * 100}%`, height: '100%', background: 'var(--mantine-color-navy-6)', borderRadius: 2 }} />}
                    </div>
                  </div>
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Td c="dimmed">(intercept)</Table.Td>
              <Table.Td className="gb-num" c="dimmed" title={fullNumber(record.intercept ?? Number.NaN)}>
                {record.intercept?.toFixed(4) ?? '—'}
              </Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      <Text size="xs" c="dimmed" mt={6}>
        The change in {unit} for one unit of each feature after the recipe (one standard deviation for standard-scaled columns; for a one-hot
        feature, that category against the rest). Navy raises the prediction, orange lowers it.
      </Text>
    </>
  );
}
