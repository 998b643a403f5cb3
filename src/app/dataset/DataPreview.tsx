import { Alert, Button, Group, Paper, Skeleton, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconArrowsSort, IconDownload } from '@tabler/icons-react';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ColumnInfo, RowsPage, RowsRequest } from '../../workers/workbenchApi';
import { describeError } from '../api/errors';
import { filterArg } from '../api/queries';
import { queryKeys, type DatasetKey } from '../api/queryKeys';
import { workbench } from '../api/workbench';
import { formatCell, formatCount } from '../format/format';
import { useDataset } from '../session/SessionProvider';
import { EXPORT_ROW_CAP, exportRowsAsCsv } from '../wrangling/exportRows';

const PAGE_SIZE = 200;
const ROW_HEIGHT = 32;
const VIEW_HEIGHT = 520;

export interface SortState {
  column: string;
  descending: boolean;
}

function columnWidth(c: ColumnInfo): number {
  return c.type === 'numeric' || c.type === 'boolean' ? 130 : c.type === 'datetime' ? 190 : 170;
}

function nextSort(cur: SortState | null, column: string): SortState | null {
  if (!cur || cur.column !== column) return { column, descending: false };
  if (!cur.descending) return { column, descending: true };
  return null;
}

function pageRequest(page: number, sort: SortState | null, filter: string): RowsRequest {
  const r: RowsRequest = { offset: page * PAGE_SIZE, limit: PAGE_SIZE };
  if (sort) r.sort = sort;
  const f = filterArg(filter);
  if (f) r.filter = f;
  return r;
}

function rowsQuery(key: DatasetKey, req: RowsRequest) {
  return {
    queryKey: queryKeys.rows(key, req),
    queryFn: () => workbench().rows(req),
  };
}

