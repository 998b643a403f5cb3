import { Alert, Badge, Button, Grid, Group, List, NumberInput, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconInfoCircle, IconTarget } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { decisionValue, valuePerRow, type OutcomeValues } from '../../core/fairness/outcomeValue';
import type { EvaluationRequest } from '../../workers/workbenchApi';
import { describeError } from '../api/errors';
import { useThresholdView } from '../api/fairnessQueries';
import { THRESHOLD_DATA } from '../charts/thresholdMarker';
import { valueCurveSpec } from '../charts/valueCurveSpec';
import { ChartCard } from '../evaluation/ChartCard';
import { LoadingBlock } from '../explore/QueryState';
import { formatCount, formatPercent, formatStat } from '../format/format';
import { useModel, type Scored } from '../model/ModelProvider';
import { baselineAt, summaryAt, thresholdIndex, viewAt } from './countsAtThreshold';
import { FourFifthsBadge } from './DisparityCards';
import type { FairnessChoices } from './fairnessChoices';
import { rowsText, thresholdRequest, thresholdText } from './fairnessRequests';
import { decisionRates } from '../../core/fairness/decisionCounts';
import { sweepAt } from '../../core/fairness/thresholdSweep';

/** The business view: outcome values, a threshold slider with value, selection rate and verdicts overall and per group, the best threshold and a rule-based baseline. */
export function BusinessValuePanel(p: { scored: Scored; request: EvaluationRequest; choices: FairnessChoices; values: OutcomeValues; onValues: (v: OutcomeValues) => void; onChoices: (patch: Partial<FairnessChoices>) => void }) {
  const { threshold, setThreshold } = useModel();
  const { choices, values } = p;
  const positive = p.request.positive!;
  const sweep = useThresholdView(p.scored.id, thresholdRequest(p.request, choices, values, threshold));
  const tv = sweep.data ?? null;
  const [attribute, setAttribute] = useState<string | null>(null);
  const [rule, setRule] = useState(choices.baseline?.rule ?? '');
  const [gives, setGives] = useState<'favorable' | 'unfavorable'>(choices.baseline?.gives ?? 'favorable');
  const unit = choices.unit.trim();
  const money = (x: number) => `${formatStat(x)}${unit ? ` ${unit}` : ''}`;
  const k = tv ? thresholdIndex(tv, threshold) : 0;
  const at = useMemo(() => (tv ? viewAt(tv, k) : null), [tv, k]);
  const baseline = useMemo(() => (tv ? baselineAt(tv) : null), [tv]);
  const rows = tv ? rowsText(tv.rows, tv.totalRows, p.request.split) : '';
  const spec = useMemo(() => {
    if (!tv) return null;
    const points = tv.thresholds.map((t, i) => ({ threshold: t, value: valuePerRow(sweepAt(tv.overall, i), values) }));
    return valueCurveSpec(points, { threshold: tv.best.threshold, value: valuePerRow(tv.best.counts, values) }, tv.baseline ? valuePerRow(tv.baseline, values) : null, unit, rows);
  }, [tv, values, unit, rows]);
  const marker = useMemo(() => ({ [THRESHOLD_DATA]: [{ threshold }] }), [threshold]);
  const names = tv ? tv.attributes.map((a) => a.name) : [];
  const shown = attribute && names.includes(attribute) ? attribute : (names[0] ?? null);
  const sweepError = sweep.error ? describeError(sweep.error) : null;
  const setValue = (key: keyof OutcomeValues) => (v: string | number) => {
    const n = typeof v === 'number' ? v : Number.parseFloat(v);
    if (Number.isFinite(n)) p.onValues({ ...values, [key]: n });
  };
  const negative = tv?.negative ?? '';
  const OUTCOMES: [keyof OutcomeValues, string, string][] = [
    ['tp', 'True positive', `Predicted ${positive}, and it is ${positive}`],
    ['fp', 'False positive', `Predicted ${positive}, but it is ${negative || 'not'}`],
    ['fn', 'False negative', `Predicted ${negative || 'not'}, but it is ${positive}`],
    ['tn', 'True negative', `Predicted ${negative || 'not'}, and it is ${negative || 'not'}`],
  ];

  if (choices.sensitive.length === 0) return <Text c="dimmed">Pick one or two sensitive attributes above; the value is shown overall and per group.</Text>;
  return (
    <Stack gap="md" data-testid="business-value">
      <Text size="sm" c="dimmed">
        Enter what each outcome of a decision is worth per row — in your currency or units, costs negative. The expected value of the model’s decisions
        at each threshold follows, overall and per group, beside the fairness verdicts and a simple rule you can compare it with.
      </Text>
      <Paper withBorder radius="sm" p="sm">
        <Grid gap="sm" align="flex-end">
          {OUTCOMES.map(([key, label, description]) => (
            <Grid.Col key={key} span={{ base: 6, md: 2 }}>
              <NumberInput label={label} description={description} value={values[key]} onChange={setValue(key)} decimalScale={4} thousandSeparator="," data-testid={`value-${key}`} />
            </Grid.Col>
          ))}
          <Grid.Col span={{ base: 6, md: 2 }}>
            <TextInput label="Unit" description="e.g. EUR, hours" value={choices.unit} onChange={(e) => p.onChoices({ unit: e.currentTarget.value })} maxLength={12} data-testid="value-unit" />
          </Grid.Col>
        </Grid>
        <Group align="flex-end" gap="sm" mt="sm">
          <TextInput
            label="Baseline rule (optional)"
            description="A condition on the columns, e.g. income > 40000"
            value={rule}
            onChange={(e) => setRule(e.currentTarget.value)}
            w={320}
            ff="monospace"
            data-testid="baseline-rule"
            onKeyDown={(e) => {
              if (e.key === 'Enter' && rule.trim()) p.onChoices({ baseline: { rule: rule.trim(), gives } });
            }}
          />
          <Select
            label="Rows it matches get"
            data={[
              { value: 'favorable', label: `the favourable outcome (${choices.favorable})` },
              { value: 'unfavorable', label: 'the other outcome' },
            ]}
            value={gives}
            onChange={(v) => v && setGives(v as 'favorable' | 'unfavorable')}
            allowDeselect={false}
            w={260}
          />
          <Button onClick={() => p.onChoices({ baseline: rule.trim() ? { rule: rule.trim(), gives } : null })} data-testid="baseline-apply">
            {rule.trim() ? 'Compare with the rule' : 'No baseline'}
          </Button>
        </Group>
      </Paper>
      {sweepError && (
        <Alert color="red" variant="light" title={choices.baseline ? 'Could not evaluate the baseline rule' : 'Could not compute the threshold view'} data-testid="value-error">
          {sweepError.message}
        </Alert>
      )}
      {!tv && sweep.isFetching && <LoadingBlock lines={4} chart label="Counting decisions at every threshold" />}
      {tv && at && (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
            <Stat label={`Value at threshold ${thresholdText(threshold)}`} testId="value-at-threshold" value={`${money(valuePerRow(at.overall.counts, values))} per row`} detail={`${money(decisionValue(at.overall.counts, values))} over ${formatCount(tv.rows)} rows`} />
            <Stat label="Selection rate" testId="selection-at-threshold" value={formatPercent(at.overall.selectionRate)} detail={`Given the favourable outcome (${tv.favorable})`} />
            <Stat
              label="Value-maximising threshold"
              testId="best-threshold"
              value={tv.best.threshold.toFixed(4)}
              detail={`${money(valuePerRow(tv.best.counts, values))} per row`}
              action={
                <Button size="compact-xs" variant="light" leftSection={<IconTarget size={14} aria-hidden />} onClick={() => setThreshold(tv.best.threshold)} data-testid="use-best-threshold">
                  Use this threshold
                </Button>
              }
            />
            {baseline && tv.baseline ? (
              <Stat
                label={`Baseline: ${choices.baseline?.rule}`}
                testId="baseline-value"
                value={`${money(valuePerRow(tv.baseline, values))} per row`}
                detail={`Selection rate ${formatPercent(baseline.overall.selectionRate)} · the model ${valuePerRow(at.overall.counts, values) >= valuePerRow(tv.baseline, values) ? 'adds' : 'loses'} ${money(Math.abs(valuePerRow(at.overall.counts, values) - valuePerRow(tv.baseline, values)))} per row`}
              />
            ) : (
              <Stat label="Baseline rule" testId="baseline-value" value="—" detail="Add a rule above to see what the model adds over it." />
            )}
          </SimpleGrid>
          <Paper withBorder radius="sm" p="sm" data-testid="value-verdicts">
            <Group gap="lg">
              {at.disparities.map((d) => (
                <Group key={d.attribute} gap={6}>
                  <Text size="sm" fw={600}>
                    {d.attribute}
                  </Text>
                  <FourFifthsBadge met={d.fourFifthsRule} />
                  <Text size="sm" c="dimmed">
                    ratio {formatStat(d.demographicParityRatio)}
                  </Text>
                </Group>
              ))}
            </Group>
          </Paper>
          <Alert variant="light" color="navy" icon={<IconInfoCircle size={18} aria-hidden />} title="In plain words" data-testid="value-summary">
            <List size="sm" spacing={4}>
              {summaryAt(tv, at).map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </Alert>
          {spec && <ChartCard spec={spec} data={marker} title="Expected value per row vs threshold" testId="value-chart" caption="The value of the model’s decisions at every threshold; the green dot is the best one, the dashed line the baseline rule, the orange line the current threshold. A threshold chosen on these rows flatters their figures: confirm it on fresh data." />}
          {names.length > 1 && <SegmentedControl value={shown ?? undefined} onChange={setAttribute} data={names} aria-label="Attribute shown" />}
          {shown && <GroupValueTable tv={tv} attribute={shown} k={k} values={values} money={money} hasBaseline={tv.baseline !== null} />}
        </>
      )}
    </Stack>
  );
}

function Stat(p: { label: string; value: string; detail: string; testId: string; action?: React.ReactNode }) {
  return (
    <Paper withBorder radius="sm" p="sm" data-testid={p.testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700} lineClamp={1}>
        {p.label}
      </Text>
      <Text size="xl" fw={700} ff="monospace" data-testid={`${p.testId}-value`}>
        {p.value}
      </Text>
      <Text size="xs" c="dimmed" data-testid={`${p.testId}-detail`}>
        {p.detail}
      </Text>
      {p.action && <div style={{ marginTop: 6 }}>{p.action}</div>}
    </Paper>
  );
}

function GroupValueTable({ tv, attribute, k, values, money, hasBaseline }: { tv: NonNullable<ReturnType<typeof useThresholdView>['data']>; attribute: string; k: number; values: OutcomeValues; money: (x: number) => string; hasBaseline: boolean }) {
  const a = tv.attributes.find((x) => x.name === attribute)!;
  const favorableIsPositive = tv.favorable === tv.positive;
  const rates = a.groups.map((g) => decisionRates(sweepAt(g.counts, k), favorableIsPositive).selectionRate);
  const top = Math.max(...rates.filter((r): r is number => r !== null));
  return (
    <Table fz="sm" striped withTableBorder data-testid="value-groups-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{attribute}</Table.Th>
          <Table.Th ta="right">Rows</Table.Th>
          <Table.Th ta="right">Selection rate</Table.Th>
          <Table.Th ta="right">Ratio to the most selected</Table.Th>
          <Table.Th ta="right">Value per row</Table.Th>
          {hasBaseline && <Table.Th ta="right">Baseline selection</Table.Th>}
          {hasBaseline && <Table.Th ta="right">Baseline value per row</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {a.groups.map((g, i) => {
          const counts = sweepAt(g.counts, k);
          const ratio = rates[i] !== null && top > 0 ? rates[i]! / top : null;
          return (
            <Table.Tr key={g.group}>
              <Table.Td>
                {g.group}{' '}
                {g.count < 30 && (
                  <Badge size="xs" color="orange" variant="light">
                    {g.count === 0 ? 'no rows' : 'small'}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatCount(g.count)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatPercent(rates[i])}
              </Table.Td>
              <Table.Td ta="right" ff="monospace" c={ratio !== null && ratio < 0.8 ? 'red' : undefined}>
                {ratio === null ? '—' : `${ratio.toFixed(2)}×`}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {g.count ? money(valuePerRow(counts, values)) : '—'}
              </Table.Td>
              {hasBaseline && (
                <Table.Td ta="right" ff="monospace">
                  {formatPercent(decisionRates(g.baseline!, favorableIsPositive).selectionRate)}
                </Table.Td>
              )}
              {hasBaseline && (
                <Table.Td ta="right" ff="monospace">
                  {g.count ? money(valuePerRow(g.baseline!, values)) : '—'}
                </Table.Td>
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
