import { Alert, Badge, Button, Grid, Group, List, Paper, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { describeShape } from '../../core/inference/modelSignature';
import type { ValueDescription } from '../../core/inference/onnx/modelDescription';
import { formatBytes } from '../format/format';
import type { ImportedModel } from './ModelProvider';
import { useModel } from './ModelProvider';
import { layoutWords, opsetWords, outputUse, taskWords, typeWords } from './modelText';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w={150} fw={600} c="gray.7" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td data-testid={testId}>{children}</Table.Td>
    </Table.Tr>
  );
}

function elementType(v: ValueDescription): string {
  return v.kind === 'tensor' ? (v.elementType ?? '?') : v.kind;
}

/** What the model file says about itself and how Glassbox will use it. */
export function ModelSummary({ model }: { model: ImportedModel }) {
  const { removeModel, run } = useModel();
  const { info } = model;
  const d = info.description;
  const s = info.signature;
  const metadata = Object.entries(d.metadata);
  const producer = d.producerName ? `${d.producerName}${d.producerVersion ? ` ${d.producerVersion}` : ''}` : 'not stated';

  return (
    <Paper withBorder radius="sm" p="md" component="section" aria-labelledby="gb-model-summary-heading" data-testid="model-summary">
      <Group justify="space-between" align="flex-start" mb="sm" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">
            {model.runId ? 'Trained in the Train step' : 'Imported model'}
          </Text>
          <Title order={3} size="h4" className="gb-mono" id="gb-model-summary-heading" style={{ wordBreak: 'break-all' }} data-testid="model-name">
            {model.name}
          </Title>
          <Group gap={6} mt={4}>
            <Badge variant="light" radius="sm" data-testid="model-task">
              {s.task === 'classification' ? 'Binary classifier' : 'Regressor'}
            </Badge>
            <Badge variant="outline" color="gray" radius="sm">
              {s.layout === 'matrix' ? 'Feature matrix input' : 'One input per column'}
            </Badge>
            <Badge variant="outline" color="gray" radius="sm">
              {formatBytes(info.bytes)}
            </Badge>
            <Badge variant="outline" color="gray" radius="sm">
              {info.threads === 1 ? '1 thread (deterministic)' : `${info.threads} threads`}
            </Badge>
          </Group>
        </div>
        <Button
          variant="subtle"
          color="gray"
          size="xs"
          leftSection={<IconTrash size={14} aria-hidden />}
          onClick={removeModel}
          disabled={run !== null}
          data-testid="model-remove"
        >
          Remove model
        </Button>
      </Group>

      {s.warnings.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title="Worth knowing" mb="md" data-testid="model-warnings">
          <List size="sm">
            {s.warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      )}

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Table fz="sm" verticalSpacing={6} withRowBorders aria-label="Model facts">
            <Table.Tbody>
              <Fact label="Task" testId="model-task-words">
                {taskWords(info)}
              </Fact>
              <Fact label="Input layout" testId="model-layout">
                {layoutWords(info)}
              </Fact>
              <Fact label="File size">
                {formatBytes(info.bytes)} ({info.bytes.toLocaleString('en-US')} bytes)
              </Fact>
              <Fact label="Producer" testId="model-producer">
                {producer}
              </Fact>
              <Fact label="IR version" testId="model-ir-version">
                {d.irVersion}
              </Fact>
              <Fact label="Opsets" testId="model-opsets">
                {opsetWords(info)}
              </Fact>
              {d.graphName && (
                <Fact label="Graph">
                  <span className="gb-mono">{d.graphName}</span>
                </Fact>
              )}
              <Fact label="Operators">
                <Group gap={4}>
                  {d.operators.map((op) => (
                    <Badge key={`${op.domain}/${op.opType}`} variant="outline" color="gray" radius="sm" fw={500} title={op.domain || 'ai.onnx'}>
                      {op.opType}
                      {op.count > 1 ? ` ×${op.count}` : ''}
                    </Badge>
                  ))}
                </Group>
              </Fact>
            </Table.Tbody>
          </Table>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <Title order={4} size="h6" mb={4}>
            Inputs
          </Title>
          <Table withTableBorder fz="sm" verticalSpacing={4} mb="md" aria-label="Model inputs" data-testid="model-inputs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Type</Table.Th>
                <Table.Th scope="col">Shape</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.inputs.map((v) => (
                <Table.Tr key={v.name}>
                  <Table.Td className="gb-mono">{v.name}</Table.Td>
                  <Table.Td title={typeWords(v.elementType)}>{elementType(v)}</Table.Td>
                  <Table.Td className="gb-mono" style={{ whiteSpace: 'nowrap' }}>
                    {describeShape(v.shape)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Title order={4} size="h6" mb={4}>
            Outputs
          </Title>
          <Table withTableBorder fz="sm" verticalSpacing={4} aria-label="Model outputs" data-testid="model-outputs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Type</Table.Th>
                <Table.Th scope="col">Shape</Table.Th>
                <Table.Th scope="col">Used as</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.outputs.map((v) => {
                const use = outputUse(info, v.name);
                return (
                  <Table.Tr key={v.name} data-score-output={use.score || undefined}>
                    <Table.Td className="gb-mono">{v.name}</Table.Td>
                    <Table.Td>{elementType(v)}</Table.Td>
                    <Table.Td className="gb-mono" style={{ whiteSpace: 'nowrap' }}>
                      {describeShape(v.shape)}
                    </Table.Td>
                    <Table.Td>
                      {use.score ? (
                        <Badge variant="filled" radius="sm" data-testid="model-score-output" title={use.text}>
                          Score
                        </Badge>
                      ) : null}{' '}
                      <Text span size="xs" c={use.score ? undefined : 'dimmed'}>
                        {use.score ? use.text.replace(/^Read as the score: /, '') : use.text}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Grid.Col>
        <Grid.Col span={12}>
          <Title order={4} size="h6" mb={4}>
            Metadata (metadata_props)
          </Title>
          {metadata.length === 0 ? (
            <Text size="sm" c="dimmed">
              The model carries no metadata.
            </Text>
          ) : (
            <Table withTableBorder fz="sm" verticalSpacing={4} aria-label="Model metadata" data-testid="model-metadata">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={200}>
                    Key
                  </Table.Th>
                  <Table.Th scope="col">Value</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {metadata.map(([k, v]) => (
                  <Table.Tr key={k}>
                    <Table.Td className="gb-mono">{k}</Table.Td>
                    <Table.Td className="gb-mono" style={{ wordBreak: 'break-word', fontSize: 12 }}>
                      {v}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Grid.Col>
      </Grid>
    </Paper>
  );
}
