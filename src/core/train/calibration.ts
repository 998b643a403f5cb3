/**
 * Probability calibration of scores, as scikit-learn 1.2's CalibratedClassifierCV fits its
 * calibrators:
 *
 * - Platt scaling (method='sigmoid', `sklearn.calibration._sigmoid_calibration`; Platt,
 *   "Probabilistic Outputs for Support Vector Machines", 1999): P(positive | s) = 1/(1 + e^(a·s + b)),
 *   (a, b) minimizing Σ wᵢ·logloss(Tᵢ, P(sᵢ)) with Platt's prior-corrected targets
 *   T = (N₊ + 1)/(N₊ + 2) for positives and 1/(N₋ + 2) for negatives (N = total weight of the
 *   class). scikit-learn stops its BFGS at a gradient of 1e-5 on the summed loss; here Newton's
 *   method runs to the exact minimum of the same objective.
 * - Isotonic regression (method='isotonic', IsotonicRegression(out_of_bounds='clip',
 *   increasing=True); Best & Chakravarti, "Active set algorithms for isotonic regression", 1990):
 *   rows with weight 0 dropped, rows sorted by (score, target), scores closer than 1e-15 to the
 *   first of their run pooled (weighted mean target, summed weight: sklearn's `_make_unique`),
 *   pool-adjacent-violators, and the interior points whose value equals both neighbours'
 *   removed. `applyIsotonic` clips to the fitted score range and interpolates linearly, exactly
 *   as numpy.interp does.
 */
import { InputError } from '../errors/errors';
import { minimizeCrossEntropy } from './crossEntropyNewton';
import { sigmoid } from './logisticRegression';
import { checkWeights } from './trainingInput';

export interface PlattModel {
  /** Slope: P = 1/(1 + exp(a·s + b)); negative when higher scores mean more positive. */
  a: number;
  b: number;
}

export interface IsotonicModel {
  /** Increasing score thresholds (sklearn's X_thresholds_). */
  x: Float64Array;
  /** Non-decreasing calibrated values at `x` (sklearn's y_thresholds_). */
  y: Float64Array;
}

/** scores: finite; y: 1 = positive, anything else ≤ 0 = negative (as sklearn: y > 0 is positive). */
export function fitPlatt(scores: Float64Array, y: ArrayLike<number>, weights?: Float64Array): PlattModel {
  const what = 'Platt calibration';
  const n = scores.length;
  if (y.length !== n) throw new InputError(`${what}: ${y.length} targets for ${n} scores`);
  checkScores(what, scores);
  checkWeights(what, weights, n);
  let prior0 = 0;
  let prior1 = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i] : 1;
    if (y[i] > 0) prior1 += w;
    else prior0 += w;
  }
  const positiveTarget = (prior1 + 1) / (prior1 + 2);
  const negativeTarget = 1 / (prior0 + 2);
  const targets = new Float64Array(n);
  for (let i = 0; i < n; i++) targets[i] = y[i] > 0 ? positiveTarget : negativeTarget;
  // P = σ(b' + a'·s) with a' = −a, b' = −b: a logistic fit on the soft targets, no penalty.
  const solution = minimizeCrossEntropy({ columns: [scores], targets, weights, l2: 0, maxIterations: 100, tolerance: 1e-12 });
  return { a: -solution.beta[1], b: -solution.beta[0] };
}

function checkScores(what: string, scores: Float64Array): void {
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i])) throw new InputError(`${what}: the score of row ${i} is missing or not finite`);
  }
}

/** Calibrated P(positive) = 1/(1 + exp(a·s + b)). */
export function applyPlatt(model: PlattModel, scores: Float64Array): Float64Array {
  const out = new Float64Array(scores.length);
  for (let i = 0; i < scores.length; i++) out[i] = sigmoid(-(model.a * scores[i] + model.b));
  return out;
}

/** sklearn's tolerance for equal scores in `_make_unique` (np.finfo(float64).resolution). */
const SAME_SCORE = 1e-15;

