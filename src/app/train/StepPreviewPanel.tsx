import { Alert, Group, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { RecipeStep } from '../../core/recipe/recipe';
import type { ColumnStateSummary } from '../../core/recipe/stepPreview';
import type { TrainingRequest } from '../../workers/workbenchApi';
import { describeError } from '../api/errors';
import { useRecipeStepPreview } from '../api/trainQueries';
import { categoriesSpec } from '../charts/categoriesSpec';
import { histogramSpec } from '../charts/histogramSpec';
import { VegaChart } from '../charts/VegaChart';
import { LoadingBlock } from '../explore/QueryState';
import { formatCount, formatDatetime, formatStat, fullNumber } from '../format/format';
import { stepColumns } from './recipeEdit';
import { fittedWords } from './stepPreview';

type Row = { label: string; key: string; value: (s: ColumnStateSummary) => number | null; count?: boolean };

const ROWS: Row[] = [
  { label: 'Values', key: 'values', value: (s) => s.rows - s.missing, count: true },
  { label: 'Missing', key: 'missing', value: (s) => s.missing, count: true },
  { label: 'Distinct', key: 'distinct', value: (s) => s.numeric?.distinct ?? s.distinct ?? (s.categories ? s.categories.length : null), count: true },
  { label: 'Mean', key: 'mean', value: (s) => s.numeric?.mean ?? null },
  { label: 'Std (ddof 1)', key: 'std', value: (s) => (s.dates ? null : (s.numeric?.std ?? null)) },
  { label: 'Min', key: 'min', value: (s) => s.numeric?.min ?? null },
  { label: 'Max', key: 'max', value: (s) => s.numeric?.max ?? null },
];

function cell(s: ColumnStateSummary | null, row: Row): { text: string; title?: string } {
  if (!s || (s.kind === 'oneHot' && row.key !== 'values' && row.key !== 'missing' && row.key !== 'distinct')) return { text: '—' };
  const v = row.value(s);
  if (v === null) return { text: '—' };
  if (s.dates && (row.key === 'mean' || row.key === 'min' || row.key === 'max')) return { text: formatDatetime(v).slice(0, 10), title: formatDatetime(v) };
  return { text: row.count ? formatCount(v) : formatStat(v), title: fullNumber(v) };
}

/** The columns a step can be previewed on: its columns, and the column a combine step makes. */
function previewColumns(step: RecipeStep): string[] {
  const columns = [...stepColumns(step)];
  if (step.step === 'combine' && typeof step.name === 'string' && step.name.trim() !== '') columns.push(step.name);
  return [...new Set(columns)];
}

/**
 * What the selected step does to one of its columns, computed by the worker on the training rows
 * exactly as training fits the recipe: the fitted parameters in words, the column's summary
 * before and after, and both distributions.
 */
export function StepPreviewPanel({ step, index, request }: { step: RecipeStep | null; index: number; request: TrainingRequest | null }) {
  const columns = step ? previewColumns(step) : [];
  const [picked, setPicked] = useState<string | null>(null);
  const [output, setOutput] = useState(0);
  const column = picked && columns.includes(picked) ? picked : (columns[0] ?? null);
  const q = useRecipeStepPreview(step ? request : null, index, column);
  const p = q.data && q.data.step === index && q.data.column === column ? q.data : null;
  const stale = q.isPlaceholderData || (q.data !== undefined && p === null);
  const after = p?.after[Math.min(output, Math.max(0, (p?.after.length ?? 1) - 1))] ?? null;
  return (
    <div data-testid="step-preview" aria-busy={q.isFetching}>
      <Title order={4} size="h6" mb={4}>
        Preview of step {step ? index + 1 : '—'}
      </Title>
      {!step || column === null ? (
        <Text size="sm" c="dimmed">
          Select a step with columns to see what it does to one of them.
        </Text>
      ) : (
        <Stack gap="xs">
          <Select
            aria-label="Preview column"
            size="xs"
            data={columns}
            value={column}
            onChange={(v) => {
              if (!v) return;
              setPicked(v);
              setOutput(0);
            }}
            allowDeselect={false}
            searchable
            w="100%"
            data-testid="step-preview-column"
          />
          {q.error && !q.isFetching ? (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={16} aria-hidden />} title="This step cannot be fitted yet" data-testid="step-preview-error">
              {describeError(q.error).message}
            </Alert>
          ) : !p && !stale ? (
            <LoadingBlock lines={5} label={`Fitting the recipe up to step ${index + 1}`} />
          ) : (
            <PreviewBody preview={p ?? q.data!} step={step} stale={stale} output={output} setOutput={setOutput} after={after ?? (q.data!.after[0] ?? null)} />
          )}
        </Stack>
      )}
    </div>
  );
}

