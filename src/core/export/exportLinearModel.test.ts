/**
 * Exported models score like the in-memory model: a fitted default recipe (imputation,
 * indicators, one-hot with "other", scaling) plus linear coefficients, exported to ONNX, scored
 * by onnxruntime-web through the Scorer, equals the float64 computation to 1e-7 (the graph computes in double; only its output is float32); the file passes
 * the `onnx` package's checker (Debian python3-onnx) when it is installed.
 */
import { onnxChecker } from './testing/onnxChecker';
import { describe, expect, it } from 'vitest';
import { resolveMapping } from '../inference/inputMapping';
import { openScorer } from '../inference/scorer';
import { repoTable } from '../inference/testing/modelFixtures';
import { seededRandom } from '../random/seededRandom';
import { applyRecipe } from '../recipe/applyRecipe';
import { defaultRecipe } from '../recipe/defaultRecipe';
import { fitRecipe } from '../recipe/fitRecipe';
import { exportLinearModel, type LinearModel } from './exportLinearModel';


async function roundTrip(kind: LinearModel['kind'], dataset: string, target: string) {
  const table = await repoTable(dataset);
  const all = Uint32Array.from({ length: table.rowCount }, (_, i) => i);
  const train = all.filter((i) => i % 3 !== 0);
  const recipe = defaultRecipe(table, [target], { scale: true });
  const fitted = fitRecipe(table, recipe, { rows: train, exclude: [target] });
  const rng = seededRandom(3);
  const model: LinearModel = { kind, intercept: 0.25, coefficients: Float64Array.from(fitted.features, () => rng.next() - 0.5) };
  const bytes = exportLinearModel({ model, recipe: fitted, classLabels: kind === 'logistic' ? [0, 1] : null, metadata: { seed: '3' }, producerVersion: 'test' });
  const features = applyRecipe(fitted, table, all);
  const expected = Float64Array.from(all, (_, k) => {
    let z = model.intercept;
    features.forEach((f, j) => (z += f[k] * model.coefficients[j]));
    return kind === 'logistic' ? 1 / (1 + Math.exp(-z)) : z;
  });
  const scorer = await openScorer(bytes);
  const mapping = resolveMapping(scorer.signature, table, dataset);
  const scores = await scorer.score(table, mapping);
  await scorer.dispose();
  return { bytes, expected, scores, fitted, scorer };
}

describe('exportLinearModel', () => {
  it.each([
    ['logistic', 'public/datasets/synthetic_loans.csv', 'default'],
    ['logistic', 'public/datasets/adult.csv', 'income'],
    ['linear', 'public/datasets/diabetes.csv', 'target'],
  ] as const)('%s on %s scores in onnxruntime like in memory', async (kind, dataset, target) => {
    const { bytes, expected, scores, fitted, scorer } = await roundTrip(kind, dataset, target);
    expect(scorer.signature.layout).toBe('columns');
    expect(scorer.signature.task).toBe(kind === 'logistic' ? 'classification' : 'regression');
    expect(scorer.signature.featureNames).toEqual(fitted.inputs.map((i) => i.column));
    let worst = 0;
    for (let i = 0; i < expected.length; i++) {
      const scale = kind === 'logistic' ? 1 : Math.max(1, Math.abs(expected[i]));
      worst = Math.max(worst, Math.abs(scores[i] - expected[i]) / scale);
    }
    expect(worst).toBeLessThan(1e-7);
    const check = onnxChecker(bytes);
    if (check) expect(check).toEqual({ stderr: '', status: 0 });
  });
});
