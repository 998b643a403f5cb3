/**
 * The Model step as a user clicks through it in Chromium: import an ONNX model (file chooser or
 * demo), read its summary, map the dataset's columns to its inputs, score, and evaluate it
 * against a target — with the AUC checked against the CLI's — then broken models, a regressor,
 * a binarized target and a reload. Screenshots land in test-results/.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { chooseFile, choose, openDemo, snap } from './actions';
import { loansCsv, writeFixture } from './fixtures';

const MODELS = 'src/core/inference/fixtures/models';
const LOANS_FEATURES = ['age', 'income', 'loan_amount', 'term_months', 'credit_history_len', 'num_prior_defaults'];

async function goToModel(page: Page) {
  await page.getByRole('link', { name: 'Model', exact: true }).click();
  await expect(page.getByTestId('model-dropzone')).toBeVisible();
}

async function importModel(page: Page, file: string) {
  await page.getByTestId('model-file-input').setInputFiles(join(MODELS, file));
}

async function scoreAndEvaluate(page: Page, target: string) {
  await page.getByTestId('score-dataset').click();
  await expect(page.getByTestId('scoring-summary')).toContainText(/^Scored [\d,]+ rows in [\d.]+ s · \d+ threads? · batch 4,096$/);
  await page.getByTestId('go-to-evaluation').click();
  await expect(page).toHaveURL(/#\/model\/evaluation$/);
  await choose(page, 'Target column', target);
}

async function chartDrawn(page: Page, testId: string) {
  await expect(page.getByTestId(testId).locator('svg').first()).toBeVisible();
}

async function metricValue(page: Page, name: string): Promise<number> {
  const cell = page.getByTestId(`metric-${name}-value`);
  await expect(cell).toHaveText(/^-?\d+\.\d{4}$/);
  return Number(await cell.textContent());
}

async function tpCount(page: Page): Promise<number> {
  return Number(await page.getByTestId('confusion-tp').getAttribute('data-count'));
}

/** `glassbox predict` then `glassbox metrics` on the same data and model: the CLI's AUC. */
function cliAuc(model: string, data: string, target: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'glassbox-e2e-cli-'));
  const scored = join(dir, 'scored.csv');
  execFileSync('node', ['bin/glassbox.mjs', 'predict', '--model', model, '--data', data, '--out', scored]);
  const out = execFileSync('node', ['bin/glassbox.mjs', 'metrics', '--data', scored, '--target', target, '--score', 'score'], { encoding: 'utf8' });
  return (JSON.parse(out) as { auc: number }).auc;
}

