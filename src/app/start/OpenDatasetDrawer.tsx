import { Drawer, Text } from '@mantine/core';
import { DataSourcePicker } from './DataSourcePicker';

/** "Open…" while a dataset is open: the same choices as the start page. The current dataset stays until the new one has loaded. */
export function OpenDatasetDrawer({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Drawer opened={opened} onClose={onClose} title="Open another dataset" position="right" size="xl" closeButtonProps={{ 'aria-label': 'Close' }}>
      <Text size="sm" c="dimmed" mb="md">
        The current dataset stays open until the new one has loaded successfully.
      </Text>
      <DataSourcePicker onPicked={onClose} headingLevel={3} />
    </Drawer>
  );
}
