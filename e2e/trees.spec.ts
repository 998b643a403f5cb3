/**
 * Tree models in the Train step, as a user clicks through them in Chromium: gradient boosting
 * on the adult demo with stratified 5-fold CV and a 20 % holdout, then a random search whose
 * trials land in the leaderboard before its best trial is trained; a long random-forest run that
 * keeps the page responsive and is cancelled. Screenshots land in test-results/.
 */
import { expect, test, type Page } from '@playwright/test';
import { choose, goToTrain, openDemo, snap, snapPart } from './actions';

async function pickModel(page: Page, label: string) {
  await page.getByTestId('train-model').getByText(label, { exact: true }).click();
}

test('gradient boosting on adult: 5-fold CV, then a random search whose best trial is trained', async ({ page }, info) => {
  test.setTimeout(300_000);
  await openDemo(page, 'adult');
  await goToTrain(page);
  await choose(page, 'Target column', 'income');
  await expect(page.getByTestId('train-kind')).toContainText('Binary classification');
  await pickModel(page, 'Gradient boosting');
  // the contract's defaults are the placeholders; trees need no scaling in the default recipe
  await expect(page.getByTestId('tree-param-learningRate')).toHaveAttribute('placeholder', '0.1');
  await expect(page.getByTestId('tree-param-maxDepth')).toHaveAttribute('placeholder', '6');
  await expect(page.getByTestId('train-l2')).toHaveCount(0);
  await expect(page.getByTestId('recipe-status')).toHaveText('default');
  await expect(page.locator('[data-testid^="recipe-step-"][data-kind="scale"]')).toHaveCount(0);
  await page.getByTestId('tree-param-nEstimators').fill('40');
  await expect(page.getByTestId('train-cv-folds')).toHaveValue('5');
  await expect(page.getByTestId('train-cv-scheme')).toHaveValue('Stratified k-fold (keeps the class ratio)');
  await expect(page.getByTestId('train-bar')).toContainText('Gradient boosting on income (40 trees)');
  await snap(page, info, 'trees-setup');

  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('train-progress-text')).toContainText(/Cross-validation|trees/);
  const results = page.getByTestId('train-results');
  await expect(results).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('train-error')).toHaveCount(0);
  await expect(page.getByTestId('cv-table').locator('tbody tr')).toHaveCount(5); // one row per fold
  await expect(page.getByTestId('cv-mean-auc')).toHaveText(/^0\.9\d{3}$/);
  await expect(page.getByTestId('tree-summary')).toContainText('40 trees');
  await expect(page.getByTestId('leaderboard-model-1')).toContainText('GBDT');
  await expect(page.getByTestId('holdout-metrics').getByTestId('metric-auc-ci')).toHaveText(/^0\.9\d{3} – 0\.9\d{3}$/);
  await snapPart(page, info, 'train-results', 'trees-gbdt-results');

  // a random search over the default ranges: 3 trials, each 5-fold CV, then the best one trained
  const panel = page.getByTestId('search-panel');
  await expect(panel).toContainText('Hyper-parameter search · Gradient boosting');
  await expect(panel.getByRole('checkbox', { name: 'Search Learning rate' })).toBeChecked();
  await page.getByTestId('search-trials').fill('3');
  await expect(page.getByTestId('search-summary')).toHaveText('3 random trials × 5 folds, seed 42');
  await snapPart(page, info, 'search-panel', 'trees-search-panel');
  await page.getByTestId('search-button').click();
  await expect(page.getByTestId('train-progress-text')).toContainText(/Search: \d of 3 trials/);
  await expect(page.getByTestId('leaderboard-row-5')).toBeVisible({ timeout: 240_000 });
  await expect(page.getByTestId('train-progress')).toHaveCount(0, { timeout: 120_000 });
  for (const n of [2, 3, 4]) {
    await expect(page.getByTestId(`leaderboard-model-${n}`)).toContainText(`random trial ${n - 1}/3`);
    await expect(page.getByTestId(`leaderboard-cv-${n}`)).toContainText(/AUC 0\.\d{4} ± 0\.\d{4}/);
    await expect(page.getByTestId(`leaderboard-holdout-${n}`)).toContainText('CV only');
  }
  await expect(page.getByTestId('leaderboard-model-5')).toContainText('best of 3-trial random search');
  await expect(page.getByTestId('leaderboard')).toContainText('· best');
  // the best trial's CV mean is the highest of the trials, and the trained best reproduces it
  const cvOf = async (n: number) => Number((await page.getByTestId(`leaderboard-cv-${n}`).textContent())!.match(/AUC (0\.\d{4})/)![1]);
  const trials = [await cvOf(2), await cvOf(3), await cvOf(4)];
  expect(await cvOf(5)).toBe(Math.max(...trials));
  await expect(results).toContainText('Results of run 5');
  await expect(page.getByTestId('holdout-metrics').getByTestId('metric-auc-ci')).toHaveText(/^0\.9\d{3} – 0\.9\d{3}$/);
  await snapPart(page, info, 'leaderboard', 'trees-leaderboard');
  // a trial row shows its folds and how to train it
  await page.getByRole('button', { name: 'Select run 2' }).click();
  await expect(page.getByTestId('trial-note')).toContainText('Trial 1 of a 3-trial random search');
  await expect(results.getByTestId('cv-table')).toBeVisible();
  await snap(page, info, 'trees-after-search');
});