test('imports the loans model, maps it from feature_names, scores and evaluates it like the CLI', async ({ page }, info) => {
  await openDemo(page, 'synthetic_loans');
  await goToModel(page);
  await expect(page).toHaveURL(/#\/model$/);
  await importModel(page, 'loans_gbm.onnx');

  const summary = page.getByTestId('model-summary');
  await expect(summary).toBeVisible();
  await expect(page.getByTestId('model-name')).toHaveText('loans_gbm.onnx');
  await expect(page.getByTestId('model-producer')).toHaveText('glassbox-fixtures');
  await expect(page.getByTestId('model-ir-version')).toHaveText('8');
  await expect(page.getByTestId('model-opsets')).toHaveText('ai.onnx 17, ai.onnx.ml 3');
  await expect(page.getByTestId('model-task-words')).toContainText('Binary classification: the score is P(1)');
  await expect(page.getByTestId('model-layout')).toContainText("matrix 'float_input' [N, 6]");
  await expect(page.getByTestId('model-inputs')).toContainText('float_input');
  const outputs = page.getByTestId('model-outputs');
  await expect(outputs.locator('tr', { hasText: 'probabilities' })).toContainText('Score');
  await expect(outputs.locator('tr', { hasText: 'label' })).toContainText('labels come from score ≥ threshold');
  await expect(page.getByTestId('model-metadata')).toContainText('feature_names');

  const mapping = page.getByTestId('model-mapping');
  for (const f of LOANS_FEATURES) await expect(mapping.getByRole('combobox', { name: `Column for ${f}` })).toHaveValue(f);
  await expect(page.getByTestId('mapping-status')).toHaveText('All 6 inputs mapped');
  await snap(page, info, 'model-summary');

  await scoreAndEvaluate(page, 'default');
  await expect(page.getByTestId('evaluation-rows')).toContainText('20,000 of 20,000 rows');
  await chartDrawn(page, 'roc-chart');
  await chartDrawn(page, 'calibration-chart');
  await chartDrawn(page, 'pr-chart');
  await chartDrawn(page, 'gains-chart');
  await chartDrawn(page, 'score-histogram-chart');
  await expect(page.getByTestId('lift-table')).toContainText('10%');

  const auc = await metricValue(page, 'auc');
  expect(auc).toBeGreaterThan(0.5);
  expect(auc).toBeLessThan(1);
  await expect(page.getByTestId('roc-chart')).toContainText(`AUC ${auc.toFixed(4)}`);
  await expect(page.getByTestId('roc-chart')).toContainText('20,000 of 20,000 rows');
  expect(auc.toFixed(4)).toBe(cliAuc('public/models/loans_gbm.onnx', 'public/datasets/synthetic_loans.csv', 'default').toFixed(4));
  await expect(page.getByTestId('metric-auc-ci')).toHaveAttribute('data-stale', 'false');
  await expect(page.getByTestId('metric-auc-ci')).toHaveText(/^\d\.\d{4} – \d\.\d{4}$/);

  // the threshold: the slider with the keyboard, then the number field
  const before = await tpCount(page);
  const slider = page.getByRole('slider', { name: 'Decision threshold' });
  await slider.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('threshold-input')).toHaveValue('0.40');
  await expect.poll(() => tpCount(page)).toBeGreaterThan(before);
  await page.getByTestId('threshold-input').fill('0.3');
  await expect(page.getByTestId('confusion-tp')).toHaveAttribute('data-count', '1837');
  await expect(page.getByTestId('confusion-fp')).toHaveAttribute('data-count', '1797');
  await expect(page.getByTestId('metric-accuracy-value')).toHaveText('0.8206');
  await expect(page.getByTestId('metric-accuracy-ci')).toHaveAttribute('data-stale', 'false');
  // the interval of the accuracy at 0.30 contains its value
  const [low, high] = (await page.getByTestId('metric-accuracy-ci').textContent())!.split(' – ').map(Number);
  expect(low).toBeLessThanOrEqual(0.8206);
  expect(high).toBeGreaterThanOrEqual(0.8205);
  await snap(page, info, 'model-evaluation');
  await info.attach('roc-chart', { body: await page.getByTestId('roc-chart').screenshot(), contentType: 'image/png' });
  // export the ROC curve as SVG through the chart's actions menu
  await page.getByTestId('roc-chart').locator('summary, [aria-label*="xport" i]').first().click();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /SVG/i }).first().click();
  expect((await download).suggestedFilename()).toMatch(/^ROC_curve\.svg$/);
});

