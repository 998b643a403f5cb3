/**
 * Stable ascending argsort of Float64 values (LSD radix sort on the IEEE-754 bit patterns,
 * O(n)), for ranking a column once and reusing the order for every pair (Spearman) or bin.
 * −0 and 0 are the same value; NaN must not be among the positions sorted.
 */

const SMALL = 512;

/**
 * Positions `positions` (indices into `values`) sorted by value, ties in ascending position
 * order (stable when `positions` is ascending). Returns a new array.
 */
export function argsortValues(values: Float64Array, positions: Uint32Array): Uint32Array {
  const n = positions.length;
  if (n <= SMALL) {
    return Uint32Array.from(positions).sort((a, b) => values[a] - values[b] || a - b);
  }
  // sortable keys: flip all bits of negatives, the sign bit of positives (−0 → +0)
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  const f = new Float64Array(1);
  const bits = new Uint32Array(f.buffer);
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const H = littleEndian ? 1 : 0;
  const L = 1 - H;
  for (let i = 0; i < n; i++) {
    const v = values[positions[i]];
    f[0] = v === 0 ? 0 : v;
    const h = bits[H];
    const l = bits[L];
    if (h & 0x80000000) {
      hi[i] = ~h >>> 0;
      lo[i] = ~l >>> 0;
    } else {
      hi[i] = (h | 0x80000000) >>> 0;
      lo[i] = l;
    }
  }
  // sort indices 0..n−1 into the key arrays, four 16-bit digits, least significant first
  let idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  let tmp = new Uint32Array(n);
  const count = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const keys = pass < 2 ? lo : hi;
    const shift = (pass & 1) * 16;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(keys[i] >>> shift) & 0xffff]++;
    // skip a pass where every key has the same digit
    if (count[(keys[0] >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const k = idx[i];
      tmp[count[(keys[k] >>> shift) & 0xffff]++] = k;
    }
    const t = idx;
    idx = tmp;
    tmp = t;
  }
  for (let i = 0; i < n; i++) idx[i] = positions[idx[i]];
  return idx;
}

/** Positions 0..n−1 of the non-NaN values of a dense array, ascending. */
export function presentPositions(values: Float64Array): Uint32Array {
  const n = values.length;
  let k = 0;
  for (let i = 0; i < n; i++) if (values[i] === values[i]) k++;
  const out = new Uint32Array(k);
  k = 0;
  for (let i = 0; i < n; i++) if (values[i] === values[i]) out[k++] = i;
  return out;
}
