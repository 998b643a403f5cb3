/** Recipe steps against hand-computed results, fitted on training rows only. */
import { describe, expect, it } from 'vitest';
import { buildTable, withColumnType } from '../data/buildTable';
import { rawFromValues } from '../data/rawFromValues';
import { InputError } from '../errors/errors';
import { applyRecipe } from './applyRecipe';
import { defaultRecipe } from './defaultRecipe';
import { fitRecipe, fitRecipeForTraining } from './fitRecipe';
import { parseRecipe, type Recipe } from './recipe';

// rows 0..5 train, row 6 is only scored
const table = buildTable(
  ['x', 'c', 'b', 'y', 'id'],
  [
    rawFromValues([1, 2, null, 4, 10, 3, null]),
    rawFromValues(['a', 'b', 'b', null, 'a', 'c', 'z']),
    rawFromValues([true, null, false, false, true, true, null]),
    rawFromValues([0, 1, 0, 1, 0, 1, 1]),
    rawFromValues(Array.from({ length: 7 }, (_, i) => `ID-${i}-${'x'.repeat(i)}`)),
  ],
  7,
);
// make 'id' text (the inferred type needs more than 50 distinct values)
const textTable = withColumnType(table, 'id', 'text');
const train = Uint32Array.from([0, 1, 2, 3, 4, 5]);
const all = Uint32Array.from([0, 1, 2, 3, 4, 5, 6]);

function fit(recipe: Recipe) {
  return fitRecipe(textTable, recipe, { rows: train, exclude: ['y'] });
}

