/** The worker's bootstrap (pausing, cancellable) gives exactly the CLI's intervals. */
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../errors/errors';
import { bootstrapCi, bootstrapCiAsync } from './bootstrapCi';

const values = Float64Array.from({ length: 300 }, (_, i) => Math.sin(i) * 10 + i / 30);
const mean = (w: Uint32Array) => {
  let s = 0;
  let n = 0;
  w.forEach((k, i) => {
    s += k * values[i];
    n += k;
  });
  return { mean: s / n };
};

describe('bootstrapCiAsync', () => {
  it('equals bootstrapCi for the same seed, pausing between groups of resamples', async () => {
    let pauses = 0;
    const pause = async () => {
      pauses++;
    };
    const sync = bootstrapCi(values.length, ['mean'], mean, { seed: 7 });
    const async = await bootstrapCiAsync(values.length, ['mean'], mean, { seed: 7, pause });
    expect(async).toEqual(sync);
    expect(pauses).toBeGreaterThan(10);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    let pauses = 0;
    const run = bootstrapCiAsync(values.length, ['mean'], mean, {
      pause: async () => {
        if (++pauses === 3) controller.abort();
      },
      signal: controller.signal,
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    expect(pauses).toBe(3);
  });
});
