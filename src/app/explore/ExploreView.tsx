import { Paper, Tabs } from '@mantine/core';
import { IconAdjustments, IconChartBar, IconGridDots, IconTarget, IconTableOptions } from '@tabler/icons-react';
import { useSession } from '../session/SessionProvider';
import { EXPLORE_TABS, type ExploreTab } from '../session/types';
import { CompareTab } from './CompareTab';
import { CorrelationsTab } from './CorrelationsTab';
import { MissingTab } from './MissingTab';
import { ProfileTab } from './ProfileTab';
import { TargetTab } from './TargetTab';

const TAB_LABELS: Record<ExploreTab, string> = {
  profile: 'Profile',
  missing: 'Missing values',
  correlations: 'Correlations',
  target: 'Target',
  compare: 'Compare',
};

const TAB_ICONS: Record<ExploreTab, React.ReactNode> = {
  profile: <IconTableOptions size={16} aria-hidden />,
  missing: <IconGridDots size={16} aria-hidden />,
  correlations: <IconChartBar size={16} aria-hidden />,
  target: <IconTarget size={16} aria-hidden />,
  compare: <IconAdjustments size={16} aria-hidden />,
};

/** The Explore step: one tab per analysis. Only the active tab is mounted (and queried). */
export function ExploreView() {
  const { view, setView } = useSession();
  return (
    <Paper withBorder radius="sm" p="md">
      <Tabs
        value={view.tab}
        onChange={(v) => {
          if (v && (EXPLORE_TABS as readonly string[]).includes(v)) setView({ tab: v as ExploreTab });
        }}
        keepMounted={false}
        aria-label="Explore views"
      >
        <Tabs.List mb="md">
          {EXPLORE_TABS.map((t) => (
            <Tabs.Tab key={t} value={t} leftSection={TAB_ICONS[t]} data-testid={`tab-${t}`}>
              {TAB_LABELS[t]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="profile">
          <ProfileTab />
        </Tabs.Panel>
        <Tabs.Panel value="missing">
          <MissingTab />
        </Tabs.Panel>
        <Tabs.Panel value="correlations">
          <CorrelationsTab />
        </Tabs.Panel>
        <Tabs.Panel value="target">
          <TargetTab />
        </Tabs.Panel>
        <Tabs.Panel value="compare">
          <CompareTab />
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}
