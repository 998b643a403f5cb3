import { Alert, Button, Paper, Stack, Tabs } from '@mantine/core';
import { IconAlertTriangle, IconCoin, IconScale, IconTarget } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useEvaluationTarget } from '../evaluation/useEvaluationTarget';
import { LoadingBlock, QueryError } from '../explore/QueryState';
import type { ImportedModel, Scored } from '../model/ModelProvider';
import { NeedsScoredModel } from '../model/NeedsScoredModel';
import { useDataset, useSession } from '../session/SessionProvider';
import { FAIRNESS_TABS, type FairnessTab } from '../session/types';
import { BusinessValuePanel } from './BusinessValuePanel';
import { defaultFairnessSettings, DEFAULT_VALUES, type FairnessChoices } from './fairnessChoices';
import { FairnessReportPanel } from './FairnessReportPanel';
import { FairnessSettingsBar } from './FairnessSettingsBar';
import type { EvaluationRequest } from '../../workers/workbenchApi';
import type { OutcomeValues } from '../../core/fairness/outcomeValue';

/** The Fairness step: group fairness and business value of the scored model's decisions, or what is missing first. */
export function FairnessStep() {
  return (
    <NeedsScoredModel
      title="Fairness reports need a scored model"
      description="Train a classifier in the Train step, or import an ONNX model in the Model step and score the dataset with it; how its decisions treat groups, and what they are worth, appear here."
      testId="fairness-empty"
    >
      {(model, scored) => <FairnessTarget key={scored.id} model={model} scored={scored} />}
    </NeedsScoredModel>
  );
}

/** The target the decisions are judged against, as the evaluation reads it. */
function FairnessTarget({ model, scored }: { model: ImportedModel; scored: Scored }) {
  const { setView } = useSession();
  const target = useEvaluationTarget(model);
  if (target.state === 'loading') return <LoadingBlock lines={4} label={`Reading the classes of ${target.column}`} />;
  if (target.state === 'error') return <QueryError error={target.error} title={`Could not read ${target.column}`} />;
  if (target.state === 'ready' && target.request.task !== 'regression') return <FairnessViews scored={scored} request={target.request} classes={target.classes} />;
  const why =
    target.state === 'pick'
      ? { title: 'Which column is the truth?', text: 'Fairness metrics compare the decisions with the actual outcome: pick the target column in the Model step’s evaluation.' }
      : target.state === 'ready'
        ? { title: 'Binary classifiers only', text: `${model.name} predicts a number (regression). Fairness reports and the business view cover yes/no decisions.` }
        : target.state === 'multiclass'
          ? { title: 'Binary classification only', text: `${target.column} has ${target.profile.distinct} classes: add a yes/no column from a condition on it in the Model step’s evaluation and pick that as the target.` }
          : target.state === 'one-class'
            ? { title: 'Only one class', text: `${target.column} has a single value, so there is nothing to judge: pick another target.` }
            : { title: 'A numeric target is needed', text: `${target.column} is not numeric.` };
  return (
    <Alert color="yellow" variant="light" icon={target.state === 'pick' ? <IconTarget size={18} aria-hidden /> : <IconAlertTriangle size={18} aria-hidden />} title={why.title} data-testid="fairness-needs-target">
      {why.text}{' '}
      <Button variant="subtle" size="compact-sm" onClick={() => setView({ step: 'model', modelTab: 'evaluation' })}>
        Go to the evaluation
      </Button>
    </Alert>
  );
}

function FairnessViews({ scored, request, classes }: { scored: Scored; request: EvaluationRequest; classes: string[] }) {
  const { view, setView, fairness, setFairness } = useSession();
  const { dataset } = useDataset();
  // the choices saved with the workspace for this target, else first choices
  const saved = fairness && fairness.target === request.target && [request.positive, ...classes].includes(fairness.favorable) ? fairness : null;
  const [choices, setChoices] = useState<FairnessChoices>(() =>
    saved ? { sensitive: saved.sensitive, bins: saved.bins, favorable: saved.favorable, baseline: saved.baseline, unit: saved.unit } : defaultFairnessSettings(dataset.summary.columns, request, classes),
  );
  const [values, setValues] = useState<OutcomeValues>(() => saved?.values ?? DEFAULT_VALUES);
  useEffect(() => setFairness({ target: request.target, ...choices, values }), [request.target, choices, values, setFairness]);
  const positive = request.positive!;
  const negative = classes.find((c) => c !== positive) ?? '';
  const patch = (p: Partial<FairnessChoices>) => setChoices((cur) => ({ ...cur, ...p }));
  return (
    <Stack gap="md" data-testid="fairness-step">
      <FairnessSettingsBar choices={choices} onChange={patch} request={request} positive={positive} negative={negative} />
      <Paper withBorder radius="sm" p="md">
        <Tabs
          value={view.fairnessTab}
          onChange={(v) => {
            if (v && (FAIRNESS_TABS as readonly string[]).includes(v)) setView({ fairnessTab: v as FairnessTab });
          }}
          keepMounted={false}
          aria-label="Fairness views"
        >
          <Tabs.List mb="md">
            <Tabs.Tab value="report" leftSection={<IconScale size={16} aria-hidden />} data-testid="tab-fairness-report">
              Fairness report
            </Tabs.Tab>
            <Tabs.Tab value="value" leftSection={<IconCoin size={16} aria-hidden />} data-testid="tab-fairness-value">
              Business value
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="report">
            <FairnessReportPanel scored={scored} request={request} choices={choices} values={values} />
          </Tabs.Panel>
          <Tabs.Panel value="value">
            <BusinessValuePanel scored={scored} request={request} choices={choices} values={values} onValues={setValues} onChoices={patch} />
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </Stack>
  );
}
