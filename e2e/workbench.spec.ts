/**
 * The foundation flows as a user clicks through them in Chromium: open a demo dataset, upload
 * files through the file chooser, explore columns and charts, filter, compare, survive errors,
 * cancel a long load, and find the workspace again after a reload. Screenshots of each step are
 * attached to the test results (test-results/).
 */
import { expect, test } from '@playwright/test';
import { chooseFile, openDemo, snap } from './actions';
import { europeanCsv, largeCsv, parquetFile, raggedCsv, writeFixture } from './fixtures';

test('start page lists the demo datasets and opens one', async ({ page }, info) => {
  await page.goto('/');
  for (const name of ['adult', 'german_credit', 'compas', 'wine_quality', 'synthetic_loans']) {
    await expect(page.getByRole('button', { name: `Open ${name}` })).toBeVisible();
  }
  await snap(page, info, 'start-page');
  await page.getByRole('button', { name: 'Open adult' }).click();
  await expect(page.getByTestId('dataset-shape')).toHaveText('48,842 rows × 16 columns');
  const preview = page.getByTestId('data-preview');
  await expect(preview).toBeVisible();
  await expect(preview.getByRole('columnheader', { name: /workclass/ })).toBeVisible();
  await expect(page.getByLabel('Type of age')).toHaveValue('numeric');
  await expect(page.getByLabel('Type of workclass')).toHaveValue('categorical');
  await snap(page, info, 'adult-preview');
});

test('sorting the preview reorders the rows', async ({ page }) => {
  await openDemo(page, 'german_credit');
  const header = page.getByTestId('data-preview').getByRole('columnheader', { name: /^age/ });
  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const firstAge = page.getByTestId('data-preview').locator('tbody tr').first();
  await expect(firstAge).toContainText('19');
  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByTestId('data-preview').locator('tbody tr').first()).toContainText('75');
});

test('uploads a ;-separated CSV with decimal commas through the file chooser', async ({ page }, info) => {
  await page.goto('/');
  // the delimiter stays on Auto (sniffed as ';'); the decimal comma must be said
  await expect(page.getByTestId('delimiter-select')).toHaveValue('auto');
  await page.getByTestId('decimal-select').selectOption(',');
  await chooseFile(page, writeFixture('cities.csv', europeanCsv()));
  await expect(page.getByTestId('dataset-shape')).toHaveText('120 rows × 5 columns');
  await expect(page.getByLabel('Type of population')).toHaveValue('numeric');
  await expect(page.getByLabel('Type of founded')).toHaveValue('datetime');
  await expect(page.getByTestId('data-preview')).toContainText('Doe; "J" 0');
  await snap(page, info, 'uploaded-csv');
  // the file itself is kept in IndexedDB: a reload brings it back with its options
  await page.reload();
  await expect(page.getByTestId('dataset-name')).toContainText('cities.csv');
  await expect(page.getByTestId('dataset-shape')).toHaveText('120 rows × 5 columns');
  await expect(page.getByLabel('Type of population')).toHaveValue('numeric');
});

test('a malformed CSV names the line and keeps the open dataset', async ({ page }, info) => {
  await openDemo(page, 'german_credit');
  await expect(page.getByTestId('dataset-shape')).toHaveText('1,000 rows × 22 columns');
  await page.getByRole('button', { name: 'Open another dataset' }).click();
  await chooseFile(page, writeFixture('ragged.csv', raggedCsv()));
  const error = page.getByTestId('load-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('line 5: expected 3 fields (as in the header) but found 2');
  await snap(page, info, 'malformed-csv-error');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('dataset-shape')).toHaveText('1,000 rows × 22 columns');
  await expect(page.getByTestId('dataset-name')).toContainText('german_credit');
});

test('a binary file is refused with a clear message', async ({ page }) => {
  await page.goto('/');
  await chooseFile(page, writeFixture('image.csv', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])));
  await expect(page.getByTestId('load-error')).toContainText('does not look like a CSV text file');
});

test('loads a Parquet file', async ({ page }) => {
  await page.goto('/');
  await chooseFile(page, writeFixture('scores.parquet', parquetFile()));
  await expect(page.getByTestId('dataset-shape')).toHaveText('500 rows × 3 columns');
  await expect(page.getByTestId('dataset-format')).toContainText(/parquet/i);
  await expect(page.getByLabel('Type of approved')).toHaveValue('boolean');
});

test('profile shows the statistics and a column chart that exports', async ({ page }, info) => {
  await openDemo(page, 'synthetic_loans');
  await page.getByRole('link', { name: 'Explore' }).click();
  const profile = page.getByTestId('profile-table');
  await expect(profile).toBeVisible();
  await expect(profile).toContainText('income');
  await page.getByRole('button', { name: 'Show details of income' }).click();
  const detail = page.getByTestId('column-detail');
  await expect(detail).toBeVisible();
  const chart = detail.getByTestId('column-distribution-chart');
  await expect(chart.locator('svg, canvas').first()).toBeVisible();
  await expect(detail.getByTestId('outliers')).toBeVisible();
  await snap(page, info, 'column-detail');
  await info.attach('income-histogram', { body: await chart.screenshot(), contentType: 'image/png' });
  // export as SVG through the chart's actions menu
  await chart.locator('summary, [aria-label*="xport" i]').first().click();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /SVG/i }).first().click();
  expect((await download).suggestedFilename()).toMatch(/\.svg$/);
});

