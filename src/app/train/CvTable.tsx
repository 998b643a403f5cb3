import { Table, Text } from '@mantine/core';
import { formatCount, fullNumber } from '../format/format';
import { foldMetricNames, METRIC_LABELS, type RunRecord } from './runRecord';

const fmt = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(4));

/** Cross-validation: each fold's metrics (at threshold 0.5 for classifiers), then their mean ± standard deviation. */
export function CvTable({ record }: { record: RunRecord }) {
  const cv = record.cv;
  if (!cv) return <Text size="sm">No cross-validation in this run.</Text>;
  const names = foldMetricNames(record.target.kind);
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table fz="sm" verticalSpacing={4} withTableBorder striped aria-label="Cross-validation metrics per fold" data-testid="cv-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Fold</Table.Th>
            <Table.Th scope="col" className="gb-num">
              Fitted on
            </Table.Th>
            <Table.Th scope="col" className="gb-num">
              Scored
            </Table.Th>
            {names.map((n) => (
              <Table.Th key={n} scope="col" className="gb-num">
                {METRIC_LABELS[n] ?? n}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cv.folds.map((f) => (
            <Table.Tr key={f.fold} data-testid={`cv-fold-${f.fold}`}>
              <Table.Th scope="row" fw={500}>
                {f.fold + 1}
              </Table.Th>
              <Table.Td className="gb-num">{formatCount(f.trainRows)}</Table.Td>
              <Table.Td className="gb-num">{formatCount(f.testRows)}</Table.Td>
              {names.map((n) => (
                <Table.Td key={n} className="gb-num" title={fullNumber(f.metrics[n] ?? null)}>
                  {fmt(f.metrics[n])}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={3}>
              Mean
            </Table.Th>
            {names.map((n) => (
              <Table.Td key={n} className="gb-num" fw={700} data-testid={`cv-mean-${n}`} title={fullNumber(cv.mean[n] ?? null)}>
                {fmt(cv.mean[n])}
              </Table.Td>
            ))}
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row" colSpan={3} fw={500}>
              Standard deviation
            </Table.Th>
            {names.map((n) => (
              <Table.Td key={n} className="gb-num" c="dimmed" data-testid={`cv-std-${n}`} title={fullNumber(cv.std[n] ?? null)}>
                {cv.std[n] === null || cv.std[n] === undefined ? '—' : `± ${fmt(cv.std[n])}`}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tfoot>
        <Table.Caption style={{ captionSide: 'bottom', textAlign: 'left' }}>
          <Text size="xs" c="dimmed" component="span">
            Each fold is scored by a pipeline (recipe and model) fitted on the other folds’ rows only.
            {record.target.kind === 'logistic' ? ' Accuracy at threshold 0.5.' : ''} Standard deviation across folds with n − 1 (as glassbox cv).
          </Text>
        </Table.Caption>
      </Table>
    </Table.ScrollContainer>
  );
}
