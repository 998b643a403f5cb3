import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { TopLevelSpec } from 'vega-lite';
import { VegaChart } from '../charts/VegaChart';

/** One evaluation chart with its plain-language caption (what it shows, how to read it). */
export function ChartCard(props: {
  spec: TopLevelSpec;
  title: string;
  testId: string;
  caption: ReactNode;
  data?: Record<string, object[]>;
  children?: ReactNode;
  minHeight?: number;
}) {
  return (
    <Paper withBorder radius="sm" p="sm" h="100%">
      <VegaChart spec={props.spec} title={props.title} testId={props.testId} data={props.data} minHeight={props.minHeight ?? 300} />
      <Text size="xs" c="dimmed" mt={6}>
        {props.caption}
      </Text>
      {props.children}
    </Paper>
  );
}
