import { describe, expect, it } from 'vitest';
import type { TargetAnalysisResult, TargetBreakdownRow, TargetColumnAnalysis } from '../../core/stats/results';
import { binaryEntropy, correlationRatio, leakageFlags, oneColumnAuc } from './leakage';

const row = (label: string, count: number, value: number | null): TargetBreakdownRow => ({ label, count, value });
const column = (name: string, mutualInformation: number, rows: TargetBreakdownRow[]): TargetColumnAnalysis => ({
  column: name,
  type: 'numeric',
  mutualInformation,
  rows,
});

// bank_marketing's duration (seconds) against y, as the target analysis bins it (41,188 rows, 11.27 % yes)
const duration = column('duration', 0.0724, [
  row('[0, 59]', 4181, 0.000239),
  row('(59, 89]', 4207, 0.0102),
  row('(89, 116]', 3987, 0.0268),
  row('(116, 146]', 4152, 0.0378),
  row('(146, 180]', 4178, 0.0613),
  row('(180, 222]', 4096, 0.0845),
  row('(222, 280]', 4062, 0.114),
  row('(280, 368]', 4103, 0.135),
  row('(368, 551]', 4118, 0.2001),
  row('(551, 4918]', 4104, 0.4603),
]);
// a strong but ordinary predictor: no group is pure (adult's age against income, 23.9 % >50K)
const age = column('age', 0.0648, [row('[17, 22]', 5897, 0.0046), row('(22, 26]', 4883, 0.0465), row('(45, 51]', 5613, 0.3985), row('(58, 90]', 4578, 0.2571)]);

function analysis(columns: TargetColumnAnalysis[], overall: number, n: number): TargetAnalysisResult {
  return { target: 'y', task: 'classification', positive: 'yes', overall, n, columns };
}

describe('leakage rules', () => {
  it('computes the entropy of a 0/1 target in nats', () => {
    expect(binaryEntropy(0.5)).toBeCloseTo(Math.LN2, 12);
    expect(binaryEntropy(0)).toBe(0);
    expect(binaryEntropy(1)).toBe(0);
    expect(binaryEntropy(0.1127)).toBeCloseTo(0.3521, 4);
  });

  it('computes the one-column AUC from group rates, ties counted half', () => {
    expect(oneColumnAuc([row('a', 10, 0), row('b', 10, 1)])).toBe(1);
    // pairs by hand: ties inside each group count half → (1·3/2 + 3·3 + 3·1/2) / (4·4)
    expect(oneColumnAuc([row('a', 4, 0.75), row('b', 4, 0.25)])).toBe(0.75);
    expect(oneColumnAuc([row('a', 4, 0.5)])).toBe(0.5);
    expect(oneColumnAuc([row('a', 4, 0), row('(missing)', 3, null)])).toBeNull();
  });

  it("flags bank_marketing's duration (a pure block of short calls) and not a strong ordinary predictor", () => {
    const flags = leakageFlags(analysis([duration, age], 0.11265, 41188));
    expect(flags.map((f) => f.column)).toEqual(['duration']);
    expect(flags[0].reasons).toHaveLength(1);
    expect(flags[0].reasons[0]).toContain('Where duration is [0, 59] (4,181 rows, 10.2% of them), y = yes in only 0.024% of rows, against 11.3% overall');
    expect(leakageFlags(analysis([age], 0.2393, 48842))).toEqual([]);
  });

  it('flags a column that carries most of the entropy or ranks almost perfectly', () => {
    const copy = column('outcome_code', 0.6, [row('0', 500, 0.002), row('1', 500, 0.998)]);
    const flags = leakageFlags(analysis([copy], 0.5, 1000));
    expect(flags[0].reasons.map((r) => r.slice(0, 24))).toEqual(['Its mutual information (', 'On its own it ranks the ', 'Where outcome_code is 0 ']);
    expect(flags[0].reasons[1]).toContain('AUC of 0.998');
  });

  it('does not call a small or expected-to-be-pure group leakage', () => {
    // 3 % of the rows: too small
    expect(leakageFlags(analysis([column('x', 0.01, [row('a', 30, 0), row('b', 970, 0.1)])], 0.097, 1000))).toEqual([]);
    // a rare target: fewer than 20 positives were expected in the pure group
    expect(leakageFlags(analysis([column('x', 0.001, [row('a', 100, 0), row('b', 900, 0.011)])], 0.01, 1000))).toEqual([]);
  });

  it('uses the share of variance explained for a numeric target', () => {
    // two groups at 0 and 10, each with no spread: η² = 1
    const rows = [row('low', 50, 0), row('high', 50, 10)];
    const std = Math.sqrt((100 * 25) / 99);
    expect(correlationRatio(rows, 5, 100, std)).toBeCloseTo(1, 12);
    expect(correlationRatio(rows, 5, 100, 0)).toBeNull();
    const result: TargetAnalysisResult = { target: 'price', task: 'regression', positive: null, overall: 5, n: 100, columns: [column('p2', 1, rows)] };
    expect(leakageFlags(result, std)[0].reasons[0]).toContain('explain 100.0% of the variance of price');
    expect(leakageFlags(result, null)).toEqual([]);
  });
});
