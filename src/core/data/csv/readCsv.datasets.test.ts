/**
 * The reader against pandas on every bundled dataset: rows, which columns are numeric, missing
 * and distinct counts, exact sums. References: scripts/fixtures/make_dataset_fixtures.py
 * (pandas.read_csv with only empty fields as missing) → src/core/data/fixtures/datasets.json.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../byteSource';
import { readCsv } from './readCsv';
import reference from '../fixtures/datasets.json';

interface ColumnFact {
  name: string;
  numeric: boolean;
  missing: number;
  distinct: number;
  sum?: number;
  min?: number | null;
  max?: number | null;
}

/** Exact sum (Shewchuk / Python's math.fsum) so float sums compare to the last bit. */
function fsum(values: Iterable<number>): number {
  const partials: number[] = [];
  for (let x of values) {
    let i = 0;
    for (let y of partials) {
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    partials.push(x);
  }
  return partials.reduce((a, b) => a + b, 0);
}

const files = Object.entries(reference as Record<string, { rows: number; columns: ColumnFact[] }>);

describe.each(files)('%s matches pandas', (file, expected) => {
  it('has the same rows, column kinds, missing and distinct counts and sums', async () => {
    const bytes = readFileSync(join(__dirname, '../../../../public/datasets', file));
    const r = await readCsv(bytesSource(new Uint8Array(bytes), file));
    expect(r.rowCount).toBe(expected.rows);
    expect(r.names).toEqual(expected.columns.map((c) => c.name));
    r.columns.forEach((col, k) => {
      const fact = expected.columns[k];
      expect(col.kind === 'numbers', `${fact.name} numeric`).toBe(fact.numeric);
      if (col.kind === 'numbers') {
        const present = Array.from(col.values).filter((v) => !Number.isNaN(v));
        expect(col.values.length - present.length, `${fact.name} missing`).toBe(fact.missing);
        expect(new Set(present).size, `${fact.name} distinct`).toBe(fact.distinct);
        expect(fsum(present), `${fact.name} sum`).toBe(fact.sum);
        expect(Math.min(...present)).toBe(fact.min);
        expect(Math.max(...present)).toBe(fact.max);
      } else {
        const missing = col.codes.filter((c) => c < 0).length;
        expect(missing, `${fact.name} missing`).toBe(fact.missing);
        expect(col.dictionary.length, `${fact.name} distinct`).toBe(fact.distinct);
      }
    });
  });
});
