import { Paper, Tabs } from '@mantine/core';
import { IconChartLine, IconFileImport } from '@tabler/icons-react';
import { EvaluationView } from '../evaluation/EvaluationView';
import { useSession } from '../session/SessionProvider';
import { MODEL_TABS, type ModelTab } from '../session/types';
import { ModelSetup } from './ModelSetup';

/** The Model step: import, inspect, map and score a model; then evaluate it. Only the active tab is mounted. */
export function ModelStep() {
  const { view, setView } = useSession();
  return (
    <Paper withBorder radius="sm" p="md">
      <Tabs
        value={view.modelTab}
        onChange={(v) => {
          if (v && (MODEL_TABS as readonly string[]).includes(v)) setView({ modelTab: v as ModelTab });
        }}
        keepMounted={false}
        aria-label="Model views"
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="setup" leftSection={<IconFileImport size={16} aria-hidden />} data-testid="tab-model-setup">
            Model and mapping
          </Tabs.Tab>
          <Tabs.Tab value="evaluation" leftSection={<IconChartLine size={16} aria-hidden />} data-testid="tab-model-evaluation">
            Evaluation
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="setup">
          <ModelSetup />
        </Tabs.Panel>
        <Tabs.Panel value="evaluation">
          <EvaluationView />
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}
