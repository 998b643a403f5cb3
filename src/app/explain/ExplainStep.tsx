import { Paper, Tabs } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconArrowsShuffle, IconChartDots, IconChartLine } from '@tabler/icons-react';
import { useState } from 'react';
import type { ImportedModel, Scored } from '../model/ModelProvider';
import { NeedsScoredModel } from '../model/NeedsScoredModel';
import { useSession } from '../session/SessionProvider';
import { EXPLAIN_TABS, type ExplainTab } from '../session/types';
import { defaultPdpSettings, defaultShapSettings, hasTrees } from './explainSettings';
import { PdpPanel } from './PdpPanel';
import { ShapPanel } from './ShapPanel';
import { ImportancePanel } from './ImportancePanel';
import { WhatIfPanel } from './WhatIfPanel';

/** The Explain step: Shapley values and partial dependence of the scored model, or what is missing first. */
export function ExplainStep() {
  return (
    <NeedsScoredModel
      title="Explanations need a scored model"
      description="Train a model in the Train step, or import an ONNX model in the Model step and score the dataset with it; its Shapley values and partial dependence appear here."
      testId="explain-empty"
    >
      {(model, scored) => <ExplainViews key={scored.id} model={model} scored={scored} />}
    </NeedsScoredModel>
  );
}

/** The two views of one scoring, with their settings kept across tab switches. */
function ExplainViews({ model, scored }: { model: ImportedModel; scored: Scored }) {
  const { view, setView } = useSession();
  const [shap, setShap] = useState(() => defaultShapSettings(hasTrees(model), model.info.signature.task === 'classification'));
  const [pdp, setPdp] = useState(() => defaultPdpSettings(scored.summary.mapping[0] ?? null));
  return (
    <Paper withBorder radius="sm" p="md">
      <Tabs
        value={view.explainTab}
        onChange={(v) => {
          if (v && (EXPLAIN_TABS as readonly string[]).includes(v)) setView({ explainTab: v as ExplainTab });
        }}
        keepMounted={false}
        aria-label="Explanation views"
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="shap" leftSection={<IconChartDots size={16} aria-hidden />} data-testid="tab-explain-shap">
            Shapley values
          </Tabs.Tab>
          <Tabs.Tab value="pdp" leftSection={<IconChartLine size={16} aria-hidden />} data-testid="tab-explain-pdp">
            Partial dependence
          </Tabs.Tab>
          <Tabs.Tab value="whatif" leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />} data-testid="tab-explain-whatif">
            What-if
          </Tabs.Tab>
          <Tabs.Tab value="importance" leftSection={<IconArrowsShuffle size={16} aria-hidden />} data-testid="tab-explain-importance">
            Permutation importance
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="shap">
          <ShapPanel model={model} scored={scored} settings={shap} onChange={(patch) => setShap((cur) => ({ ...cur, ...patch }))} />
        </Tabs.Panel>
        <Tabs.Panel value="importance">
          <ImportancePanel model={model} scored={scored} />
        </Tabs.Panel>
        <Tabs.Panel value="whatif">
          <WhatIfPanel model={model} scored={scored} />
        </Tabs.Panel>
        <Tabs.Panel value="pdp">
          <PdpPanel model={model} scored={scored} settings={pdp} onChange={(patch) => setPdp((cur) => ({ ...cur, ...patch }))} />
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}
