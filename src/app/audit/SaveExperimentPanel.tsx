import { Alert, Button, Checkbox, Grid, MultiSelect, Paper, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { recordedDrift, recordedExplanations, recordedPartialDependence } from './recordedResults';
import type { EvaluationRequest } from '../../workers/workbenchApi';
import { describeError } from '../api/errors';
import { useEvaluationTarget } from '../evaluation/useEvaluationTarget';
import { downloadSnapshot } from '../files/snapshotFile';
import { useModel, type ImportedModel } from '../model/ModelProvider';
import { useDataset, useSession } from '../session/SessionProvider';
import { overridesOf } from '../session/types';
import { useTrain } from '../train/TrainProvider';
import type { RunRecord } from '../train/runRecord';
import { useServer, type ServerState } from '../server/ServerProvider';
import { useSaveSnapshot, useSnapshotList, type SaveDestination, type SaveOutcome } from './auditQueries';

/** What a snapshot keeps of a training run: how it was trained and validated (not its model bytes, which the snapshot holds once). */
function trainingRecord(run: RunRecord): Record<string, unknown> {
  const { id, at, target, settings, recipe, recipeHash, model, params, features, trees, trainRows, testRows, cv, holdout, modelName } = run;
  return JSON.parse(JSON.stringify({ id, at, target, settings, recipe, recipeHash, model: model ?? null, params: params ?? {}, features, trees: trees ?? null, trainRows, testRows, cv, holdout, modelName })) as Record<string, unknown>;
}

/** Whether the team server can take the snapshot now, and if not why. */
function serverChoice(state: ServerState): { offered: boolean; enabled: boolean; why: string } {
  switch (state.kind) {
    case 'signed-in':
      return state.me.role === 'editor'
        ? { offered: true, enabled: true, why: `Saved on the team server as ${state.me.name} (and kept in this browser).` }
        : { offered: true, enabled: false, why: `${state.me.role === 'auditor' ? 'An' : 'A'} ${state.me.role} token cannot save experiments on the team server (an editor’s can).` };
    case 'unreachable':
      return { offered: true, enabled: true, why: 'The team server cannot be reached: the experiment is kept in this browser and uploaded when it is back.' };
    case 'signed-out':
    case 'refused':
      return { offered: true, enabled: false, why: 'Sign in to the team server (above) to save experiments there.' };
    default:
      return { offered: false, enabled: false, why: '' };
  }
}

/** Says where the experiment went, when it did not simply land everywhere it was meant to. */
function announce(outcome: SaveOutcome): void {
  const { server } = outcome;
  if (server.status === 'stored') notifications.show({ color: 'teal', title: 'Saved on the team server', message: `Experiment ${outcome.snapshot.id.slice(0, 12)} is stored on the server${outcome.stored ? ' and in this browser' : ''}.` });
  if (server.status === 'queued') notifications.show({ color: 'orange', title: 'Saved in this browser; waiting for the team server', message: `${server.message ?? ''} It will be uploaded as soon as the server answers again.`, autoClose: 10_000 });
  if (server.status === 'refused') notifications.show({ color: 'red', title: 'The team server did not take the experiment', message: `${server.message ?? ''}${outcome.stored ? ' It is saved in this browser.' : ''}`, autoClose: false });
}

const COMMIT = typeof __GLASSBOX_COMMIT__ === 'string' && __GLASSBOX_COMMIT__ ? __GLASSBOX_COMMIT__ : null;

/** Saves the current experiment (the scored model against the target) as a snapshot in this browser, or as a file. */
export function SaveExperimentPanel({ model }: { model: ImportedModel }) {
  const target = useEvaluationTarget(model);
  if (target.state !== 'ready') {
    return (
      <Text size="sm" c="dimmed" data-testid="save-needs-target">
        Choose the target column in the Model step’s evaluation first: a snapshot records the model’s metrics against it.
      </Text>
    );
  }
  return <SaveForm model={model} request={target.request} />;
}

function SaveForm({ model, request }: { model: ImportedModel; request: EvaluationRequest }) {
  const { dataset, key: dsKey } = useDataset();
  const queryClient = useQueryClient();
  const { fairness, setView } = useSession();
  const { threshold, scored } = useModel();
  const scoring = scored?.id ?? '';
  const { runs } = useTrain();
  const list = useSnapshotList();
  const save = useSaveSnapshot();
  const server = useServer();
  const choice = serverChoice(server.state);
  const signedInName = server.state.kind === 'signed-in' ? server.state.me.name : null;
  const [destinationPicked, setDestination] = useState<SaveDestination | null>(null);
  const destination: SaveDestination = choice.enabled ? (destinationPicked ?? 'server') : 'browser';
  const [note, setNote] = useState('');
  const [author, setAuthor] = useState('');
  const [assumptions, setAssumptions] = useState('');
  const [intendedUse, setIntendedUse] = useState('');
  const [limitations, setLimitations] = useState('');
  const [embed, setEmbed] = useState(true);
  const [exclude, setExclude] = useState<string[]>([]);
  const [parent, setParent] = useState<string | null>(null);
  const fairnessChoice = fairness && fairness.target === request.target && fairness.sensitive.length ? fairness : null;
  const run = model.runId ? runs.find((r) => r.id === model.runId) : undefined;
  const derivedNames = new Set(dataset.derived.map((d) => d.name));
  const result = save.data ?? null;
  const error = save.error ? describeError(save.error) : null;
  const text = (s: string) => (s.trim() === '' ? null : s.trim());
  return (
    <Paper withBorder radius="sm" p="md" data-testid="save-experiment">
      <Text fw={600} mb={4}>
        Save this experiment
      </Text>
      <Text size="sm" c="dimmed" mb="sm">
        {model.name} against {request.target}
        {request.positive ? ` (positive class ${request.positive})` : ''} at threshold {threshold} on {request.split === 'test' ? 'the held-out rows' : request.split === 'train' ? 'the training rows' : 'all rows'}
        {fairnessChoice ? `, with the fairness report by ${fairnessChoice.sensitive.join(' and ')}` : ''}
        {run ? `, trained in the Train step (${run.model ?? 'linear'} model, seed ${run.settings.seed})` : ''}. A snapshot cannot change: saving again makes a new one.
      </Text>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Textarea label="Note" placeholder="What this experiment is, what changed" value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} data-testid="save-note" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Textarea label="Assumptions" placeholder="e.g. applicants resemble the 2023–24 ones" value={assumptions} onChange={(e) => setAssumptions(e.currentTarget.value)} autosize minRows={2} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Textarea label="Intended use (model card)" value={intendedUse} onChange={(e) => setIntendedUse(e.currentTarget.value)} autosize minRows={1} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Textarea label="Limitations (model card)" value={limitations} onChange={(e) => setLimitations(e.currentTarget.value)} autosize minRows={1} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <TextInput label="Author" value={author} placeholder={signedInName ?? undefined} description={signedInName ? 'Empty: your team-server name' : undefined} onChange={(e) => setAuthor(e.currentTarget.value)} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Select
            label="Derived from (parent)"
            placeholder="None"
            data={(list.data ?? []).map((s) => ({ value: s.id, label: `${s.createdAt.slice(0, 16).replace('T', ' ')} · ${s.note ?? s.model} · ${s.id.slice(0, 8)}` }))}
            value={parent}
            onChange={setParent}
            clearable
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Checkbox mt={28} label="Embed the data (lets an auditor re-score it)" checked={embed} onChange={(e) => setEmbed(e.currentTarget.checked)} data-testid="save-embed" />
        </Grid.Col>
        {embed && (
          <Grid.Col span={12}>
            <MultiSelect
              label="Leave out of the embedded data"
              description="e.g. names or identifiers; a column the model reads cannot be re-scored without"
              data={dataset.summary.columns.map((c) => c.name).filter((n) => !derivedNames.has(n))}
              value={exclude}
              onChange={setExclude}
              searchable
              clearable
            />
          </Grid.Col>
        )}
      </Grid>
      {choice.offered && (
        <Stack gap={4} mt="sm">
          <SegmentedControl
            w={380}
            size="xs"
            value={destination}
            onChange={(v) => setDestination(v as SaveDestination)}
            aria-label="Where to save"
            data-testid="save-destination"
            data={[
              { value: 'server', label: 'Team server', disabled: !choice.enabled },
              { value: 'browser', label: 'This browser only' },
            ]}
          />
          <Text size="xs" c="dimmed" data-testid="save-destination-note">
            {destination === 'server' || !choice.enabled ? choice.why : 'Kept in this browser only; you can upload it to the team server later from its page.'}
          </Text>
        </Stack>
      )}
      <Button
        mt="sm"
        leftSection={<IconDeviceFloppy size={16} aria-hidden />}
        loading={save.isPending}
        data-testid="save-experiment-button"
        onClick={() =>
          save.mutate(
            {
              destination,
              request: {
                target: request.target,
                positive: request.positive,
                threshold,
                split: request.split ?? 'all',
                seed: 42,
                sensitive: fairnessChoice?.sensitive ?? [],
                favorable: fairnessChoice?.favorable,
                bins: fairnessChoice?.bins ?? 4,
                embed,
                exclude,
                notes: { author: text(author) ?? signedInName, note: text(note), assumptions: text(assumptions), intendedUse: text(intendedUse), limitations: text(limitations) },
                parent,
                overrides: overridesOf(dataset.summary),
                derived: dataset.derived,
                training: run ? trainingRecord(run) : null,
                explanations: [...recordedExplanations(queryClient, dsKey, scoring), ...recordedPartialDependence(queryClient, dsKey, scoring)],
                drift: recordedDrift(queryClient, dsKey),
                runtime: navigator.userAgent,
                commit: COMMIT,
              },
            },
            {
              onSuccess: (r) => {
                announce(r);
                if (r.stored || r.server.status === 'stored') setView({ step: 'audit', auditRef: r.snapshot.id });
              },
            },
          )
        }
      >
        Save experiment
      </Button>
      {error && (
        <Alert color="red" variant="light" mt="sm" title="Could not save the experiment">
          {error.message}
        </Alert>
      )}
      {result && !result.stored && result.server.status !== 'stored' && (
        <Alert color="orange" variant="light" mt="sm" title="Not saved in this browser" data-testid="save-storage-error">
          {result.error}{' '}
          <Button size="compact-sm" variant="light" leftSection={<IconDownload size={14} aria-hidden />} onClick={() => downloadSnapshot(result.snapshot)}>
            Download the snapshot
          </Button>
        </Alert>
      )}
    </Paper>
  );
}
