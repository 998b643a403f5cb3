import { Group, NumberInput, SegmentedControl, Select, Switch, Text } from '@mantine/core';
import { useDataset } from '../session/SessionProvider';
import { useTrain } from './TrainProvider';
import { timeColumnGroups, timeColumns, type HoldoutMode } from './trainSettings';

/** A held-out test set: on or off, its share, and random (stratified for classifiers) or the most recent rows. */
export function HoldoutSettings({ target, classifier }: { target: string | null; classifier: boolean }) {
  const { dataset } = useDataset();
  const { settings, setSettings, job } = useTrain();
  const h = settings.holdout;
  const busy = job !== null;
  const times = timeColumns(dataset.summary.columns, target);
  const set = (patch: Partial<typeof h>) => setSettings({ holdout: { ...h, ...patch } });
  return (
    <div>
      <Switch
        label="Hold out a test set"
        description="Set rows aside before anything is fitted; they are scored once, at the end."
        checked={h.enabled}
        onChange={(e) => set({ enabled: e.currentTarget.checked })}
        disabled={busy}
        data-testid="train-holdout"
      />
      {h.enabled && (
        <Group align="flex-end" gap="md" wrap="wrap" mt="sm" ml={{ base: 0, sm: 'xl' }}>
          <NumberInput
            label="Share held out"
            value={h.fraction}
            onChange={(v) => set({ fraction: typeof v === 'number' ? v : Number.NaN })}
            min={0.05}
            max={0.5}
            step={0.05}
            decimalScale={2}
            disabled={busy}
            w={130}
            data-testid="train-holdout-fraction"
          />
          <div>
            <Text size="sm" fw={500} mb={4} id="gb-holdout-mode-label">
              Which rows
            </Text>
            <SegmentedControl
              value={h.mode}
              onChange={(v) => set({ mode: v as HoldoutMode, column: v === 'recent' ? (h.column ?? times[0] ?? null) : h.column })}
              data={[
                { value: 'random', label: classifier ? 'Random (stratified)' : 'Random' },
                { value: 'recent', label: 'Most recent', disabled: times.length === 0 },
              ]}
              disabled={busy}
              aria-labelledby="gb-holdout-mode-label"
              data-testid="train-holdout-mode"
            />
          </div>
          {h.mode === 'recent' && (
            <Select
              label="by"
              aria-label="Date column of the holdout"
              data={timeColumnGroups(dataset.summary.columns, target)}
              value={h.column}
              onChange={(v) => set({ column: v })}
              allowDeselect={false}
              searchable
              disabled={busy}
              w={200}
              data-testid="train-holdout-column"
            />
          )}
        </Group>
      )}
    </div>
  );
}