test('maps a per-column model by input names and by hand, and evaluates it with a text positive class', async ({ page }, info) => {
  await openDemo(page, 'adult');
  await goToModel(page);
  await importModel(page, 'adult_logistic_columns.onnx');
  await expect(page.getByTestId('model-layout')).toContainText('One input per column: 9 inputs (5 numeric, 4 text)');
  const mapping = page.getByTestId('model-mapping');
  for (const name of ['age', 'education-num', 'capital-gain', 'capital-loss', 'hours-per-week', 'workclass', 'marital-status', 'occupation', 'sex']) {
    await expect(mapping.getByRole('combobox', { name: `Column for ${name}` })).toHaveValue(name);
  }
  // unmap one input: it is flagged and Score waits for it
  const occupation = mapping.getByRole('combobox', { name: 'Column for occupation' });
  await page.getByTestId('mapping-row-7').locator('button').first().click(); // the Select's clear button
  await expect(occupation).toHaveValue('');
  await expect(page.getByTestId('mapping-row-7')).toContainText('Not mapped');
  await expect(page.getByTestId('mapping-status')).toHaveText('1 of 9 inputs not mapped yet');
  await expect(page.getByTestId('score-dataset')).toBeDisabled();
  // back to a column, typed and chosen with the keyboard
  await occupation.click();
  await occupation.fill('occup');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(occupation).toHaveValue('occupation');
  await expect(page.getByTestId('mapping-status')).toHaveText('All 9 inputs mapped');
  // a text column for a numeric input is refused by the engine, naming both sides
  await choose(page, 'Column for age', 'workclass');
  await expect(page.getByTestId('mapping-row-0')).toContainText('By hand');
  await page.getByTestId('score-dataset').click();
  await expect(page.getByTestId('scoring-error')).toContainText("column 'workclass' is categorical but model input 'age' takes numbers");
  await snap(page, info, 'adult-mapping-error');
  await page.getByRole('button', { name: 'Reset to suggested' }).click();
  await expect(mapping.getByRole('combobox', { name: 'Column for age' })).toHaveValue('age');
  await scoreAndEvaluate(page, 'income');
  await expect(page.getByRole('combobox', { name: 'Positive class' })).toHaveValue('>50K');
  await expect(page.getByTestId('evaluation-rows')).toContainText('48,842 of 48,842 rows');
  const auc = await metricValue(page, 'auc');
  expect(auc).toBeGreaterThan(0.8);
  expect(auc).toBeLessThan(1);
  await chartDrawn(page, 'roc-chart');
  // the subpopulation filter re-scopes the evaluation
  await page.getByLabel('Subpopulation filter').fill('sex = Female');
  await page.getByTestId('filter-apply').click();
  await expect(page.getByTestId('evaluation-rows')).toContainText('16,192 of 16,192 rows');
  await expect(page.getByTestId('evaluation-rows')).toContainText('48,842 in the dataset');
  await expect(page.getByTestId('metric-auc-value')).not.toHaveText(auc.toFixed(4));
  await snap(page, info, 'adult-evaluation-filtered');
});

test('refuses broken models with a message naming the problem and keeps the loaded one', async ({ page }, info) => {
  await openDemo(page, 'synthetic_loans');
  await goToModel(page);
  await page.getByTestId('model-demo').click();
  await expect(page.getByTestId('model-name')).toHaveText('loans_gbm.onnx');

  await importModel(page, 'broken_zipmap.onnx');
  const error = page.getByTestId('model-error');
  await expect(error).toContainText('Could not import broken_zipmap.onnx');
  await expect(error).toContainText('ZipMap');
  await expect(error).toContainText('Model error');
  await expect(error).toContainText('Nothing was changed: loans_gbm.onnx is still loaded.');
  await expect(page.getByTestId('model-name')).toHaveText('loans_gbm.onnx');
  await snap(page, info, 'model-error-zipmap');

  await importModel(page, 'broken_not_onnx.onnx');
  await expect(error).toContainText('Could not import broken_not_onnx.onnx');
  await expect(error).toContainText('not an ONNX model');
  await expect(page.getByTestId('model-name')).toHaveText('loans_gbm.onnx');

  // still usable: the loaded model scores, and the other steps work
  await page.getByTestId('score-dataset').click();
  await expect(page.getByTestId('scoring-summary')).toContainText('Scored 20,000 rows');
  await page.getByRole('button', { name: 'Dismiss error' }).click();
  await expect(error).toBeHidden();
  await page.getByRole('link', { name: 'Explore', exact: true }).click();
  await expect(page.getByTestId('profile-table')).toBeVisible();
});

test('evaluates a regressor: metrics with intervals, predicted vs actual, residuals', async ({ page }, info) => {
  await openDemo(page, 'diabetes');
  await goToModel(page);
  await importModel(page, 'diabetes_gbr.onnx');
  await expect(page.getByTestId('model-task')).toHaveText('Regressor');
  await expect(page.getByTestId('model-outputs')).toContainText('Score');
  await scoreAndEvaluate(page, 'target');
  await expect(page.getByTestId('evaluation-rows')).toContainText('442 of 442 rows');
  const rmse = await metricValue(page, 'rmse');
  expect(rmse).toBeGreaterThan(0);
  const r2 = await metricValue(page, 'r2');
  expect(r2).toBeGreaterThan(0);
  expect(r2).toBeLessThan(1);
  await expect(page.getByTestId('metric-r2-ci')).toHaveAttribute('data-stale', 'false');
  await chartDrawn(page, 'predicted-actual-chart');
  await chartDrawn(page, 'residuals-chart');
  await chartDrawn(page, 'residual-histogram-chart');
  await expect(page.getByTestId('threshold-control')).toHaveCount(0);
  await snap(page, info, 'regression-evaluation');
});

