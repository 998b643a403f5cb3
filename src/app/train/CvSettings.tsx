import { Group, NumberInput, Select } from '@mantine/core';
import { useDataset } from '../session/SessionProvider';
import { useTrain } from './TrainProvider';
import { cvSchemeFor, timeColumnGroups, timeColumns, type CvScheme, type TrainKind } from './trainSettings';

/** How the training rows are cut into cross-validation folds, and how many. */
export function CvSettings({ target, kind }: { target: string | null; kind: TrainKind }) {
  const { dataset } = useDataset();
  const { settings, setSettings, job } = useTrain();
  const cv = settings.cv;
  const busy = job !== null;
  const scheme = cvSchemeFor(kind, cv.scheme);
  const times = timeColumns(dataset.summary.columns, target);
  const groups = dataset.summary.columns.filter((c) => c.name !== target).map((c) => c.name);
  const set = (patch: Partial<typeof cv>) => setSettings({ cv: { ...cv, ...patch } });
  const options = [
    { value: 'stratified', label: 'Stratified k-fold (keeps the class ratio)', disabled: kind !== 'logistic' },
    { value: 'kfold', label: 'k-fold (random)' },
    { value: 'group', label: 'Group k-fold (a group stays in one fold)' },
    { value: 'time', label: 'Forward-chaining in time', disabled: times.length === 0 },
  ];
  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <Select
        label="Cross-validation"
        data={options}
        value={scheme}
        onChange={(v) => {
          if (!v) return;
          const next = v as CvScheme;
          const column = next === 'time' && !(cv.column && times.includes(cv.column)) ? (times[0] ?? null) : cv.column;
          set({ scheme: next, column });
        }}
        allowDeselect={false}
        disabled={busy}
        w={330}
        data-testid="train-cv-scheme"
      />
      {(scheme === 'group' || scheme === 'time') && (
        <Select
          label={scheme === 'group' ? 'Group by' : 'Ordered by'}
          aria-label={scheme === 'group' ? 'Group column' : 'Time column'}
          placeholder="Choose a column"
          data={scheme === 'group' ? groups : timeColumnGroups(dataset.summary.columns, target)}
          value={cv.column}
          onChange={(v) => set({ column: v })}
          searchable
          disabled={busy}
          w={200}
          data-testid="train-cv-column"
        />
      )}
      <NumberInput
        label="Folds"
        value={cv.folds}
        onChange={(v) => set({ folds: typeof v === 'number' ? v : Number.NaN })}
        min={2}
        max={20}
        allowDecimal={false}
        disabled={busy}
        w={90}
        data-testid="train-cv-folds"
      />
    </Group>
  );
}
