/**
 * A calibrator on the margin z as ONNX nodes. Platt: P = 1/(1 + e^(a·z + b)) = Sigmoid(−(a·z + b)).
 * Isotonic: numpy.interp with clipping, written as a sum of clipped ramps:
 * f(z) = y₀ + Σₖ (yₖ₊₁ − yₖ)/(xₖ₊₁ − xₖ) · (min(max(z, xₖ), xₖ₊₁) − xₖ) — constant y₀ below x₀ and
 * y_last above the last threshold, linear in between, as numpy.interp. Computed in double like
 * the margin it reads, so steep steps do not magnify float32 rounding.
 */
import type { OnnxGraph } from '../inference/onnx/modelBuilder';
import type { Calibrator } from '../pipeline/calibratePipeline';

/** z: the margin [N, 1]; returns P(positive) [N, 1]. */
export function calibrationGraph(graph: OnnxGraph, calibrator: Calibrator, z: string): string {
  if (calibrator.method === 'platt') {
    const scaled = graph.node('Mul', [z, graph.constant('platt_a', 'float64', [], [calibrator.a])], 'platt_az');
    const shifted = graph.node('Add', [scaled, graph.constant('platt_b', 'float64', [], [calibrator.b])], 'platt_azb');
    return graph.node('Sigmoid', [graph.node('Neg', [shifted], 'platt_neg')], 'p');
  }
  const { x, y } = calibrator;
  const y0 = graph.constant('isotonic_y0', 'float64', [], [y[0]]);
  if (x.length < 2) return graph.node('Add', [graph.node('Mul', [z, graph.constant('zero', 'float64', [], [0])], 'isotonic_zero'), y0], 'p');
  const lo = x.slice(0, -1);
  const hi = x.slice(1);
  const slopes = lo.map((_, k) => (y[k + 1] - y[k]) / (x[k + 1] - x[k]));
  const xlo = graph.constant('isotonic_lo', 'float64', [lo.length], lo);
  const xhi = graph.constant('isotonic_hi', 'float64', [hi.length], hi);
  const clipped = graph.node('Min', [graph.node('Max', [z, xlo], 'isotonic_max'), xhi], 'isotonic_min');
  const ramps = graph.node('Mul', [graph.node('Sub', [clipped, xlo], 'isotonic_offset'), graph.constant('isotonic_slopes', 'float64', [slopes.length], slopes)], 'isotonic_ramps');
  const total = graph.node('ReduceSum', [ramps, graph.constant('axis1', 'int64', [1], [1])], 'isotonic_sum', { keepdims: { int: 1 } });
  return graph.node('Add', [total, y0], 'p');
}
