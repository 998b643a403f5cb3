/**
 * The Train step as a user clicks through it in Chromium: pick the target, edit the recipe,
 * cross-validate with a holdout, train, read the leaderboard and the fold table, evaluate the
 * trained model on the held-out rows, download its ONNX and import that file again in the Model
 * step for the same metrics (the acceptance test); then the workspace after a reload, leakage
 * flags, a cancelled training and a bad recipe file. Screenshots land in test-results/.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { chooseFile, choose, goToTrain, openDemo, snap, snapPart } from './actions';
import { loansCsv, writeFixture } from './fixtures';

async function aucText(page: Page): Promise<string> {
  const cell = page.getByTestId('metric-auc-value');
  await expect(cell).toHaveText(/^0\.\d{4}$/);
  return (await cell.textContent())!;
}

test('trains with a hand-edited recipe, CV and a holdout; the downloaded ONNX gives the same held-out AUC', async ({ page }, info) => {
  test.setTimeout(180_000);
  await openDemo(page, 'synthetic_loans');
  await goToTrain(page);
  await choose(page, 'Target column', 'default');
  await expect(page.getByTestId('train-kind')).toContainText('Binary classification');
  await expect(page.getByTestId('train-model')).toContainText('Logistic regression');
  await expect(page.getByRole('combobox', { name: 'Positive class', exact: true })).toHaveValue('1');

  // the default recipe, then a log step on income moved before the scaling, and a robust scaler
  const steps = page.getByTestId('recipe-steps');
  await expect(page.getByTestId('recipe-status')).toHaveText('default');
  await expect(steps.locator('[data-testid^="recipe-step-"]')).toHaveCount(4);
  await expect(page.getByTestId('recipe-step-3')).toHaveAttribute('data-kind', 'scale');
  await page.getByTestId('recipe-add').click();
  await page.getByTestId('recipe-add-log').click();
  await expect(page.getByTestId('recipe-step-4')).toHaveAttribute('data-kind', 'log');
  await page.getByRole('combobox', { name: 'Step 5 columns' }).click();
  await page.getByRole('option', { name: 'income', exact: true }).click();
  await page.keyboard.press('Escape');
  // reorder with the keyboard: focus follows the moved step
  await page.getByRole('button', { name: 'Move step 5 up' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('recipe-step-3')).toHaveAttribute('data-kind', 'log');
  await expect(page.getByTestId('recipe-step-4')).toHaveAttribute('data-kind', 'scale');
  await expect(page.getByRole('button', { name: 'Move step 4 up' })).toBeFocused();
  await choose(page, 'Step 5 scaling method', 'Robust (median, IQR)');
  await expect(page.getByTestId('recipe-status')).toHaveText('edited');
  await expect(page.getByTestId('recipe-hash')).toContainText('5 steps');
  // the preview of the log step on income
  await page.getByTestId('recipe-step-3').click();
  await expect(page.getByTestId('step-preview')).toContainText('Preview of step 4');
  await expect(page.getByTestId('step-preview-column')).toHaveValue('income');
  // fitted by the worker on the training rows (the 20 % holdout left out), after the imputation above it
  await expect(page.getByTestId('step-preview-rows')).toContainText('Fitted on 16,000 of 20,000 rows');
  await expect(page.getByTestId('step-preview-fitted')).toHaveText('Each value x becomes ln(1 + x).');
  await expect(page.getByTestId('preview-before-missing')).toHaveText('0');
  await expect(page.getByTestId('preview-after-values')).toHaveText('16,000');
  await expect(page.getByTestId('preview-after-mean')).toHaveText(/^\d+(\.\d+)?$/);
  await expect(page.getByTestId('step-preview-after-chart').locator('svg').first()).toBeVisible();

  // stratified 5-fold CV with a 20 % random holdout (the defaults for a classifier)
  await expect(page.getByRole('switch', { name: /Hold out a test set/ })).toBeChecked();
  await expect(page.getByTestId('train-holdout-fraction')).toHaveValue('0.2');
  await expect(page.getByTestId('train-cv-scheme')).toHaveValue('Stratified k-fold (keeps the class ratio)');
  await expect(page.getByTestId('train-cv-folds')).toHaveValue('5');
  await expect(page.getByTestId('train-l2')).toHaveValue('1');
  await snap(page, info, 'train-setup');
  await snapPart(page, info, 'recipe-editor', 'train-recipe');

  await page.getByTestId('train-button').click();
  const results = page.getByTestId('train-results');
  await expect(results).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('train-error')).toHaveCount(0);
  const cv = page.getByTestId('cv-table');
  await expect(cv.locator('tbody tr')).toHaveCount(5);
  await expect(page.getByTestId('cv-mean-auc')).toHaveText(/^0\.\d{4}$/);
  await expect(page.getByTestId('cv-std-auc')).toHaveText(/^± 0\.\d{4}$/);
  await expect(page.getByTestId('cv-chart').locator('svg').first()).toBeVisible();
  await expect(page.getByTestId('too-good')).toHaveCount(0);
  const board = page.getByTestId('leaderboard');
  await expect(board.getByTestId('leaderboard-row-1')).toContainText('Logistic');
  await expect(board.getByTestId('leaderboard-row-1')).toContainText('5 steps');
  await expect(board.getByTestId('leaderboard-cv-1')).toContainText(await page.getByTestId('cv-mean-auc').innerText());
  // the held-out rows with 95 % intervals, and the coefficients
  const holdout = page.getByTestId('holdout-metrics');
  await expect(holdout).toHaveAttribute('data-live', 'true');
  await expect(holdout.getByTestId('metric-auc-ci')).toHaveText(/^0\.\d{4} – 0\.\d{4}$/);
  const heldOutAuc = await holdout.getByTestId('metric-auc-value').innerText();
  await expect(board.getByTestId('leaderboard-holdout-1')).toHaveText(`AUC ${heldOutAuc}`);
  await expect(page.getByTestId('coefficients-table')).toContainText('income__missing');
  await expect(page.getByTestId('recipe-features')).toContainText('Made by this recipe');
  await snap(page, info, 'train-results');
  await snapPart(page, info, 'train-results', 'train-results-panel');
  await snapPart(page, info, 'leaderboard', 'train-leaderboard');

  // the Model step evaluates the trained model on the held-out rows
  await page.getByTestId('train-evaluate').click();
  await expect(page).toHaveURL(/#\/model\/evaluation$/);
  const split = page.getByTestId('evaluation-split');
  await expect(split.getByRole('radio', { name: 'Held-out' })).toBeChecked();
  await expect(page.getByTestId('evaluation-rows')).toContainText('4,000 of 4,000 rows');
  await expect(page.getByTestId('evaluation-rows')).toContainText('held out by the last training');
  const auc = await aucText(page);
  expect(auc).toBe(heldOutAuc);
  await page.getByTestId('evaluation-split').getByText('All', { exact: true }).click();
  await expect(page.getByTestId('evaluation-rows')).toContainText('20,000 of 20,000 rows');
  await page.getByTestId('evaluation-split').getByText('Held-out', { exact: true }).click();
  await expect(page.getByTestId('evaluation-rows')).toContainText('4,000 of 4,000 rows');
  await snap(page, info, 'train-evaluation-held-out');

  // download the ONNX ...
  await goToTrain(page);
  const downloading = page.waitForEvent('download');
  await page.getByTestId('download-onnx').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('logistic-default.onnx');
  const saved = join(mkdtempSync(join(tmpdir(), 'glassbox-e2e-onnx-')), download.suggestedFilename());
  await download.saveAs(saved);

  // ... and import it again: same held-out AUC
  await page.getByRole('link', { name: 'Model', exact: true }).click();
  await page.getByTestId('tab-model-setup').click();
  await page.getByTestId('model-file-input').setInputFiles(saved);
  await expect(page.getByTestId('model-name')).toHaveText('logistic-default.onnx');
  await expect(page.getByTestId('mapping-status')).toContainText('inputs mapped');
  await page.getByTestId('score-dataset').click();
  await expect(page.getByTestId('scoring-summary')).toContainText('Scored 20,000 rows');
  await page.getByTestId('go-to-evaluation').click();
  await expect(page.getByTestId('evaluation-split').getByRole('radio', { name: 'Held-out' })).toBeChecked();
  await expect(page.getByTestId('evaluation-rows')).toContainText('4,000 of 4,000 rows');
  expect(await aucText(page)).toBe(auc);

  // the recipe and the leaderboard are part of the workspace
  await page.waitForTimeout(600); // the autosave is debounced
  await page.reload();
  await goToTrain(page);
  await expect(page.getByTestId('recipe-status')).toHaveText('edited');
  await expect(page.getByTestId('recipe-hash')).toContainText('5 steps');
  await expect(page.getByTestId('recipe-step-3')).toHaveAttribute('data-kind', 'log');
  await expect(page.getByTestId('leaderboard').getByTestId('leaderboard-row-1')).toBeVisible();
  await expect(page.getByTestId('holdout-metrics')).toHaveAttribute('data-live', 'false');
  await expect(page.getByTestId('holdout-metrics').getByTestId('metric-auc-value')).toHaveText(heldOutAuc);
  await expect(page.getByTestId('download-onnx')).toBeDisabled();
  // train again with the run's settings after changing them
  await page.getByTestId('train-l2').fill('10');
  await page.getByTestId('recipe-reset').click();
  await expect(page.getByTestId('recipe-status')).toHaveText('default');
  await page.getByTestId('train-again').click();
  await expect(page.getByTestId('train-l2')).toHaveValue('1');
  await expect(page.getByTestId('recipe-status')).toHaveText('edited');
  await expect(page.getByTestId('train-notice')).toContainText('settings and recipe of run 1 are back');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('leaderboard').getByTestId('leaderboard-row-2')).toBeVisible({ timeout: 60_000 });
  // same settings, same seed: the same numbers
  await expect(page.getByTestId('leaderboard-holdout-2')).toHaveText(`AUC ${heldOutAuc}`);
  await expect(page.getByTestId('download-onnx')).toBeEnabled();
});

test('every kind of step has a form: target encoding, date parts and a ratio, previewed on the training rows and trained', async ({ page }, info) => {
  test.setTimeout(150_000);
  await openDemo(page, 'synthetic_loans');
  await goToTrain(page);
  await choose(page, 'Target column', 'default');
  // the one-hot step becomes target encoding, with more smoothing
  await choose(page, 'Step 3 kind', 'Target encode');
  await expect(page.getByTestId('recipe-step-2')).toHaveAttribute('data-kind', 'targetEncode');
  await page.getByRole('textbox', { name: 'Step 3 smoothing' }).fill('20');
  await page.getByTestId('recipe-step-2').click();
  await expect(page.getByTestId('step-preview-column')).toHaveValue('sex');
  await expect(page.getByTestId('step-preview-fitted')).toContainText('2 categories replaced by their smoothed target mean');
  // date parts of the application date: added last, the preview says why it cannot be fitted there
  await page.getByTestId('recipe-add').click();
  await page.getByTestId('recipe-add-dateParts').click();
  await page.getByRole('combobox', { name: 'Step 5 columns' }).click();
  await page.getByRole('option', { name: 'application_date', exact: true }).click();
  await page.keyboard.press('Escape');
  await page.getByTestId('recipe-step-4').click();
  await expect(page.getByTestId('step-preview-error')).toContainText("dateParts of 'application_date' must come before its scale step");
  // moved above the scaling, which then no longer takes the date
  await page.getByRole('button', { name: 'Move step 5 up' }).click();
  await expect(page.getByTestId('recipe-step-3')).toHaveAttribute('data-kind', 'dateParts');
  await page.getByTestId('recipe-step-4').locator('.mantine-Pill-root', { hasText: 'application_date' }).locator('.mantine-Pill-remove').click();
  await expect(page.getByTestId('recipe-step-4')).not.toContainText('application_date');
  // the three default parts fill the field: its text box has no width left, so click where it is
  await page.getByRole('combobox', { name: 'Step 4 date parts' }).click({ force: true });
  await page.getByRole('option', { name: 'Days since a date', exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('recipe-step-3')).toContainText('Days since needs a reference date');
  await page.getByRole('textbox', { name: 'Step 4 reference date' }).fill('2023-01-01');
  await expect(page.getByTestId('step-3-problems')).toHaveCount(0);
  await page.getByTestId('recipe-step-3').click();
  await expect(page.getByTestId('step-preview-fitted')).toHaveText('The year of the date.');
  await page.getByRole('radiogroup', { name: 'Column made by this step' }).getByText('daysSince', { exact: true }).click();
  await expect(page.getByTestId('step-preview-fitted')).toHaveText('Whole days since 2023-01-01.');
  await expect(page.getByTestId('preview-after-min')).toHaveText('0');
  // a ratio of two columns, before the scaling
  await expect(page.getByTestId('step-preview-before-chart')).toContainText('2023');
  await page.getByTestId('recipe-add').click();
  await page.getByTestId('recipe-add-combine').click();
  await page.getByRole('combobox', { name: 'Step 6 columns' }).click();
  await page.getByRole('option', { name: 'loan_amount', exact: true }).click();
  await page.getByRole('option', { name: 'income', exact: true }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('textbox', { name: 'Step 6 new column name' }).fill('loan_to_income');
  await page.getByRole('button', { name: 'Move step 6 up' }).click();
  await expect(page.getByTestId('recipe-step-4')).toHaveAttribute('data-kind', 'combine');
  await expect(page.getByTestId('recipe-step-4')).toContainText('loan_to_income = loan_amount ÷ income');
  await page.getByTestId('recipe-step-4').click();
  await choose(page, 'Preview column', 'loan_to_income');
  await expect(page.getByTestId('step-preview-fitted')).toHaveText('loan_amount ÷ income (a division by zero is missing).');
  await expect(page.getByTestId('preview-after-missing')).toHaveText('0');
  await snapPart(page, info, 'recipe-editor', 'train-recipe-forms');

  await page.getByTestId('train-cv-folds').fill('3');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('train-results')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('train-error')).toHaveCount(0);
  const features = page.getByTestId('recipe-features');
  for (const f of ['sex', 'region', 'application_date__year', 'application_date__daysSince', 'loan_to_income']) await expect(features.getByText(f, { exact: true })).toBeVisible();
  await expect(page.getByTestId('leaderboard').getByTestId('leaderboard-row-1')).toContainText('6 steps');
  await expect(page.getByTestId('holdout-metrics').getByTestId('metric-auc-value')).toHaveText(/^0\.\d{4}$/);
});

test("flags bank_marketing's duration as probable leakage and excludes it", async ({ page }, info) => {
  await openDemo(page, 'bank_marketing');
  await goToTrain(page);
  await choose(page, 'Target column', 'y');
  await expect(page.getByTestId('leakage-flag-duration')).toBeVisible();
  await expect(page.getByTestId('leakage-reason-duration')).toContainText('almost decides the outcome');
  await expect(page.getByTestId('leakage-flag-nr.employed')).toHaveCount(0);
  await snapPart(page, info, 'feature-selection', 'train-leakage');
  await page.getByTestId('exclude-leaky').click();
  await expect(page.getByTestId('ranking-row-duration')).toHaveAttribute('data-excluded', 'true');
  await expect(page.getByTestId('train-setup').getByText('duration', { exact: true })).toBeVisible();
  // the default recipe follows the exclusion
  await expect(page.getByTestId('recipe-step-0')).not.toContainText('duration');
  // keep the top 5 by mutual information
  await page.getByTestId('keep-top-k').fill('5');
  await page.getByTestId('keep-top-k-apply').click();
  await expect(page.locator('[data-testid^="ranking-row-"][data-excluded="false"]')).toHaveCount(5);
  // the leaky column stays excluded
  await expect(page.getByTestId('ranking-row-duration')).toHaveAttribute('data-excluded', 'true');
  // rank the five by a quick model's permutation importance, measured on the held-out rows
  await page.getByTestId('ranking-source').getByText('Quick model (permutation)').click();
  await page.getByTestId('quick-importance-run').click();
  await expect(page.getByTestId('feature-ranking').locator('tbody tr')).toHaveCount(5, { timeout: 60_000 });
  await expect(page.getByTestId('feature-selection')).toContainText('measured on 8,238 held-out rows (of 41,188)');
  await expect(page.getByTestId('feature-ranking').locator('th').filter({ hasText: 'AUC drop' })).toBeVisible();
  await expect(page.getByTestId('quick-importance-stale')).toHaveCount(0);
  await snapPart(page, info, 'feature-selection', 'train-quick-importance');
  // the top 3 of them; the ranking now answers other settings
  await page.getByTestId('keep-top-k').fill('3');
  await page.getByTestId('keep-top-k-apply').click();
  await expect(page.locator('[data-testid^="ranking-row-"][data-excluded="false"]')).toHaveCount(3);
  await expect(page.getByTestId('quick-importance-stale')).toBeVisible();
});

test('a training can be cancelled between folds, and a bad recipe file is refused', async ({ page }, info) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await chooseFile(page, writeFixture('many_loans_train.csv', loansCsv(400_000, 5, { region: true })));
  await expect(page.getByTestId('dataset-shape')).toHaveText('400,000 rows × 8 columns', { timeout: 60_000 });
  await goToTrain(page);
  await choose(page, 'Target column', 'default');
  await page.getByTestId('train-cv-folds').fill('20');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('train-progress')).toBeVisible();
  await expect(page.getByTestId('train-progress-text')).toHaveAttribute('data-stage', 'cross-validation', { timeout: 30_000 });
  await snapPart(page, info, 'train-bar', 'train-progress');
  await page.getByRole('button', { name: 'Cancel training' }).click();
  await expect(page.getByTestId('train-notice')).toContainText('Training was cancelled');
  await expect(page.getByTestId('train-progress')).toHaveCount(0);
  await expect(page.getByTestId('leaderboard')).toHaveCount(0);
  await expect(page.getByTestId('train-results')).toHaveCount(0);

  // a recipe file that is not valid JSON, then one with an unknown step: refused, the recipe unchanged
  await page.getByTestId('recipe-file-input').setInputFiles(writeFixture('broken.json', '{"version": 1, "steps": ['));
  await expect(page.getByTestId('recipe-import-error')).toContainText('broken.json is not valid JSON');
  await page.getByTestId('recipe-file-input').setInputFiles(writeFixture('unknown.json', JSON.stringify({ version: 1, steps: [{ step: 'explode', columns: ['age'] }] })));
  await expect(page.getByTestId('recipe-import-error')).toContainText('unknown.json: step 1: unknown step "explode"');
  await expect(page.getByTestId('recipe-status')).toHaveText('default');
  await snapPart(page, info, 'recipe-editor', 'train-recipe-import-error');
  // a well-formed recipe that uses the target: flagged on its step, refused by the engine when training
  await page.getByTestId('recipe-file-input').setInputFiles(writeFixture('uses_target.json', JSON.stringify({ version: 1, steps: [{ step: 'log', columns: ['default'] }, { step: 'oneHot', columns: ['region'] }] })));
  await expect(page.getByTestId('recipe-import-error')).toHaveCount(0);
  await expect(page.getByTestId('step-0-problems')).toContainText("'default' is the target");
  await page.getByTestId('train-cv-folds').fill('3');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('train-error')).toContainText('Could not train the model');
  await expect(page.getByTestId('train-error-message')).toContainText("recipe step 1 (log): 'default' is the target or excluded, not a feature");
  await expect(page.getByTestId('leaderboard')).toHaveCount(0);
  await snapPart(page, info, 'train-bar', 'train-error');
  // a good file is taken; its bin step is edited in its form and previewed with the fitted edges
  const good = { version: 1, steps: [{ step: 'oneHot', columns: ['region'], top: 3 }, { step: 'bin', columns: ['age'], bins: 4, strategy: 'uniform' }] };
  await page.getByTestId('recipe-file-input').setInputFiles(writeFixture('good.json', JSON.stringify(good)));
  await expect(page.getByTestId('recipe-import-error')).toHaveCount(0);
  await expect(page.getByTestId('recipe-status')).toHaveText('edited');
  await expect(page.getByTestId('recipe-hash')).toContainText('2 steps');
  await expect(page.getByTestId('recipe-step-1')).toHaveAttribute('data-kind', 'bin');
  const bins = page.getByRole('textbox', { name: 'Step 2 bins' });
  await expect(bins).toHaveValue('4');
  await bins.fill('6');
  await choose(page, 'Step 2 binning strategy', 'Equal counts (quantiles)');
  await page.getByTestId('recipe-step-1').click();
  await expect(page.getByTestId('step-preview-fitted')).toContainText(/^\d bins, numbered 0–\d, split at /);
  await snapPart(page, info, 'recipe-editor', 'train-recipe-bin-step');
  // the exported file holds what the editor shows
  const downloading = page.waitForEvent('download');
  await page.getByTestId('recipe-export').click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe('recipe-default.json');
  const exported = JSON.parse(readFileSync((await file.path())!, 'utf8'));
  expect(exported).toEqual({ version: 1, steps: [{ step: 'oneHot', columns: ['region'], top: 3 }, { step: 'bin', columns: ['age'], bins: 6, strategy: 'quantile' }] });
});

test('trains a linear regression on a numeric target, with k-fold CV and R²', async ({ page }, info) => {
  await openDemo(page, 'wine_quality');
  await goToTrain(page);
  await choose(page, 'Target column', 'quality');
  await expect(page.getByTestId('train-kind')).toContainText('Regression');
  await expect(page.getByTestId('train-model')).toContainText('Linear (ridge) regression');
  await expect(page.getByRole('combobox', { name: 'Positive class', exact: true })).toHaveCount(0);
  await expect(page.getByTestId('train-calibration')).toHaveCount(0);
  // stratified folds and holdouts are for classifiers: a regression uses k-fold and a plain random holdout
  await expect(page.getByTestId('train-cv-scheme')).toHaveValue('k-fold (random)');
  await expect(page.getByTestId('train-holdout-mode').getByRole('radio', { name: 'Random', exact: true })).toBeChecked();
  await page.getByTestId('train-l2').fill('0.1');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('train-results')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('cv-mean-r2')).toHaveText(/^0\.\d{4}$/);
  await expect(page.getByTestId('leaderboard-cv-1')).toContainText('R²');
  await expect(page.getByTestId('holdout-metrics').getByTestId('metric-r2-ci')).toHaveText(/^0\.\d{4} – 0\.\d{4}$/);
  await snapPart(page, info, 'train-results', 'train-regression-results');
  // sorting the leaderboard: a second run with a larger penalty, then by CV R²
  await page.getByTestId('train-l2').fill('1000');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('leaderboard-row-2')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('leaderboard-sort-cv').click();
  const header = page.getByRole('columnheader', { name: /CV mean/ });
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  // the smaller penalty fits better here: run 1 first
  await expect(page.getByTestId('leaderboard-table').locator('tbody tr').first()).toHaveAttribute('data-testid', 'leaderboard-row-1');
  await page.getByTestId('leaderboard-sort-cv').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByTestId('leaderboard-table').locator('tbody tr').first()).toHaveAttribute('data-testid', 'leaderboard-row-2');
  await page.getByRole('button', { name: 'Select run 1' }).click();
  await expect(page.getByTestId('run-settings')).toContainText('L2 0.1');
  await expect(page.getByTestId('train-results')).toContainText('Results of run 1');
  await snapPart(page, info, 'leaderboard', 'train-regression-leaderboard');
});

test('after a reload, the trained model still evaluates on its held-out rows', async ({ page }) => {
  test.setTimeout(120_000);
  await openDemo(page, 'synthetic_loans');
  await goToTrain(page);
  await choose(page, 'Target column', 'default');
  await page.getByTestId('train-button').click();
  const holdout = page.getByTestId('holdout-metrics');
  await expect(holdout).toHaveAttribute('data-live', 'true', { timeout: 60_000 });
  await page.getByTestId('train-evaluate').click();
  await expect(page.getByTestId('evaluation-rows')).toContainText('4,000 of 4,000 rows');
  const auc = await aucText(page);

  await page.waitForTimeout(600); // the autosave is debounced
  await page.reload();
  // the held-out rows are seeded: recomputed from the run's settings, the same 4,000 rows
  const split = page.getByTestId('evaluation-split');
  await expect(split).toBeVisible({ timeout: 30_000 });
  await split.getByText('Held-out', { exact: true }).click();
  await expect(page.getByTestId('evaluation-rows')).toContainText('4,000 of 4,000 rows');
  expect(await aucText(page)).toBe(auc);
});
