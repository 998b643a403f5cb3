/** What the browser tests do on a page, shared by the spec files: screenshots, opening a demo, picking options and files. */
import { expect, type Page, type TestInfo } from '@playwright/test';

/** Saves a full-page screenshot (from the top) in the test's output folder (test-results/) and attaches it to the report. */
export async function snap(page: Page, info: TestInfo, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const path = info.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await info.attach(name, { path, contentType: 'image/png' });
}

/** A screenshot of one part of the page (readable at full size). */
export async function snapPart(page: Page, info: TestInfo, testId: string, name: string) {
  const path = info.outputPath(`${name}.png`);
  // the fixed page header would cover the part once it is scrolled under it
  await page.getByTestId(testId).screenshot({ path, style: '.mantine-AppShell-header { visibility: hidden; }' });
  await info.attach(name, { path, contentType: 'image/png' });
}

export async function openDemo(page: Page, name: string) {
  await page.goto('/');
  await page.getByRole('button', { name: `Open ${name}` }).click();
  await expect(page.getByTestId('dataset-name')).toContainText(name);
}

/** Picks `option` in the select (combobox) labelled `label`. */
export async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Picks a file through the page's file chooser (the dialog the drop zone opens). */
export async function chooseFile(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('dropzone').first().click();
  await (await chooser).setFiles(path);
}

/** Opens the Train step from the navigation. */
export async function goToTrain(page: Page) {
  await page.getByRole('link', { name: 'Train', exact: true }).click();
  await expect(page).toHaveURL(/#\/train$/);
  await expect(page.getByTestId('train-setup')).toBeVisible();
}

/** Imports a model from public/models in the Model step and scores the open dataset with it. */
export async function importAndScore(page: Page, file: string, rows: string) {
  await page.getByRole('link', { name: 'Model', exact: true }).click();
  await page.getByTestId('model-file-input').setInputFiles(`public/models/${file}`);
  await page.getByTestId('score-dataset').click();
  await expect(page.getByTestId('scoring-summary')).toContainText(new RegExp(`^Scored ${rows} rows`), { timeout: 60_000 });
}
