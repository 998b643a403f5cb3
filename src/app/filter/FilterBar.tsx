import { Badge, Button, Group, Loader, Paper, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilter } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { FilterCheck } from '../../workers/workbenchApi';
import { describeError } from '../api/errors';
import { useCheckFilter } from '../api/queries';
import { queryKeys } from '../api/queryKeys';
import { workbench } from '../api/workbench';
import { formatCount, formatPercent } from '../format/format';
import { useDataset, useSession } from '../session/SessionProvider';

const HELP = 'e.g. sex = Female and age > 40 · = != < <= > >= · col in (a, b) · col is missing · and / or / not · `odd name`';

/** The subpopulation filter: validated as you type, applied to every view. */
export function FilterBar() {
  const { setFilter } = useSession();
  const { dataset, key, filter } = useDataset();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(filter);
  const [debounced] = useDebouncedValue(draft, 250);
  const [applyError, setApplyError] = useState<string | null>(null);
  const check = useCheckFilter(debounced);
  const total = dataset.summary.rows;

  const trimmed = draft.trim();
  const upToDate = debounced.trim() === trimmed;
  const result: FilterCheck | undefined = upToDate ? check.data : undefined;
  const checkError = upToDate && check.error ? describeError(check.error).message : null;
  const error = applyError ?? (result && !result.ok ? result.message : checkError);

  const apply = async (e?: FormEvent) => {
    e?.preventDefault();
    setApplyError(null);
    if (trimmed === '') {
      setFilter('');
      return;
    }
    try {
      const r = await queryClient.fetchQuery({
        queryKey: queryKeys.checkFilter(key, trimmed),
        queryFn: (): Promise<FilterCheck> => workbench().checkFilter(trimmed),
        staleTime: Infinity,
      });
      if (!r.ok) setApplyError(r.message);
      else if (r.rows === 0) setApplyError('No rows match this filter, so it was not applied (every view would be empty).');
      else setFilter(trimmed);
    } catch (err) {
      setApplyError(describeError(err).message);
    }
  };

  const clear = () => {
    setDraft('');
    setApplyError(null);
    setFilter('');
  };

  let status: React.ReactNode;
  if (trimmed === '') status = <>All {formatCount(total)} rows (no filter)</>;
  else if (!upToDate || check.isFetching) status = <Loader size={12} aria-label="Checking the filter" />;
  else if (result?.ok) status = <>{formatCount(result.rows)} of {formatCount(result.total)} rows match ({formatPercent(result.total ? result.rows / result.total : 0)})</>;
  else status = null;

  const dirty = trimmed !== filter;

  return (
    <Paper withBorder p="sm" radius="sm" component="section" aria-label="Filter rows">
      <form onSubmit={(e) => void apply(e)} noValidate>
        <Group align="flex-start" gap="sm" wrap="nowrap">
          <TextInput
            style={{ flexGrow: 1 }}
            leftSection={<IconFilter size={16} aria-hidden />}
            placeholder="Subpopulation filter, e.g. sex = Female and age > 40"
            aria-label="Subpopulation filter"
            data-testid="filter-input"
            value={draft}
            onChange={(e) => {
              setDraft(e.currentTarget.value);
              setApplyError(null);
            }}
            error={error ?? undefined}
            description={error ? undefined : HELP}
            classNames={{ input: 'gb-mono' }}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            spellCheck={false}
            autoComplete="off"
          />
          <Button type="submit" disabled={!dirty && !applyError} data-testid="filter-apply">
            Apply
          </Button>
          <Button variant="default" onClick={clear} disabled={draft === '' && filter === ''} data-testid="filter-clear">
            Clear
          </Button>
        </Group>
        <Group gap="xs" mt={6} mih={22}>
          <Text size="sm" c="dimmed" data-testid="filter-status" aria-live="polite">
            {status}
          </Text>
          {filter !== '' && (
            <Badge variant="light" color="orange" radius="sm" data-testid="filter-active" style={{ textTransform: 'none' }}>
              Active filter: {filter}
            </Badge>
          )}
          {dirty && filter !== '' && trimmed !== '' && (
            <Text size="xs" c="orange.8">
              Not applied yet: press Apply or Enter.
            </Text>
          )}
        </Group>
      </form>
    </Paper>
  );
}
