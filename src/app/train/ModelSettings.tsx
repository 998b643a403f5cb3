import { Group, MultiSelect, NumberInput, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import type { TrainParams } from '../../core/pipeline/trainParams';
import { useDataset } from '../session/SessionProvider';
import { columnOptionRenderer } from './columnOption';
import { FAMILY_LABELS, MODEL_NAMES } from './modelNames';
import { useTrain } from './TrainProvider';
import { MODEL_FAMILIES, TREE_PARAMS, type Calibration, type ModelFamily, type TrainKind, type TreeFamily } from './trainSettings';

/** The model family and its parameters, the seed, and the columns left out. */
export function ModelSettings({ target, kind }: { target: string | null; kind: TrainKind }) {
  const { dataset } = useDataset();
  const { settings, setSettings, setExclude, job } = useTrain();
  const busy = job !== null;
  const usable = dataset.summary.columns.filter((c) => c.name !== target);
  const types = new Map(usable.map((c) => [c.name, c.type]));
  const family = settings.model;
  return (
    <>
      <Stack gap={4}>
        <Text size="sm" fw={500} id="gb-model-family-label">
          Model
        </Text>
        <SegmentedControl
          aria-labelledby="gb-model-family-label"
          data={MODEL_FAMILIES.map((f) => ({ value: f, label: f === 'linear' ? MODEL_NAMES[kind] : FAMILY_LABELS[f] }))}
          value={family}
          onChange={(v) => setSettings({ model: v as ModelFamily })}
          disabled={busy}
          fullWidth
          data-testid="train-model"
        />
        <Text size="xs" c="dimmed">
          {family === 'linear'
            ? 'Interpretable coefficients; needs scaled features (the default recipe scales numbers).'
            : family === 'tree'
              ? 'One CART tree (Gini for classes, squared error for numbers), as scikit-learn grows it.'
              : family === 'forest'
                ? 'Many trees on bootstrap samples with √F features per split; their leaves are averaged.'
                : 'Histogram gradient boosting (XGBoost-style): trees added one by one on the loss’s gradients.'}{' '}
          Empty fields take the default shown.
        </Text>
      </Stack>
      {family !== 'linear' && <TreeParamInputs family={family} busy={busy} />}
      <Group align="flex-start" gap="md" wrap="wrap">
        {family === 'linear' && (
        <NumberInput
          label="L2 penalty"
          description="Larger = simpler model (smaller coefficients). Default 1."
          value={settings.l2}
          onChange={(v) => setSettings({ l2: typeof v === 'number' ? v : Number.NaN })}
          min={0}
          step={0.1}
          decimalScale={6}
          allowNegative={false}
          disabled={busy}
          w={220}
          data-testid="train-l2"
        />
        )}
        <NumberInput
          label="Seed"
          description="Same seed, same folds and holdout."
          value={settings.seed}
          onChange={(v) => setSettings({ seed: typeof v === 'number' ? v : Number.NaN })}
          allowDecimal={false}
          disabled={busy}
          w={180}
          data-testid="train-seed"
        />
        {kind === 'logistic' && family === 'linear' && (
          <Select
            label="Probability calibration"
            description="Refit the probabilities on out-of-fold scores."
            data={[
              { value: 'none', label: 'None (the model’s own)' },
              { value: 'platt', label: 'Platt (sigmoid)' },
              { value: 'isotonic', label: 'Isotonic' },
            ]}
            value={settings.calibration}
            onChange={(v) => v && setSettings({ calibration: v as Calibration })}
            allowDeselect={false}
            disabled={busy}
            w={230}
            data-testid="train-calibration"
          />
        )}
      </Group>
      <MultiSelect
        label="Columns to exclude"
        description="Left out of the model: identifiers, columns known only after the outcome, anything you must not use. Text columns are never features."
        placeholder={settings.exclude.length ? undefined : 'None: every column may be a feature'}
        data={usable.map((c) => c.name)}
        renderOption={columnOptionRenderer(types)}
        value={settings.exclude}
        onChange={setExclude}
        searchable
        clearable
        disabled={busy}
        nothingFoundMessage="No such column"
        maxDropdownHeight={260}
        data-testid="train-exclude"
      />
    </>
  );
}

/** One input per parameter of the tree family; empty = the contract's default (shown as the placeholder). */
function TreeParamInputs({ family, busy }: { family: TreeFamily; busy: boolean }) {
  const { settings, setSettings } = useTrain();
  const params = settings.treeParams[family];
  const set = (name: keyof TrainParams, value: number | string) => {
    const next: TrainParams = { ...params };
    if (typeof value === 'number' && Number.isFinite(value)) next[name] = value;
    else delete next[name];
    setSettings({ treeParams: { ...settings.treeParams, [family]: next } });
  };
  return (
    <Group align="flex-start" gap="md" wrap="wrap" data-testid="tree-params">
      {TREE_PARAMS[family].map((p) => (
        <NumberInput
          key={p.name}
          label={p.label}
          description={p.hint}
          placeholder={p.fallback === null ? (p.name === 'maxDepth' ? 'unlimited' : p.name === 'colsampleByTree' ? '√F' : 'off') : String(p.fallback)}
          value={params[p.name] ?? ''}
          onChange={(v) => set(p.name, v)}
          min={0}
          step={p.name === 'learningRate' ? 0.01 : p.name === 'subsample' || p.name === 'colsampleByTree' ? 0.05 : 1}
          decimalScale={6}
          allowNegative={false}
          disabled={busy}
          w={190}
          data-testid={`tree-param-${p.name}`}
        />
      ))}
    </Group>
  );
}
