import { MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { onWorkbenchCrash } from '../workers/workbenchClient';
import { Shell } from './layout/Shell';
import { ModelProvider } from './model/ModelProvider';
import { ServerProvider } from './server/ServerProvider';
import { SessionProvider } from './session/SessionProvider';
import { TrainProvider } from './train/TrainProvider';
import { theme } from './theme';

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Results are a pure function of the key (dataset id + version + parameters): never stale,
      // and errors are deterministic messages from the engine, so retrying would not help.
      queries: { staleTime: Infinity, retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}

export function App() {
  const [queryClient] = useState(makeQueryClient);
  useEffect(
    () =>
      onWorkbenchCrash((message) =>
        notifications.show({
          color: 'red',
          title: 'The engine stopped',
          message: `${message} This usually means the browser ran out of memory. Reload the page to continue; your saved workspace will be restored.`,
          autoClose: false,
        }),
      ),
    [],
  );
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" limit={4} />
      <QueryClientProvider client={queryClient}>
        <ServerProvider>
          <SessionProvider>
            <ModelProvider>
              <TrainProvider>
                <Shell />
              </TrainProvider>
            </ModelProvider>
          </SessionProvider>
        </ServerProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