test('missing values, correlations and target views render', async ({ page }, info) => {
  await openDemo(page, 'synthetic_loans');
  await page.getByRole('link', { name: 'Explore' }).click();
  await page.getByRole('tab', { name: 'Missing values' }).click();
  await expect(page.getByTestId('missing-bars-chart').locator('svg, canvas').first()).toBeVisible();
  await snap(page, info, 'missing-values');
  await page.getByRole('tab', { name: 'Correlations' }).click();
  await expect(page.getByTestId('correlation-chart').locator('svg, canvas').first()).toBeVisible();
  await snap(page, info, 'correlations');
  await page.getByRole('tab', { name: 'Target' }).click();
  await page.getByRole('combobox', { name: 'Target column' }).click();
  await page.getByRole('option', { name: 'default', exact: true }).click();
  await expect(page.getByLabel('Columns ranked by mutual information')).toContainText('num_prior_defaults');
  await expect(page.getByTestId('target-breakdown-chart').locator('svg, canvas').first()).toBeVisible();
  await snap(page, info, 'target-analysis');
});

test('a subpopulation filter re-scopes the views and compare runs a test', async ({ page }, info) => {
  await openDemo(page, 'adult');
  const filter = page.getByLabel('Subpopulation filter');
  await filter.fill('sex = Female and age > 40');
  await page.getByTestId('filter-apply').click();
  await expect(page.getByTestId('filter-status')).toContainText('5,953 of 48,842 rows');
  await filter.fill('sexx = Female');
  await page.getByTestId('filter-apply').click();
  await expect(page.getByText("column 'sexx' not found in the filter (did you mean 'sex'?)")).toBeVisible();
  await filter.fill('sex = female');
  await page.getByTestId('filter-apply').click();
  await expect(page.getByText("filter: column 'sex' has no value 'female' (did you mean 'Female'?)")).toBeVisible();
  await filter.fill('age > 200');
  await page.getByTestId('filter-apply').click();
  await expect(page.getByText(/No rows match this filter/)).toBeVisible();
  await page.getByTestId('filter-clear').click();

  await page.getByRole('link', { name: 'Explore' }).click();
  await page.getByRole('tab', { name: 'Compare' }).click();
  await page.getByRole('combobox', { name: 'Column to compare' }).click();
  await page.getByRole('option', { name: 'hours-per-week', exact: true }).click();
  await page.getByLabel('Group A filter').fill('sex = Female');
  await page.getByLabel('Group B filter').fill('sex = Male');
  await page.getByTestId('compare-run').click();
  await expect(page.getByTestId('compare-test-name')).toContainText(/Welch|Mann/);
  await expect(page.getByTestId('compare-pvalue')).toBeVisible();
  await expect(page.getByTestId('compare-interpretation')).toContainText(/significant/);
  await snap(page, info, 'compare');
  // the comparison is part of the workspace
  await page.reload();
  await expect(page.getByTestId('compare-test-name')).toContainText(/Welch|Mann/);
  await expect(page.getByLabel('Group A filter')).toHaveValue('sex = Female');
});

test('a type override and the view survive a reload', async ({ page }) => {
  await openDemo(page, 'compas');
  await page.getByLabel('Type of juv_fel_count').selectOption('categorical');
  await expect(page.getByLabel('Type of juv_fel_count')).toHaveValue('categorical');
  await page.getByRole('link', { name: 'Explore' }).click();
  await page.getByRole('tab', { name: 'Correlations' }).click();
  await page.reload();
  await expect(page.getByTestId('dataset-name')).toContainText('compas');
  await expect(page.getByRole('tab', { name: 'Correlations' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('link', { name: 'Data', exact: true }).click();
  await expect(page.getByLabel('Type of juv_fel_count')).toHaveValue('categorical');
});

test('a long load shows progress and can be cancelled, keeping the open dataset', async ({ page }, info) => {
  test.setTimeout(180_000);
  await openDemo(page, 'diabetes');
  await page.getByRole('button', { name: 'Open another dataset' }).click();
  // ~110 MB: several seconds of parsing, so there is time to cancel (a load this size takes ~3 s)
  await chooseFile(page, writeFixture('large.csv', largeCsv(3_000_000)));
  await expect(page.getByTestId('load-progress')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel loading' }).click({ timeout: 5_000 });
  await expect(page.getByTestId('load-notice')).toContainText(/cancelled/i);
  await snap(page, info, 'load-cancelled');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('dataset-shape')).toHaveText('442 rows × 11 columns');
});

test('the main flow works from the keyboard alone', async ({ page }) => {
  await page.goto('/');
  // Tab to the demo dataset's Open button and press Enter
  const target = page.getByRole('button', { name: 'Open german_credit' });
  for (let i = 0; i < 40 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('dataset-shape')).toHaveText('1,000 rows × 22 columns');
  // sort a column from its header button with the keyboard
  const ageHeader = page.getByTestId('data-preview').getByRole('columnheader', { name: /^age/ });
  await ageHeader.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(ageHeader).toHaveAttribute('aria-sort', 'ascending');
  // type a filter and apply it with Enter
  await page.getByLabel('Subpopulation filter').focus();
  await page.keyboard.type('sex = female');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('filter-status')).toContainText('310 of 1,000 rows');
  // move between explore tabs with the arrow keys
  await page.getByRole('link', { name: 'Explore' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: 'Profile' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Missing values' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Missing values' })).toHaveAttribute('aria-selected', 'true');
});