test('a long random-forest run keeps the page responsive and can be cancelled', async ({ page }, info) => {
  test.setTimeout(120_000);
  await openDemo(page, 'adult');
  await goToTrain(page);
  await choose(page, 'Target column', 'income');
  await pickModel(page, 'Random forest');
  await page.getByTestId('tree-param-nEstimators').fill('5000');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('train-progress-text')).toContainText(/Cross-validation: 0 of 5 folds/);
  // the page answers while the worker trains: typing into a field, switching steps and back
  const seed = page.getByTestId('train-seed');
  await expect(seed).toBeDisabled();
  await page.getByRole('link', { name: 'Explore', exact: true }).click();
  await expect(page).toHaveURL(/#\/explore/, { timeout: 2_000 });
  await page.getByRole('link', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('train-progress')).toBeVisible({ timeout: 2_000 });
  await snapPart(page, info, 'train-bar', 'trees-forest-running');
  await page.getByTestId('cancel-training').click();
  await expect(page.getByTestId('train-notice')).toContainText('Training was cancelled', { timeout: 10_000 });
  await expect(page.getByTestId('train-progress')).toHaveCount(0);
  await expect(page.getByTestId('leaderboard')).toHaveCount(0);
  await expect(seed).toBeEnabled();
});

test('a decision-tree regression on wine_quality with a grid search over its depth', async ({ page }, info) => {
  test.setTimeout(180_000);
  await openDemo(page, 'wine_quality');
  await goToTrain(page);
  await choose(page, 'Target column', 'quality');
  await expect(page.getByTestId('train-kind')).toContainText('Regression');
  await pickModel(page, 'Decision tree');
  await expect(page.getByTestId('tree-param-maxDepth')).toHaveAttribute('placeholder', 'unlimited');
  await expect(page.getByTestId('train-cv-scheme')).toHaveValue('k-fold (random)');
  await page.getByTestId('train-cv-folds').fill('3');
  const panel = page.getByTestId('search-panel');
  await expect(panel).toContainText('Hyper-parameter search · Decision tree');
  await page.getByTestId('search-strategy').getByText('Grid', { exact: true }).click();
  await panel.getByRole('checkbox', { name: 'Search Min rows per leaf' }).uncheck();
  await panel.getByRole('textbox', { name: 'Max depth from' }).fill('2');
  await panel.getByRole('textbox', { name: 'Max depth to' }).fill('6');
  await page.getByTestId('search-trials').fill('');
  await expect(page.getByTestId('search-summary')).toHaveText('3 combinations × 3 folds, seed 42');
  await page.getByTestId('search-button').click();
  await expect(page.getByTestId('leaderboard-row-4')).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('train-progress')).toHaveCount(0, { timeout: 60_000 });
  // depths 2, 4, 6 in grid order, each with R² mean ± std over its 3 folds
  for (const [n, depth] of [[1, 2], [2, 4], [3, 6]]) {
    await expect(page.getByTestId(`leaderboard-model-${n}`)).toContainText(`grid trial ${n}/3`);
    await expect(page.getByTestId('leaderboard').getByRole('row').filter({ has: page.getByTestId(`leaderboard-model-${n}`) })).toContainText(`depth ${depth}`);
    await expect(page.getByTestId(`leaderboard-cv-${n}`)).toContainText(/R² -?0\.\d{4} ± 0\.\d{4}/);
  }
  await expect(page.getByTestId('leaderboard-model-4')).toContainText('best of 3-trial grid search');
  await expect(page.getByTestId('holdout-metrics').getByTestId('metric-r2-ci')).toHaveText(/^-?0\.\d{4} – -?0\.\d{4}$/);
  await snapPart(page, info, 'leaderboard', 'trees-grid-leaderboard');
});