describe('recipe steps', () => {
  it('impute median with indicator, then standard scaling (population std), fitted on training rows', () => {
    const fitted = fit({
      version: 1,
      steps: [
        { step: 'impute', columns: ['x'], strategy: 'median', indicator: true },
        { step: 'scale', columns: ['x'], method: 'standard' },
        { step: 'impute', columns: ['c', 'b'], strategy: 'mode' },
        { step: 'oneHot', columns: ['c'], top: 2 },
      ],
    });
    // training x = 1, 2, NaN, 4, 10, 3 → median of [1,2,3,4,10] = 3; imputed → [1,2,3,4,10,3]
    const imputed = [1, 2, 3, 4, 10, 3];
    const mean = imputed.reduce((a, b) => a + b) / 6;
    const std = Math.sqrt(imputed.reduce((a, v) => a + (v - mean) ** 2, 0) / 6);
    expect(fitted.inputs).toEqual([
      { column: 'x', columnType: 'numeric' },
      { column: 'c', columnType: 'categorical' },
      { column: 'b', columnType: 'boolean' },
    ]);
    expect(fitted.columns[0]).toEqual({
      kind: 'numeric',
      name: 'x',
      source: { from: 'input', column: 'x' },
      indicator: true,
      ops: [
        { op: 'impute', value: 3 },
        { op: 'scale', center: mean, scale: std },
      ],
      feature: true,
    });
    // c: training values a, b, b, (missing→mode), a, c: a and b tie at 2 → mode 'a' (smallest, as SimpleImputer);
    // then a=3, b=2, c=1 → top 2 = a, b
    expect(fitted.columns[1]).toEqual({ kind: 'oneHot', name: 'c', impute: 'a', categories: ['a', 'b'], feature: true });
    // b (boolean 0/1): 1, NaN, 0, 0, 1, 1 → mode 1
    expect(fitted.columns[2]).toMatchObject({ kind: 'numeric', name: 'b', source: { from: 'input', column: 'b' }, ops: [{ op: 'impute', value: 1 }] });
    expect(fitted.features).toEqual(['x', 'x__missing', 'c=a', 'c=b', 'c=other', 'b']);
    expect(fitted.featureSources).toEqual([['x'], ['x'], ['c'], ['c'], ['c'], ['b']]);

    const f = applyRecipe(fitted, textTable, all);
    expect(Array.from(f[0])).toEqual([1, 2, 3, 4, 10, 3, 3].map((v) => (v - mean) / std));
    expect(Array.from(f[1])).toEqual([0, 0, 1, 0, 0, 0, 1]);
    // c: a, b, b, missing→a, a, c→other, z (unseen)→other
    expect(Array.from(f[2])).toEqual([1, 0, 0, 1, 1, 0, 0]);
    expect(Array.from(f[3])).toEqual([0, 1, 1, 0, 0, 0, 0]);
    expect(Array.from(f[4])).toEqual([0, 0, 0, 0, 0, 1, 1]);
    expect(Array.from(f[5])).toEqual([1, 1, 0, 0, 1, 1, 1]);
  });

  it('minmax and robust scaling, log1p and percentile clipping', () => {
    const base = [{ step: 'impute', columns: ['x'], strategy: 'mean' }] as Recipe['steps'];
    const mean = (1 + 2 + 4 + 10 + 3) / 5;
    const minmax = fit({ version: 1, steps: [...base, { step: 'scale', columns: ['x'], method: 'minmax' }, { step: 'drop', columns: ['c', 'b'] }] });
    expect(minmax.columns[0]).toMatchObject({ ops: [{ op: 'impute', value: mean }, { op: 'scale', center: 1, scale: 9 }] });
    const robust = fit({ version: 1, steps: [...base, { step: 'scale', columns: ['x'], method: 'robust' }, { step: 'drop', columns: ['c', 'b'] }] });
    // imputed training values sorted: 1, 2, 3, 4, 4, 10 → median 3.5; q25 = 2.25, q75 = 4 (numpy linear)
    expect(robust.columns[0]).toMatchObject({ ops: [{ op: 'impute', value: mean }, { op: 'scale', center: 3.5, scale: 4 - 2.25 }] });
    const clipped = fit({ version: 1, steps: [...base, { step: 'log', columns: ['x'] }, { step: 'clip', columns: ['x'], lower: 10, upper: 90 }, { step: 'drop', columns: ['c', 'b'] }] });
    const logs = [1, 2, 4, 10, 3, mean].map(Math.log1p).sort((a, b) => a - b);
    const q = (p: number) => {
      const h = (logs.length - 1) * p;
      const lo = Math.floor(h);
      return logs[lo] + (h - lo) * (logs[lo + 1] - logs[lo]);
    };
    const clip = clipped.columns[0].kind === 'numeric' ? clipped.columns[0].ops[2] : null;
    expect(clip).toEqual({ op: 'clip', lower: q(0.1), upper: q(0.9) });
    const f = applyRecipe(clipped, textTable, all);
    expect(f[0][4]).toBe(q(0.9));
  });

  it('explains what a recipe cannot do', () => {
    const bad = (steps: Recipe['steps'], message: RegExp) => {
      expect(() => fit({ version: 1, steps })).toThrow(InputError);
      expect(() => fit({ version: 1, steps })).toThrow(message);
    };
    bad([{ step: 'scale', columns: ['xx'], method: 'standard' }], /column 'xx' not found \(did you mean 'x'\?\)/);
    bad([{ step: 'scale', columns: ['y'], method: 'standard' }], /'y' is the target or excluded/);
    bad([{ step: 'impute', columns: ['x'], strategy: 'median' }], /column 'c' is categorical: add a oneHot, ordinal or targetEncode step for it, or drop it/);
    bad([{ step: 'drop', columns: ['c', 'b'] }], /column 'x' has missing values in the training rows: add an impute step/);
    bad([{ step: 'oneHot', columns: ['x'] }], /'x' is numeric; oneHot encodes categorical columns/);
    bad([{ step: 'scale', columns: ['id'], method: 'standard' }], /text, which is never a feature/);
    expect(() => parseRecipe('{"version": 2, "steps": []}', 'r.json')).toThrow('r.json: unsupported version 2 (this Glassbox reads version 1)');
    expect(() => parseRecipe('{"version": 1, "steps": [{"step": "bucket", "columns": ["x"]}]}', 'r.json')).toThrow(/step 1: unknown step "bucket"/);
    expect(() => parseRecipe('nope', 'r.json')).toThrow(/r.json is not valid JSON/);
  });

  it('the training features of fitRecipeForTraining are applyRecipe\'s numbers for the training rows (targetEncode aside)', () => {
    const recipe: Recipe = {
      version: 1,
      steps: [
        { step: 'impute', columns: ['x'], strategy: 'median', indicator: true },
        { step: 'log', columns: ['x'] },
        { step: 'clip', columns: ['x'], lower: 5, upper: 95 },
        { step: 'combine', columns: ['x', 'b'], op: '/', name: 'xb' },
        { step: 'impute', columns: ['xb', 'b'], strategy: 'mean' },
        { step: 'bin', columns: ['xb'], bins: 3 },
        { step: 'ordinal', columns: ['c'] },
        { step: 'scale', columns: ['x', 'c'], method: 'robust' },
        { step: 'drop', columns: ['id'] },
      ],
    };
    const { fitted, features } = fitRecipeForTraining(textTable, recipe, { rows: train, exclude: ['y'] });
    expect(fitted.features).toEqual(['x', 'x__missing', 'c', 'b', 'xb']);
    expect(features.map((f) => Array.from(f))).toEqual(applyRecipe(fitted, textTable, train).map((f) => Array.from(f)));
  });

  it('the default recipe: median + indicator and scaling for numbers, mode for booleans, mode + one-hot for categories, text left out', () => {
    const recipe = defaultRecipe(textTable, ['y'], { scale: true });
    expect(recipe.steps).toEqual([
      { step: 'impute', columns: ['x'], strategy: 'median', indicator: true },
      { step: 'impute', columns: ['b'], strategy: 'mode' },
      { step: 'impute', columns: ['c'], strategy: 'mode' },
      { step: 'oneHot', columns: ['c'], top: 20 },
      { step: 'scale', columns: ['x'], method: 'standard' },
    ]);
    expect(fit(recipe).inputs.map((i) => i.column)).toEqual(['x', 'c', 'b']);
    expect(fit(recipe).columns.map((c) => c.name)).toEqual(['x', 'c', 'b']);
    expect(defaultRecipe(textTable, ['y'], { scale: false }).steps.some((s) => s.step === 'scale')).toBe(false);
  });
});
