/**
 * The team server as people use it, in Chromium against `glassbox serve` (which serves the built
 * app with COOP/COEP, so the page is cross-origin isolated): a data scientist signs in with an
 * editor token and saves an experiment to the server; a reviewer, in a fresh browser context,
 * opens the deep link, signs in and signs it off; an auditor, in another fresh context, opens the
 * deep link and sees the same numbers, the sign-off and a verified banner backed by the server's
 * audit log. Then the server goes away: the next experiment is kept in the browser and uploaded
 * by itself when the server is back, and the list shows who signed off what (and what awaits a
 * sign-off). Screenshots land in test-results/.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { choose, importAndScore, openDemo, snap } from './actions';
import { ROOT, runCliProcess, startServerProcess, type ServerProcess } from '../src/server/testing/serverProcess';

/** The server of these tests: the CLI from the current sources, serving the app the Playwright web server built. */
const startServer = (dataDir: string, port: number) => startServerProcess(['--data-dir', dataDir, '--port', String(port)], { GLASSBOX_APP_DIR: join(ROOT, 'dist/app') });

async function mintToken(dataDir: string, role: string, name: string): Promise<string> {
  const r = await runCliProcess(['token', '--data-dir', dataDir, '--role', role, '--name', name]);
  if (r.code !== 0) throw new Error(`glassbox token failed: ${r.stderr}`);
  return r.stdout.trim();
}

const PORT = 4181;
const BASE = `http://127.0.0.1:${PORT}`;
test.use({ baseURL: BASE });
test.describe.configure({ mode: 'serial' });

let dataDir: string;
let server: ServerProcess;
const tokens: Record<'editor' | 'reviewer' | 'auditor', string> = { editor: '', reviewer: '', auditor: '' };
let page: Page;
let id = '';
let auc = '';

test.beforeAll(async ({ browser }) => {
  dataDir = mkdtempSync(join(tmpdir(), 'glassbox-e2e-server-'));
  tokens.editor = await mintToken(dataDir, 'editor', 'dana');
  tokens.reviewer = await mintToken(dataDir, 'reviewer', 'rob');
  tokens.auditor = await mintToken(dataDir, 'auditor', 'ada');
  server = await startServer(dataDir, PORT);
  expect(server.output()).toContain('app from');
  page = await (await browser.newContext()).newPage();
});

test.afterAll(async () => {
  await page?.context().close();
  await server?.stop();
});

async function signIn(p: Page, token: string, name: string) {
  await p.getByTestId('server-token').fill(token);
  await p.getByTestId('server-sign-in-button').click();
  await expect(p.getByTestId('server-badge')).toContainText(name);
}

/** A fresh browser context (nothing stored) opening the experiment's deep link and signing in. */
async function openAs(browser: Browser, role: 'reviewer' | 'auditor', name: string): Promise<Page> {
  const p = await (await browser.newContext()).newPage();
  await p.goto(`/#/audit/${id}`);
  await expect(p.getByTestId('audit-sign-in-needed')).toContainText('Sign in to the team server');
  await signIn(p, tokens[role], name);
  await expect(p.getByTestId('auditor-view')).toBeVisible();
  await expect(p.getByTestId('audit-id')).toHaveText(id);
  return p;
}