/** A virtualised, sortable preview of the rows in scope (pages fetched from the worker on demand). */
export function DataPreview() {
  const { dataset, key, filter } = useDataset();
  const columns = dataset.summary.columns;
  const [sort, setSort] = useState<SortState | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [knownTotal, setKnownTotal] = useState<number | null>(null);
  const queryClient = useQueryClient();

  // Forget the sort when its column disappears (another dataset).
  const sortValid = sort && columns.some((c) => c.name === sort.column) ? sort : null;
  const scopeKey = `${key.id}|${key.version}|${filter}|${sortValid?.column ?? ''}|${sortValid?.descending ?? ''}`;
  const [lastScope, setLastScope] = useState(scopeKey);
  if (lastScope !== scopeKey) {
    setLastScope(scopeKey);
    setKnownTotal(null);
  }
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [scopeKey]);

  const total = knownTotal ?? (filter === '' ? dataset.summary.rows : 0);

  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; the virtualizer re-renders us itself
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();

  const pages = useMemo(() => {
    const set = new Set<number>([0]);
    for (const it of items) set.add(Math.floor(it.index / PAGE_SIZE));
    return [...set].sort((a, b) => a - b);
  }, [items]);

  const results = useQueries({
    queries: pages.map((p) => rowsQuery(key, pageRequest(p, sortValid, filter))),
  });
  const byPage = new Map<number, RowsPage>();
  let error: unknown = null;
  results.forEach((r, i) => {
    if (r.data) byPage.set(pages[i], r.data);
    if (r.error) error = r.error;
  });
  const firstTotal = byPage.get(0)?.total;
  useEffect(() => {
    if (firstTotal !== undefined && firstTotal !== knownTotal) setKnownTotal(firstTotal);
  }, [firstTotal, knownTotal]);

  const exportMutation = useMutation({
    mutationKey: ['workbench', key.id, key.version, 'exportCsv'],
    mutationFn: () =>
      exportRowsAsCsv({
        columns,
        total,
        datasetName: dataset.summary.name,
        fetchPage: (offset, limit) =>
          queryClient.fetchQuery(rowsQuery(key, { ...pageRequest(0, sortValid, filter), offset, limit })),
      }),
    onSuccess: (r) =>
      notifications.show({
        color: 'green',
        title: 'CSV exported',
        message: r.capped
          ? `Exported the first ${formatCount(r.rows)} of ${formatCount(r.total)} rows (the export is capped at ${formatCount(EXPORT_ROW_CAP)} rows).`
          : `Exported ${formatCount(r.rows)} rows to ${r.fileName}.`,
      }),
    onError: (e) => notifications.show({ color: 'red', title: 'Export failed', message: describeError(e).message }),
  });

  const widths = columns.map(columnWidth);
  const tableWidth = 80 + widths.reduce((a, b) => a + b, 0);
  const paddingTop = items.length ? items[0].start : 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;
  const loadingFirst = knownTotal === null && filter !== '' && !error;

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="gb-preview-title">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <div>
          <Title order={3} size="h5" id="gb-preview-title">
            Rows
          </Title>
          <Text size="sm" c="dimmed" data-testid="preview-status">
            {loadingFirst ? 'Counting rows…' : `${formatCount(total)} ${filter ? 'rows match the filter' : 'rows'}`}
            {sortValid ? ` · sorted by ${sortValid.column} (${sortValid.descending ? 'descending' : 'ascending'})` : ' · original order'}
            {' · click a column header to sort'}
          </Text>
        </div>
        <Tooltip
          label={`Exports the rows in scope (filter and sort applied), up to ${formatCount(EXPORT_ROW_CAP)} rows`}
          multiline
          w={260}
        >
          <Button
            variant="default"
            size="xs"
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={() => exportMutation.mutate()}
            loading={exportMutation.isPending}
            disabled={total === 0}
            data-testid="export-csv"
          >
            Export rows as CSV
          </Button>
        </Tooltip>
      </Group>
      {total > EXPORT_ROW_CAP && (
        <Text size="xs" c="dimmed" mb="xs">
          Export is capped at the first {formatCount(EXPORT_ROW_CAP)} of {formatCount(total)} rows.
        </Text>
      )}
      {error !== null && (
        <Alert color="red" role="alert" mb="sm" title="Could not read rows">
          {describeError(error).message}
        </Alert>
      )}
      <div
        ref={scrollRef}
        className="gb-preview-scroll"
        style={{ height: VIEW_HEIGHT }}
        tabIndex={0}
        role="region"
        aria-label="Data preview (scrollable; use the arrow keys)"
        data-testid="preview-scroll"
      >
        <table
          className="gb-preview-table"
          style={{ width: tableWidth }}
          aria-label="Data preview"
          aria-rowcount={total + 1}
          aria-colcount={columns.length + 1}
          data-testid="data-preview"
        >
          <colgroup>
            <col style={{ width: 80 }} />
            {widths.map((w, i) => (
              <col key={columns[i].name} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" className="gb-rowhead" title="Original row index (0-based)">
                row
              </th>
              {columns.map((c) => {
                const active = sortValid?.column === c.name;
                const ariaSort = active ? (sortValid.descending ? 'descending' : 'ascending') : 'none';
                const Icon = active ? (sortValid.descending ? IconArrowDown : IconArrowUp) : IconArrowsSort;
                return (
                  <th key={c.name} scope="col" aria-sort={ariaSort}>
                    <button
                      type="button"
                      className="gb-sort-button"
                      onClick={() => setSort(nextSort(sortValid, c.name))}
                      title={`${c.name} (${c.type}) · click to sort ${!active ? 'ascending' : !sortValid.descending ? 'descending' : 'in original order'}`}
                    >
                      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', flexGrow: 1, textAlign: c.type === 'numeric' ? 'right' : 'left' }}>
                        {c.name}
                      </span>
                      <Icon size={14} aria-hidden color={active ? 'var(--mantine-color-navy-7)' : 'var(--mantine-color-gray-5)'} />
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {paddingTop > 0 && (
              <tr aria-hidden style={{ height: paddingTop }}>
                <td colSpan={columns.length + 1} style={{ padding: 0, border: 0, height: paddingTop }} />
              </tr>
            )}
            {items.map((it) => {
              const page = byPage.get(Math.floor(it.index / PAGE_SIZE));
              const local = page ? it.index - page.offset : -1;
              const row = page && local >= 0 && local < page.rows.length ? page.rows[local] : null;
              return (
                <tr key={it.key} aria-rowindex={it.index + 2}>
                  <th scope="row" className="gb-rowhead" style={{ fontWeight: 400 }}>
                    {row && page ? page.index[local] : ''}
                  </th>
                  {columns.map((c, ci) => {
                    if (!row) {
                      return (
                        <td key={c.name}>
                          <Skeleton height={10} radius="xl" />
                        </td>
                      );
                    }
                    const v = row[ci];
                    const text = formatCell(v);
                    return (
                      <td
                        key={c.name}
                        className={v === null ? 'gb-missing' : typeof v === 'number' ? 'gb-num' : undefined}
                        title={v === null ? 'missing' : text}
                      >
                        {text}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden style={{ height: paddingBottom }}>
                <td colSpan={columns.length + 1} style={{ padding: 0, border: 0, height: paddingBottom }} />
              </tr>
            )}
          </tbody>
        </table>
        {!loadingFirst && total === 0 && error === null && (
          <Text c="dimmed" ta="center" p="xl">
            No rows match the filter.
          </Text>
        )}
      </div>
    </Paper>
  );
}
