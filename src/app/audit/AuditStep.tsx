import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useModel } from '../model/ModelProvider';
import { ServerConnection } from '../server/ServerConnection';
import { useSession } from '../session/SessionProvider';
import { AuditorView } from './AuditorView';
import { CompareExperiments } from './CompareExperiments';
import { ExperimentsList } from './ExperimentsList';
import { SaveExperimentPanel } from './SaveExperimentPanel';

/** The Audit step: save the current experiment, list and compare saved ones, or open one read-only (#/audit/<id>). */
export function AuditStep() {
  const { view, dataset } = useSession();
  const { model, scored } = useModel();
  const [comparing, setComparing] = useState<string[] | null>(null);
  if (view.auditRef) return <AuditorView key={view.auditRef} snapshotRef={view.auditRef} />;
  return (
    <Stack gap="md" data-testid="audit-step">
      <ServerConnection />
      {dataset && model && scored && scored.modelId === model.id ? (
        <SaveExperimentPanel model={model} />
      ) : (
        <Text size="sm" c="dimmed" data-testid="save-needs-model">
          To save an experiment, open a dataset, then train a model or import one and score the dataset with it. Saved experiments and snapshot files can be
          opened here at any time.
        </Text>
      )}
      <ExperimentsList onCompare={setComparing} />
      {comparing && <CompareExperiments ids={comparing} onClose={() => setComparing(null)} />}
    </Stack>
  );
}