/** scores: finite; y: targets (0/1 for calibration; any finite values); weights ≥ 0. */
export function fitIsotonic(scores: Float64Array, y: ArrayLike<number>, weights?: Float64Array): IsotonicModel {
  const what = 'isotonic calibration';
  const n = scores.length;
  if (y.length !== n) throw new InputError(`${what}: ${y.length} targets for ${n} scores`);
  checkScores(what, scores);
  checkWeights(what, weights, n);
  const kept: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(y[i])) throw new InputError(`${what}: the target of row ${i} is missing or not finite`);
    if (!weights || weights[i] > 0) kept.push(i);
  }
  const order = Uint32Array.from(kept).sort((i, j) => scores[i] - scores[j] || y[i] - y[j] || i - j);

  // Pool equal scores: weighted mean target, summed weight, the run's first score.
  const ux: number[] = [];
  const uy: number[] = [];
  const uw: number[] = [];
  let runX = scores[order[0]];
  let runWy = 0;
  let runW = 0;
  for (const i of order) {
    const w = weights ? weights[i] : 1;
    if (scores[i] - runX >= SAME_SCORE) {
      ux.push(runX);
      uy.push(runWy / runW);
      uw.push(runW);
      runX = scores[i];
      runWy = y[i] * w;
      runW = w;
    } else {
      runW += w;
      runWy += y[i] * w;
    }
  }
  ux.push(runX);
  uy.push(runWy / runW);
  uw.push(runW);

  const fitted = poolAdjacentViolators(Float64Array.from(uy), Float64Array.from(uw));
  // Keep the end points and every point whose value differs from a neighbour's.
  const xs: number[] = [];
  const ys: number[] = [];
  const m = fitted.length;
  for (let k = 0; k < m; k++) {
    if (k === 0 || k === m - 1 || fitted[k] !== fitted[k - 1] || fitted[k] !== fitted[k + 1]) {
      xs.push(ux[k]);
      ys.push(fitted[k]);
    }
  }
  return { x: Float64Array.from(xs), y: Float64Array.from(ys) };
}

/**
 * Increasing isotonic fit of y with weights w, in place on copies: sklearn's
 * `_inplace_contiguous_isotonic_regression` (PAVA that pools the longest decreasing run at
 * once and backtracks one block, O(n)). `target[i]` is the last index of the block starting at
 * i and `target[last]` its first.
 */
function poolAdjacentViolators(y: Float64Array, w: Float64Array): Float64Array {
  const n = y.length;
  const target = Int32Array.from({ length: n }, (_, i) => i);
  let i = 0;
  while (i < n) {
    let k = target[i] + 1;
    if (k === n) break;
    if (y[i] < y[k]) {
      i = k;
      continue;
    }
    let sumWy = w[i] * y[i];
    let sumW = w[i];
    for (;;) {
      const previous = y[k];
      sumWy += w[k] * y[k];
      sumW += w[k];
      k = target[k] + 1;
      if (k === n || previous < y[k]) {
        y[i] = sumWy / sumW;
        w[i] = sumW;
        target[i] = k - 1;
        target[k - 1] = i;
        if (i > 0) i = target[i - 1];
        break;
      }
    }
  }
  for (i = 0; i < n; ) {
    const k = target[i] + 1;
    y.fill(y[i], i + 1, k);
    i = k;
  }
  return y;
}

/** Calibrated values: scores clipped to [x₀, x_last], then linear interpolation (numpy.interp). */
export function applyIsotonic(model: IsotonicModel, scores: Float64Array): Float64Array {
  const { x, y } = model;
  const m = x.length;
  const out = new Float64Array(scores.length);
  for (let r = 0; r < scores.length; r++) {
    const s = scores[r];
    if (Number.isNaN(s)) {
      out[r] = NaN;
    } else if (m === 1 || s <= x[0]) {
      out[r] = y[0];
    } else if (s >= x[m - 1]) {
      out[r] = y[m - 1];
    } else {
      // the last j with x[j] ≤ s (x[0] < s < x[m−1], so 0 ≤ j ≤ m − 2)
      let lo = 0;
      let hi = m - 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (x[mid] <= s) lo = mid;
        else hi = mid;
      }
      out[r] = x[lo] === s ? y[lo] : ((y[lo + 1] - y[lo]) / (x[lo + 1] - x[lo])) * (s - x[lo]) + y[lo];
    }
  }
  return out;
}
