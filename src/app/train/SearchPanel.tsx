import { Button, Checkbox, Group, List, NumberInput, Paper, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconSearch } from '@tabler/icons-react';
import type { Recipe } from '../../core/recipe/recipe';
import { gridParams } from '../../core/search/searchSpace';
import { useModel } from '../model/ModelProvider';
import { MODEL_NAMES } from './modelNames';
import { useTrain } from './TrainProvider';
import { modelKind, searchDimensions, searchProblems, searchSpec, type SearchDimensionSetting, type SearchSettings, type TrainTarget } from './trainSettings';

const PARAM_LABELS: Record<string, string> = {
  l2: 'L2 penalty',
  maxDepth: 'Max depth',
  minSamplesLeaf: 'Min rows per leaf',
  learningRate: 'Learning rate',
  subsample: 'Row subsample',
  colsampleByTree: 'Features (share)',
  nEstimators: 'Trees',
};

/**
 * Hyper-parameter search for the chosen model: strategy, budget and ranges; each trial is
 * cross-validated with the scheme of the setup and lands in the leaderboard, then the best one is
 * trained on all training rows.
 */
export function SearchPanel({ target, recipe, problems }: { target: TrainTarget; recipe: Recipe | null; problems: string[] }) {
  const { settings, setSettings, job, search } = useTrain();
  const { run: scoring, restoring: modelRestoring, importing } = useModel();
  const kind = modelKind(target, settings);
  const s = settings.search;
  const dims = searchDimensions(kind, s);
  const own = searchProblems(kind, s);
  const busy = job !== null || scoring !== null || modelRestoring || importing !== null;
  const ready = recipe !== null && problems.length === 0 && own.length === 0 && !busy;
  const set = (patch: Partial<SearchSettings>) => setSettings({ search: { ...s, ...patch } });
  const setDim = (i: number, patch: Partial<SearchDimensionSetting>) => set({ spaces: { ...s.spaces, [kind]: dims.map((d, k) => (k === i ? { ...d, ...patch } : d)) } });
  const combos = s.strategy === 'grid' && own.length === 0 ? gridParams(searchSpec(kind, s).space, s.gridPoints).length : null;
  const metric = target.kind === 'logistic' ? 'AUC' : 'R²';
  return (
    <Paper withBorder radius="sm" p="md" component="section" aria-labelledby="gb-search-heading" data-testid="search-panel">
      <Title order={3} size="h5" id="gb-search-heading">
        Hyper-parameter search · {MODEL_NAMES[kind]}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        Tries parameter sets, each cross-validated with the scheme above on the training rows (the same folds for every trial, so they differ only
        by their parameters). Every trial lands in the leaderboard with its mean {metric} ± standard deviation; then the best one is trained on
        all training rows and evaluated on the held-out rows. Parameters not searched keep the values set above.
      </Text>
      <Group align="flex-end" gap="md" wrap="wrap" mb="sm">
        <div>
          <Text size="sm" fw={500} mb={4} id="gb-search-strategy">
            Strategy
          </Text>
          <SegmentedControl
            aria-labelledby="gb-search-strategy"
            data={[
              { value: 'random', label: 'Random' },
              { value: 'grid', label: 'Grid' },
            ]}
            value={s.strategy}
            onChange={(v) => set({ strategy: v as SearchSettings['strategy'] })}
            disabled={busy}
            data-testid="search-strategy"
          />
        </div>
        <NumberInput
          label="Trials (budget)"
          placeholder="no limit"
          value={s.trials ?? ''}
          onChange={(v) => set({ trials: typeof v === 'number' ? v : null })}
          min={1}
          allowDecimal={false}
          disabled={busy}
          w={140}
          data-testid="search-trials"
        />
        <NumberInput
          label="Minutes (budget)"
          placeholder="no limit"
          value={s.minutes ?? ''}
          onChange={(v) => set({ minutes: typeof v === 'number' ? v : null })}
          min={0}
          decimalScale={2}
          disabled={busy}
          w={150}
          data-testid="search-minutes"
        />
        {s.strategy === 'grid' && (
          <NumberInput
            label="Values per parameter"
            value={s.gridPoints}
            onChange={(v) => set({ gridPoints: typeof v === 'number' ? v : Number.NaN })}
            min={2}
            max={10}
            allowDecimal={false}
            disabled={busy}
            w={170}
            data-testid="search-grid-points"
          />
        )}
      </Group>
      <Table fz="sm" verticalSpacing={4} withTableBorder aria-label="Search ranges" data-testid="search-ranges">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Search</Table.Th>
            <Table.Th scope="col">Parameter</Table.Th>
            <Table.Th scope="col">From</Table.Th>
            <Table.Th scope="col">To</Table.Th>
            <Table.Th scope="col">Log scale</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {dims.map((d, i) => {
            const label = PARAM_LABELS[d.name] ?? d.name;
            return (
              <Table.Tr key={d.name}>
                <Table.Td>
                  <Checkbox checked={d.enabled} onChange={(e) => setDim(i, { enabled: e.currentTarget.checked })} aria-label={`Search ${label}`} disabled={busy} />
                </Table.Td>
                <Table.Td>
                  {label}
                  {d.integer && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      (whole numbers)
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <NumberInput size="xs" value={d.low} onChange={(v) => setDim(i, { low: typeof v === 'number' ? v : Number.NaN })} aria-label={`${label} from`} decimalScale={6} disabled={busy || !d.enabled} w={110} />
                </Table.Td>
                <Table.Td>
                  <NumberInput size="xs" value={d.high} onChange={(v) => setDim(i, { high: typeof v === 'number' ? v : Number.NaN })} aria-label={`${label} to`} decimalScale={6} disabled={busy || !d.enabled} w={110} />
                </Table.Td>
                <Table.Td>
                  <Checkbox checked={d.log === true} onChange={(e) => setDim(i, { log: e.currentTarget.checked })} aria-label={`${label} on a log scale`} disabled={busy || !d.enabled} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group justify="space-between" mt="sm" wrap="wrap">
        <Group gap="sm">
          <Button leftSection={<IconSearch size={16} aria-hidden />} onClick={() => recipe && void search(target, recipe)} disabled={!ready} loading={job !== null} variant="light" data-testid="search-button">
            Search
          </Button>
          <Text size="sm" c="dimmed" data-testid="search-summary">
            {s.strategy === 'grid'
              ? `${combos ?? '?'} combinations${s.trials !== null && combos !== null && s.trials < combos ? `, the first ${s.trials}` : ''}`
              : `${s.trials !== null ? `${s.trials} random trials` : 'random trials'}`}
            {s.minutes !== null ? `, at most ${s.minutes} min` : ''} × {settings.cv.folds} folds, seed {settings.seed}
          </Text>
        </Group>
        <Button variant="subtle" size="xs" onClick={() => set({ spaces: { ...s.spaces, [kind]: undefined } })} disabled={busy || !s.spaces[kind]}>
          Default ranges
        </Button>
      </Group>
      {own.length > 0 && (
        <List size="sm" mt="sm" c="orange.8" icon={<IconAlertTriangle size={14} aria-hidden />} data-testid="search-problems">
          {own.map((p) => (
            <List.Item key={p}>{p}</List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}