test('a data scientist saves an experiment to the team server', async ({ browserName: _browserName }, info) => {
  test.setTimeout(240_000);
  const response = await page.goto('/');
  expect(response!.headers()['cross-origin-opener-policy']).toBe('same-origin');
  expect(response!.headers()['cross-origin-embedder-policy']).toBe('require-corp');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await openDemo(page, 'synthetic_loans');
  await importAndScore(page, 'loans_gbm.onnx', '20,000');
  await page.getByTestId('go-to-evaluation').click();
  await choose(page, 'Target column', 'default');
  // the header offers the sign-in; it is on the Audit step
  await page.getByTestId('server-sign-in-link').click();
  await expect(page).toHaveURL(/#\/audit$/);
  await expect(page.getByTestId('server-connection')).toHaveAttribute('data-state', 'signed-out');
  // a wrong token is refused with the server's reason
  await page.getByTestId('server-token').fill('gbx_wrong');
  await page.getByTestId('server-sign-in-button').click();
  await expect(page.getByTestId('server-sign-in')).toContainText('token not recognised');
  await signIn(page, tokens.editor, 'dana');
  await expect(page.getByTestId('server-role')).toHaveText('editor');
  await expect(page.getByTestId('save-destination-note')).toContainText('Saved on the team server as dana');
  await page.getByTestId('save-note').fill('loans GBM for committee review');
  await snap(page, info, 'server-save');
  await page.getByTestId('save-experiment-button').click();
  await expect(page).toHaveURL(/#\/audit\/[0-9a-f]{64}$/, { timeout: 120_000 });
  id = page.url().split('/').pop()!;
  await expect(page.getByTestId('verification-banner')).toHaveAttribute('data-status', 'verified', { timeout: 120_000 });
  await expect(page.getByTestId('signoffs-empty')).toBeVisible();
  await expect(page.getByTestId('verification-server')).toContainText('open to reviewers and auditors');
  auc = (await page.getByTestId('audit-metric-auc').textContent())!;
  expect(auc).toMatch(/^0\.\d{4}$/);
  // the server holds exactly these bytes, created by dana
  const list = await (await fetch(`${BASE}/api/snapshots`, { headers: { authorization: `Bearer ${tokens.auditor}` } })).json();
  expect(list.items).toEqual([{ id, createdAt: expect.any(String), author: 'dana', note: 'loans GBM for committee review' }]);
  await page.getByRole('button', { name: 'All experiments' }).click();
  await expect(page.getByTestId('experiment-row')).toHaveCount(1);
  await expect(page.getByTestId('badge-server')).toBeVisible();
  await expect(page.getByTestId('badge-local')).toBeVisible();
  await snap(page, info, 'server-list');
});

test('a reviewer opens the deep link in a fresh browser and signs it off', async ({ browser }, info) => {
  test.setTimeout(180_000);
  const reviewer = await openAs(browser, 'reviewer', 'rob');
  await expect(reviewer.getByTestId('verification-banner')).toHaveAttribute('data-status', 'verified', { timeout: 120_000 });
  await expect(reviewer.getByTestId('verification-server')).toContainText('created by dana');
  await reviewer.getByTestId('signoff-comment').fill('Metrics reproduced; fairness within tolerance.');
  await reviewer.getByTestId('signoff-submit').click();
  await expect(reviewer.getByTestId('signoff-row')).toHaveCount(1);
  await expect(reviewer.getByTestId('signoff-row')).toContainText('rob');
  await expect(reviewer.getByTestId('signoff-row')).toContainText('Approved');
  await snap(reviewer, info, 'server-reviewer-signoff');
  await reviewer.context().close();
});

test('an auditor opens the deep link in a fresh browser: the numbers, the sign-off, verified by the audit log', async ({ browser }, info) => {
  test.setTimeout(180_000);
  const auditor = await openAs(browser, 'auditor', 'ada');
  await expect(auditor.getByTestId('audit-metric-auc')).toHaveText(auc);
  await expect(auditor.getByTestId('audit-note')).toHaveText('loans GBM for committee review');
  await expect(auditor.getByTestId('signoff-row')).toContainText('Metrics reproduced; fairness within tolerance.');
  await expect(auditor.getByTestId('signoff-form')).toHaveCount(0);
  const banner = auditor.getByTestId('verification-banner');
  await expect(banner).toHaveAttribute('data-status', 'verified', { timeout: 120_000 });
  await expect(auditor.getByTestId('verification-server')).toContainText('created by dana');
  await expect(auditor.getByTestId('verification-server')).toContainText('hash chain');
  await expect(auditor.getByTestId('verification-server')).toContainText('1 sign-off');
  await snap(auditor, info, 'server-auditor');
  await auditor.context().close();
  // the audit log has it all: the creation, the reviewer's and the auditor's reads, the sign-off
  const log = (await (await fetch(`${BASE}/api/audit-log`, { headers: { authorization: `Bearer ${tokens.auditor}` } })).json()) as { action: string; actor: string; target: string }[];
  const mine = log.filter((e) => e.target === id).map((e) => `${e.action} ${e.actor}`);
  expect(mine[0]).toBe('snapshot.create dana');
  expect(mine).toContain('snapshot.read rob');
  expect(mine).toContain('signoff.create rob');
  expect(mine).toContain('snapshot.read ada');
});

test('while the server is down the next experiment waits in the browser, then uploads itself', async ({ browserName: _browserName }, info) => {
  test.setTimeout(240_000);
  await page.getByRole('link', { name: 'Audit', exact: true }).click();
  await server.stop();
  await expect(page.getByTestId('server-connection')).toHaveAttribute('data-state', 'unreachable', { timeout: 30_000 });
  await page.getByTestId('save-note').fill('challenger saved offline');
  await page.getByTestId('save-experiment-button').click();
  await expect(page).toHaveURL(/#\/audit\/[0-9a-f]{64}$/, { timeout: 120_000 });
  const offlineId = page.url().split('/').pop()!;
  expect(offlineId).not.toBe(id);
  await expect(page.getByText('Saved in this browser; waiting for the team server')).toBeVisible();
  await page.getByRole('button', { name: 'All experiments' }).click();
  await expect(page.getByTestId('server-unreachable')).toContainText('1 waiting to be uploaded');
  await expect(page.getByTestId('badge-waiting')).toHaveCount(1);
  await snap(page, info, 'server-offline');
  server = await startServer(dataDir, PORT);
  await expect(page.getByTestId('server-connection')).toHaveAttribute('data-state', 'signed-in', { timeout: 45_000 });
  await expect(page.getByTestId('badge-waiting')).toHaveCount(0, { timeout: 45_000 });
  await expect(page.getByText('Uploaded to the team server')).toBeVisible();
  await expect(page.getByTestId('badge-server')).toHaveCount(2, { timeout: 30_000 });
  const list = await (await fetch(`${BASE}/api/snapshots`, { headers: { authorization: `Bearer ${tokens.auditor}` } })).json();
  expect(list.items.map((i: { id: string }) => i.id)).toEqual([id, offlineId]);
  // who signed off what: the reviewed one, and the new one awaiting its sign-off
  await expect(page.getByTestId('badge-signoff')).toHaveText('approved by rob');
  await expect(page.getByTestId('badge-awaiting')).toHaveCount(1);
  await page.getByTestId('filter-awaiting').check();
  await expect(page.getByTestId('experiment-row')).toHaveCount(1);
  await expect(page.getByTestId('experiment-row')).toContainText('challenger saved offline');
  await snap(page, info, 'server-synced');
});

test('an auditor compares two experiments straight from the team server', async ({ browser }, info) => {
  test.setTimeout(180_000);
  const auditor = await (await browser.newContext()).newPage();
  await auditor.goto('/#/audit');
  await signIn(auditor, tokens.auditor, 'ada');
  await expect(auditor.getByTestId('experiment-row')).toHaveCount(2);
  await expect(auditor.getByTestId('badge-local')).toHaveCount(0);
  await auditor.getByRole('checkbox', { name: /^Compare / }).first().check();
  await auditor.getByRole('checkbox', { name: /^Compare / }).last().check();
  await auditor.getByTestId('compare-button').click();
  await expect(auditor.getByTestId('compare-experiments')).toContainText('loans GBM for committee review', { timeout: 60_000 });
  await expect(auditor.getByTestId('compare-experiments')).toContainText('challenger saved offline');
  await snap(auditor, info, 'server-compare');
  await auditor.context().close();
});
