/**
 * Pearson correlation over pairwise-complete observations (rows where both values are
 * present), as pandas DataFrame.corr(method='pearson'). Two passes: means, then centred sums.
 * Undefined (null) with fewer than 2 complete pairs or when either side is constant there.
 */

export interface PairCorrelation {
  /** null when undefined. */
  r: number | null;
  /** Pairwise complete observations. */
  n: number;
}

/** Pearson r of two aligned dense arrays (NaN = missing). */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): PairCorrelation {
  const len = x.length;
  let n = 0;
  let sx = 0;
  let sy = 0;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < len; i++) {
    const a = x[i];
    const b = y[i];
    if (a !== a || b !== b) continue;
    n++;
    sx += a;
    sy += b;
    if (a < minX) minX = a;
    if (a > maxX) maxX = a;
    if (b < minY) minY = b;
    if (b > maxY) maxY = b;
  }
  if (n < 2 || minX === maxX || minY === maxY) return { r: null, n };
  return { r: centredCorrelation(x, y, sx / n, sy / n), n };
}

/**
 * Σ(x−mx)(y−my) / √(Σ(x−mx)² Σ(y−my)²) over the complete pairs, given their means
 * (null when a sum of squares is 0). Clamped to [−1, 1].
 */
export function centredCorrelation(x: ArrayLike<number>, y: ArrayLike<number>, mx: number, my: number): number | null {
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  // residual sums correct the means' rounding (corrected two-pass algorithm)
  let rx = 0;
  let ry = 0;
  let n = 0;
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (a !== a || b !== b) continue;
    const dx = a - mx;
    const dy = b - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
    rx += dx;
    ry += dy;
    n++;
  }
  return correlationFromSums(sxy - (rx * ry) / n, sxx - (rx * rx) / n, syy - (ry * ry) / n);
}

export function correlationFromSums(sxy: number, sxx: number, syy: number): number | null {
  if (!(sxx > 0 && syy > 0)) return null;
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}
