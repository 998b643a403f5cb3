/**
 * targetEncode: the m-estimate against hand-computed values and pandas
 * (scripts/fixtures/make_recipe_step_fixtures.py), out-of-fold training values, and the leak it
 * prevents: on unique IDs with a random target, in-sample encoding separates the classes
 * perfectly while the out-of-fold encoding carries no signal.
 */
import { describe, expect, it } from 'vitest';
import { buildTable, withColumnType } from '../../data/buildTable';
import { rawFromValues } from '../../data/rawFromValues';
import { InputError } from '../../errors/errors';
import { allRows } from '../../folds/fold';
import { stratifiedKFold } from '../../folds/stratifiedKFold';
import { repoTable } from '../../inference/testing/modelFixtures';
import { seededRandom } from '../../random/seededRandom';
import { binaryMetrics, scoreOrder } from '../../validation/binaryMetrics';
import { applyRecipe } from '../applyRecipe';
import { fitRecipe, fitRecipeForTraining } from '../fitRecipe';
import fixtures from '../fixtures/recipeSteps.json';
import type { LookupSource, NumericColumn } from '../fittedRecipe';
import type { RecipeStep } from '../recipe';

// rows 0..6 train; row 7 ('z', unseen) and row 8 (missing) are only scored
const table = buildTable(
  ['c', 'x', 'y'],
  [
    rawFromValues(['a', 'a', 'b', 'b', 'b', null, 'c', 'z', null]),
    rawFromValues([1, 2, 3, 4, 5, 6, 7, 8, 9]),
    rawFromValues([1, 0, 1, 1, 0, 1, 0, 1, 0]),
  ],
  9,
);
const train = Uint32Array.from([0, 1, 2, 3, 4, 5, 6]);
const y = Uint8Array.from([1, 0, 1, 1, 0, 1, 0]);
const all = allRows(9);
const lookup = (column: unknown) => (column as NumericColumn).source as LookupSource;

function auc(label: Uint8Array, score: Float64Array): number {
  return binaryMetrics(label, score, 0.5, scoreOrder(score)).auc!;
}

