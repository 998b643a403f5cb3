/** Files the browser tests upload, written to a temporary folder at run time. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';

const dir = mkdtempSync(join(tmpdir(), 'glassbox-e2e-'));

export function writeFixture(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A small ;-separated CSV with a BOM, CRLF, quoted fields holding delimiters, quotes and newlines. */
export function europeanCsv(): string {
  const rows = ['\uFEFFcity;population;mayor;founded;note'];
  const cities = ['Zürich', 'Genève', 'Basel', 'Bern', 'Lausanne'];
  for (let i = 0; i < 120; i++) {
    const city = cities[i % cities.length];
    rows.push(`${city};${(1000 + i * 37) % 997},5;"Doe; ""J"" ${i}";19${10 + (i % 80)}-0${1 + (i % 9)}-1${i % 10};"line one\r\nline two"`);
  }
  return rows.join('\r\n') + '\r\n';
}

/** A CSV whose 4th data line (line 5 of the file) is short of one field. */
export function raggedCsv(): string {
  return 'a,b,c\n1,2,3\n4,5,6\n7,8,9\n10,11\n12,13,14\n';
}

/** A large CSV (about 35 MB per million rows) so that a load takes long enough to cancel. */
export function largeCsv(rows = 1_000_000): string {
  const parts: string[] = ['id,x,y,group,flag,note'];
  let seed = 7;
  for (let i = 0; i < rows; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    parts.push(`${i},${(seed / 2147483648).toFixed(6)},${(seed % 1000) - 500},g${seed % 7},${seed % 2 ? 'true' : 'false'},n${seed % 100000}`);
  }
  return parts.join('\n') + '\n';
}

export function parquetFile(): Uint8Array {
  const n = 500;
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'score', data: Array.from({ length: n }, (_, i) => (i * 7919) % 1000 / 10), type: 'DOUBLE' },
      { name: 'segment', data: Array.from({ length: n }, (_, i) => ['retail', 'sme', 'corporate'][i % 3]), type: 'STRING' },
      { name: 'approved', data: Array.from({ length: n }, (_, i) => i % 4 !== 0), type: 'BOOLEAN' },
    ],
  });
  return new Uint8Array(buffer);
}

/**
 * A loans-like CSV (age, income, loan_amount, term_months, credit_history_len,
 * num_prior_defaults, optionally region, then default) from a seeded linear congruential
 * generator: large enough for scoring or cross-validation to take a while.
 */
export function loansCsv(rows: number, seed: number, options: { region?: boolean } = {}): string {
  const parts = [`age,income,loan_amount,term_months,credit_history_len,num_prior_defaults,${options.region ? 'region,' : ''}default`];
  let s = seed;
  for (let i = 0; i < rows; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    parts.push(`${20 + (s % 50)},${20000 + (s % 90000)},${1000 + (s % 40000)},${12 * (1 + (s % 5))},${(s % 300) / 10},${s % 4},${options.region ? `r${s % 9},` : ''}${s % 5 === 0 ? 1 : 0}`);
  }
  return parts.join('\n') + '\n';
}
