import { Button, Group, Text } from '@mantine/core';
import { IconChartLine, IconDownload } from '@tabler/icons-react';
import { useModel } from '../model/ModelProvider';
import { useSession } from '../session/SessionProvider';
import { downloadBlob } from '../files/downloadBlob';
import type { RunRecord } from './runRecord';

/** Evaluate the run's model in the Model step (on the held-out rows) or download it — while it is the loaded model. */
export function ResultActions({ record }: { record: RunRecord }) {
  const { model, holdout, setSplit } = useModel();
  const { setView } = useSession();
  const loaded = model !== null && model.runId === record.id;
  return (
    <Group gap="xs" wrap="wrap">
      <Button
        leftSection={<IconChartLine size={16} aria-hidden />}
        disabled={!loaded}
        onClick={() => {
          if (holdout?.runId === record.id) setSplit('test');
          setView({ step: 'model', modelTab: 'evaluation' });
        }}
        data-testid="train-evaluate"
      >
        Evaluate{holdout?.runId === record.id ? ' on the held-out rows' : ''}
      </Button>
      <Button
        variant="default"
        leftSection={<IconDownload size={16} aria-hidden />}
        disabled={!loaded}
        onClick={() => model && downloadBlob(model.file, record.modelName)}
        data-testid="download-onnx"
      >
        Download ONNX
      </Button>
      {!loaded && (
        <Text size="xs" c="dimmed" maw={360}>
          This run’s model is no longer the loaded one: train again with its settings to evaluate or download it.
        </Text>
      )}
    </Group>
  );
}
