import { Accordion, Anchor, Button, Code, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconDownload, IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { FairnessReport } from '../../core/fairness/fairnessReport';
import type { Snapshot } from '../../core/experiment/snapshotSchema';
import { describeError } from '../api/errors';
import { LoadingBlock, QueryError } from '../explore/QueryState';
import { DisparityCards } from '../fairness/DisparityCards';
import { GroupMetricsTable } from '../fairness/GroupMetricsTable';
import { downloadSnapshot } from '../files/snapshotFile';
import { formatBytes, formatCount, formatStat } from '../format/format';
import { useSession } from '../session/SessionProvider';
import { ServerConnection } from '../server/ServerConnection';
import { useServer } from '../server/ServerProvider';
import { useAuditLogRecord, useSignoffs } from '../server/serverQueries';
import { SignoffsPanel } from '../server/SignoffsPanel';
import { SignInNeededError, useSnapshot, useVerification } from './auditQueries';
import { ReportButton } from './ReportButton';
import { VerificationBanner, type ServerWitness } from './VerificationBanner';

/** What the team server's audit log can say of this snapshot, for the verification banner. */
function useServerWitness(id: string | null): ServerWitness | null {
  const { state } = useServer();
  const signoffs = useSignoffs(id ?? '');
  const record = useAuditLogRecord(id ?? '');
  if (id === null || state.kind !== 'signed-in') return null;
  if (state.me.role === 'editor') return { record: null, note: 'The team server’s audit log is open to reviewers and auditors: sign in as one to see its record of this experiment.' };
  if (signoffs.data === null) return { record: null, note: 'This experiment is not on the team server, so its audit log has no record of it to check.' };
  if (record.error) return { record: null, note: `The team server’s audit log could not be read (${describeError(record.error).message}).` };
  if (!record.data || signoffs.isPending) return { record: null, note: 'Checking the team server’s audit log…' };
  return { record: record.data, note: null };
}

/** A snapshot opened read-only: verification first, then everything that produced it. */
export function AuditorView({ snapshotRef }: { snapshotRef: string }) {
  const { setView } = useSession();
  const snapshot = useSnapshot(snapshotRef);
  const verification = useVerification(snapshotRef, snapshot.data ?? null);
  const witness = useServerWitness(snapshot.data?.id ?? null);
  const back = (
    <Button variant="subtle" size="xs" leftSection={<IconArrowLeft size={14} aria-hidden />} onClick={() => setView({ step: 'audit', auditRef: null })}>
      All experiments
    </Button>
  );
  if (snapshot.isPending) return <LoadingBlock lines={6} label="Opening the snapshot" />;
  if (snapshot.error) {
    return (
      <Stack gap="sm">
        {back}
        {snapshot.error instanceof SignInNeededError ? (
          <>
            <Text size="sm" data-testid="audit-sign-in-needed">
              {snapshot.error.message}
            </Text>
            <ServerConnection />
          </>
        ) : (
          <QueryError error={snapshot.error} title="Could not open the snapshot" />
        )}
      </Stack>
    );
  }
  const s = snapshot.data;
  return (
    <Stack gap="md" data-testid="auditor-view">
      <Group justify="space-between">
        <Group gap="xs">
          {back}
          <IconLock size={16} aria-label="Read-only" />
          <Title order={2} size="h4">
            Experiment <Code>{s.id.slice(0, 12)}</Code>
          </Title>
        </Group>
        <Group gap="xs">
          <Button variant="default" size="xs" leftSection={<IconDownload size={14} aria-hidden />} onClick={() => downloadSnapshot(s)} data-testid="download-snapshot">
            Download snapshot
          </Button>
          <ReportButton snapshot={s} />
        </Group>
      </Group>
      <VerificationBanner result={verification.data} pending={verification.isPending} error={verification.error} embedded={s.data.embedded !== null} witness={witness} />
      <SignoffsPanel snapshot={s} />
      <SnapshotDetails snapshot={s} onOpen={(id) => setView({ step: 'audit', auditRef: id })} />
    </Stack>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Table fz="sm" verticalSpacing={4} withRowBorders={false}>
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Td c="dimmed" w={220} valign="top">
              {k}
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A titled panel of facts (the experiment, its evaluation, data and model), with anything else below them. */
function FactsPanel({ title, rows, children }: { title: string; rows: [string, ReactNode][]; children?: ReactNode }) {
  return (
    <Paper withBorder radius="sm" p="sm">
      <Text fw={600} size="sm" mb={4}>
        {title}
      </Text>
      <Facts rows={rows} />
      {children}
    </Paper>
  );
}

const METRIC_NAMES: Record<string, string> = { auc: 'AUC', logLoss: 'Log loss', accuracy: 'Accuracy', precision: 'Precision', recall: 'Recall', f1: 'F1', brier: 'Brier score', rmse: 'RMSE', mae: 'MAE', r2: 'R²' };

export function MetricsTable({ metrics }: { metrics: Snapshot['evaluation']['metrics'] }) {
  const ci = (metrics.ci ?? {}) as Record<string, [number, number] | null>;
  const names = Object.keys(METRIC_NAMES).filter((k) => k in metrics);
  return (
    <Table fz="sm" withTableBorder data-testid="audit-metrics">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Metric</Table.Th>
          <Table.Th ta="right">Value</Table.Th>
          <Table.Th ta="right">95% interval</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {names.map((k) => (
          <Table.Tr key={k}>
            <Table.Td>{METRIC_NAMES[k]}</Table.Td>
            <Table.Td ta="right" ff="monospace" data-testid={`audit-metric-${k}`}>
              {formatStat(metrics[k] as number | null)}
            </Table.Td>
            <Table.Td ta="right" ff="monospace">
              {ci[k] ? `${formatStat(ci[k]![0])} – ${formatStat(ci[k]![1])}` : '—'}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function SnapshotDetails({ snapshot: s, onOpen }: { snapshot: Snapshot; onOpen: (id: string) => void }) {
  const e = s.evaluation;
  const fairness = s.fairness as unknown as FairnessReport | null;
  const training = s.training as { model?: string; params?: Record<string, unknown>; settings?: { seed?: number }; recipe?: { steps?: unknown[] }; recipeHash?: string; cv?: { mean: Record<string, number | null>; std: Record<string, number | null> } | null } | null;
  const drift = s.drift as { summary?: string[] } | null;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <FactsPanel
          title="Experiment"
          rows={[
            ['Id (SHA-256 of its content)', <Code key="id" data-testid="audit-id">{s.id}</Code>],
            ['Saved', s.createdAt],
            ['Author', s.author ?? '—'],
            ['Note', <span key="n" data-testid="audit-note">{s.note ?? '—'}</span>],
            ['Assumptions', s.assumptions ?? '—'],
            ['Derived from', s.parent ? <Anchor key="p" onClick={() => onOpen(s.parent!)}>{s.parent.slice(0, 12)}</Anchor> : '— (no parent)'],
          ]}
        />
        <FactsPanel
          title="Evaluation"
          rows={[
            ['Target', `${e.target}${e.positive ? ` (positive class ${e.positive})` : ''}`],
            ['Decisions', e.task === 'classification' ? `score ≥ ${e.threshold}` : 'regression'],
            ['Rows', <span key="r" data-testid="audit-rows">{`${formatCount(e.n)} of ${formatCount(s.data.rows)} rows${e.rows === 'all' ? '' : ' (the recorded row numbers, e.g. the held-out rows)'}`}</span>],
            ['Bootstrap seed', String(e.seed)],
          ]}
        >
          <MetricsTable metrics={e.metrics} />
        </FactsPanel>
        <FactsPanel
          title="Data"
          rows={[
            ['File', `${s.data.name} (${s.data.format}, ${formatBytes(s.data.bytes)})`],
            ['SHA-256', <Code key="sha" data-testid="audit-data-sha">{s.data.sha256}</Code>],
            ['Rows × columns', `${formatCount(s.data.rows)} × ${s.data.columns.length}`],
            ['Columns', s.data.columns.map((c) => `${c.name} (${c.type})`).join(', ')],
            ['Embedded', s.data.embedded ? `yes${s.data.excluded.length ? `, without ${s.data.excluded.join(', ')}` : ''}` : 'no — referenced by its hash'],
            ['Type overrides', Object.keys(s.data.overrides).length ? Object.entries(s.data.overrides).map(([k, v]) => `${k} → ${v}`).join(', ') : '—'],
            ['Derived columns', s.data.derived.length ? s.data.derived.map((d) => `${d.name} = ${d.expression}`).join('; ') : '—'],
          ]}
        />
        <FactsPanel
          title="Model"
          rows={[
            ['File', s.model.name],
            ['SHA-256', <Code key="msha">{s.model.sha256}</Code>],
            ['Task', s.model.task],
            ['Inputs ← columns', s.model.mapping.join(', ')],
            ['Intended use', s.modelCard.intendedUse ?? '—'],
            ['Limitations', s.modelCard.limitations ?? '—'],
            ['Environment', `Glassbox ${s.environment.glassbox}${s.environment.commit ? ` (${s.environment.commit.slice(0, 10)})` : ''} · onnxruntime-web ${s.environment.onnxruntime} · ${s.environment.runtime}`],
          ]}
        />
      </SimpleGrid>
      <Accordion variant="separated" radius="sm" multiple defaultValue={['fairness']}>
        <Accordion.Item value="training">
          <Accordion.Control>Training {training ? '' : '(not recorded: an imported model)'}</Accordion.Control>
          <Accordion.Panel>
            {training ? (
              <Facts
                rows={[
                  ['Model', training.model ?? 'linear'],
                  ['Parameters', <Code key="pa">{JSON.stringify(training.params ?? {})}</Code>],
                  ['Seed', String(training.settings?.seed ?? '—')],
                  ['Recipe', <Code key="re" block>{JSON.stringify(training.recipe?.steps ?? [], null, 1)}</Code>],
                  ['Cross-validation (mean ± std)', training.cv ? Object.entries(training.cv.mean).filter(([, v]) => v !== null).map(([k, v]) => `${k} ${formatStat(v)} ± ${formatStat(training.cv!.std[k])}`).join(' · ') : '—'],
                ]}
              />
            ) : (
              <Text size="sm">The model was imported, not trained here: its training is not part of this record.</Text>
            )}
          </Accordion.Panel>
        </Accordion.Item>
        <Accordion.Item value="fairness">
          <Accordion.Control>Fairness {fairness ? '' : '(not recorded)'}</Accordion.Control>
          <Accordion.Panel>
            {fairness ? (
              <Stack gap="sm" data-testid="audit-fairness">
                <List size="sm">{fairness.summary.map((l) => <List.Item key={l}>{l}</List.Item>)}</List>
                <DisparityCards disparities={fairness.disparities} />
                {[...new Set(fairness.groups.map((g) => g.attribute))].map((a) => (
                  <div key={a}>
                    <Text size="sm" fw={600}>
                      {a}
                    </Text>
                    <GroupMetricsTable groups={fairness.groups.filter((g) => g.attribute === a)} />
                  </div>
                ))}
              </Stack>
            ) : (
              <Text size="sm">No fairness report was recorded with this experiment.</Text>
            )}
          </Accordion.Panel>
        </Accordion.Item>
        <Accordion.Item value="drift">
          <Accordion.Control>Drift {drift ? '' : '(not recorded)'}</Accordion.Control>
          <Accordion.Panel>{drift?.summary ? <List size="sm">{drift.summary.map((l) => <List.Item key={l}>{l}</List.Item>)}</List> : <Text size="sm">No drift report was recorded.</Text>}</Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </Stack>
  );
}
