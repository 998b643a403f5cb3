/**
 * trainPipeline trains on targetEncode's out-of-fold values (fitRecipeForTraining), not on the
 * in-sample mapping it scores new rows with: on unique IDs with a random target, the in-sample
 * features would separate the classes perfectly and earn a large coefficient; the out-of-fold
 * ones carry no signal, so the model learns nothing from them, and cross-validation sees chance.
 */
import { describe, expect, it } from 'vitest';
import { buildTable, withColumnType } from '../data/buildTable';
import { rawFromValues } from '../data/rawFromValues';
import { allRows } from '../folds/fold';
import { seededRandom } from '../random/seededRandom';
import { applyRecipe } from '../recipe/applyRecipe';
import type { Recipe } from '../recipe/recipe';
import { fitLogistic } from '../train/logisticRegression';
import { crossValidate } from './crossValidate';
import { linearOf } from './fittedModel';
import { trainPipeline } from './trainPipeline';

describe('targetEncode in a pipeline', () => {
  it('learns nothing from unique IDs with a random target (in-sample encoding would fit them)', () => {
    const n = 2000;
    const rng = seededRandom(2024);
    const label = Array.from({ length: n }, () => (rng.next() < 0.5 ? 1 : 0));
    const table = withColumnType(buildTable(['id', 'y'], [rawFromValues(Array.from({ length: n }, (_, i) => `ID-${i}`)), rawFromValues(label)], n), 'id', 'categorical');
    const recipe: Recipe = { version: 1, steps: [{ step: 'targetEncode', columns: ['id'] }] };
    const l2 = 1e-3;
    const pipeline = trainPipeline(table, { target: 'y', kind: 'logistic', recipe, params: { l2 } });
    expect(Math.abs(linearOf(pipeline.model)!.coefficients[0])).toBeLessThan(1e-6);

    const inSample = fitLogistic(applyRecipe(pipeline.fitted, table, allRows(n)), Uint8Array.from(label), { l2 });
    expect(inSample.coefficients[0]).toBeGreaterThan(5);

    const cv = crossValidate(table, { target: 'y', kind: 'logistic', recipe, params: { l2 }, folds: 5 });
    expect(Math.abs(cv.mean.auc! - 0.5)).toBeLessThan(0.05);
  });
});
