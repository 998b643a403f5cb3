import { Stack } from '@mantine/core';
import { LoadingBlock } from '../explore/QueryState';
import { ModelImport } from './ModelImport';
import { ModelMapping } from './ModelMapping';
import { useModel } from './ModelProvider';
import { ModelSummary } from './ModelSummary';

/** Import (or replace) the model, see what it is, map the dataset's columns to it and score. */
export function ModelSetup() {
  const { model, restoring, importing } = useModel();
  return (
    <Stack gap="lg">
      {model ? (
        <>
          <ModelSummary key={model.id} model={model} />
          <ModelMapping model={model} />
          <ModelImport />
        </>
      ) : restoring || importing ? (
        <>
          <LoadingBlock lines={6} label={importing ? `Reading ${importing}` : 'Restoring the model'} />
          {!restoring && <ModelImport />}
        </>
      ) : (
        <ModelImport />
      )}
    </Stack>
  );
}