test('a target with more than two classes is binarized into a new column', async ({ page }, info) => {
  await openDemo(page, 'synthetic_loans');
  await goToModel(page);
  await importModel(page, 'loans_gbm.onnx');
  await scoreAndEvaluate(page, 'default');
  const auc = await metricValue(page, 'auc');
  await choose(page, 'Target column', 'num_prior_defaults');
  await expect(page.getByTestId('multiclass-alert')).toContainText('Binary classification only');
  await snap(page, info, 'binarize-form');
  await page.getByTestId('binarize-name').fill('defaulted');
  await page.getByTestId('binarize-expression').fill('default = 1');
  await page.getByTestId('binarize-submit').click();
  await expect(page.getByRole('combobox', { name: 'Target column' })).toHaveValue('defaulted');
  await expect(page.getByRole('combobox', { name: 'Positive class' })).toHaveValue('true');
  // the same truth under another name: the same AUC
  await expect(page.getByTestId('metric-auc-value')).toHaveText(auc.toFixed(4));
  // the new column is part of the workspace
  await page.waitForTimeout(600); // the autosave is debounced
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Target column' })).toHaveValue('defaulted');
  await expect(page.getByTestId('metric-auc-value')).toHaveText(auc.toFixed(4));
});

test('a reload brings back the model, its mapping, the scores and the threshold', async ({ page }, info) => {
  await openDemo(page, 'synthetic_loans');
  await goToModel(page);
  await importModel(page, 'loans_gbm.onnx');
  // a hand-made mapping choice must survive the reload
  await choose(page, 'Column for credit_history_len', 'age');
  await scoreAndEvaluate(page, 'default');
  await page.getByTestId('threshold-input').fill('0.35');
  await expect(page.getByTestId('confusion-matrix')).toHaveAttribute('data-threshold', '0.35');
  const tp = await page.getByTestId('confusion-tp').getAttribute('data-count');
  await page.waitForTimeout(600); // the autosave is debounced
  await page.reload();
  await expect(page).toHaveURL(/#\/model\/evaluation$/);
  await expect(page.getByTestId('threshold-input')).toHaveValue('0.35');
  await expect(page.getByTestId('confusion-tp')).toHaveAttribute('data-count', tp!);
  await page.getByRole('tab', { name: 'Model and mapping' }).click();
  await expect(page.getByTestId('model-name')).toHaveText('loans_gbm.onnx');
  await expect(page.getByRole('combobox', { name: 'Column for credit_history_len' })).toHaveValue('age');
  await expect(page.getByRole('combobox', { name: 'Column for income' })).toHaveValue('income');
  await expect(page.getByTestId('scoring-summary')).toContainText('Scored 20,000 rows');
  await snap(page, info, 'model-after-reload');
  // removing the model forgets it
  await page.getByTestId('model-remove').click();
  await expect(page.getByTestId('model-summary')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('model-dropzone')).toBeVisible();
  await expect(page.getByTestId('model-summary')).toHaveCount(0);
});

test('the Model step deep-links and explains that it needs a dataset', async ({ page }) => {
  await page.goto('/#/model');
  await expect(page.getByTestId('model-needs-data')).toContainText('Open a dataset first');
  await page.getByTestId('model-go-to-data').click();
  await expect(page.getByRole('button', { name: 'Open adult' })).toBeVisible();
});

test('scoring shows progress and can be cancelled', async ({ page }, info) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await chooseFile(page, writeFixture('many_loans.csv', loansCsv(1_500_000, 11)));
  await expect(page.getByTestId('dataset-shape')).toHaveText('1,500,000 rows × 7 columns', { timeout: 60_000 });
  await goToModel(page);
  await importModel(page, 'loans_gbm.onnx');
  await expect(page.getByTestId('mapping-status')).toHaveText('All 6 inputs mapped');
  await page.getByTestId('score-dataset').click();
  await expect(page.getByTestId('score-progress')).toBeVisible();
  await expect(page.getByTestId('score-progress-text')).toContainText('of 1,500,000 rows');
  await snap(page, info, 'scoring-progress');
  await page.getByRole('button', { name: 'Cancel scoring' }).click({ timeout: 5_000 });
  await expect(page.getByTestId('scoring-notice')).toContainText('Scoring was cancelled');
  await expect(page.getByTestId('score-progress')).toBeHidden();
  await expect(page.getByTestId('scoring-summary')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Evaluation' }).click();
  await expect(page.getByTestId('evaluation-empty')).toContainText('Score the dataset first');
});

test('the model follows the data: a type override re-scores, another dataset gets a new mapping', async ({ page }) => {
  await openDemo(page, 'synthetic_loans');
  await goToModel(page);
  await importModel(page, 'loans_gbm.onnx');
  await page.getByTestId('score-dataset').click();
  await expect(page.getByTestId('scoring-summary')).toBeVisible();
  // a numeric column made categorical can no longer feed the model: scored again, refused, said so
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  await page.getByLabel('Type of term_months').selectOption('categorical');
  await expect(page.getByLabel('Type of term_months')).toHaveValue('categorical');
  await page.getByRole('link', { name: 'Model', exact: true }).click();
  await expect(page.getByTestId('scoring-error')).toContainText("column 'term_months' is categorical but model input 'term_months' takes numbers");
  await expect(page.getByTestId('scoring-summary')).toHaveCount(0);
  // back to numeric: the type change drops the scores again and the model scores once more
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  await page.getByLabel('Type of term_months').selectOption('numeric');
  await page.getByRole('link', { name: 'Model', exact: true }).click();
  await page.getByTestId('score-dataset').click();
  await expect(page.getByTestId('scoring-summary')).toContainText('Scored 20,000 rows');
  // another dataset: the model stays, its mapping is suggested again for the new columns
  await page.getByRole('button', { name: 'Open another dataset' }).click();
  await page.getByRole('button', { name: 'Open adult' }).click();
  await expect(page.getByTestId('dataset-name')).toContainText('adult');
  await page.getByRole('link', { name: 'Model', exact: true }).click();
  await expect(page.getByTestId('model-name')).toHaveText('loans_gbm.onnx');
  await expect(page.getByRole('combobox', { name: 'Column for age' })).toHaveValue('age');
  await expect(page.getByTestId('mapping-status')).toHaveText('4 of 6 inputs not mapped yet'); // adult has age and income
  await expect(page.getByTestId('scoring-summary')).toHaveCount(0);
});

test('fast scoring uses threads on the cross-origin-isolated page and gives the same evaluation', async ({ page }, info) => {
  await openDemo(page, 'synthetic_loans');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await goToModel(page);
  await page.getByTestId('model-demo').click();
  await scoreAndEvaluate(page, 'default');
  const auc = await metricValue(page, 'auc');
  await page.getByRole('tab', { name: 'Model and mapping' }).click();
  // switching reloads the page; the workspace (dataset, model, mapping) comes back
  await page.getByTestId('scoring-mode').getByText(/^Fast · \d threads$/).click();
  await expect(page.getByTestId('model-name')).toHaveText('loans_gbm.onnx');
  await expect(page.getByTestId('scoring-mode')).toBeVisible();
  await expect(page.getByTestId('scoring-summary')).toContainText(/· [2-4] threads ·/);
  await snap(page, info, 'fast-scoring');
  await page.getByTestId('go-to-evaluation').click();
  // the target is part of the restored workspace
  await expect(page.getByRole('combobox', { name: 'Target column', exact: true })).toHaveValue('default');
  expect(await metricValue(page, 'auc')).toBe(auc);
  // and back to the deterministic mode
  await page.getByRole('tab', { name: 'Model and mapping' }).click();
  await page.getByTestId('scoring-mode').getByText('Deterministic · 1 thread').click();
  await expect(page.getByTestId('scoring-summary')).toContainText('· 1 thread ·');
});
