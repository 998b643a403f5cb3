/**
 * `glassbox predict` as a user runs it: the input CSV copied byte for byte plus `prediction`
 * (and `score` for classifiers), scores equal to scikit-learn's / XGBoost's to 1e-5, labels from
 * score >= threshold, clear errors for unusable models, and parity with the worker path.
 * The output is parsed with PapaParse, not with Glassbox's own reader.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectedScores, modelPath, REPO } from '../core/inference/testing/modelFixtures';
import { Workbench } from '../workers/workbench';
import { runCliCaptured } from './testing/runCliCaptured';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'glassbox-predict-'));
});

const run = runCliCaptured;

function parse(text: string, delimiter = ','): string[][] {
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
  expect(result.errors).toEqual([]);
  return result.data;
}

function lines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '');
}

describe('glassbox predict vs the Python models', () => {
  it.each(['loans_gbm', 'loans_xgboost', 'adult_logistic_columns', 'diabetes_gbr', 'diabetes_linear_columns'])(
    '%s: fields copied verbatim, scores equal the reference, labels from score >= threshold',
    async (name) => {
      const expected = expectedScores(name);
      const data = join(REPO, expected.dataset);
      const out = join(dir, `${name}.csv`);
      const r = await run(['predict', '--model', modelPath(name), '--data', data, '--out', out]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const input = readFileSync(data, 'utf8');
      const output = readFileSync(out, 'utf8');
      const added = expected.task === 'classification' ? ['prediction', 'score'] : ['prediction'];
      // verbatim: every output line is the input line plus the added fields (these files have no quoted newlines)
      const inLines = lines(input);
      const outLines = lines(output);
      expect(outLines.length).toBe(inLines.length);
      expect(outLines[0]).toBe(`${inLines[0]},${added.join(',')}`);
      const rows = parse(output);
      const width = parse(inLines[0])[0].length;
      for (let i = 1; i < inLines.length; i += 97) expect(outLines[i].startsWith(`${inLines[i]},`)).toBe(true);
      let worst = 0;
      for (let i = 0; i < expected.rows; i++) {
        const row = rows[i + 1];
        expect(row.length).toBe(width + added.length);
        const e = expected.scores[i];
        if (expected.task === 'classification') {
          const score = Number(row[width + 1]);
          worst = Math.max(worst, Math.abs(score - e));
          const [negative, positive] = expected.classLabels!;
          expect(row[width]).toBe(String(score >= 0.5 ? positive : negative));
        } else {
          worst = Math.max(worst, Math.abs(Number(row[width]) - e) / Math.max(1, Math.abs(e)));
        }
      }
      expect(worst).toBeLessThan(1e-5);
    },
  );

  it('moves labels with --threshold, never the scores', async () => {
    const data = join(REPO, 'public/datasets/synthetic_loans.csv');
    const a = await run(['predict', '--model', modelPath('loans_gbm'), '--data', data]);
    const b = await run(['predict', '--model', modelPath('loans_gbm'), '--data', data, '--threshold', '0.2']);
    const ra = parse(a.stdout);
    const rb = parse(b.stdout);
    const w = ra[0].length;
    let changed = 0;
    for (let i = 1; i < ra.length; i++) {
      expect(rb[i][w - 1]).toBe(ra[i][w - 1]);
      expect(rb[i][w - 2]).toBe(Number(rb[i][w - 1]) >= 0.2 ? '1' : '0');
      if (rb[i][w - 2] !== ra[i][w - 2]) changed++;
    }
    expect(changed).toBeGreaterThan(0);
  });
});

describe('glassbox predict keeps awkward CSVs intact', () => {
  it('BOM, CRLF, blank lines, quoted delimiters and newlines, missing values', async () => {
    const header = 'age,income,loan_amount,term_months,credit_history_len,num_prior_defaults,note';
    const body = [
      '34,52000,12000,36,5.5,0,"plain"',
      '',
      '51,,8000,24,12,1,"has, comma"',
      '28,31000,25000,60,,2,"two\r\nlines and ""quotes"""',
    ];
    const path = join(dir, 'awkward.csv');
    writeFileSync(path, '\uFEFF' + [header, ...body].join('\r\n') + '\r\n');
    const r = await run(['predict', '--model', modelPath('loans_logistic'), '--data', path]);
    expect(r.stderr).toBe('');
    const text = r.stdout;
    expect(text.startsWith(`${header},prediction,score\n`)).toBe(true);
    expect(text).toContain('34,52000,12000,36,5.5,0,"plain",');
    expect(text).toContain('51,,8000,24,12,1,"has, comma",');
    expect(text).toContain('28,31000,25000,60,,2,"two\r\nlines and ""quotes""",');
    const rows = parse(text);
    expect(rows.length).toBe(4);
    expect(rows[3][6]).toBe('two\r\nlines and "quotes"');
    for (const row of rows.slice(1)) {
      const score = Number(row[8]);
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThan(1);
      expect(row[7]).toBe(score >= 0.5 ? '1' : '0');
    }
  });

  it('writes decimal commas for ;-separated files read with --decimal ,', async () => {
    const path = join(dir, 'eu.csv');
    writeFileSync(path, 'age;income;loan_amount;term_months;credit_history_len;num_prior_defaults\n34;52000;12000;36;5,5;0\n');
    const r = await run(['predict', '--model', modelPath('loans_logistic'), '--data', path, '--decimal', ',']);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, ';');
    expect(rows[0].slice(-2)).toEqual(['prediction', 'score']);
    expect(rows[1][7]).toMatch(/^0,\d+$/);
  });
});

describe('glassbox predict refuses bad input with one error line and no output file', () => {
  const loans = join(REPO, 'public/datasets/synthetic_loans.csv');
  it.each([
    [['--model', modelPath('broken_zipmap'), '--data', loans], /^error: model broken_zipmap\.onnx: .*ZipMap/],
    [['--model', modelPath('broken_not_onnx'), '--data', loans], /^error: model broken_not_onnx\.onnx: the file is not an ONNX model/],
    [['--model', modelPath('broken_multiclass'), '--data', loans], /predicts 7 classes/],
    [['--model', modelPath('broken_unsupported_op'), '--data', loans], /operator 'FancyScore'/],
    [['--model', modelPath('broken_wrong_shape'), '--data', loans], /\[N, 4\]/],
    [['--model', modelPath('broken_missing_column'), '--data', loans], /needs a column 'monthly_income', which is not in .*synthetic_loans\.csv/],
    [['--model', modelPath('loans_gbm'), '--data', loans, '--features', 'age,income'], /takes 6 features .* but 2 columns were given/],
    [['--model', modelPath('loans_gbm'), '--data', loans, '--threshold', '1.5'], /threshold must be a number between 0 and 1/],
    [['--model', join(tmpdir(), 'glassbox-no-such-model.onnx'), '--data', loans], /^error: model file '.*glassbox-no-such-model\.onnx' not found/],
    [['--model', modelPath('diabetes_gbr'), '--data', loans], /column 'sex' is categorical but model input 'sex' takes numbers/],
  ])('%j', async (args, message) => {
    const out = join(dir, 'never.csv');
    const r = await run(['predict', ...args, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });
});

describe('parity: the worker path predicts what the CLI writes', () => {
  it.each([
    ['loans_gbm', 'public/datasets/synthetic_loans.csv', 0.35],
    ['adult_logistic_columns', 'public/datasets/adult.csv', 0.5],
    ['diabetes_linear_columns', 'public/datasets/diabetes.csv', 0.5],
  ])('%s', async (name, dataset, threshold) => {
    const data = join(REPO, dataset);
    const r = await run(['predict', '--model', modelPath(name), '--data', data, '--threshold', String(threshold)]);
    expect(r.code).toBe(0);
    const cli = parse(r.stdout);

    const wb = new Workbench();
    await wb.load('load', { kind: 'file', file: new Blob([readFileSync(data)]), name: dataset }, {});
    const info = await wb.loadModel(`${name}.onnx`, new Uint8Array(readFileSync(modelPath(name))));
    await wb.scoreDataset('score', info.suggestedMapping);
    const worker = await wb.predictions(threshold);

    const w = cli[0].length - worker.header.length;
    expect(cli[0].slice(w)).toEqual(worker.header);
    for (let i = 0; i < worker.prediction.length; i++) {
      const row = cli[i + 1];
      expect(row[w]).toBe(String(worker.prediction[i]));
      if (worker.score) expect(Number(row[w + 1])).toBe(worker.score[i]);
    }
    await wb.closeModel();
  });
});
