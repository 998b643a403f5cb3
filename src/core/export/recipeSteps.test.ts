/**
 * Every recipe step exported to ONNX scores like memory: a recipe fitted on training rows (every
 * third row held out), random linear coefficients, exported, scored by onnxruntime-web through
 * the Scorer on all rows (training and held out) and compared with the float64 computation to
 * 1e-7 (the graph computes in double; only its output is rounded to float32); the file passes the `onnx` package's checker (Debian python3-onnx) when it is installed.
 * Date parts are checked exactly, on every day from 1600 to 2400, through one-feature models.
 */
import { onnxChecker } from './testing/onnxChecker';
import { describe, expect, it } from 'vitest';
import { buildTable } from '../data/buildTable';
import { rawFromValues } from '../data/rawFromValues';
import type { Table } from '../data/table';
import { resolveMapping } from '../inference/inputMapping';
import { openScorer } from '../inference/scorer';
import { repoTable } from '../inference/testing/modelFixtures';
import { seededRandom } from '../random/seededRandom';
import { applyRecipe } from '../recipe/applyRecipe';
import { fitRecipeForTraining, type TrainingTarget } from '../recipe/fitRecipe';
import type { FittedRecipe } from '../recipe/fittedRecipe';
import type { Recipe, RecipeStep } from '../recipe/recipe';
import { readTarget } from '../validation/targetClasses';
import { exportLinearModel, type LinearModel } from './exportLinearModel';

function checkOnnx(bytes: Uint8Array): void {
  const check = onnxChecker(bytes);
  if (!check) return;
  expect(check.stderr).toBe('');
  expect(check.status).toBe(0);
}

async function scoreExport(table: Table, fitted: FittedRecipe, model: LinearModel, rows?: Int32Array): Promise<{ bytes: Uint8Array; scores: Float64Array; metadata: Record<string, string> }> {
  const bytes = exportLinearModel({ model, recipe: fitted, classLabels: model.kind === 'logistic' ? [0, 1] : null, metadata: {}, producerVersion: 'test' });
  const scorer = await openScorer(bytes);
  expect(scorer.signature.featureNames).toEqual(fitted.inputs.map((i) => i.column));
  const scores = await scorer.score(table, resolveMapping(scorer.signature, table, 'test'), { rows });
  const metadata = scorer.description.metadata;
  await scorer.dispose();
  return { bytes, scores, metadata };
}

interface Case {
  dataset: string;
  target: string;
  positive?: string;
  kind: LinearModel['kind'];
  steps: RecipeStep[];
  /** Columns left out (besides the target). */
  exclude?: string[];
}

/** Fits on rows i % 3 ≠ 0 (with a target), exports with seeded coefficients, returns the worst difference over all rows. */
async function roundTrip(table: Table, c: Case): Promise<{ worst: number; fitted: FittedRecipe; metadata: Record<string, string> }> {
  const all = Uint32Array.from({ length: table.rowCount }, (_, i) => i);
  const target = readTarget(table, c.target, { rows: all.filter((i) => i % 3 !== 0), task: c.kind === 'logistic' ? 'classification' : 'regression', positive: c.positive });
  const y: TrainingTarget = target.task === 'classification' ? { task: target.task, values: target.label } : { task: target.task, values: target.value };
  const recipe: Recipe = { version: 1, steps: c.steps };
  const { fitted } = fitRecipeForTraining(table, recipe, { rows: target.rows, exclude: [c.target, ...(c.exclude ?? [])], target: y, seed: 5 });
  const rng = seededRandom(11);
  const model: LinearModel = { kind: c.kind, intercept: 0.25, coefficients: Float64Array.from(fitted.features, () => (rng.next() - 0.5) / 2) };
  const features = applyRecipe(fitted, table, all);
  const expected = Float64Array.from(all, (_, k) => {
    let z = model.intercept;
    features.forEach((f, j) => (z += f[k] * model.coefficients[j]));
    return c.kind === 'logistic' ? 1 / (1 + Math.exp(-z)) : z;
  });
  const { bytes, scores, metadata } = await scoreExport(table, fitted, model);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const scale = c.kind === 'logistic' ? 1 : Math.max(1, Math.abs(expected[i]));
    worst = Math.max(worst, Math.abs(scores[i] - expected[i]) / scale);
  }
  expect(Number.isNaN(worst)).toBe(false);
  checkOnnx(bytes);
  return { worst, fitted, metadata };
}

const ADULT = 'public/datasets/adult.csv';
const ADULT_OTHERS = ['fnlwgt', 'education-num', 'marital-status', 'relationship', 'race', 'sex', 'capital-loss', 'native-country', 'split'];
const LOANS = 'public/datasets/synthetic_loans.csv';