function PreviewBody({
  preview,
  step,
  stale,
  output,
  setOutput,
  after,
}: {
  preview: NonNullable<ReturnType<typeof useRecipeStepPreview>['data']>;
  step: RecipeStep;
  stale: boolean;
  output: number;
  setOutput: (k: number) => void;
  after: (typeof preview.after)[number] | null;
}) {
  const before = preview.before;
  const name = after?.summary.name ?? preview.column;
  return (
    <Stack gap="xs" style={{ opacity: stale ? 0.55 : 1, transition: 'opacity 120ms' }} data-testid="step-preview-body" data-stale={stale}>
      <Text size="xs" c="dimmed" data-testid="step-preview-rows">
        Fitted on {formatCount(preview.rows)} of {formatCount(preview.totalRows)} rows (the training rows{preview.rows < preview.totalRows ? ': held-out rows and rows without a target are left out' : ''}), seed {preview.seed}.
      </Text>
      {preview.after.length > 1 && (
        <SegmentedControl
          size="xs"
          fullWidth
          data={preview.after.map((a, k) => ({ value: String(k), label: a.summary.name.replace(`${preview.column}__`, '') }))}
          value={String(Math.min(output, preview.after.length - 1))}
          onChange={(v) => setOutput(Number(v))}
          aria-label="Column made by this step"
        />
      )}
      {after ? (
        <Text size="sm" data-testid="step-preview-fitted">
          {fittedWords(after.fitted, step, name)}
          {after.indicatorAdded && after.summary.indicator
            ? ` A 0/1 feature ${after.summary.indicator.name} marks the ${formatCount(after.summary.indicator.ones)} training rows that were missing.`
            : ''}
        </Text>
      ) : (
        <Text size="sm" data-testid="step-preview-fitted">
          {preview.column} is left out of the model from this step on.
        </Text>
      )}
      <Table fz="sm" verticalSpacing={3} withTableBorder aria-label={`${preview.column} before and after step ${preview.step + 1}`} data-testid="step-preview-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Training rows</Table.Th>
            <Table.Th scope="col" className="gb-num">
              Before
            </Table.Th>
            <Table.Th scope="col" className="gb-num">
              After{after && after.summary.name !== preview.column ? ` (${after.summary.name})` : ''}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ROWS.map((r) => {
            const b = cell(before, r);
            const a = cell(after?.summary ?? null, r);
            return (
              <Table.Tr key={r.key}>
                <Table.Th scope="row" fw={500}>
                  {r.label}
                </Table.Th>
                <Table.Td className="gb-num" title={b.title} data-testid={`preview-before-${r.key}`}>
                  {b.text}
                </Table.Td>
                <Table.Td className="gb-num" title={a.title} data-testid={`preview-after-${r.key}`}>
                  {a.text}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {before && <Distribution summary={before} label="Before" />}
      {after && <Distribution summary={after.summary} label="After" />}
    </Stack>
  );
}

function Distribution({ summary, label }: { summary: ColumnStateSummary; label: string }) {
  const title = `${label}: ${summary.name}`;
  if (summary.numeric) {
    const h = summary.numeric.histogram;
    const spec = histogramSpec(summary.dates ? h : { ...h, type: 'numeric' }, { title, height: 110 });
    return <VegaChart spec={spec} title={title} minHeight={150} testId={`step-preview-${label.toLowerCase()}-chart`} />;
  }
  if (summary.categories) {
    const shown = summary.categories.reduce((a, c) => a + c.count, 0);
    const oneHot = summary.kind === 'oneHot';
    const spec = categoriesSpec(
      { kind: 'categories', column: summary.name, type: 'categorical', categories: oneHot ? summary.categories.map((c) => ({ value: `=${c.value}`, count: c.count })) : summary.categories, otherCount: oneHot ? 0 : summary.rows - summary.missing - shown, missing: summary.missing },
      oneHot ? `${title} (rows with 1 per feature)` : title,
    );
    return <VegaChart spec={spec} title={title} minHeight={80} testId={`step-preview-${label.toLowerCase()}-chart`} />;
  }
  return (
    <Group>
      <Text size="xs" c="dimmed">
        No distribution for {summary.name}.
      </Text>
    </Group>
  );
}

