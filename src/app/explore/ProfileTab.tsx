import { Anchor, Badge, Group, Progress, ScrollArea, Table, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { ColumnProfile } from '../../core/stats/results';
import { useProfile } from '../api/queries';
import { TYPE_COLORS } from '../dataset/columnTypes';
import { Num } from '../format/Num';
import { formatCount, formatPercent } from '../format/format';
import { useSession } from '../session/SessionProvider';
import { ColumnDetailPanel } from './ColumnDetailPanel';
import { LoadingBlock, QueryError } from './QueryState';

const STAT_COLUMNS = ['mean', 'std', 'min', 'q25', 'median', 'q75', 'max'] as const;
const STAT_HEADERS: Record<(typeof STAT_COLUMNS)[number], string> = {
  mean: 'Mean',
  std: 'Std',
  min: 'Min',
  q25: 'Q25',
  median: 'Median',
  q75: 'Q75',
  max: 'Max',
};

function topText(v: ColumnProfile['top'][number]): string {
  return `${String(v.value)} (${formatCount(v.count)})`;
}

function TopValues({ top }: { top: ColumnProfile['top'] }) {
  if (top.length === 0) return <Text c="dimmed">—</Text>;
  const shown = top.slice(0, 3);
  return (
    <Text size="sm" title={top.map(topText).join('\n')} truncate="end" maw={340}>
      {shown.map(topText).join(', ')}
      {top.length > shown.length && <Text span c="dimmed"> +{top.length - shown.length} more</Text>}
    </Text>
  );
}

/** Every column's `glassbox profile` statistics; a column's name opens its detail. */
export function ProfileTab() {
  const { view, setView } = useSession();
  const profile = useProfile();
  const detailRef = useRef<HTMLDivElement>(null);
  const selected = view.column;

  useEffect(() => {
    if (selected) detailRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [selected]);

  const progressBar = profile.progress && (
    <Progress
      value={(100 * profile.progress.done) / Math.max(1, profile.progress.total)}
      size="sm"
      mb="sm"
      aria-label={`Profiling: ${profile.progress.done} of ${profile.progress.total} columns`}
      data-testid="profile-progress"
    />
  );
  if (profile.error) return <QueryError error={profile.error} title="Could not profile the data" />;
  if (!profile.data) {
    return (
      <>
        {progressBar}
        <LoadingBlock lines={10} label="Computing the profile" />
      </>
    );
  }
  const p = profile.data;
  const selectedExists = selected !== null && p.columns.some((c) => c.name === selected);

  return (
    <div data-testid="profile-view" style={{ opacity: profile.isPlaceholderData ? 0.6 : 1 }}>
      {progressBar}
      {selectedExists && (
        <div ref={detailRef} style={{ marginBottom: 'var(--mantine-spacing-md)' }}>
          <ColumnDetailPanel name={selected} onClose={() => setView({ column: null })} />
        </div>
      )}
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed">
          {formatCount(p.rows)} rows in scope · {p.columns.length} columns · the statistics of <code>glassbox profile</code>.
          Click a column for its distribution and outliers.
        </Text>
      </Group>
      <ScrollArea type="auto" offsetScrollbars>
        <Table
          className="gb-profile-table"
          striped
          highlightOnHover
          withTableBorder
          verticalSpacing={6}
          fz="sm"
          aria-label="Column profile"
          data-testid="profile-table"
          style={{ minWidth: 'max-content' }}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Column</Table.Th>
              <Table.Th scope="col">Type</Table.Th>
              <Table.Th scope="col" className="gb-num">Count</Table.Th>
              <Table.Th scope="col" className="gb-num">Missing</Table.Th>
              <Table.Th scope="col" className="gb-num">Distinct</Table.Th>
              {STAT_COLUMNS.map((k) => (
                <Table.Th scope="col" key={k} className="gb-num">
                  {STAT_HEADERS[k]}
                </Table.Th>
              ))}
              <Table.Th scope="col">Top values</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.columns.map((c) => {
              const total = c.count + c.missing;
              return (
                <Table.Tr key={c.name} className={c.name === selected ? 'gb-selected-row' : undefined} data-testid={`profile-row-${c.name}`}>
                  <Table.Th scope="row" style={{ fontWeight: 500 }}>
                    <Anchor
                      component="button"
                      type="button"
                      onClick={() => setView({ column: c.name === selected ? null : c.name })}
                      aria-label={`Show details of ${c.name}`}
                      aria-pressed={c.name === selected}
                      fz="sm"
                      fw={500}
                    >
                      {c.name}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>
                    <Badge variant="light" color={TYPE_COLORS[c.type]} radius="sm" size="sm">
                      {c.type}
                    </Badge>
                  </Table.Td>
                  <Table.Td className="gb-num">
                    <Num value={c.count} />
                  </Table.Td>
                  <Table.Td className="gb-num" title={`${c.missing} of ${total} (${formatPercent(total ? c.missing / total : 0)})`}>
                    {formatCount(c.missing)}
                    {c.missing > 0 && (
                      <Text span c="dimmed" size="xs">
                        {' '}
                        {formatPercent(total ? c.missing / total : 0)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td className="gb-num">
                    <Num value={c.distinct} />
                  </Table.Td>
                  {STAT_COLUMNS.map((k) => (
                    <Table.Td key={k} className="gb-num">
                      <Num value={c[k]} />
                    </Table.Td>
                  ))}
                  <Table.Td>
                    <TopValues top={c.top} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </div>
  );
}