describe('recipe steps exported to ONNX score like memory', () => {
  it('ordinal: by frequency (missing → −1), a given order (others → −1), after imputation, then scaled', async () => {
    const table = await repoTable(ADULT);
    const { worst, fitted } = await roundTrip(table, {
      dataset: ADULT,
      target: 'income',
      positive: '>50K',
      kind: 'logistic',
      exclude: [...ADULT_OTHERS, 'capital-gain', 'hours-per-week'],
      steps: [
        { step: 'ordinal', columns: ['occupation'] },
        { step: 'ordinal', columns: ['education'], order: ['Preschool', '1st-4th', '5th-6th', '7th-8th', '9th', '10th', '11th', '12th', 'HS-grad', 'Some-college', 'Bachelors', 'Masters', 'Doctorate'] },
        { step: 'impute', columns: ['workclass'], strategy: 'mode' },
        { step: 'ordinal', columns: ['workclass'] },
        { step: 'scale', columns: ['occupation', 'education', 'age'], method: 'standard' },
      ],
    });
    expect(fitted.features).toEqual(['age', 'workclass', 'education', 'occupation']);
    expect(worst).toBeLessThan(1e-7);
  });

  it('targetEncode: classification (missing a category of its own, smoothing 0 and 10, after imputation) and regression', async () => {
    const table = await repoTable(ADULT);
    const classification = await roundTrip(table, {
      dataset: ADULT,
      target: 'income',
      positive: '>50K',
      kind: 'logistic',
      exclude: [...ADULT_OTHERS, 'capital-gain', 'hours-per-week'],
      steps: [
        { step: 'targetEncode', columns: ['occupation'] },
        { step: 'targetEncode', columns: ['education'], smoothing: 0, folds: 3 },
        { step: 'impute', columns: ['workclass'], strategy: 'constant', value: 'unknown' },
        { step: 'targetEncode', columns: ['workclass'], smoothing: 2.5 },
        { step: 'scale', columns: ['occupation', 'age'], method: 'standard' },
      ],
    });
    expect(classification.worst).toBeLessThan(1e-7);
    const regression = await roundTrip(table, {
      dataset: ADULT,
      target: 'hours-per-week',
      kind: 'linear',
      exclude: [...ADULT_OTHERS, 'capital-gain', 'income', 'education', 'occupation'],
      steps: [{ step: 'targetEncode', columns: ['workclass'] }],
    });
    expect(regression.worst).toBeLessThan(1e-7);
  });

  it('bin: quantile (with merged edges) and uniform, missing kept then imputed', async () => {
    const adult = await repoTable(ADULT);
    const { worst } = await roundTrip(adult, {
      dataset: ADULT,
      target: 'income',
      positive: '>50K',
      kind: 'logistic',
      exclude: [...ADULT_OTHERS, 'workclass', 'education', 'occupation'],
      steps: [
        { step: 'bin', columns: ['age'], bins: 10 },
        { step: 'bin', columns: ['hours-per-week', 'capital-gain'] },
        { step: 'scale', columns: ['hours-per-week'], method: 'minmax' },
      ],
    });
    expect(worst).toBeLessThan(1e-7);
    const compas = await repoTable('public/datasets/compas.csv');
    const withMissing = await roundTrip(compas, {
      dataset: 'compas.csv',
      target: 'two_year_recid',
      kind: 'logistic',
      exclude: ['sex', 'age_cat', 'race', 'c_charge_degree', 'score_text', 'c_jail_in', 'c_jail_out', 'decile_score'],
      steps: [
        { step: 'bin', columns: ['days_b_screening_arrest'], bins: 4 },
        { step: 'impute', columns: ['days_b_screening_arrest'], strategy: 'median' },
        { step: 'bin', columns: ['age', 'priors_count'], bins: 6, strategy: 'uniform' },
      ],
    });
    expect(withMissing.worst).toBeLessThan(1e-7);
  });

  it('bin: a value on an edge that float32 moves lands in the same bin in memory and in ONNX', async () => {
    // uniform edges of 0..1 in 3 bins are 1/3 and 2/3, which float32 rounds up and down
    const values = Array.from({ length: 300 }, (_, i) => (i % 4) / 3);
    const table = buildTable(['x', 'y'], [rawFromValues(values), rawFromValues(values.map((_, i) => i % 2))], values.length);
    const recipe: Recipe = { version: 1, steps: [{ step: 'bin', columns: ['x'], bins: 3, strategy: 'uniform' }] };
    const all = Uint32Array.from(values, (_, i) => i);
    const { fitted } = fitRecipeForTraining(table, recipe, { rows: all, exclude: ['y'] });
    const memory = applyRecipe(fitted, table, all)[0];
    const { scores } = await scoreExport(table, fitted, { kind: 'linear', intercept: 0, coefficients: Float64Array.of(1) });
    // float32 rounds 1/3 and 2/3 up, values and edges alike: each value sits on its edge → the upper bin
    // (float64 values against float32 edges would say 0, 0, 1, 2)
    expect(Array.from(memory.slice(0, 4))).toEqual([0, 1, 2, 2]);
    expect(Array.from(scores)).toEqual(Array.from(memory));
  });

  it('dateParts: every day from 1600 to 2400 (times of day too) gives the same year, month, day, weekday and days since in ONNX', async () => {
    const first = Date.UTC(1600, 0, 1) / 86_400_000;
    const last = Date.UTC(2400, 11, 31) / 86_400_000;
    const days = Array.from({ length: last - first + 1 }, (_, i) => first + i + (i % 5 === 0 ? ((i * 7919) % 1000) / 1100 : 0));
    const table = buildTable(['d', 'y'], [rawFromValues(days.map((d) => d * 86_400_000), true), rawFromValues(days.map((_, i) => i % 2))], days.length);
    expect(table.columns[0].type).toBe('datetime');
    const all = Uint32Array.from(days, (_, i) => i);
    const parts = ['year', 'month', 'dayOfMonth', 'dayOfWeek', 'daysSince'] as const;
    const { fitted } = fitRecipeForTraining(table, { version: 1, steps: [{ step: 'dateParts', columns: ['d'], parts: [...parts], reference: '2000-01-01' }] }, { rows: all, exclude: ['y'] });
    const memory = applyRecipe(fitted, table, all);
    for (let j = 0; j < parts.length; j++) {
      const coefficients = Float64Array.from(parts, (_, k) => (k === j ? 1 : 0));
      const { bytes, scores } = await scoreExport(table, fitted, { kind: 'linear', intercept: 0, coefficients });
      let mismatches = 0;
      for (let i = 0; i < scores.length; i++) if (scores[i] !== memory[j][i]) mismatches++;
      expect(mismatches, parts[j]).toBe(0);
      if (j === 0) checkOnnx(bytes);
    }
    // the memory values themselves are the calendar's (JavaScript's Date, proleptic Gregorian UTC)
    for (let i = 0; i < days.length; i += 7) {
      const date = new Date(Math.floor(days[i]) * 86_400_000);
      expect([memory[0][i], memory[1][i], memory[2][i], memory[3][i]]).toEqual([date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), (date.getUTCDay() + 6) % 7]);
    }
  });

  it('dateParts on real dates: imputed (compas, with times of day) and then scaled; loans application dates', async () => {
    const compas = await repoTable('public/datasets/compas.csv');
    const { worst } = await roundTrip(compas, {
      dataset: 'compas.csv',
      target: 'two_year_recid',
      kind: 'logistic',
      exclude: ['sex', 'age_cat', 'race', 'c_charge_degree', 'score_text', 'c_jail_out', 'decile_score', 'days_b_screening_arrest'],
      steps: [
        { step: 'impute', columns: ['c_jail_in'], strategy: 'median' },
        { step: 'dateParts', columns: ['c_jail_in'], parts: ['year', 'month', 'dayOfMonth', 'dayOfWeek', 'daysSince'], reference: '2013-01-01' },
        { step: 'scale', columns: ['c_jail_in__year', 'c_jail_in__daysSince'], method: 'standard' },
      ],
    });
    expect(worst).toBeLessThan(1e-7);
    const loans = await repoTable(LOANS);
    const dates = await roundTrip(loans, {
      dataset: LOANS,
      target: 'default',
      kind: 'linear',
      exclude: ['applicant_id', 'sex', 'region', 'employment_type', 'income', 'credit_history_len'],
      steps: [{ step: 'dateParts', columns: ['application_date'], parts: ['month', 'dayOfWeek'] }],
    });
    expect(dates.worst).toBeLessThan(1e-7);
  });

  it('combine: + − × ÷ of columns after their steps, ÷ 0 → missing → imputed with an indicator; sources of both columns in metadata', async () => {
    const loans = await repoTable(LOANS);
    const { worst, fitted, metadata } = await roundTrip(loans, {
      dataset: LOANS,
      target: 'default',
      kind: 'logistic',
      exclude: ['applicant_id', 'application_date', 'sex', 'region', 'employment_type'],
      steps: [
        { step: 'impute', columns: ['income', 'credit_history_len'], strategy: 'median' },
        { step: 'combine', columns: ['loan_amount', 'income'], op: '/', name: 'loan_to_income' },
        { step: 'combine', columns: ['income', 'num_prior_defaults'], op: '/', name: 'income_per_default' },
        { step: 'impute', columns: ['income_per_default'], strategy: 'median', indicator: true },
        { step: 'combine', columns: ['age', 'term_months'], op: '*', name: 'age_months' },
        { step: 'combine', columns: ['age', 'credit_history_len'], op: '-', name: 'age_before_credit' },
        { step: 'combine', columns: ['loan_to_income', 'age_before_credit'], op: '+', name: 'mixed' },
        { step: 'scale', columns: ['income', 'loan_to_income', 'income_per_default', 'age_months', 'mixed'], method: 'standard' },
        { step: 'drop', columns: ['loan_amount'] },
      ],
    });
    expect(worst).toBeLessThan(1e-7);
    expect(fitted.inputs.map((i) => i.column)).toContain('loan_amount');
    expect(fitted.features).not.toContain('loan_amount');
    const sources = JSON.parse(metadata.encoded_feature_sources) as (string | string[])[];
    const at = (f: string) => sources[fitted.features.indexOf(f)];
    expect(at('age')).toBe('age');
    expect(at('loan_to_income')).toEqual(['income', 'loan_amount']);
    expect(at('income_per_default__missing')).toEqual(['income', 'num_prior_defaults']);
    expect(at('mixed')).toEqual(['age', 'income', 'loan_amount', 'credit_history_len']);
  });
});
