/**
 * `evaluateScores` against scikit-learn (scripts/fixtures/make_metrics_fixtures.py →
 * fixtures/metrics.json), a brute-force AUC, and the bootstrap's reproducibility.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../data/byteSource';
import { readDataset } from '../data/readDataset';
import type { Table } from '../data/table';
import { evaluateScores } from './evaluateScores';
import reference from './fixtures/metrics.json';

async function load(file: string): Promise<Table> {
  const bytes = new Uint8Array(readFileSync(join(__dirname, 'fixtures', file)));
  return (await readDataset(bytesSource(bytes, file))).table;
}

function expectClose(actual: Record<string, unknown>, expected: Record<string, number | null>) {
  for (const [k, v] of Object.entries(expected)) {
    if (v === null) expect(actual[k], k).toBeNull();
    else expect(actual[k] as number, k).toBeCloseTo(v, 12);
  }
}

describe('evaluateScores vs scikit-learn', () => {
  it.each(reference.binary.map((c) => [`${c.file} @ ${c.threshold}`, c] as const))('binary %s', async (_, c) => {
    const table = await load(c.file);
    const positive = 'positiveOption' in c ? (c.positiveOption as string) : undefined;
    const result = evaluateScores(table, { target: c.target, score: c.score, threshold: c.threshold, positive });
    expectClose(result as unknown as Record<string, unknown>, c.expected);
    expect(Object.keys(result)).toEqual(['auc', 'logLoss', 'accuracy', 'precision', 'recall', 'f1', 'brier', 'n']);
  });

  it.each(reference.regression.map((c) => [c.file, c] as const))('regression %s', async (_, c) => {
    const result = evaluateScores(await load(c.file), { target: c.target, score: c.score });
    expectClose(result as unknown as Record<string, unknown>, c.expected);
    expect(Object.keys(result)).toEqual(['rmse', 'mae', 'r2', 'n']);
  });
});

describe('AUC', () => {
  it('equals the brute-force pair count (ties count half)', async () => {
    const table = await load('binary_ties.csv');
    const y = table.columns[0];
    const s = table.columns[1];
    if (y.type !== 'numeric' || s.type !== 'numeric') throw new Error('fixture types');
    const pos: number[] = [];
    const neg: number[] = [];
    for (let i = 0; i < table.rowCount; i++) {
      if (Number.isNaN(y.values[i]) || Number.isNaN(s.values[i])) continue;
      (y.values[i] === 1 ? pos : neg).push(s.values[i]);
    }
    let wins = 0;
    for (const p of pos) for (const q of neg) wins += p > q ? 1 : p === q ? 0.5 : 0;
    const result = evaluateScores(table, { target: 'y', score: 'score' });
    expect(result).toMatchObject({ n: pos.length + neg.length });
    expect((result as { auc: number }).auc).toBeCloseTo(wins / (pos.length * neg.length), 14);
  });
});

describe('bootstrap confidence intervals', () => {
  it('are reproducible from the seed, change with it, and bracket the estimate', async () => {
    const table = await load('binary_ties.csv');
    const a = evaluateScores(table, { target: 'y', score: 'score', ci: true, seed: 42 });
    const b = evaluateScores(table, { target: 'y', score: 'score', ci: true, seed: 42 });
    const c = evaluateScores(table, { target: 'y', score: 'score', ci: true, seed: 7 });
    expect(a).toEqual(b);
    expect(a.ci).not.toEqual(c.ci);
    const auc = (a as { auc: number }).auc;
    const [low, high] = a.ci!.auc!;
    expect(low).toBeLessThan(auc);
    expect(high).toBeGreaterThan(auc);
    // a 95% interval of the AUC over ~1,900 rows is a few hundredths wide
    expect(high - low).toBeGreaterThan(0.01);
    expect(high - low).toBeLessThan(0.1);
    expect(Object.keys(a.ci!)).toEqual(['auc', 'logLoss', 'accuracy', 'precision', 'recall', 'f1', 'brier']);
  });

  it('works for regression', async () => {
    const r = evaluateScores(await load('regression.csv'), { target: 'target', score: 'prediction', ci: true, seed: 1 });
    const [low, high] = r.ci!.rmse!;
    expect(low).toBeLessThan((r as { rmse: number }).rmse);
    expect(high).toBeGreaterThan((r as { rmse: number }).rmse);
  });
});

describe('bad input', () => {
  it('names what is wrong', async () => {
    const text = await load('text_classes.csv');
    expect(() => evaluateScores(text, { target: 'credit_risk', score: 'p_bad' })).toThrow(
      "target 'credit_risk' has classes 'good' and 'bad': say which is positive with --positive",
    );
    expect(() => evaluateScores(text, { target: 'credit_risk', score: 'p_bad', positive: 'ugly' })).toThrow(/--positive 'ugly' is not a class/);
    expect(() => evaluateScores(text, { target: 'credit_risk', score: 'p_bdd', positive: 'bad' })).toThrow("column 'p_bdd' not found (did you mean 'p_bad'?)");
    const reg = await load('regression.csv');
    expect(() => evaluateScores(reg, { target: 'target', score: 'prediction', task: 'classification' })).toThrow(
      /target 'target' has \d+ classes .*binarize it first/,
    );
    expect(() => evaluateScores(reg, { target: 'prediction', score: 'target', task: 'classification', positive: '1' })).toThrow(/classes/);
  });
});
