import { Badge, Group, Paper, SimpleGrid, Table, Text, Tooltip } from '@mantine/core';
import type { Disparities } from '../../core/fairness/groupMetrics';
import { formatPValue, formatStat } from '../format/format';

export const FOUR_FIFTHS_CAVEAT =
  'The four-fifths rule is a rule of thumb from US employment practice (EEOC Uniform Guidelines, 1978) for flagging adverse impact. It is a heuristic, not a statistical test and not a certificate of fairness: read it with the group sizes, the intervals and the error rates.';

/** The four-fifths verdict with its caveat beside it. */
export function FourFifthsBadge({ met }: { met: boolean | null }) {
  if (met === null) return <Badge color="gray" variant="light">Undefined</Badge>;
  return (
    <Tooltip label={FOUR_FIFTHS_CAVEAT} multiline w={320} withArrow>
      <Badge color={met ? 'teal' : 'red'} variant="light" data-testid="four-fifths-verdict">
        Four-fifths rule {met ? 'met' : 'not met'}
      </Badge>
    </Tooltip>
  );
}

/** Per attribute: the disparities, the four-fifths verdict (as a heuristic) and the chi-squared test. */
export function DisparityCards({ disparities }: { disparities: readonly (Disparities & { attribute: string })[] }) {
  return (
    <SimpleGrid cols={{ base: 1, md: Math.min(3, disparities.length) }} spacing="md" data-testid="fairness-disparities">
      {disparities.map((d) => (
        <Paper key={d.attribute} withBorder radius="sm" p="sm" data-testid={`disparity-${d.attribute}`}>
          <Group justify="space-between" mb={4} wrap="nowrap">
            <Text fw={600} size="sm">
              {d.attribute}
            </Text>
            <FourFifthsBadge met={d.fourFifthsRule} />
          </Group>
          <Table fz="sm" verticalSpacing={2} withRowBorders={false}>
            <Table.Tbody>
              <Row label="Demographic-parity ratio (disparate impact)" value={formatStat(d.demographicParityRatio)} />
              <Row label="Demographic-parity difference" value={formatStat(d.demographicParityDifference)} />
              <Row label="Equal-opportunity difference" value={formatStat(d.equalOpportunityDifference)} />
              <Row label="Equalized-odds difference" value={formatStat(d.equalizedOddsDifference)} />
              <Row label="χ² test of selection rates" value={`${formatStat(d.selectionRateTest.chi2)} (p = ${formatPValue(d.selectionRateTest.pValue)})`} />
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed" mt={6}>
            {FOUR_FIFTHS_CAVEAT}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Td c="dimmed">{label}</Table.Td>
      <Table.Td ta="right" ff="monospace">
        {value}
      </Table.Td>
    </Table.Tr>
  );
}
