import { describe, expect, it } from 'vitest';
import { checkRecipe, STEP_KINDS, type Recipe, type RecipeStep } from '../../core/recipe/recipe';
import {
  ALL_KINDS,
  addStep,
  createdColumns,
  canonicalJson,
  changeKind,
  moveStep,
  newStep,
  recipeHash,
  removeStep,
  replaceStep,
  stepCount,
  stepProblems,
  stepWords,
  withoutColumns,
} from './recipeEdit';

const recipe: Recipe = {
  version: 1,
  steps: [
    { step: 'impute', columns: ['age', 'income'], strategy: 'median', indicator: true },
    { step: 'oneHot', columns: ['region'], top: 20 },
    { step: 'scale', columns: ['age', 'income'], method: 'standard' },
  ],
};

describe('recipe editing', () => {
  it('adds, replaces and removes steps without touching the original', () => {
    const added = addStep(recipe, newStep('log', ['income']));
    expect(added.steps).toHaveLength(4);
    expect(added.steps[3]).toEqual({ step: 'log', columns: ['income'] });
    expect(recipe.steps).toHaveLength(3);
    const replaced = replaceStep(added, 2, { step: 'scale', columns: ['age'], method: 'robust' });
    expect(replaced.steps[2]).toEqual({ step: 'scale', columns: ['age'], method: 'robust' });
    expect(removeStep(replaced, 0).steps.map((s) => s.step)).toEqual(['oneHot', 'scale', 'log']);
  });

  it('moves steps up and down, ignoring moves past either end', () => {
    expect(moveStep(recipe, 2, -1).steps.map((s) => s.step)).toEqual(['impute', 'scale', 'oneHot']);
    expect(moveStep(recipe, 0, 1).steps.map((s) => s.step)).toEqual(['oneHot', 'impute', 'scale']);
    expect(moveStep(recipe, 0, -1)).toBe(recipe);
    expect(moveStep(recipe, 2, 1)).toBe(recipe);
    expect(moveStep(recipe, 5, -1)).toBe(recipe);
  });

  it('gives new steps the usual settings and keeps columns when the kind changes', () => {
    expect(newStep('impute')).toEqual({ step: 'impute', columns: [], strategy: 'median', indicator: true });
    expect(newStep('clip', ['x'])).toEqual({ step: 'clip', columns: ['x'], lower: 1, upper: 99 });
    expect(newStep('oneHot')).toMatchObject({ top: 20 });
    expect(changeKind(recipe.steps[2], 'clip')).toEqual({ step: 'clip', columns: ['age', 'income'], lower: 1, upper: 99 });
    expect(changeKind(recipe.steps[2], 'scale')).toBe(recipe.steps[2]);
  });

  it('removes columns from every step and drops emptied steps', () => {
    const out = withoutColumns(recipe, ['region', 'income']);
    expect(out.steps).toEqual([
      { step: 'impute', columns: ['age'], strategy: 'median', indicator: true },
      { step: 'scale', columns: ['age'], method: 'standard' },
    ]);
    expect(withoutColumns(recipe, ['nothing'])).toBe(recipe);
    expect(withoutColumns(recipe, [])).toBe(recipe);
  });

  it('keeps steps of kinds without a form and moves them like any other', () => {
    const future = { step: 'someday', columns: ['age'], bins: 5 } as unknown as RecipeStep;
    const r = addStep(recipe, future);
    expect(moveStep(r, 3, -3).steps[0]).toBe(future);
    expect(withoutColumns(r, ['age']).steps.map((s) => s.step)).toEqual(['impute', 'oneHot', 'scale']);
    expect(stepWords(future)).toBe('settings as JSON below');
    expect(newStep('someday', ['x'])).toEqual({ step: 'someday', columns: ['x'] });
    expect(changeKind(future, 'log')).toEqual({ step: 'log', columns: ['age'] });
    // every kind the engine accepts has a form
    expect([...ALL_KINDS].sort()).toEqual([...STEP_KINDS].sort());
  });

  it('knows the columns earlier steps create', () => {
    const r: Recipe = {
      version: 1,
      steps: [
        { step: 'combine', columns: ['loan_amount', 'income'], op: '/', name: 'ratio' },
        { step: 'dateParts', columns: ['application_date'], parts: ['year', 'month'] },
        { step: 'log', columns: ['ratio'] },
      ] as unknown as RecipeStep[],
    };
    expect(createdColumns(r, 2)).toEqual(['ratio', 'application_date__year', 'application_date__month']);
    expect(createdColumns(r, 0)).toEqual([]);
    expect(stepProblems(r.steps[2], [{ name: 'income', type: 'numeric' }], null, [], createdColumns(r, 2))).toEqual([]);
    expect(stepProblems(r.steps[2], [{ name: 'income', type: 'numeric' }], null, [])).toEqual(["'ratio' is not a column of this dataset."]);
  });

  it('fingerprints recipes by content, whatever the key order', () => {
    const reordered: Recipe = {
      steps: recipe.steps.map((s) => Object.fromEntries(Object.entries(s).reverse()) as RecipeStep),
      version: 1,
    };
    expect(canonicalJson(reordered)).toBe(canonicalJson(recipe));
    expect(recipeHash(reordered)).toBe(recipeHash(recipe));
    expect(recipeHash(recipe)).toMatch(/^[0-9a-f]{8}$/);
    expect(recipeHash(moveStep(recipe, 0, 1))).not.toBe(recipeHash(recipe));
    expect(canonicalJson({ a: undefined, b: [1, 'x'] })).toBe('{"b":[1,"x"]}');
  });

  it('says what a step does and what is wrong with it', () => {
    expect(stepCount(recipe)).toBe('3 steps');
    expect(stepCount({ version: 1, steps: [] })).toBe('no steps');
    expect(stepWords(recipe.steps[0])).toBe('fill with the median, with a missing indicator');
    expect(stepWords({ step: 'clip', columns: ['x'], lower: 1, upper: 99 })).toBe('cap at percentiles 1 and 99 of the training rows');
    const columns = [
      { name: 'age', type: 'numeric' },
      { name: 'region', type: 'categorical' },
      { name: 'default', type: 'numeric' },
    ];
    expect(stepProblems({ step: 'oneHot', columns: ['age'], top: 20 }, columns, 'default', [])).toEqual(["'age' is numeric; one-hot encoding is for categorical columns."]);
    expect(stepProblems({ step: 'log', columns: ['region', 'default', 'zip'] }, columns, 'default', [])).toEqual([
      "'region' is categorical; log works on numbers.",
      "'default' is the target: it cannot be a feature.",
      "'zip' is not a column of this dataset.",
    ]);
    expect(stepProblems({ step: 'drop', columns: [] }, columns, null, [])).toEqual(['Choose at least one column.']);
    expect(stepProblems({ step: 'impute', columns: ['region'], strategy: 'median' }, columns, null, [])).toHaveLength(1);
    expect(stepProblems({ step: 'scale', columns: ['age'], method: 'standard' }, columns, null, ['age'])).toEqual([
      "'age' is excluded: remove it here or include it again.",
    ]);
  });

  it('new steps of every kind are valid recipe steps once their columns are chosen', () => {
    for (const kind of STEP_KINDS) {
      const step = newStep(kind, kind === 'combine' ? ['loan', 'income'] : ['x']);
      expect(() => checkRecipe({ version: 1, steps: [step] }), kind).not.toThrow();
    }
    expect(newStep('combine', ['loan', 'income'])).toEqual({ step: 'combine', columns: ['loan', 'income'], op: '/', name: 'loan_per_income' });
    expect(stepWords(newStep('combine', ['loan', 'income']))).toBe('loan_per_income = loan ÷ income');
    expect(stepWords(newStep('bin', ['x']))).toBe('5 equal-count bins');
    expect(stepWords(newStep('targetEncode', ['x']))).toBe('smoothed target mean (m = 10), out-of-fold in 5 folds');
    expect(stepWords({ step: 'ordinal', columns: ['e'], order: ['low', 'mid', 'high'] })).toBe('codes 0–2 in the given order; others −1');
    expect(stepWords(newStep('dateParts', ['d']))).toBe('→ year, month, dayOfWeek');
  });

  it('flags steps of the new kinds on the wrong column types, and incomplete settings', () => {
    const columns = [
      { name: 'age', type: 'numeric' },
      { name: 'region', type: 'categorical' },
      { name: 'opened', type: 'datetime' },
    ];
    expect(stepProblems({ step: 'targetEncode', columns: ['age'] }, columns, null, [])).toEqual(["'age' is numeric; target encoding is for categorical columns."]);
    expect(stepProblems({ step: 'ordinal', columns: ['region'] }, columns, null, [])).toEqual([]);
    expect(stepProblems({ step: 'bin', columns: ['region'] }, columns, null, [])).toEqual(["'region' is categorical; bin works on numbers."]);
    expect(stepProblems({ step: 'dateParts', columns: ['age'], parts: ['year'] }, columns, null, [])).toEqual(["'age' is numeric; date parts are for datetime columns."]);
    expect(stepProblems({ step: 'dateParts', columns: ['opened'], parts: ['daysSince'], reference: '2024-1-1' }, columns, null, [])).toEqual(['Days since needs a reference date, YYYY-MM-DD.']);
    expect(stepProblems({ step: 'combine', columns: ['age'] as unknown as [string, string], op: '+', name: 'age' }, columns, null, [])).toEqual([
      'Choose exactly two columns: left, then right.',
      "A column 'age' exists already: choose another name.",
    ]);
    expect(stepProblems({ step: 'combine', columns: ['age', 'age'], op: '*', name: 'age2' }, columns, null, [])).toEqual([]);
  });
});
