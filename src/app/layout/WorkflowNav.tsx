import { Badge, NavLink, Stack, Text, ThemeIcon } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSession } from '../session/SessionProvider';
import { viewToHash } from '../session/hashRoute';
import type { Step } from '../session/types';

interface StepDef {
  step: Step | null;
  n: number;
  label: string;
  description: string;
}

const STEPS: StepDef[] = [
  { step: 'data', n: 1, label: 'Data', description: 'Load, preview, set types' },
  { step: 'explore', n: 2, label: 'Explore', description: 'Profile, missing, correlations' },
  { step: 'train', n: 3, label: 'Train', description: 'Recipe, CV, leaderboard' },
  { step: 'model', n: 4, label: 'Model', description: 'Import, map, evaluate' },
  { step: 'explain', n: 5, label: 'Explain', description: 'SHAP, partial dependence' },
  { step: 'fairness', n: 6, label: 'Fairness', description: 'Groups, business value' },
  { step: 'drift', n: 7, label: 'Drift', description: 'Reference vs current data' },
  { step: 'audit', n: 8, label: 'Audit', description: 'Experiments, auditor view' },
];

function StepNumber({ n, active, disabled }: { n: number; active: boolean; disabled: boolean }): ReactNode {
  return (
    <ThemeIcon size={24} radius="xl" variant={active ? 'filled' : 'light'} color={disabled ? 'gray' : 'navy'} aria-hidden>
      <Text size="xs" fw={700}>
        {n}
      </Text>
    </ThemeIcon>
  );
}

export function WorkflowNav() {
  const { dataset, view, setView } = useSession();
  return (
    <nav aria-label="Workflow steps">
      <Text size="xs" tt="uppercase" fw={700} c="dimmed" px="xs" pb={6}>
        Workflow
      </Text>
      <Stack gap={2}>
        {STEPS.map((s) => {
          const comingSoon = s.step === null;
          const disabled = comingSoon || ((s.step === 'explore' || s.step === 'train' || s.step === 'explain' || s.step === 'fairness' || s.step === 'drift') && !dataset);
          // Without a dataset the start page is the Data step; Model then explains that it needs one.
          const shown = dataset || view.step === 'model' || view.step === 'audit' ? view.step : 'data';
          const active = s.step !== null && s.step === shown;
          return (
            <NavLink
              key={s.n}
              {...(disabled || (!dataset && s.step !== 'audit') || !s.step
                ? { component: 'button' as const, type: 'button' as const }
                : { component: 'a' as const, href: viewToHash({ ...view, step: s.step }) })}
              label={s.label}
              description={comingSoon ? 'Coming soon' : s.description}
              leftSection={<StepNumber n={s.n} active={active} disabled={disabled} />}
              rightSection={
                comingSoon ? (
                  <Badge size="xs" variant="outline" color="gray">
                    Soon
                  </Badge>
                ) : undefined
              }
              active={active}
              disabled={disabled}
              aria-current={active ? 'step' : undefined}
              aria-label={comingSoon ? `${s.label} (coming soon)` : s.label}
              onClick={(e) => {
                if (s.step && !disabled) {
                  e.preventDefault();
                  setView(s.step === 'audit' ? { step: 'audit', auditRef: null } : { step: s.step });
                }
              }}
            />
          );
        })}
      </Stack>
    </nav>
  );
}
