import { AppShell, Badge, Box, Burger, Button, Center, Group, Loader, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { IconFolderOpen, IconX } from '@tabler/icons-react';
import { DatasetWorkspace } from '../dataset/DatasetWorkspace';
import { useLoadStatus, useSession } from '../session/SessionProvider';
import { OpenDatasetDrawer } from '../start/OpenDatasetDrawer';
import { ModelNeedsData } from '../model/ModelNeedsData';
import { AuditStep } from '../audit/AuditStep';
import { ServerBadge } from '../server/ServerBadge';
import { useServer } from '../server/ServerProvider';
import { StartPage } from '../start/StartPage';
import { LoadStatusPanel } from './LoadStatusPanel';
import { Logo } from './Logo';
import { WorkflowNav } from './WorkflowNav';

export function Shell() {
  const { dataset, restoring, closeDataset, view } = useSession();
  const { load } = useLoadStatus();
  const signedIn = useServer().state.kind === 'signed-in';
  const [navOpened, { toggle: toggleNav }] = useDisclosure(false);
  const [drawerOpened, drawer] = useDisclosure(false);
  const datasetId = dataset?.id;

  useEffect(() => {
    window.scrollTo({ top: 0 });
  }, [datasetId, view.step]);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpened} onClick={toggleNav} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Logo />
            <Title order={1} size="h3" c="navy.9" style={{ letterSpacing: '-0.01em' }}>
              Glassbox
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="md">
              Data-science workbench{signedIn ? '' : ' · your data stays in this browser'}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <ServerBadge />
          {dataset && (
            <Group gap="xs" wrap="nowrap">
              <Tooltip label={dataset.summary.name} openDelay={400}>
                <Badge variant="light" size="lg" radius="sm" maw={260} visibleFrom="sm" data-testid="header-dataset-name">
                  {dataset.summary.name}
                </Badge>
              </Tooltip>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconFolderOpen size={16} aria-hidden />}
                onClick={drawer.open}
                disabled={load !== null}
                aria-label="Open another dataset"
              >
                Open…
              </Button>
              <Button
                variant="subtle"
                color="gray"
                size="xs"
                leftSection={<IconX size={16} aria-hidden />}
                onClick={closeDataset}
                aria-label="Close dataset"
              >
                Close dataset
              </Button>
            </Group>
          )}
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label="Workflow">
        <WorkflowNav />
      </AppShell.Navbar>

      <AppShell.Main>
        <Box maw={1600} mx="auto">
          <Stack gap="md">
            <LoadStatusPanel />
            {view.step === 'audit' && !restoring ? (
              <AuditStep />
            ) : dataset ? (
              <DatasetWorkspace />
            ) : restoring ? (
              !load && (
                <Center h={240}>
                  <Loader aria-label="Restoring your workspace" />
                </Center>
              )
            ) : view.step === 'model' ? (
              <ModelNeedsData />
            ) : (
              <StartPage />
            )}
          </Stack>
        </Box>
      </AppShell.Main>
      <OpenDatasetDrawer opened={drawerOpened} onClose={drawer.close} />
    </AppShell>
  );
}
