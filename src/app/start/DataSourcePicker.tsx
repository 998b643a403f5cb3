import { Alert, Badge, Button, Card, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Dropzone, type FileRejection } from '@mantine/dropzone';
import { IconAlertTriangle, IconFileSpreadsheet, IconTable, IconUpload, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { Delimiter, LoadOptions } from '../../workers/workbenchApi';
import { formatBytes, formatShape } from '../format/format';
import { useLoadStatus, useSession } from '../session/SessionProvider';
import { DEMO_DATASETS } from './demoDatasets';

const ACCEPT = {
  'text/csv': ['.csv'],
  'text/tab-separated-values': ['.tsv'],
  'text/plain': ['.txt'],
  'application/vnd.apache.parquet': ['.parquet'],
  'application/vnd.apache.arrow.file': ['.arrow', '.feather'],
};
const EXTENSIONS = ['.csv', '.tsv', '.txt', '.parquet', '.arrow', '.feather'];

const DELIMITERS: { value: string; label: string }[] = [
  { value: 'auto', label: 'Auto-detect' },
  { value: ',', label: 'Comma (,)' },
  { value: ';', label: 'Semicolon (;)' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe (|)' },
];

const DECIMALS = [
  { value: '.', label: 'Point (1.5)' },
  { value: ',', label: 'Comma (1,5)' },
];

function rejectionMessage(rejections: FileRejection[]): string {
  const r = rejections[0];
  if (!r) return 'The file was not accepted.';
  if (rejections.length > 1 && r.errors.some((e) => e.code === 'too-many-files')) return 'Drop one file at a time.';
  return `${r.file.name} is not a supported file type: expected ${EXTENSIONS.join(', ')}.`;
}

export interface DataSourcePickerProps {
  /** Called when the user picked a dataset (before it has loaded). */
  onPicked?: () => void;
  headingLevel?: 2 | 3;
}

/** Demo datasets + a drop zone for the user's own file, with CSV options. */
export function DataSourcePicker({ onPicked, headingLevel = 2 }: DataSourcePickerProps) {
  const { openDataset } = useSession();
  const { load } = useLoadStatus();
  const [delimiter, setDelimiter] = useState('auto');
  const [decimal, setDecimal] = useState<'.' | ','>('.');
  const [rejected, setRejected] = useState<string | null>(null);
  const busy = load !== null;

  const options = (): LoadOptions => {
    const o: LoadOptions = { decimal };
    if (delimiter !== 'auto') o.delimiter = delimiter as Delimiter;
    return o;
  };

  const openFile = (file: File) => {
    setRejected(null);
    onPicked?.();
    void openDataset({ kind: 'file', name: file.name, file }, options());
  };

  return (
    <Stack gap="xl">
      <section aria-labelledby="gb-own-file-heading">
        <Title order={headingLevel} size="h4" id="gb-own-file-heading" mb="xs">
          Your own file
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          CSV, TSV, Parquet or Arrow/Feather. The file is read in this browser and never uploaded.
        </Text>
        <Dropzone
          onDrop={(files) => {
            const f = files[0];
            if (f) openFile(f);
          }}
          onReject={(r) => setRejected(rejectionMessage(r))}
          accept={ACCEPT}
          multiple={false}
          disabled={busy}
          aria-label="Drop a data file here, or press Enter to choose one"
          data-testid="dropzone"
          inputProps={{ 'aria-label': 'Choose a data file', 'data-testid': 'file-input' } as React.InputHTMLAttributes<HTMLInputElement>}
        >
          <Group justify="center" gap="lg" mih={120} style={{ pointerEvents: 'none' }}>
            <Dropzone.Accept>
              <IconUpload size={44} stroke={1.5} color="var(--mantine-color-navy-6)" aria-hidden />
            </Dropzone.Accept>
            <Dropzone.Reject>
              <IconX size={44} stroke={1.5} color="var(--mantine-color-red-6)" aria-hidden />
            </Dropzone.Reject>
            <Dropzone.Idle>
              <IconFileSpreadsheet size={44} stroke={1.5} color="var(--mantine-color-gray-6)" aria-hidden />
            </Dropzone.Idle>
            <div>
              <Text size="lg" fw={500}>
                Drag a data file here or click to choose
              </Text>
              <Text size="sm" c="dimmed" mt={4}>
                {EXTENSIONS.join(' ')} · one file
              </Text>
            </div>
          </Group>
        </Dropzone>
        {rejected && (
          <Alert color="red" variant="light" mt="sm" role="alert" icon={<IconAlertTriangle size={18} aria-hidden />} title="File not accepted" withCloseButton closeButtonLabel="Dismiss" onClose={() => setRejected(null)}>
            {rejected}
          </Alert>
        )}
        <Fieldset legend="Advanced options (CSV)" mt="sm" variant="filled">
          <Group grow align="flex-start">
            <NativeSelect
              label="Delimiter"
              description="Auto-detect works for most files"
              data={DELIMITERS}
              value={delimiter}
              onChange={(e) => setDelimiter(e.currentTarget.value)}
              data-testid="delimiter-select"
            />
            <NativeSelect
              label="Decimal separator"
              description="Comma only with ; or tab delimiters"
              data={DECIMALS}
              value={decimal}
              onChange={(e) => setDecimal(e.currentTarget.value === ',' ? ',' : '.')}
              data-testid="decimal-select"
            />
          </Group>
        </Fieldset>
      </section>

      <section aria-labelledby="gb-demo-heading">
        <Title order={headingLevel} size="h4" id="gb-demo-heading" mb="xs">
          Demo datasets
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Public tabular datasets bundled with Glassbox, converted to clean CSV. See each source for its terms.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="md">
          {DEMO_DATASETS.map((d) => (
            <Card key={d.name} withBorder padding="md" radius="sm" data-testid={`demo-${d.name}`} component="article" aria-labelledby={`gb-demo-${d.name}`}>
              <Stack gap="xs" h="100%">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div>
                    <Text fw={600} id={`gb-demo-${d.name}`} className="gb-mono">
                      {d.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {d.title}
                    </Text>
                  </div>
                  <IconTable size={20} color="var(--mantine-color-gray-5)" aria-hidden />
                </Group>
                <Group gap={6}>
                  <Badge variant="light" color="gray" radius="sm">
                    {formatShape(d.rows, d.columns)}
                  </Badge>
                  <Badge variant="light" radius="sm">
                    target: {d.target}
                  </Badge>
                  <Badge variant="outline" color="gray" radius="sm">
                    {d.task}
                  </Badge>
                </Group>
                <Text size="sm">{d.description}</Text>
                <Text size="xs" c="dimmed" style={{ flexGrow: 1 }}>
                  Source: {d.source}
                </Text>
                <Group justify="space-between">
                  <Text size="xs" c="dimmed">
                    {formatBytes(d.bytes)} CSV
                  </Text>
                  <Button
                    size="xs"
                    onClick={() => {
                      onPicked?.();
                      void openDataset({ kind: 'demo', name: d.name }, {});
                    }}
                    disabled={busy}
                    aria-label={`Open ${d.name}`}
                  >
                    Open
                  </Button>
                </Group>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      </section>
    </Stack>
  );
}
