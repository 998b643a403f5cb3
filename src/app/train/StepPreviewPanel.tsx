import { Select, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { RecipeStep } from '../../core/recipe/recipe';
import { useTargetProfile } from '../api/modelQueries';
import { useDataset } from '../session/SessionProvider';
import { LoadingBlock, QueryError } from '../explore/QueryState';
import { formatCount, formatStat, fullNumber } from '../format/format';
import { stepColumns } from './recipeEdit';
import { previewStep, type ColumnSummary } from './stepPreview';

const ROWS: { key: keyof ColumnSummary; label: string; count?: boolean }[] = [
  { key: 'count', label: 'Values', count: true },
  { key: 'missing', label: 'Missing', count: true },
  { key: 'mean', label: 'Mean' },
  { key: 'min', label: 'Min' },
  { key: 'max', label: 'Max' },
];

function cell(v: number | null, count: boolean | undefined) {
  if (v === null) return '—';
  return count ? formatCount(v) : formatStat(v);
}

/** Before/after summary of one column through the selected step, from the column's profile. */
export function StepPreviewPanel({ step, index }: { step: RecipeStep | null; index: number }) {
  const { dataset } = useDataset();
  // Columns of the data only: those an earlier step creates have no profile to read.
  const columns = step ? stepColumns(step).filter((c) => dataset.summary.columns.some((d) => d.name === c)) : [];
  const [picked, setPicked] = useState<string | null>(null);
  const column = picked && columns.includes(picked) ? picked : (columns[0] ?? null);
  const q = useTargetProfile(column);
  return (
    <div data-testid="step-preview">
      <Title order={4} size="h6" mb={4}>
        Preview of step {step ? index + 1 : '—'}
      </Title>
      {!step || column === null ? (
        <Text size="sm" c="dimmed">
          Select a step with columns to see what it does to one of them.
        </Text>
      ) : (
        <>
          <Select aria-label="Preview column" size="xs" data={columns} value={column} onChange={(v) => v && setPicked(v)} allowDeselect={false} searchable mb="xs" w="100%" data-testid="step-preview-column" />
          {q.error ? (
            <QueryError error={q.error} title={`Could not profile ${column}`} />
          ) : !q.data ? (
            <LoadingBlock lines={5} label={`Profiling ${column}`} />
          ) : (
            <PreviewTable step={step} profile={q.data.profile} />
          )}
        </>
      )}
    </div>
  );
}

function PreviewTable({ step, profile }: { step: RecipeStep; profile: Parameters<typeof previewStep>[1] }) {
  const p = previewStep(step, profile);
  return (
    <>
      <Table fz="sm" verticalSpacing={3} withTableBorder aria-label={`${profile.name} before and after this step`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{profile.name}</Table.Th>
            <Table.Th scope="col" className="gb-num">
              Before
            </Table.Th>
            <Table.Th scope="col" className="gb-num">
              After
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ROWS.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row" fw={500}>
                {r.label}
              </Table.Th>
              <Table.Td className="gb-num" title={fullNumber(p.before[r.key])}>
                {cell(p.before[r.key], r.count)}
              </Table.Td>
              <Table.Td className="gb-num" title={p.after ? fullNumber(p.after[r.key]) : undefined} data-testid={`preview-after-${r.key}`}>
                {p.after ? cell(p.after[r.key], r.count) : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" mt={6}>
        {p.note}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        Before: the raw column on all rows. After: this step alone, worked out from that summary (— where the summary does not determine it). In
        training each step is fitted on the training rows, after the steps above it.
      </Text>
    </>
  );
}
