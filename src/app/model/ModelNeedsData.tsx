import { Button, EmptyState, Paper } from '@mantine/core';
import { IconDatabase } from '@tabler/icons-react';
import { useSession } from '../session/SessionProvider';

/** The Model step before any dataset is open: a model is scored on, and evaluated against, data. */
export function ModelNeedsData() {
  const { setView } = useSession();
  return (
    <Paper withBorder radius="sm" p="xl" data-testid="model-needs-data">
      <EmptyState
        icon={<IconDatabase size={32} />}
        title="Open a dataset first"
        description="A model is scored on the rows of a dataset and evaluated against one of its columns. Open a demo dataset or your own file, then come back to import the model."
      >
        <EmptyState.Actions>
          <Button onClick={() => setView({ step: 'data' })} data-testid="model-go-to-data">
            Go to Data
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}
