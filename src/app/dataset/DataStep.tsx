import { Button, Grid, Group } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useSession } from '../session/SessionProvider';
import { ColumnList } from './ColumnList';
import { DataPreview } from './DataPreview';

export function DataStep() {
  const { setView } = useSession();
  return (
    <>
      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <DataPreview />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <ColumnList />
        </Grid.Col>
      </Grid>
      <Group justify="flex-end">
        <Button rightSection={<IconArrowRight size={16} aria-hidden />} onClick={() => setView({ step: 'explore' })}>
          Explore the data
        </Button>
      </Group>
    </>
  );
}
