/**
 * The Drift step as a user clicks through it in Chromium: the wine demo split at alcohol 11 (the
 * book's example) flags alcohol and density, the domain classifier names alcohol, a column's two
 * distributions are drawn; a second file compared with the open dataset; a bad condition says
 * why. Screenshots land in test-results/.
 */
import { expect, test } from '@playwright/test';
import { choose, importAndScore, openDemo, snap, snapPart } from './actions';

test('splits the wine demo at alcohol 11 and flags the alcohol-related columns', async ({ page }, info) => {
  test.setTimeout(180_000);
  await openDemo(page, 'wine_quality');
  await page.getByRole('link', { name: 'Drift', exact: true }).click();
  await expect(page).toHaveURL(/#\/drift$/);
  await expect(page.getByTestId('drift-run')).toBeDisabled();
  await page.getByTestId('drift-current').fill('alcohol >=');
  await page.getByTestId('drift-run').click();
  await expect(page.getByTestId('drift-error')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('drift-current').fill('alcohol >= 11');
  await page.getByTestId('drift-run').click();
  await expect(page.getByTestId('drift-summary')).toContainText(/Compared [\d,]+ reference rows with [\d,]+ current rows on 13 columns/, { timeout: 120_000 });
  await expect(page.getByTestId('drift-summary')).toContainText('Most drifted: alcohol');
  const rows = page.getByTestId('drift-column-row');
  await expect(rows.first()).toContainText('alcohol');
  await expect(rows.first()).toContainText('Major shift');
  await expect(page.getByTestId('drift-columns-table').getByRole('row', { name: /^density/ })).toContainText('Major shift');
  await expect(page.getByTestId('drift-domain')).toContainText(/out-of-fold AUC (0\.9\d\d|1\.000)/);
  await expect(page.getByTestId('drift-domain-chart').locator('svg').first()).toBeVisible();
  await expect(page.getByTestId('drift-overlay-chart')).toContainText('alcohol: reference vs current');
  // another column's distributions, from the keyboard
  await page.getByTestId('drift-columns-table').getByRole('row', { name: /^type/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('drift-overlay-chart')).toContainText('type: reference vs current');
  await expect(page.getByTestId('drift-model-note')).toContainText('score the dataset');
  await snap(page, info, 'drift-wine');

  // another file as the current data: the red wines only
  await page.getByTestId('drift-mode').getByText('Another file').click();
  const header = 'type,fixed acidity,volatile acidity,citric acid,residual sugar,chlorides,free sulfur dioxide,total sulfur dioxide,density,pH,sulphates,alcohol,quality';
  const body = ['red,7.4,0.7,0,1.9,0.076,11,34,0.9978,3.51,0.56,9.4,5', 'red,7.8,0.88,0,2.6,0.098,25,67,0.9968,3.2,0.68,9.8,5', 'red,11.2,0.28,0.56,1.9,0.075,17,60,0.998,3.16,0.58,9.8,6'];
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('drift-file').click();
  await (await chooser).setFiles({ name: 'reds.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...body].join('\n') + '\n') });
  await expect(page.getByTestId('drift-file-name')).toContainText('reds.csv · 3 rows');
  await page.getByTestId('drift-classifier').click(); // 3 rows are too few for 5 folds
  await page.getByTestId('drift-run').click();
  await expect(page.getByTestId('drift-summary')).toContainText(/Compared 6,497 reference rows with 3 current rows/, { timeout: 60_000 });
});

test('an imported model on the loans demo split by date: prediction and performance drift', async ({ page }, info) => {
  test.setTimeout(120_000);
  await openDemo(page, 'synthetic_loans');
  await importAndScore(page, 'loans_gbm.onnx', '20,000');
  await page.getByTestId('go-to-evaluation').click();
  await choose(page, 'Target column', 'default');
  await page.getByRole('link', { name: 'Drift', exact: true }).click();
  await page.getByTestId('drift-mode').getByText('Split by a date').click();
  await choose(page, 'Column', 'application_date');
  await page.getByTestId('drift-date-at').fill('2024-07-01');
  await page.getByTestId('drift-classifier').click();
  await page.getByTestId('drift-run').click();
  await expect(page.getByTestId('drift-summary')).toContainText(/Compared [\d,]+ reference rows with [\d,]+ current rows/, { timeout: 60_000 });
  await expect(page.getByTestId('drift-prediction-chart')).toContainText('Model score: reference vs current');
  await expect(page.getByTestId('drift-performance')).toContainText('AUC');
  await expect(page.getByTestId('drift-summary')).toContainText('application_date ≥ 2024-07-01');
  await snapPart(page, info, 'drift-model', 'drift-model');
});
