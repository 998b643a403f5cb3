import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { IconAlertTriangle, IconBrain, IconSparkles, IconUpload, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { errorKindLabel } from '../api/errors';
import { useDataset } from '../session/SessionProvider';
import { useModel } from './ModelProvider';

const ACCEPT = { 'application/octet-stream': ['.onnx'] };

/** The demo model bundled in public/models (see its README): made for the synthetic_loans dataset. */
export const DEMO_MODEL = { file: 'loans_gbm.onnx', dataset: 'synthetic_loans' } as const;

function demoModelUrl(): string {
  return new URL(`${import.meta.env.BASE_URL}models/${DEMO_MODEL.file}`, window.location.href).href;
}

function rejectionMessage(rejections: FileRejection[]): string {
  const r = rejections[0];
  if (!r) return 'The file was not accepted.';
  if (rejections.length > 1) return 'Drop one model file at a time.';
  return `${r.file.name} is not an ONNX model file: expected a .onnx file.`;
}

/** Import an ONNX model: drop zone / file picker, or the demo model; errors name the problem. */
export function ModelImport() {
  const { dataset } = useDataset();
  const { model, importing, importError, run, training, importModel, dismissImportError } = useModel();
  const [rejected, setRejected] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const busy = importing !== null || run !== null || training;
  const demoMatches = dataset.source.kind === 'demo' && dataset.source.name === DEMO_MODEL.dataset;

  const importDemo = async () => {
    setRejected(null);
    setDownloadError(null);
    try {
      const response = await fetch(demoModelUrl());
      if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`);
      await importModel(DEMO_MODEL.file, await response.blob());
    } catch (e) {
      setDownloadError(`Could not download the demo model: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <section aria-labelledby="gb-model-import-heading">
      <Title order={3} size="h5" id="gb-model-import-heading" mb={4}>
        {model ? 'Replace the model' : 'Import a model'}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        An ONNX file (.onnx): a binary classifier with a probability output, or a regressor — e.g. exported with skl2onnx
        (without ZipMap), onnxmltools or onnx.helper. It is read in this browser and never uploaded.
      </Text>
      <Group align="stretch" gap="md" wrap="wrap">
        <Dropzone
          onDrop={(files) => {
            const f = files[0];
            setRejected(null);
            setDownloadError(null);
            if (f) void importModel(f.name, f);
          }}
          onReject={(r) => setRejected(rejectionMessage(r))}
          accept={ACCEPT}
          multiple={false}
          disabled={busy}
          loading={importing !== null}
          aria-label="Drop an ONNX model here, or press Enter to choose one"
          data-testid="model-dropzone"
          inputProps={{ 'aria-label': 'Choose an ONNX model file', 'data-testid': 'model-file-input' } as React.InputHTMLAttributes<HTMLInputElement>}
          style={{ flex: '1 1 360px' }}
        >
          <Group justify="center" gap="lg" mih={model ? 56 : 110} style={{ pointerEvents: 'none' }}>
            <Dropzone.Accept>
              <IconUpload size={36} stroke={1.5} color="var(--mantine-color-navy-6)" aria-hidden />
            </Dropzone.Accept>
            <Dropzone.Reject>
              <IconX size={36} stroke={1.5} color="var(--mantine-color-red-6)" aria-hidden />
            </Dropzone.Reject>
            <Dropzone.Idle>
              <IconBrain size={36} stroke={1.5} color="var(--mantine-color-gray-6)" aria-hidden />
            </Dropzone.Idle>
            <div>
              <Text size={model ? 'md' : 'lg'} fw={500}>
                Drag an ONNX model here or click to choose
              </Text>
              <Text size="sm" c="dimmed" mt={2}>
                .onnx · one file
              </Text>
            </div>
          </Group>
        </Dropzone>
        <Paper withBorder p="md" radius="sm" style={{ flex: '0 1 320px' }} bg="gray.0">
          <Stack gap={6} h="100%" justify="space-between">
            <div>
              <Group gap={6} mb={2}>
                <Text fw={600} size="sm" className="gb-mono">
                  {DEMO_MODEL.file}
                </Text>
                {demoMatches && (
                  <Badge size="xs" variant="light" color="green">
                    fits this dataset
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                Gradient boosting (scikit-learn) predicting <code>default</code> from six numeric columns of the {DEMO_MODEL.dataset}{' '}
                demo dataset.
              </Text>
            </div>
            <Button
              variant="light"
              size="xs"
              leftSection={<IconSparkles size={14} aria-hidden />}
              onClick={() => void importDemo()}
              disabled={busy}
              data-testid="model-demo"
            >
              Try the demo model
            </Button>
          </Stack>
        </Paper>
      </Group>
      {importError && (
        <Alert
          color="red"
          variant="light"
          mt="sm"
          role="alert"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          title={importError.title}
          withCloseButton
          closeButtonLabel="Dismiss error"
          onClose={dismissImportError}
          data-testid="model-error"
        >
          <Text size="sm" data-testid="model-error-message">
            {importError.message}
          </Text>
          <Group gap="xs" mt={6}>
            <Badge color="red" variant="outline" size="sm">
              {errorKindLabel(importError.kind)}
            </Badge>
            {model && (
              <Text size="xs" c="dimmed">
                Nothing was changed: {model.name} is still loaded.
              </Text>
            )}
          </Group>
        </Alert>
      )}
      {(rejected || downloadError) && (
        <Alert
          color="red"
          variant="light"
          mt="sm"
          role="alert"
          icon={<IconAlertTriangle size={18} aria-hidden />}
          title={rejected ? 'File not accepted' : 'Demo model unavailable'}
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => {
            setRejected(null);
            setDownloadError(null);
          }}
        >
          {rejected ?? downloadError}
        </Alert>
      )}
    </section>
  );
}
