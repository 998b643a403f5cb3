/**
 * Ascending sort of NaN-free Float64 values by LSD radix sort on their IEEE-754 bit patterns
 * (four 16-bit digits, O(n)): about twice as fast as the built-in typed-array sort on a million
 * values, which the profile needs once per numeric column. The four digit histograms are counted
 * in one pass and the scratch buffers are reused between calls. −0 sorts just before +0 (they
 * compare equal, so quantiles and runs are unaffected).
 */

const SMALL = 4096;
const RADIX = 65536;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const H = LITTLE_ENDIAN ? 1 : 0;
const L = 1 - H;

let scratchValues = new Float64Array(0);
let scratchOrder = new Uint32Array(0);
const counts = new Uint32Array(4 * RADIX);

/**
 * Sorts `values` (no NaN) in place and returns it. With `order`, the same permutation is applied
 * to it; the sort is stable except that −0 is placed before +0 within a run of zeros.
 */
export function sortFloat64(values: Float64Array, order?: Uint32Array): Float64Array {
  const n = values.length;
  if (n <= SMALL) return smallSort(values, order);
  if (scratchValues.length < n) scratchValues = new Float64Array(n);
  if (order && scratchOrder.length < n) scratchOrder = new Uint32Array(n);
  let src: Float64Array = values;
  let dst: Float64Array = scratchValues.subarray(0, n);
  let srcOrder: Uint32Array | undefined = order;
  let dstOrder: Uint32Array | undefined = order ? scratchOrder.subarray(0, n) : undefined;
  let srcWords: Uint32Array = new Uint32Array(src.buffer, src.byteOffset, 2 * n);
  let dstWords: Uint32Array = new Uint32Array(dst.buffer, dst.byteOffset, 2 * n);

  counts.fill(0);
  for (let i = 0; i < n; i++) {
    const h = srcWords[2 * i + H];
    const neg = h >> 31; // −1 for negative values, 0 otherwise
    const lk = srcWords[2 * i + L] ^ neg;
    const hk = h ^ (neg | 0x80000000);
    counts[lk & 0xffff]++;
    counts[RADIX + (lk >>> 16)]++;
    counts[2 * RADIX + (hk & 0xffff)]++;
    counts[3 * RADIX + (hk >>> 16)]++;
  }
  for (let pass = 0; pass < 4; pass++) {
    const base = pass * RADIX;
    const word = pass < 2 ? L : H;
    const high = pass >= 2;
    const shift = (pass & 1) * 16;
    if (counts[base + digit(srcWords, 0, word, high, shift)] === n) continue; // every key has this digit
    let sum = 0;
    for (let d = base; d < base + RADIX; d++) {
      const c = counts[d];
      counts[d] = sum;
      sum += c;
    }
    if (srcOrder && dstOrder) {
      for (let i = 0; i < n; i++) {
        const at = counts[base + digit(srcWords, i, word, high, shift)]++;
        dst[at] = src[i];
        dstOrder[at] = srcOrder[i];
      }
      [srcOrder, dstOrder] = [dstOrder, srcOrder];
    } else {
      for (let i = 0; i < n; i++) dst[counts[base + digit(srcWords, i, word, high, shift)]++] = src[i];
    }
    [src, dst] = [dst, src];
    [srcWords, dstWords] = [dstWords, srcWords];
  }
  if (src !== values) values.set(src);
  if (order && srcOrder && srcOrder !== order) order.set(srcOrder);
  return values;
}

/**
 * A 16-bit digit of the order-preserving key of value i: negatives have all bits flipped,
 * non-negatives only the sign bit.
 */
function digit(words: Uint32Array, i: number, word: number, high: boolean, shift: number): number {
  const neg = words[2 * i + H] >> 31;
  const w = words[2 * i + word];
  const key = high ? w ^ (neg | 0x80000000) : w ^ neg;
  return (key >>> shift) & 0xffff;
}

function smallSort(values: Float64Array, order?: Uint32Array): Float64Array {
  if (!order) return values.sort();
  const n = values.length;
  const idx = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const v = Float64Array.from(idx, (i) => values[i]);
  const o = Uint32Array.from(idx, (i) => order[i]);
  values.set(v);
  order.set(o);
  return values;
}
