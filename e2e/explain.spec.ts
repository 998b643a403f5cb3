/**
 * The Explain step as a user clicks through it in Chromium: a gradient-boosting model trained in
 * the Train step is explained — TreeSHAP importance, beeswarm and a row's waterfall, whose sum is
 * the prediction — then its partial dependence on income with ICE curves; an imported ONNX model
 * (scikit-learn) is explained the same way. Screenshots land in test-results/.
 */
import { expect, test, type Page } from '@playwright/test';
import { choose, goToTrain, openDemo, snap, snapPart } from './actions';

async function goToExplain(page: Page) {
  await page.getByRole('link', { name: 'Explain', exact: true }).click();
  await expect(page).toHaveURL(/#\/explain$/);
}

test('explains a trained gradient-boosting model: importance, beeswarm, waterfall, partial dependence', async ({ page }, info) => {
  test.setTimeout(180_000);
  await openDemo(page, 'synthetic_loans');
  await goToTrain(page);
  await choose(page, 'Target column', 'default');
  await page.getByTestId('train-model').getByText('Gradient boosting', { exact: true }).click();
  await page.getByTestId('tree-param-nEstimators').fill('30');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('train-results')).toBeVisible({ timeout: 90_000 });

  await goToExplain(page);
  await expect(page.getByTestId('shap-output')).toHaveValue('Margin (log-odds)');
  await page.getByTestId('shap-rows').fill('200');
  await page.getByTestId('shap-run').click();
  await expect(page.getByTestId('shap-summary')).toContainText(/TreeSHAP on 200 of 20,000 rows, background 100 rows \(seed 42\)/, { timeout: 60_000 });
  await expect(page.getByTestId('shap-importance-chart').locator('svg').first()).toBeVisible();
  await expect(page.getByTestId('shap-beeswarm-chart').locator('svg').first()).toBeVisible();
  await expect(page.getByTestId('shap-waterfall-chart')).toContainText(/base value -?\d\.\d{4} \+ Σ values = -?\d\.\d{4}/);
  await snap(page, info, 'explain-shap');
  // another row: its waterfall
  await page.getByTestId('shap-row').click();
  await page.getByRole('option').nth(3).click();
  await expect(page.getByTestId('shap-waterfall-chart')).toContainText('Row ');
  // the dependence plot of the most important column, coloured by its strongest interaction
  await expect(page.getByTestId('shap-dependence-feature')).toHaveValue('income');
  await expect(page.getByTestId('shap-dependence-chart')).toContainText('How income moves the prediction');
  await snapPart(page, info, 'shap-panel', 'explain-shap-panel');

  // partial dependence on income, with ICE curves
  await page.getByTestId('tab-explain-pdp').click();
  await expect(page).toHaveURL(/#\/explain\/pdp$/);
  await choose(page, 'Column', 'income');
  await page.getByTestId('pdp-sample').fill('500');
  await page.getByTestId('pdp-run').click();
  await expect(page.getByTestId('pdp-chart')).toContainText('500 of 20,000 rows', { timeout: 60_000 });
  await page.getByTestId('pdp-centred').click();
  await snapPart(page, info, 'pdp-panel', 'explain-pdp');
  // two-way: income and age as a heatmap
  await choose(page, 'With a second column (2-D)', 'age');
  await page.getByTestId('pdp-run').click();
  await expect(page.getByTestId('pdp-chart')).toContainText('Partial dependence on income and age', { timeout: 60_000 });
  await expect(page.getByTestId('pdp-chart')).toContainText('12 × 12 grid');
  await snapPart(page, info, 'pdp-panel', 'explain-pdp-2d');
  // a custom grid for the one-way curve
  await choose(page, 'With a second column (2-D)', 'age'); // picking it again clears it
  await expect(page.getByTestId('pdp-feature2')).toHaveValue('');
  await page.getByTestId('pdp-custom-grid').fill('20000, 50000, x');
  await expect(page.getByTestId('pdp-run')).toBeDisabled();
  await page.getByTestId('pdp-custom-grid').fill('20000, 50000, 90000');
  await page.getByTestId('pdp-run').click();
  await expect(page.getByTestId('pdp-chart')).toContainText('Partial dependence on income', { timeout: 60_000 });
  await expect(page.getByTestId('pdp-chart')).not.toContainText('and age');
  // back to the Shapley tab: the settings and the explanation are still there, without recomputing
  await page.getByTestId('tab-explain-shap').click();
  await expect(page.getByTestId('shap-rows')).toHaveValue('200');
  await expect(page.getByTestId('shap-summary')).toContainText('TreeSHAP on 200 of 20,000 rows');
  await expect(page.getByTestId('shap-progress')).toHaveCount(0);

  // what-if: row 12's income edited — the prediction follows, the edit is marked and flagged
  await page.getByTestId('tab-explain-whatif').click();
  await expect(page).toHaveURL(/#\/explain\/whatif$/);
  await page.getByTestId('whatif-row').fill('12');
  const income = page.getByTestId('whatif-input-income');
  await expect(income).not.toHaveValue('');
  const before = (await page.getByTestId('whatif-prediction').textContent())!;
  await income.fill('9000000');
  await expect(page.getByTestId('whatif-prediction')).toContainText('before the edits');
  expect((await page.getByTestId('whatif-prediction').textContent())!).not.toBe(before);
  await expect(page.getByTestId('whatif-flags')).toContainText('income = 9000000 is outside the range');
  await expect(page.getByTestId('whatif-inputs')).toContainText('edited');
  await expect(page.getByTestId('whatif-waterfall')).toContainText('income = 9000000');
  await snapPart(page, info, 'whatif-panel', 'explain-whatif');
  await page.getByTestId('whatif-reset').click();
  await expect(page.getByTestId('whatif-prediction')).not.toContainText('before the edits');

  // permutation importance on the rows the training held out, with the spread over the shuffles
  await page.getByTestId('tab-explain-importance').click();
  await page.getByTestId('importance-repeats').fill('2');
  await page.getByTestId('importance-run').click();
  await expect(page.getByTestId('importance-chart')).toContainText('of 4,000 held-out rows · 2 shuffles per column', { timeout: 60_000 });
  await snapPart(page, info, 'importance-panel', 'explain-importance');
});

test('explains an imported scikit-learn model with exact Shapley values on the probability scale', async ({ page }, info) => {
  test.setTimeout(120_000);
  await openDemo(page, 'synthetic_loans');
  await page.getByRole('link', { name: 'Model', exact: true }).click();
  await page.getByTestId('model-file-input').setInputFiles('public/models/loans_logistic.onnx');
  await expect(page.getByTestId('model-name')).toHaveText('loans_logistic.onnx');
  await page.getByTestId('score-dataset').click();
  await expect(page.getByTestId('scoring-summary')).toContainText(/^Scored [\d,]+ rows/, { timeout: 60_000 });
  await goToExplain(page);
  await expect(page.getByTestId('shap-output')).toHaveValue('Probability');
  await page.getByTestId('shap-rows').fill('10');
  await page.getByTestId('shap-background').fill('40');
  await page.getByTestId('shap-run').click();
  await expect(page.getByTestId('shap-summary')).toContainText(/Exact on 10 of 20,000 rows, background 40 rows/, { timeout: 60_000 });
  await expect(page.getByTestId('shap-importance-chart').locator('svg').first()).toBeVisible();
  await snapPart(page, info, 'shap-panel', 'explain-imported');
});
