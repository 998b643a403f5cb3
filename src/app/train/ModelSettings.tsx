import { Group, MultiSelect, NumberInput, Select } from '@mantine/core';
import { useDataset } from '../session/SessionProvider';
import { columnOptionRenderer } from './columnOption';
import { useTrain } from './TrainProvider';
import type { Calibration, TrainKind } from './trainSettings';

/** The model's penalty and seed, and the columns left out. */
export function ModelSettings({ target, kind }: { target: string | null; kind: TrainKind }) {
  const { dataset } = useDataset();
  const { settings, setSettings, setExclude, job } = useTrain();
  const busy = job !== null;
  const usable = dataset.summary.columns.filter((c) => c.name !== target);
  const types = new Map(usable.map((c) => [c.name, c.type]));
  return (
    <>
      <Group align="flex-start" gap="md" wrap="wrap">
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
        {kind === 'logistic' && (
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
