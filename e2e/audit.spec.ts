/**
 * Experiments and the auditor view as users click through them in Chromium: a data scientist
 * scores the loans demo with an imported model, looks at fairness, and saves the experiment with
 * its data embedded; it is verified, survives a reload, and downloads as a file. An auditor then
 * opens it by deep link in a fresh browser context (no storage) and sees the same numbers and the
 * verified banner; a tampered copy is flagged; the HTML audit report opens offline and loads
 * nothing. Screenshots land in test-results/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { choose, importAndScore, openDemo, snap } from './actions';

/** Partial dependence on income in the Explain step (recorded with the next saved experiment). */
async function pdpOnIncome(page: Page) {
  await page.getByRole('link', { name: 'Explain', exact: true }).click();
  await page.getByTestId('tab-explain-pdp').click();
  await choose(page, 'Column', 'income');
  await page.getByTestId('pdp-sample').fill('300');
  await page.getByTestId('pdp-run').click();
  await expect(page.getByTestId('pdp-chart')).toContainText('300 of 20,000 rows', { timeout: 60_000 });
}

test('save an experiment, reopen it after a reload, and audit it by deep link in a fresh context', async ({ page, browser }, info) => {
  test.setTimeout(240_000);
  await openDemo(page, 'synthetic_loans');
  await importAndScore(page, 'loans_gbm.onnx', '20,000');
  await page.getByTestId('go-to-evaluation').click();
  await choose(page, 'Target column', 'default');
  await page.getByRole('link', { name: 'Fairness', exact: true }).click();
  await expect(page.getByTestId('fairness-summary')).toBeVisible({ timeout: 60_000 });
  await pdpOnIncome(page);

  await page.getByRole('link', { name: 'Audit', exact: true }).click();
  await expect(page).toHaveURL(/#\/audit$/);
  await expect(page.getByTestId('experiments-empty')).toBeVisible();
  await page.getByTestId('save-note').fill('champion <v1>');
  await page.getByTestId('save-experiment-button').click();
  await expect(page).toHaveURL(/#\/audit\/[0-9a-f]{64}$/, { timeout: 120_000 });
  const id = page.url().split('/').pop()!;
  const banner = page.getByTestId('verification-banner');
  await expect(banner).toHaveAttribute('data-status', 'verified', { timeout: 120_000 });
  await expect(page.getByTestId('audit-note')).toHaveText('champion <v1>');
  await expect(page.getByTestId('audit-rows')).toContainText('20,000 of 20,000 rows');
  await expect(page.getByTestId('audit-fairness')).toContainText('Four-fifths rule');
  const auc = (await page.getByTestId('audit-metric-auc').textContent())!;
  expect(auc).toMatch(/^0\.\d{4}$/);
  await snap(page, info, 'audit-verified');

  // the file
  const download = page.waitForEvent('download');
  await page.getByTestId('download-snapshot').click();
  const file = info.outputPath('experiment.json');
  await (await download).saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8')).id).toBe(id);

  // the audit report: one HTML file that opens offline and loads nothing
  const reportDownload = page.waitForEvent('download');
  await page.getByTestId('export-report').click();
  const reportFile = info.outputPath('audit-report.html');
  await (await reportDownload).saveAs(reportFile);
  const offline = await browser.newContext({ offline: true });
  const reader = await offline.newPage();
  const requests: string[] = [];
  reader.on('request', (r) => {
    if (!r.url().startsWith('file:')) requests.push(r.url());
  });
  await reader.goto(`file://${reportFile}`);
  await expect(reader.locator('body')).toContainText(id);
  await expect(reader.locator('body')).toContainText('champion <v1>');
  await expect(reader.locator('svg').first()).toBeVisible();
  expect(requests).toEqual([]);
  await snap(reader, info, 'audit-report');
  await offline.close();

  // a reload keeps it: the link opens it again, and the list has it
  await page.reload();
  await expect(page.getByTestId('verification-banner')).toHaveAttribute('data-status', 'verified', { timeout: 120_000 });
  await expect(page.getByTestId('audit-metric-auc')).toHaveText(auc);
  await page.getByRole('link', { name: 'Audit', exact: true }).click();
  await expect(page.getByTestId('experiment-row')).toHaveCount(1);
  await expect(page.getByTestId('experiment-row')).toContainText('champion <v1>');

  // a challenger: another model on the same rows, compared pair-wise with the champion
  await importAndScore(page, 'loans_logistic.onnx', '20,000');
  await pdpOnIncome(page);
  await page.getByRole('link', { name: 'Audit', exact: true }).click();
  await page.getByTestId('save-note').fill('challenger');
  await page.getByTestId('save-experiment-button').click();
  await expect(page.getByTestId('verification-banner')).toHaveAttribute('data-status', 'verified', { timeout: 120_000 });
  await page.getByRole('link', { name: 'Audit', exact: true }).click();
  await expect(page.getByTestId('experiment-row')).toHaveCount(2);
  await page.getByTestId('experiments-search').fill('challeng');
  await expect(page.getByTestId('experiment-row')).toHaveCount(1);
  await page.getByTestId('experiments-search').fill('');
  for (const box of await page.getByTestId('experiment-row').getByRole('checkbox').all()) await box.check();
  await page.getByTestId('compare-button').click();
  await expect(page.getByTestId('compare-experiments')).toContainText('Model file');
  await expect(page.getByTestId('paired-table')).toContainText(/auc.*(challenger better|champion better|no clear difference)/, { timeout: 120_000 });
  await expect(page.getByTestId('paired-roc-chart').locator('svg').first()).toBeVisible();
  await expect(page.getByTestId('compare-pdp-chart')).toContainText('Partial dependence on income, as recorded');
  await expect(page.getByTestId('compare-fairness')).toContainText('parity ratio');
  await snap(page, info, 'audit-compare');

  // an auditor in a fresh browser context (no storage) opens it by deep link
  const auditor = await browser.newContext();
  const audit = await auditor.newPage();
  await audit.route('**/shared/experiment.json', (route) => route.fulfill({ path: file, contentType: 'application/json' }));
  await audit.goto(`/#/audit/open?url=${encodeURIComponent('/shared/experiment.json')}`);
  await expect(audit.getByTestId('verification-banner')).toHaveAttribute('data-status', 'verified', { timeout: 120_000 });
  await expect(audit.getByTestId('audit-id')).toHaveText(id);
  await expect(audit.getByTestId('audit-metric-auc')).toHaveText(auc);
  await expect(audit.getByTestId('audit-note')).toHaveText('champion <v1>');
  await snap(audit, info, 'audit-fresh-context');

  // a tampered copy: the AUC nudged (id left as it was)
  const tampered = JSON.parse(readFileSync(file, 'utf8'));
  tampered.evaluation.metrics.auc += 0.01;
  const tamperedFile = info.outputPath('tampered.json');
  writeFileSync(tamperedFile, JSON.stringify(tampered));
  await audit.route('**/shared/tampered.json', (route) => route.fulfill({ path: tamperedFile, contentType: 'application/json' }));
  await audit.goto(`/#/audit/open?url=${encodeURIComponent('/shared/tampered.json')}`);
  await expect(audit.getByTestId('verification-banner')).toHaveAttribute('data-status', 'not-verified', { timeout: 120_000 });
  await expect(audit.getByTestId('verification-reasons')).toContainText('the id does not match the content');
  await auditor.close();
});
