import { Accordion, Alert, Badge, Grid, List, Paper, ScrollArea, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { ColumnDrift } from '../../core/drift/columnDrift';
import type { Severity } from '../../core/drift/driftThresholds';
import { aucSeverity } from '../../core/drift/driftThresholds';
import type { DriftView } from '../../workers/workbenchApi';
import { domainFeaturesSpec } from '../charts/domainFeaturesSpec';
import { driftOverlaySpec } from '../charts/driftOverlaySpec';
import { ChartCard } from '../evaluation/ChartCard';
import { formatCount, formatPValue, formatStat } from '../format/format';

const SEVERITY: Record<Severity, { color: string; label: string }> = {
  major: { color: 'red', label: 'Major shift' },
  moderate: { color: 'orange', label: 'Moderate shift' },
  none: { color: 'teal', label: 'Stable' },
  unknown: { color: 'gray', label: 'No data' },
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  const s = SEVERITY[severity];
  return (
    <Badge color={s.color} variant="light" size="sm">
      {s.label}
    </Badge>
  );
}

const P_VALUE_NOTE = 'p-values on large samples flag shifts too small to matter: read the effect size (KS D for numbers, Cramér’s V for categories) and the PSI first.';

/** The drift report: summary, the domain classifier, the columns ranked by PSI with a chosen column's distributions, the model's prediction and performance drift, the thresholds. */
export function DriftResults({ view }: { view: DriftView }) {
  const { report, labels } = view;
  const ranked = useMemo(() => [...report.columns].sort((a, b) => (b.psi ?? -1) - (a.psi ?? -1)), [report.columns]);
  const [chosen, setChosen] = useState<string | null>(null);
  const shown = chosen && report.columns.some((c) => c.name === chosen) ? chosen : (ranked[0]?.name ?? null);
  const rows = `reference ${formatCount(report.rows.reference)} rows (${labels.reference}) · current ${formatCount(report.rows.current)} rows (${labels.current})`;
  // chart subtitles do not wrap: one line per side
  const { reference: referenceRows, current: currentRows } = report.rows;
  const sideLines = useMemo(
    () => [`reference: ${formatCount(referenceRows)} rows (${labels.reference})`, `current: ${formatCount(currentRows)} rows (${labels.current})`],
    [referenceRows, currentRows, labels],
  );
  const overlaySpec = useMemo(() => {
    if (!shown) return null;
    const c = report.columns.find((x) => x.name === shown)!;
    return driftOverlaySpec(shown, view.overlays[shown], labels, [`${c.test === 'ks' ? 'KS D' : 'Cramér’s V'} ${formatStat(c.effectSize)} · PSI ${formatStat(c.psi)} · p = ${formatPValue(c.pValue)}`, ...sideLines]);
  }, [shown, report.columns, view.overlays, labels, sideLines]);
  const domain = report.domainClassifier;
  const featuresSpec = useMemo(() => (domain && domain.auc !== null ? domainFeaturesSpec(domain.topFeatures, domain.auc, `5-fold out-of-fold, seed ${view.seed} · ${rows}`) : null), [domain, view.seed, rows]);
  const prediction = view.predictionDrift;
  const predictionSpec = useMemo(
    () => (prediction ? driftOverlaySpec('Model score', prediction.overlay, labels, [`KS D ${formatStat(prediction.effectSize)} · PSI ${formatStat(prediction.psi)} · p = ${formatPValue(prediction.pValue)}`, ...sideLines]) : null),
    [prediction, labels, sideLines],
  );
  return (
    <Stack gap="md" data-testid="drift-results">
      <Alert variant="light" color="navy" icon={<IconInfoCircle size={18} aria-hidden />} title="In plain words" data-testid="drift-summary">
        <List size="sm" spacing={4}>
          {report.summary.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
        <Text size="xs" c="dimmed" mt="xs">
          {rows} · PSI over {view.bins} reference-quantile bins · seed {view.seed}
        </Text>
      </Alert>
      {domain && domain.auc !== null && (
        <Paper withBorder radius="sm" p="sm" data-testid="drift-domain">
          <Text fw={600} size="sm" mb={4}>
            Domain classifier: out-of-fold AUC {domain.auc.toFixed(3)} <SeverityBadge severity={aucSeverity(domain.auc)} />
          </Text>
          {featuresSpec && <ChartCard spec={featuresSpec} title="What tells current from reference rows" testId="drift-domain-chart" caption="A gradient-boosting model learns to tell the two sets of rows apart; 0.5 means it cannot. The bars show how much its out-of-fold AUC drops when a column is shuffled." />}
        </Paper>
      )}
      <Paper withBorder radius="sm" p="sm">
        <Text fw={600} size="sm">
          Columns, most drifted first
        </Text>
        <Text size="xs" c="dimmed" mb="xs">
          {P_VALUE_NOTE} Click a row to see its distributions.
        </Text>
        <DriftColumnsTable columns={ranked} shown={shown} onShow={setChosen} />
      </Paper>
      {overlaySpec && <ChartCard spec={overlaySpec} title={`${shown}: reference vs current`} testId="drift-overlay-chart" caption="Both distributions on the same axis, as shares of each side’s rows." />}
      <Paper withBorder radius="sm" p="sm" data-testid="drift-model">
        <Text fw={600} size="sm" mb={4}>
          The model on both sides
        </Text>
        {view.modelNote && (
          <Text size="sm" c="dimmed" mb="xs" data-testid="drift-model-note">
            {view.modelNote}
          </Text>
        )}
        <Grid gap="md">
          {predictionSpec && prediction && (
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <ChartCard spec={predictionSpec} title="Prediction drift" testId="drift-prediction-chart" caption={<>Prediction drift: the model’s scores compared like a column — <SeverityBadge severity={prediction.severity} /></>} />
            </Grid.Col>
          )}
          {view.performance && (
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <PerformanceTable performance={view.performance} />
            </Grid.Col>
          )}
        </Grid>
      </Paper>
      <Accordion variant="separated" radius="sm">
        <Accordion.Item value="thresholds">
          <Accordion.Control>Thresholds and definitions</Accordion.Control>
          <Accordion.Panel>
            <List size="sm" spacing={4} data-testid="drift-thresholds">
              <List.Item>PSI: {report.thresholds.psi.source}. Numbers: bins at the reference’s quantiles; categories: one bin each, missing values included; shares floored at 1e-4; PSI = Σ (current − reference) · ln(current / reference).</List.Item>
              <List.Item>Domain classifier: {report.thresholds.domainAuc.source}; moderate above {report.thresholds.domainAuc.moderate}, major above {report.thresholds.domainAuc.major}.</List.Item>
              <List.Item>Tests: two-sample Kolmogorov–Smirnov for numbers and dates (scipy.stats.ks_2samp, asymptotic p-value), chi-squared of categories × side for the rest (scipy.stats.chi2_contingency without correction). {report.thresholds.pValue.note}.</List.Item>
              <List.Item>Wasserstein distance: scipy.stats.wasserstein_distance, in the column’s units (numbers only).</List.Item>
            </List>
          </Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}

function DriftColumnsTable({ columns, shown, onShow }: { columns: ColumnDrift[]; shown: string | null; onShow: (name: string) => void }) {
  return (
    <ScrollArea type="auto">
      <Table fz="sm" highlightOnHover withTableBorder data-testid="drift-columns-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Column</Table.Th>
            <Table.Th>Severity</Table.Th>
            <Table.Th ta="right">PSI</Table.Th>
            <Table.Th ta="right">Effect size</Table.Th>
            <Table.Th>Test</Table.Th>
            <Table.Th ta="right">Statistic</Table.Th>
            <Table.Th ta="right">p-value</Table.Th>
            <Table.Th ta="right">Wasserstein</Table.Th>
            <Table.Th ta="right">Missing (ref / cur)</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {columns.map((c) => (
            <Table.Tr
              key={c.name}
              onClick={() => onShow(c.name)}
              onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onShow(c.name)}
              tabIndex={0}
              aria-selected={c.name === shown}
              bg={c.name === shown ? 'var(--mantine-color-navy-0)' : undefined}
              style={{ cursor: 'pointer' }}
              data-testid="drift-column-row"
            >
              <Table.Td fw={600}>{c.name}</Table.Td>
              <Table.Td>
                <SeverityBadge severity={c.severity} />
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatStat(c.psi)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatStat(c.effectSize)} <Text span size="xs" c="dimmed">{c.test === 'ks' ? 'D' : 'V'}</Text>
              </Table.Td>
              <Table.Td>{c.test === 'ks' ? 'KS' : 'χ²'}</Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatStat(c.statistic)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatPValue(c.pValue)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatStat(c.wasserstein)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatCount(c.missing.reference)} / {formatCount(c.missing.current)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

const METRICS: Record<string, string> = { auc: 'AUC', accuracy: 'Accuracy', precision: 'Precision', recall: 'Recall', f1: 'F1', logLoss: 'Log loss', brier: 'Brier score', rmse: 'RMSE', mae: 'MAE', r2: 'R²' };

function PerformanceTable({ performance }: { performance: NonNullable<DriftView['performance']> }) {
  const ref = performance.reference as unknown as Record<string, number | null>;
  const cur = performance.current as unknown as Record<string, number | null>;
  const names = Object.keys(METRICS).filter((k) => k in ref);
  return (
    <SimpleGrid cols={1}>
      <Text size="sm" fw={600}>
        Performance drift {performance.task === 'classification' ? `(decisions at threshold ${performance.threshold})` : ''}
      </Text>
      <Table fz="sm" withTableBorder data-testid="drift-performance">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Metric</Table.Th>
            <Table.Th ta="right">Reference</Table.Th>
            <Table.Th ta="right">Current</Table.Th>
            <Table.Th ta="right">Change</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {names.map((k) => (
            <Table.Tr key={k}>
              <Table.Td>{METRICS[k]}</Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatStat(ref[k])}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatStat(cur[k])}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {ref[k] !== null && cur[k] !== null ? formatStat(cur[k]! - ref[k]!) : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </SimpleGrid>
  );
}