describe('targetEncode', () => {
  it('is (Σy + m·prior) / (n + m) per category, missing a category of its own, unseen → the prior', () => {
    const m = 2;
    const fitted = fitRecipe(table, { version: 1, steps: [{ step: 'targetEncode', columns: ['c'], smoothing: m, folds: 2 }] }, {
      rows: train,
      exclude: ['y'],
      target: { task: 'classification', values: y },
    });
    const prior = 4 / 7;
    const s = lookup(fitted.columns[0]);
    expect(s.keys).toEqual(['', 'a', 'b', 'c']);
    expect(s.fallback).toBeCloseTo(prior, 15);
    const expected = [(1 + m * prior) / (1 + m), (1 + m * prior) / (2 + m), (2 + m * prior) / (3 + m), (0 + m * prior) / (1 + m)];
    s.values.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 15));
    // new rows: the full mapping
    const f = applyRecipe(fitted, table, all)[0];
    const [missing, a, b, c] = s.values;
    expect(Array.from(f)).toEqual([a, a, b, b, b, missing, c, prior, missing]);
  });

  it('gives training rows out-of-fold values: the mapping fitted on the other (stratified, seeded) parts', () => {
    const m = 1;
    const steps: RecipeStep[] = [{ step: 'targetEncode', columns: ['c'], smoothing: m, folds: 3 }];
    const { fitted, features } = fitRecipeForTraining(table, { version: 1, steps }, { rows: train, exclude: ['y'], target: { task: 'classification', values: y }, seed: 9 });
    const values = ['a', 'a', 'b', 'b', 'b', '', 'c'];
    const expected = new Float64Array(7);
    for (const fold of stratifiedKFold(allRows(7), y, 3, 9)) {
      const others = Array.from(fold.train);
      const prior = others.reduce((s, p) => s + y[p], 0) / others.length;
      for (const p of fold.test) {
        const same = others.filter((q) => values[q] === values[p]);
        expected[p] = same.length === 0 ? prior : (same.reduce((s, q) => s + y[q], 0) + m * prior) / (same.length + m);
      }
    }
    features[0].forEach((v, i) => expect(v).toBeCloseTo(expected[i], 15));
    expect(Array.from(features[1])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // another seed, other folds; the full mapping does not depend on the seed
    const other = fitRecipeForTraining(table, { version: 1, steps }, { rows: train, exclude: ['y'], target: { task: 'classification', values: y }, seed: 10 });
    expect(other.fitted).toEqual(fitted);
  });

  it('matches pandas on adult.csv (classification and regression targets)', async () => {
    const adult = await repoTable(fixtures.dataset);
    const rows = allRows(adult.rowCount).filter((i) => i % 3 !== 0);
    const column = (name: string) => adult.columns.find((c) => c.name === name)!;
    for (const ref of fixtures.targetEncode) {
      const target = column(ref.target);
      const values =
        ref.task === 'classification'
          ? Float64Array.from(rows, (r) => (target.type === 'categorical' && target.dictionary[target.codes[r]] === '>50K' ? 1 : 0))
          : Float64Array.from(rows, (r) => (target.type === 'numeric' ? target.values[r] : NaN));
      const exclude = adult.columns.map((c) => c.name).filter((n) => n !== ref.column);
      const fitted = fitRecipe(adult, { version: 1, steps: [{ step: 'targetEncode', columns: [ref.column], smoothing: ref.smoothing }] }, {
        rows,
        exclude,
        target: { task: ref.task as 'classification' | 'regression', values },
      });
      const s = lookup(fitted.columns[0]);
      expect(s.keys).toEqual(ref.keys);
      expect(s.fallback).toBeCloseTo(ref.prior, 12);
      s.values.forEach((v, i) => expect(Math.abs(v - ref.values[i])).toBeLessThan(1e-12 * Math.max(1, Math.abs(ref.values[i]))));
    }
  });

  it('cannot leak: unique IDs with a random target — in-sample encoding fits perfectly, out-of-fold gives chance AUC', () => {
    const n = 2000;
    const rng = seededRandom(2024);
    const label = Uint8Array.from({ length: n }, () => (rng.next() < 0.5 ? 1 : 0));
    const ids = buildTable(['id', 'noise', 'y'], [rawFromValues(Array.from({ length: n }, (_, i) => `ID-${i}`)), rawFromValues(Array.from({ length: n }, () => rng.next())), rawFromValues(Array.from(label))], n);
    const table = withColumnType(ids, 'id', 'categorical');
    const rows = allRows(n);
    const { fitted, features } = fitRecipeForTraining(table, { version: 1, steps: [{ step: 'targetEncode', columns: ['id'] }] }, {
      rows,
      exclude: ['y'],
      target: { task: 'classification', values: label },
      seed: 42,
    });
    const naive = applyRecipe(fitted, table, rows)[0];
    expect(auc(label, naive)).toBe(1);
    const outOfFold = features[0];
    expect(Math.abs(auc(label, outOfFold) - 0.5)).toBeLessThan(0.03);
    // every ID is unseen outside its own fold: its training value is that fold's prior
    expect(new Set(outOfFold).size).toBeLessThanOrEqual(5);
  });

  it('explains what it needs', () => {
    const bad = (steps: RecipeStep[], options: Partial<Parameters<typeof fitRecipe>[2]>, message: RegExp) => {
      const run = () => fitRecipe(table, { version: 1, steps }, { rows: train, exclude: ['y'], ...options });
      expect(run).toThrow(InputError);
      expect(run).toThrow(message);
    };
    const target = { task: 'classification' as const, values: y };
    bad([{ step: 'targetEncode', columns: ['c'] }], {}, /recipe step 1 \(targetEncode\): targetEncode needs the target values of the training rows/);
    bad([{ step: 'targetEncode', columns: ['c'], folds: 8 }], { target }, /column 'c' needs at least 8 training rows for its 8 out-of-fold parts \(it has 7\)/);
    bad([{ step: 'targetEncode', columns: ['x'] }], { target }, /column 'x' is numeric; targetEncode encodes categorical columns/);
    bad([{ step: 'targetEncode', columns: ['c'], smoothing: -1 }], { target }, /"smoothing" must be a number ≥ 0 \(got -1\)/);
    bad([{ step: 'targetEncode', columns: ['c'], folds: 1 }], { target }, /"folds" must be a whole number ≥ 2 \(got 1\)/);
  });
});
