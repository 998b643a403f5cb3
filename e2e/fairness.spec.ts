/**
 * The Fairness step as an expert clicks through it in Chromium, on the COMPAS demo with a model
 * trained in the Train step: the group report (plain-language summary, four-fifths verdict with its
 * caveat, groups with intervals, charts, definitions, per-group thresholds as exploration only),
 * then the business view — outcome values, the threshold slider moving the value, selection rate
 * and verdicts, the value-maximising threshold, and a rule-based baseline; the choices come back
 * after a reload. Screenshots land in test-results/.
 */
import { expect, test } from '@playwright/test';
import { choose, goToTrain, openDemo, snap, snapPart } from './actions';

test('a fairness report and the business value of a threshold on COMPAS', async ({ page }, info) => {
  test.setTimeout(180_000);
  await openDemo(page, 'compas');
  // before any model: what is missing, and where to get it
  await page.getByRole('link', { name: 'Fairness', exact: true }).click();
  await expect(page.getByTestId('fairness-empty')).toContainText('Fairness reports need a scored model');
  await goToTrain(page);
  await choose(page, 'Target column', 'two_year_recid');
  await page.getByTestId('train-button').click();
  await expect(page.getByTestId('train-results')).toBeVisible({ timeout: 90_000 });

  await page.getByRole('link', { name: 'Fairness', exact: true }).click();
  await expect(page).toHaveURL(/#\/fairness$/);
  // first choices: the named sensitive columns, and "no recidivism" as the favourable outcome
  await expect(page.getByTestId('fairness-favorable')).toHaveValue('0');
  const summary = page.getByTestId('fairness-summary');
  await expect(summary).toContainText(/At threshold 0\.5 the model gives the favourable outcome \('0'\) to \d+(\.\d)?% of the [\d,]+ rows\./, { timeout: 60_000 });
  await expect(summary).toContainText(/By sex, (Male|Female) gets it at \d\.\d\d× the rate of (Male|Female)/);
  await expect(page.getByTestId('fairness-provenance')).toContainText(/of 7,214 rows \(held out\).*1,000 bootstrap resamples, seed 0/);
  await expect(page.getByTestId('disparity-sex')).toContainText('Four-fifths rule');
  await expect(page.getByTestId('disparity-sex')).toContainText('heuristic, not a statistical test and not a certificate of fairness');
  await expect(page.getByTestId('disparity-sex&age')).toBeVisible();
  await expect(page.getByTestId('fairness-group-row')).toHaveCount(2); // sex: Female, Male
  await expect(page.getByTestId('fairness-metric-chart').locator('svg').first()).toBeVisible();
  await expect(page.getByTestId('fairness-roc-chart').locator('svg').first()).toBeVisible();
  await expect(page.getByTestId('fairness-selection-chart').locator('svg').first()).toBeVisible();
  await snap(page, info, 'fairness-report');
  // the intersection: its groups, small ones flagged
  await page.getByTestId('fairness-attribute').getByText('sex&age').click();
  await expect(page.getByTestId('fairness-group-row').first()).toContainText(/^Female\|\[\d+, \d+\]/);
  await expect(page.getByTestId('fairness-group-row')).toHaveCount(8);
  await page.getByTestId('fairness-attribute').getByText('sex', { exact: true }).click();
  // definitions, and per-group thresholds shown as exploration only
  await page.getByTestId('fairness-definitions-toggle').click();
  await expect(page.getByTestId('fairness-definitions')).toContainText('calibration_curve');
  await page.getByTestId('per-group-thresholds-toggle').click();
  await expect(page.getByTestId('disparate-treatment-note')).toContainText('exploration only');
  const before = await page.getByTestId('per-group-value').textContent();
  const thumb = page.getByTestId('per-group-thresholds').getByRole('slider').first();
  await thumb.focus();
  for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('per-group-value')).not.toHaveText(before!);
  await snapPart(page, info, 'per-group-thresholds', 'fairness-per-group');

  // the business view: values of the outcomes, then the threshold slider
  await page.getByTestId('tab-fairness-value').click();
  await expect(page).toHaveURL(/#\/fairness\/value$/);
  await page.getByTestId('value-tp').fill('0');
  await page.getByTestId('value-fp').fill('-300');
  await page.getByTestId('value-fn').fill('-1000');
  await page.getByTestId('value-tn').fill('200');
  await page.getByTestId('value-unit').fill('USD');
  const value = page.getByTestId('value-at-threshold-value');
  await expect(value).toContainText('USD per row');
  await expect(page.getByTestId('value-chart').locator('svg').first()).toBeVisible();
  const valueAt50 = await value.textContent();
  const selectionAt50 = await page.getByTestId('selection-at-threshold-value').textContent();
  const verdictsAt50 = await page.getByTestId('value-verdicts').textContent();
  const thresholdThumb = page.getByTestId('threshold-slider').getByRole('slider');
  await thresholdThumb.focus();
  for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('threshold-input')).toHaveValue('0.75');
  await expect(value).not.toHaveText(valueAt50!);
  await expect(page.getByTestId('selection-at-threshold-value')).not.toHaveText(selectionAt50!);
  await expect(page.getByTestId('value-summary')).toContainText('At threshold 0.75');
  const verdictsAt75 = await page.getByTestId('value-verdicts').textContent();
  expect(verdictsAt75).not.toBe(verdictsAt50); // the ratios move with the threshold
  // the value-maximising threshold is marked, and can be taken
  const best = (await page.getByTestId('best-threshold-value').textContent())!;
  await page.getByTestId('use-best-threshold').click();
  await expect(page.getByTestId('threshold-input')).toHaveValue(Number(best).toFixed(2));
  // at the best threshold, the value is the best value
  await expect(value).toHaveText((await page.getByTestId('best-threshold-detail').textContent())!);
  // a baseline rule beside the model
  await page.getByTestId('baseline-rule').fill('priors_count < 3');
  await page.getByTestId('baseline-apply').click();
  await expect(page.getByTestId('baseline-value')).toContainText(/Selection rate \d+(\.\d)?% · the model (adds|loses) [\d,.]+ USD per row/);
  await expect(page.getByTestId('value-groups-table')).toContainText('Baseline value per row');
  await snap(page, info, 'fairness-value');
  // a broken rule says why, and nothing else is lost
  await page.getByTestId('baseline-rule').fill('priors_count <');
  await page.getByTestId('baseline-apply').click();
  await expect(page.getByTestId('value-error')).toBeVisible();
  await page.getByTestId('baseline-rule').fill('priors_count < 3');
  await page.getByTestId('baseline-apply').click();
  await expect(page.getByTestId('value-error')).toHaveCount(0);

  // the choices come back with the workspace after a reload
  await page.waitForTimeout(500); // the autosave is debounced
  await page.reload();
  await expect(page).toHaveURL(/#\/fairness\/value$/);
  await expect(page.getByTestId('value-fp')).toHaveValue('-300', { timeout: 60_000 });
  await expect(page.getByTestId('value-unit')).toHaveValue('USD');
  await expect(page.getByTestId('baseline-value')).toContainText('priors_count < 3', { timeout: 60_000 });
});
