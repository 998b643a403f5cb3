/**
 * Evaluation aggregates against brute force: the confusion matrix by counting, the gains curve
 * and decile lift by sorting and counting, regression bins by direct assignment.
 * (ROC, precision-recall and calibration are checked against scikit-learn in curves.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random/seededRandom';
import type { ScoredRows } from './evaluateScores';
import { evaluateModel, gainsCurve, liftTable, MAX_CURVE_POINTS, thresholdMetrics } from './modelEvaluation';

function classification(n: number, seed: number, levels = 0): ScoredRows & { task: 'classification' } {
  const rng = seededRandom(seed);
  const score = new Float64Array(n);
  const label = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const u = rng.next();
    score[i] = levels > 0 ? Math.floor(u * levels) / levels : u;
    label[i] = rng.next() < 0.2 + 0.6 * u ? 1 : 0;
  }
  return { task: 'classification', rows: Uint32Array.from({ length: n }, (_, i) => i), score, label, positive: '1', negative: '0' };
}

describe('thresholdMetrics', () => {
  it('counts like a loop over the rows', () => {
    const scored = classification(2000, 1, 20);
    for (const t of [0, 0.3, 0.5, 0.95, 1]) {
      const m = thresholdMetrics(scored, t, 2500, 3000);
      let tp = 0;
      let fp = 0;
      let fn = 0;
      let tn = 0;
      scored.score.forEach((s, i) => {
        const p = s >= t;
        const y = scored.label[i] === 1;
        if (p && y) tp++;
        else if (p) fp++;
        else if (y) fn++;
        else tn++;
      });
      expect([m.tp, m.fp, m.fn, m.tn]).toEqual([tp, fp, fn, tn]);
      expect(m.rows).toEqual({ n: 2000, inScope: 2500, total: 3000 });
      expect(m.accuracy).toBeCloseTo((tp + tn) / 2000, 15);
      expect(m.precision).toBe(tp + fp === 0 ? null : tp / (tp + fp));
      expect(m.recall).toBe(tp / (tp + fn));
    }
  });

  it('gives null precision when nothing is predicted positive', () => {
    const m = thresholdMetrics(classification(100, 2), 1.01, 100, 100);
    expect(m.tp + m.fp).toBe(0);
    expect(m.precision).toBeNull();
    expect(m.f1).toBe(0);
  });
});

describe('gains and lift', () => {
  it('equal sorting and counting when scores are distinct', () => {
    const { score, label } = classification(1000, 3);
    const gains = gainsCurve(label, score);
    const order = Array.from(score.keys()).sort((a, b) => score[b] - score[a]);
    const positives = label.reduce((a, b) => a + b, 0);
    let tp = 0;
    order.forEach((i, k) => {
      tp += label[i];
      expect(gains.fraction[k + 1]).toBeCloseTo((k + 1) / 1000, 15);
      expect(gains.gain[k + 1]).toBeCloseTo(tp / positives, 15);
    });
    const lift = liftTable(gains);
    expect(lift.map((r) => r.fraction)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    for (const row of lift) {
      const top = order.slice(0, Math.round(row.fraction * 1000));
      const captured = top.reduce((a, i) => a + label[i], 0) / positives;
      expect(row.gain).toBeCloseTo(captured, 12);
      expect(row.lift).toBeCloseTo(captured / row.fraction, 12);
    }
    expect(lift[9].gain).toBe(1);
    expect(lift[9].lift).toBe(1);
  });

  it('take tied scores together and interpolate inside a tied block', () => {
    // 4 rows: scores 0.9, 0.5, 0.5, 0.1; labels 1, 1, 0, 0
    const gains = gainsCurve(Uint8Array.from([1, 1, 0, 0]), Float64Array.from([0.9, 0.5, 0.5, 0.1]));
    expect(gains.fraction).toEqual([0, 0.25, 0.75, 1]);
    expect(gains.gain).toEqual([0, 0.5, 1, 1]);
    const lift = liftTable(gains);
    // at 50 % of rows: halfway through the tied block (0.25 → 0.75): gain 0.75
    expect(lift[4].gain).toBeCloseTo(0.75, 15);
  });
});

describe('evaluateModel', () => {
  it('thins long curves for drawing but keeps both ends', () => {
    const e = evaluateModel(classification(5000, 4), 5000, 5000);
    if (e.task !== 'classification') throw new Error('expected classification');
    expect(e.roc!.fpr.length).toBeLessThanOrEqual(MAX_CURVE_POINTS);
    expect([e.roc!.fpr[0], e.roc!.tpr[0]]).toEqual([0, 0]);
    expect([e.roc!.fpr.at(-1), e.roc!.tpr.at(-1)]).toEqual([1, 1]);
    expect(e.gains.fraction.at(-1)).toBe(1);
    expect(e.positives + e.negatives).toBe(5000);
    expect(e.scoreHistogram.reduce((a, b) => a + b.positives + b.negatives, 0)).toBe(5000);
    expect(e.scoreHistogram.reduce((a, b) => a + b.positives, 0)).toBe(e.positives);
  });

  it('bins regression residuals so that every row is counted once', () => {
    const rng = seededRandom(5);
    const n = 997;
    const value = Float64Array.from({ length: n }, () => rng.next() * 100);
    const score = Float64Array.from(value, (v) => v + (rng.next() - 0.5) * 10);
    const e = evaluateModel({ task: 'regression', rows: new Uint32Array(n), score, value }, n, n);
    if (e.task !== 'regression') throw new Error('expected regression');
    expect(e.predictedVsActual.reduce((a, b) => a + b.count, 0)).toBe(n);
    expect(e.residualHistogram.reduce((a, b) => a + b.count, 0)).toBe(n);
    expect(e.residualsByPrediction.reduce((a, b) => a + b.count, 0)).toBe(n);
    expect(e.residualsByPrediction).toHaveLength(10);
    // each residual lands in the bin whose range contains it
    const residuals = Array.from(value, (v, i) => v - score[i]);
    const first = e.residualHistogram[0];
    expect(residuals.filter((r) => r >= first.start && r < first.end).length).toBe(first.count);
    // residual quartiles per prediction decile: the first decile by brute force
    const order = Array.from(score.keys()).sort((a, b) => score[a] - score[b]);
    const decile = order.slice(0, Math.floor(n / 10)).map((i) => residuals[i]).sort((a, b) => a - b);
    const q = (p: number) => {
      const h = (decile.length - 1) * p;
      const lo = Math.floor(h);
      return decile[lo] + (h - lo) * ((decile[lo + 1] ?? decile[lo]) - decile[lo]);
    };
    expect(e.residualsByPrediction[0].median).toBeCloseTo(q(0.5), 10);
    expect(e.residualsByPrediction[0].q25).toBeCloseTo(q(0.25), 10);
    expect(e.metrics.n).toBe(n);
  });
});
