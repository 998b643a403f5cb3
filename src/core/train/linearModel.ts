/**
 * A fitted linear model — intercept b and one coefficient per feature column — and its linear
 * predictor b + xᵢ·w (the regression value for ridge, the log-odds for logistic regression).
 */
import { InputError } from '../errors/errors';

export interface LinearModel {
  intercept: number;
  coefficients: Float64Array;
}

/** b + xᵢ·w for every row; `rowCount` is only needed when there are no feature columns. */
export function linearPredictor(model: LinearModel, columns: readonly Float64Array[], rowCount?: number): Float64Array {
  if (columns.length !== model.coefficients.length) {
    throw new InputError(`the model has ${model.coefficients.length} coefficients but ${columns.length} feature columns were given`);
  }
  const n = columns.length > 0 ? columns[0].length : (rowCount ?? 0);
  const out = new Float64Array(n).fill(model.intercept);
  columns.forEach((x, j) => {
    if (x.length !== n) throw new InputError(`feature ${j} has ${x.length} values, expected ${n}`);
    const c = model.coefficients[j];
    for (let i = 0; i < n; i++) out[i] += c * x[i];
  });
  return out;
}
