/**
 * Partial dependence: default grids equal numpy's (linspace between the 5th and 95th 'linear'
 * percentiles; numpy.unique for text — scripts/fixtures/make_explain_fixtures.py); averages and ICE
 * curves through the exported ONNX model equal a direct averaging with the in-memory pipeline (an
 * independent code path); a seeded sample is reproducible and says how many rows it used.
 */
import { describe, expect, it } from 'vitest';
import type { Column, Table } from '../data/table';
import { openScorer } from '../inference/scorer';
import { repoTable } from '../inference/testing/modelFixtures';
import { exportPipeline, predictPipeline, trainPipeline } from '../pipeline/trainPipeline';
import grids from './fixtures/pdp_grids.json';
import { defaultGrid, partialDependence, partialDependence2d } from './partialDependence';
import { seededSample } from '../folds/shuffle';
import { seededRandom } from '../random/seededRandom';

const LOANS = 'src/core/inference/fixtures/loans_with_missing.csv';

describe('partial dependence', () => {
  it('default grids equal numpy’s', async () => {
    const table = await repoTable(LOANS);
    const column = (name: string) => table.columns.find((c) => c.name === name)!;
    for (const [key, expected] of Object.entries(grids)) {
      const [name, n] = key.split(':');
      const grid = defaultGrid(column(name), n === undefined ? 20 : Number(n)) as number[];
      expect(grid.length).toBe((expected as unknown[]).length);
      grid.forEach((g, k) => (typeof g === 'number' ? expect(Math.abs(g - (expected as number[])[k])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(g))) : expect(g).toBe((expected as string[])[k])));
    }
  });

  it('averages and ICE equal direct averaging with the in-memory pipeline', async () => {
    const table = await repoTable(LOANS);
    const pipeline = trainPipeline(table, { target: 'default', kind: 'gbdt', params: { nEstimators: 15 }, exclude: ['applicant_id'], source: LOANS });
    const scorer = await openScorer(await exportPipeline(pipeline, { dataSha256: null, dataName: 'loans' }));
    for (const feature of ['income', 'region']) {
      const result = await partialDependence(scorer, { table, source: LOANS, feature, gridSize: 6, ice: true, sample: 300, seed: 4 });
      expect(result.rows).toBe(300);
      const again = await partialDependence(scorer, { table, source: LOANS, feature, gridSize: 6, sample: 300, seed: 4 });
      expect(again.average).toEqual(result.average);
      const column = table.columns.find((c) => c.name === feature)!;
      result.grid.forEach((g, k) => {
        const replaced: Column =
          column.type === 'numeric'
            ? { ...column, values: new Float64Array(table.rowCount).fill(g as number) }
            : column.type === 'categorical'
              ? { ...column, codes: new Int32Array(table.rowCount).fill(column.dictionary.indexOf(g as string)) }
              : column;
        const fixed: Table = { rowCount: table.rowCount, columns: table.columns.map((c) => (c === column ? replaced : c)) };
        const memory = predictPipeline(pipeline, fixed, result.rowIndices, LOANS);
        const mean = memory.reduce((a, b) => a + b, 0) / memory.length;
        expect(Math.abs(result.average[k] - mean)).toBeLessThan(2e-6);
        for (let i = 0; i < 300; i += 37) expect(Math.abs(result.ice![i][k] - memory[i])).toBeLessThan(2e-6);
      });
      // the curve moves: the feature matters to this model
      expect(Math.max(...result.average) - Math.min(...result.average)).toBeGreaterThan(1e-3);
    }
    await scorer.dispose();
  });

  it('two-way partial dependence equals direct averaging with the in-memory pipeline; a rug of the values used', async () => {
    const table = await repoTable(LOANS);
    const pipeline = trainPipeline(table, { target: 'default', kind: 'gbdt', params: { nEstimators: 10 }, exclude: ['applicant_id'], source: LOANS });
    const scorer = await openScorer(await exportPipeline(pipeline, { dataSha256: null, dataName: 'loans' }));
    const result = await partialDependence2d(scorer, { table, source: LOANS, features: ['income', 'region'], gridSize: 3, sample: 200, seed: 1 });
    expect(result.grids[0]).toHaveLength(3);
    expect(result.average).toHaveLength(3);
    const income = table.columns.find((c) => c.name === 'income')!;
    const region = table.columns.find((c) => c.name === 'region')!;
    const rows = seededSample(Uint32Array.from({ length: table.rowCount }, (_, i) => i), 200, seededRandom(1));
    for (const [a, b] of [[0, 0], [2, 1], [1, 3]]) {
      const fixed: Table = {
        rowCount: table.rowCount,
        columns: table.columns.map((c) =>
          c === income && c.type === 'numeric'
            ? { ...c, values: new Float64Array(table.rowCount).fill(result.grids[0][a] as number) }
            : c === region && c.type === 'categorical'
              ? { ...c, codes: new Int32Array(table.rowCount).fill(c.dictionary.indexOf(result.grids[1][b] as string)) }
              : c,
        ),
      };
      const memory = predictPipeline(pipeline, fixed, rows, LOANS);
      expect(Math.abs(result.average[a][b] - memory.reduce((x, y) => x + y, 0) / memory.length)).toBeLessThan(2e-6);
    }
    const one = await partialDependence(scorer, { table, source: LOANS, feature: 'income', gridSize: 3, sample: 200, seed: 1 });
    expect(one.rug.length).toBeGreaterThan(150);
    expect(one.rug.every((v) => Number.isFinite(v))).toBe(true);
    await expect(partialDependence2d(scorer, { table, source: LOANS, features: ['income', 'income'] })).rejects.toThrow(/two different columns/);
    await scorer.dispose();
  });
});
