import { Alert, Badge, Button, Group, List, Paper, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle, IconPlayerPlay } from '@tabler/icons-react';
import type { Recipe } from '../../core/recipe/recipe';
import { errorKindLabel } from '../api/errors';
import { useModel } from '../model/ModelProvider';
import { TrainProgress } from './TrainProgress';
import { useTrain } from './TrainProvider';
import { MODEL_NAMES, paramsWords } from './modelNames';
import { modelKind, type TrainTarget } from './trainSettings';

/** The Train button (with what must be fixed first), the training's progress, its error or notice. */
export function TrainBar({ target, recipe, problems }: { target: TrainTarget; recipe: Recipe | null; problems: string[] }) {
  const { job, error, notice, train, cancel, dismissError, settings } = useTrain();
  const { run: scoring, restoring: modelRestoring, importing } = useModel();
  const modelBusy = scoring !== null || modelRestoring || importing !== null;
  const ready = recipe !== null && problems.length === 0 && !job && !modelBusy;
  const kind = modelKind(target, settings);
  const params = settings.model === 'linear' ? { l2: settings.l2 } : settings.treeParams[settings.model];
  const summary = `${MODEL_NAMES[kind]} on ${target.column} (${paramsWords(kind, params)}), ${settings.cv.folds}-fold CV${settings.holdout.enabled ? `, ${Math.round(settings.holdout.fraction * 100)}% held out` : ', no holdout'}`;
  return (
    <Paper withBorder radius="sm" p="md" data-testid="train-bar">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="wrap">
          <Button leftSection={<IconPlayerPlay size={16} aria-hidden />} onClick={() => recipe && void train(target, recipe)} disabled={!ready} loading={job !== null} data-testid="train-button">
            Train
          </Button>
          <Text size="sm" c="dimmed">
            {summary}
          </Text>
        </Group>
        {modelBusy && (
          <Text size="sm" c="orange.8">
            Waiting for the Model step to finish {scoring ? 'scoring' : 'loading its model'}.
          </Text>
        )}
      </Group>
      {problems.length > 0 && (
        <List size="sm" mt="sm" c="orange.8" icon={<IconAlertTriangle size={14} aria-hidden />} data-testid="train-problems">
          {problems.map((p) => (
            <List.Item key={p}>{p}</List.Item>
          ))}
        </List>
      )}
      {job && (
        <div style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
          <TrainProgress job={job} onCancel={cancel} />
        </div>
      )}
      {error && (
        <Alert color="red" variant="light" mt="sm" role="alert" icon={<IconAlertTriangle size={18} aria-hidden />} title={error.title} withCloseButton closeButtonLabel="Dismiss error" onClose={dismissError} data-testid="train-error">
          <Text size="sm" data-testid="train-error-message">
            {error.message}
          </Text>
          <Badge color="red" variant="outline" size="sm" mt={6}>
            {errorKindLabel(error.kind)}
          </Badge>
        </Alert>
      )}
      {notice && !job && (
        <Alert color="gray" variant="light" mt="sm" icon={<IconInfoCircle size={18} aria-hidden />} data-testid="train-notice">
          {notice}
        </Alert>
      )}
    </Paper>
  );
}
