/**
 * The CLI as a user runs it: exit codes, one `error: ` line on bad input, no partial output,
 * and parity — `glassbox profile` gives exactly the JSON the workbench worker path gives.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Workbench } from '../workers/workbench';
import { runCliCaptured } from './testing/runCliCaptured';

const ROOT = join(__dirname, '..', '..');
const DATASETS = join(ROOT, 'public', 'datasets');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'glassbox-cli-'));
});

const run = runCliCaptured;

function write(name: string, text: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The worker path: the same Workbench class the Web Worker exposes, fed the file as a Blob. */
async function workerProfile(path: string, options: { decimal?: '.' | ','; delimiter?: ';' } = {}) {
  const wb = new Workbench();
  await wb.load('job', { kind: 'file', file: new Blob([readFileSync(path)]), name: path }, options);
  return wb.profile();
}

describe('glassbox profile', () => {
  it.each(['german_credit.csv', 'compas.csv', 'synthetic_loans.csv', 'wine_quality.csv'])(
    'gives the same JSON as the worker path on %s',
    async (file) => {
      const out = join(dir, `${file}.json`);
      const r = await run(['profile', '--data', join(DATASETS, file), '--out', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const cli = JSON.parse(readFileSync(out, 'utf8'));
      expect(cli).toEqual(JSON.parse(JSON.stringify(await workerProfile(join(DATASETS, file)))));
      expect(cli.rows).toBeGreaterThan(0);
    },
  );

  it('reads ;-separated files with decimal commas when told to, like the worker path', async () => {
    const path = write('eu.csv', 'name;price;when\r\n"a;b";1,5;2024-01-02\r\nc;-2,25;2024-01-03 10:00\r\nd;;\r\n');
    const r = await run(['profile', '--data', path, '--decimal', ',']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.columns.map((c: { type: string }) => c.type)).toEqual(['categorical', 'numeric', 'datetime']);
    expect(json.columns[1].mean).toBeCloseTo(-0.375, 15);
    expect(json.columns[2].mean).toBeNull();
    expect(json).toEqual(JSON.parse(JSON.stringify(await workerProfile(path, { decimal: ',', delimiter: ';' }))));
  });

  it.each([
    [['profile'], /^error: profile: option '--data' is required\n$/],
    [['profile', '--data', 'nope.csv'], /^error: file 'nope.csv' not found\n$/],
    [['profile', '--data', 'x.csv', '--bogus', '1'], /^error: profile: unknown option '--bogus'/],
    [['frobnicate'], /^error: 'frobnicate' is not a glassbox command/],
    [[], /^error: no command given \(available: profile, metrics, predict, train, cv, shap, pdp, fairness, drift, snapshot, verify, report, serve, token; see glassbox --help\)\n$/],
    [['profile', '--data', 'x.csv', '--decimal', ';'], /^error: --decimal must be '.' or ','/],
    [['profile', '--data', join(__dirname, '../../public/datasets/diabetes.csv'), '--out', '/nonexistent-dir/p.json'], /^error: cannot write '\/nonexistent-dir\/p.json': its folder does not exist\n$/],
  ])('exits 2 with one error line for %j', async (argv, message) => {
    const r = await run(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });

  it.each([
    ['ragged.csv', 'a,b\n1,2\n3\n', /^error: ragged.csv, line 3: expected 2 fields \(as in the header\) but found 1\n$/],
    ['empty.csv', '', /^error: empty.csv is empty/],
    ['header.csv', 'a,b\n', /^error: header.csv has a header row but no data rows\n$/],
    ['dup.csv', 'a,b,a\n1,2,3\n', /^error: dup.csv, line 1: duplicate column name 'a' \(columns 1 and 3\)\n$/],
    ['binary.csv', new Uint8Array([1, 2, 0, 3, 10, 0, 0]), /^error: binary.csv does not look like a CSV text file/],
  ])('rejects %s with exit 2 and writes no output file', async (name, content, message) => {
    const path = write(name, content);
    const out = join(dir, `${name}.json`);
    const r = await run(['profile', '--data', path, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});

describe('the glassbox bin', () => {
  it('runs the bundled CLI like `npx glassbox` does', () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT });
    const bin = join(ROOT, 'bin', 'glassbox.mjs');
    const ok = spawnSync(process.execPath, [bin, 'profile', '--data', join(DATASETS, 'diabetes.csv')], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    const json = JSON.parse(ok.stdout);
    expect(json.rows).toBe(442);
    expect(json.columns).toHaveLength(11);
    const bad = spawnSync(process.execPath, [bin, 'profile', '--data', join(dir, 'missing.csv')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^error: file '.*missing.csv' not found\n$/);
  });
});

describe('glassbox metrics', () => {
  const FIXTURES = join(__dirname, '..', 'core', 'validation', 'fixtures');

  /** The worker path for metrics: the Workbench fed the same file. */
  async function workerMetrics(path: string, request: Parameters<Workbench['metrics']>[0]) {
    const wb = new Workbench();
    await wb.load('job', { kind: 'file', file: new Blob([readFileSync(path)]), name: path }, {});
    return JSON.parse(JSON.stringify(await wb.metrics(request)));
  }

  it.each([
    ['binary_ties.csv', ['--target', 'y', '--score', 'score', '--threshold', '0.3', '--ci', '--seed', '42'], { target: 'y', score: 'score', threshold: 0.3, ci: true, seed: 42 }],
    ['text_classes.csv', ['--target', 'credit_risk', '--score', 'p_bad', '--positive', 'bad'], { target: 'credit_risk', score: 'p_bad', positive: 'bad' }],
    ['regression.csv', ['--target', 'target', '--score', 'prediction', '--ci'], { target: 'target', score: 'prediction', ci: true }],
  ] as const)('gives the same JSON as the worker path on %s', async (file, args, request) => {
    const out = join(dir, `${file}.metrics.json`);
    const r = await run(['metrics', '--data', join(FIXTURES, file), ...args, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(await workerMetrics(join(FIXTURES, file), request));
  });

  it.each([
    [['--target', 'credit_risk', '--score', 'p_bad'], /^error: target 'credit_risk' has classes 'good' and 'bad': say which is positive with --positive\n$/],
    [['--target', 'credit_rsk', '--score', 'p_bad'], /^error: column 'credit_rsk' not found in .*text_classes.csv \(did you mean 'credit_risk'\?\)\n$/],
    [['--target', 'credit_risk', '--score', 'p_bad', '--positive', 'bad', '--task', 'multiclass'], /^error: --task must be 'classification' or 'regression'/],
    [['--target', 'credit_risk', '--score', 'p_bad', '--positive', 'bad', '--threshold', 'high'], /^error: --threshold must be a number/],
  ])('exits 2 with one error line for %j', async (args, message) => {
    const r = await run(['metrics', '--data', join(FIXTURES, 'text_classes.csv'), ...(args as string[])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
