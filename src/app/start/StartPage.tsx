import { Paper, Stack, Text, Title } from '@mantine/core';
import { DataSourcePicker } from './DataSourcePicker';

export function StartPage() {
  return (
    <Stack gap="lg" data-testid="start-page">
      <div>
        <Title order={2}>Open a dataset</Title>
        <Text c="dimmed" mt={4} maw={760}>
          Glassbox profiles, compares and explains tabular data entirely in your browser. Start with one of the demo
          datasets or your own file; your workspace is saved in this browser and restored when you come back.
        </Text>
      </div>
      <Paper withBorder p="lg" radius="sm">
        <DataSourcePicker />
      </Paper>
    </Stack>
  );
}
