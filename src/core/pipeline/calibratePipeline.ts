/**
 * Probability calibration of a logistic pipeline, fitted on out-of-fold margins: the training
 * rows are cut into 5 stratified folds (seeded); for each, the whole pipeline (recipe and model)
 * is fitted on the other folds and gives margins (log-odds) for this one; Platt scaling or
 * isotonic regression is fitted on those out-of-fold margins. The final model is fitted on all
 * training rows and its margins go through the calibrator — scikit-learn's
 * CalibratedClassifierCV(method=…, cv=5, ensemble=False), which also calibrates the
 * decision_function (the margin).
 */
import type { Table } from '../data/table';
import { stratifiedKFold } from '../folds/stratifiedKFold';
import type { FittedRecipe } from '../recipe/fittedRecipe';
import { applyRecipe } from '../recipe/applyRecipe';
import { applyIsotonic, applyPlatt, fitIsotonic, fitPlatt } from '../train/calibration';
import { linearPredictor, type LinearModel } from '../train/linearModel';

export type CalibrationMethod = 'platt' | 'isotonic';

export type Calibrator = { method: 'platt'; a: number; b: number } | { method: 'isotonic'; x: number[]; y: number[] };

export const CALIBRATION_FOLDS = 5;

/**
 * `fitFold(trainRows)` fits recipe + model on some rows (the caller's own trainer, so the folds
 * repeat exactly what the final fit does).
 */
export function fitCalibrator(
  table: Table,
  rows: Uint32Array,
  label: Uint8Array,
  method: CalibrationMethod,
  seed: number,
  fitFold: (trainRows: Uint32Array) => { fitted: FittedRecipe; model: LinearModel },
  source?: string,
): Calibrator {
  const margins = new Float64Array(rows.length);
  const position = new Map<number, number>();
  rows.forEach((r, i) => position.set(r, i));
  for (const fold of stratifiedKFold(rows, label, CALIBRATION_FOLDS, seed)) {
    const { fitted, model } = fitFold(fold.train);
    const m = linearPredictor(model, applyRecipe(fitted, table, fold.test, source), fold.test.length);
    fold.test.forEach((r, i) => (margins[position.get(r)!] = m[i]));
  }
  if (method === 'platt') {
    const { a, b } = fitPlatt(margins, label);
    return { method, a, b };
  }
  const { x, y } = fitIsotonic(margins, label);
  return { method, x: Array.from(x), y: Array.from(y) };
}

export function applyCalibrator(calibrator: Calibrator, margins: Float64Array): Float64Array {
  return calibrator.method === 'platt'
    ? applyPlatt({ a: calibrator.a, b: calibrator.b }, margins)
    : applyIsotonic({ x: Float64Array.from(calibrator.x), y: Float64Array.from(calibrator.y) }, margins);
}
