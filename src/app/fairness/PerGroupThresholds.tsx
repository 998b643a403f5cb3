import { Alert, Button, Group, Slider, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { decisionValue, type OutcomeValues } from '../../core/fairness/outcomeValue';
import type { ThresholdView } from '../../workers/workbenchApi';
import { formatCount, formatPercent, formatStat } from '../format/format';
import { perGroupDecisions, thresholdIndex, viewAt } from './countsAtThreshold';
import { FourFifthsBadge } from './DisparityCards';

const MAX_GROUPS = 12;

export const DISPARATE_TREATMENT_NOTE =
  'Different thresholds for different groups treat people differently because of a protected attribute — disparate treatment, which anti-discrimination law in many places forbids even when the aim is to equalise outcomes (see "Introducing MLOps", chapter 4, on responsible AI). This is exploration only: nothing here changes the model, its threshold or any saved result.';

/** What-if per-group thresholds: each group's slider, the resulting rates, verdict and value — never applied. */
export function PerGroupThresholds({ view, attribute, values, threshold }: { view: ThresholdView; attribute: string; values: OutcomeValues; threshold: number }) {
  const a = view.attributes.find((x) => x.name === attribute);
  const single = Math.round(threshold * 100) / 100;
  const [chosen, setChosen] = useState<Record<string, number>>({});
  if (!a) return null;
  const groups = a.groups.filter((g) => g.count > 0);
  if (groups.length > MAX_GROUPS) return <Text size="sm">{attribute} has {groups.length} groups; per-group thresholds are offered for up to {MAX_GROUPS}.</Text>;
  const thresholds = Object.fromEntries(a.groups.map((g) => [g.group, chosen[`${attribute}\u0000${g.group}`] ?? single]));
  const result = perGroupDecisions(view, attribute, thresholds, values)!;
  const base = viewAt(view, thresholdIndex(view, single));
  const baseValue = decisionValue(base.overall.counts, values);
  return (
    <Stack gap="sm" data-testid="per-group-thresholds">
      <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="Disparate treatment" data-testid="disparate-treatment-note">
        {DISPARATE_TREATMENT_NOTE}
      </Alert>
      <Table fz="sm" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{attribute}</Table.Th>
            <Table.Th w="40%">Threshold</Table.Th>
            <Table.Th ta="right">Rows</Table.Th>
            <Table.Th ta="right">Selection rate</Table.Th>
            <Table.Th ta="right">TPR</Table.Th>
            <Table.Th ta="right">FPR</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.groups
            .filter((g) => g.count > 0)
            .map((g) => (
              <Table.Tr key={g.group}>
                <Table.Td>{g.group}</Table.Td>
                <Table.Td>
                  <Slider
                    value={g.threshold}
                    onChange={(v) => setChosen((cur) => ({ ...cur, [`${attribute}\u0000${g.group}`]: v }))}
                    min={0}
                    max={1}
                    step={0.01}
                    label={(v) => v.toFixed(2)}
                    thumbLabel={`Threshold for ${g.group}`}
                    data-testid="per-group-slider"
                  />
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {formatCount(g.count)}
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {formatPercent(g.selectionRate)}
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {formatPercent(g.truePositiveRate)}
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {formatPercent(g.falsePositiveRate)}
                </Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
      <Group gap="lg">
        <FourFifthsBadge met={result.disparities.fourFifthsRule} />
        <Text size="sm">Demographic-parity ratio {formatStat(result.disparities.demographicParityRatio)}</Text>
        <Text size="sm" data-testid="per-group-value">
          Value {formatStat(result.value)} (single threshold {single.toFixed(2)}: {formatStat(baseValue)})
        </Text>
        <Button variant="default" size="xs" onClick={() => setChosen({})}>
          Back to the single threshold
        </Button>
      </Group>
    </Stack>
  );
}
