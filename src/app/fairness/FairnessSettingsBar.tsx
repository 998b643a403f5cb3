import { Grid, MultiSelect, NumberInput, Paper, Select, Text } from '@mantine/core';
import type { EvaluationRequest } from '../../workers/workbenchApi';
import { ThresholdControl } from '../evaluation/ThresholdControl';
import { useDataset } from '../session/SessionProvider';
import type { FairnessChoices } from './fairnessChoices';

/** Who is compared (one or two sensitive columns, numeric ones binned), which outcome benefits the person, and the decision threshold (shared with the evaluation). */
export function FairnessSettingsBar(p: { choices: FairnessChoices; onChange: (patch: Partial<FairnessChoices>) => void; request: EvaluationRequest; positive: string; negative: string }) {
  const { dataset } = useDataset();
  const columns = dataset.summary.columns.filter((c) => c.name !== p.request.target).map((c) => c.name);
  const { choices } = p;
  return (
    <Paper withBorder radius="sm" p="md" data-testid="fairness-settings">
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <MultiSelect
            label="Sensitive attributes"
            description="Any column, used by the model or not; two also give their intersection"
            data={columns}
            value={choices.sensitive}
            onChange={(v) => p.onChange({ sensitive: v })}
            maxValues={2}
            searchable
            clearable
            placeholder={choices.sensitive.length ? undefined : 'Pick one or two columns'}
            data-testid="fairness-sensitive"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <NumberInput
            label="Bins for numbers"
            description="Quantile bins (> 10 values)"
            value={choices.bins}
            onChange={(v) => typeof v === 'number' && Number.isInteger(v) && v >= 2 && v <= 20 && p.onChange({ bins: v })}
            min={2}
            max={20}
            allowDecimal={false}
            clampBehavior="strict"
            data-testid="fairness-bins"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 2 }}>
          <Select
            label="Favourable outcome"
            description="The one that benefits the person"
            data={[
              { value: p.positive, label: `${p.positive} (positive class)` },
              { value: p.negative, label: p.negative },
            ]}
            value={choices.favorable}
            onChange={(v) => v !== null && p.onChange({ favorable: v })}
            allowDeselect={false}
            data-testid="fairness-favorable"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <ThresholdControl positive={p.positive} />
        </Grid.Col>
      </Grid>
      {choices.sensitive.length === 0 && (
        <Text size="sm" c="dimmed" mt="xs">
          Pick the sensitive attributes to compare groups on (e.g. sex, race, age).
        </Text>
      )}
    </Paper>
  );
}
