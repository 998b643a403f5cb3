/**
 * Probable target leakage, read from the target analysis (mutual-information ranking) without
 * touching rows again. A column is flagged when, on its own, it tells the target apart too well
 * for information that is truly known before the outcome:
 *
 * 1. its mutual information is at least half the target's entropy (classification; both in nats);
 * 2. its one-column AUC — the rows ranked by their group's target rate, groups being the
 *    analysis' categories or ~10 quantile bins — is ≥ 0.95 (classification); for a numeric
 *    target, the share of the variance its group means explain (η², a one-column R²) is ≥ 0.95;
 * 3. a group holding ≥ 5 % of the rows is (almost) pure: its target rate is within 1 % of 0 or
 *    1 relative to the overall rate (e.g. bank_marketing's calls of 0–59 s: y = yes in 1 of
 *    4,181 rows against 11 % overall), while at least 20 rows of the rarer outcome were expected
 *    there — the column decides the target for a large block of rows.
 *
 * These are warnings for a person to judge (a strong legitimate predictor can trip rule 3), and
 * the explanation says which rule fired with the numbers.
 */
import type { TargetAnalysisResult, TargetBreakdownRow } from '../../core/stats/results';

export const MI_SHARE = 0.5;
export const AUC_LIMIT = 0.95;
export const PURE_SHARE = 0.05;
export const PURE_RELATIVE = 0.01;
export const PURE_EXPECTED = 20;

export interface LeakageFlag {
  column: string;
  /** One sentence per rule that fired. */
  reasons: string[];
}

/** Entropy of a 0/1 variable with P(1) = p, in nats. */
export function binaryEntropy(p: number): number {
  if (!(p > 0 && p < 1)) return 0;
  return -(p * Math.log(p) + (1 - p) * Math.log(1 - p));
}

/**
 * The AUC of ranking rows by their group's target rate (ties within a group count half), i.e.
 * the best any model could do with this column alone at this grouping. Null without both classes.
 */
export function oneColumnAuc(rows: readonly TargetBreakdownRow[]): number | null {
  const groups = rows
    .filter((r) => r.value !== null && r.count > 0)
    .map((r) => ({ rate: r.value!, pos: r.count * r.value!, neg: r.count * (1 - r.value!) }))
    .sort((a, b) => a.rate - b.rate);
  let positives = 0;
  let negatives = 0;
  for (const g of groups) {
    positives += g.pos;
    negatives += g.neg;
  }
  if (positives <= 0 || negatives <= 0) return null;
  let below = 0;
  let sum = 0;
  for (const g of groups) {
    sum += g.pos * (below + g.neg / 2);
    below += g.neg;
  }
  return sum / (positives * negatives);
}

/** η²: the share of the target's variance explained by its group means (a one-column R²); needs the target's sample std. */
export function correlationRatio(rows: readonly TargetBreakdownRow[], overall: number, n: number, std: number): number | null {
  if (!(std > 0) || n < 2) return null;
  let between = 0;
  for (const r of rows) if (r.value !== null && r.count > 0) between += r.count * (r.value - overall) ** 2;
  return Math.min(1, between / ((n - 1) * std * std));
}

const pct = (x: number) => `${(x * 100).toFixed(x < 0.001 ? 3 : x < 0.01 ? 2 : 1)}%`;

/** A group of ≥ 5 % of the rows whose target rate is (almost) 0 or 1 while the other outcome was expected there. */
function pureGroup(rows: readonly TargetBreakdownRow[], overall: number, n: number): { row: TargetBreakdownRow; outcome: 0 | 1 } | null {
  for (const r of rows) {
    if (r.value === null || r.count < PURE_SHARE * n) continue;
    if (r.value <= PURE_RELATIVE * overall && r.count * overall >= PURE_EXPECTED) return { row: r, outcome: 0 };
    if (1 - r.value <= PURE_RELATIVE * (1 - overall) && r.count * (1 - overall) >= PURE_EXPECTED) return { row: r, outcome: 1 };
  }
  return null;
}

/** The columns that look like leakage, in ranking order. `targetStd` (sample std) enables the regression rule. */
export function leakageFlags(result: TargetAnalysisResult, targetStd: number | null = null): LeakageFlag[] {
  const flags: LeakageFlag[] = [];
  const entropy = result.task === 'classification' ? binaryEntropy(result.overall) : 0;
  const positive = `${result.target} = ${result.positive ?? ''}`;
  for (const c of result.columns) {
    const reasons: string[] = [];
    if (result.task === 'classification') {
      if (entropy > 0 && c.mutualInformation >= MI_SHARE * entropy) {
        reasons.push(
          `Its mutual information (${c.mutualInformation.toFixed(3)} nats) is ${pct(c.mutualInformation / entropy)} of the target's entropy (${entropy.toFixed(3)}): alone it removes most of the uncertainty about ${result.target}.`,
        );
      }
      const auc = oneColumnAuc(c.rows);
      if (auc !== null && auc >= AUC_LIMIT) {
        reasons.push(`On its own it ranks the rows with an AUC of ${auc.toFixed(3)} (≥ ${AUC_LIMIT}).`);
      }
      const pure = pureGroup(c.rows, result.overall, result.n);
      if (pure) {
        const { row, outcome } = pure;
        const rate = outcome === 0 ? row.value! : 1 - row.value!;
        const base = outcome === 0 ? result.overall : 1 - result.overall;
        reasons.push(
          `Where ${c.column} is ${row.label} (${row.count.toLocaleString('en-US')} rows, ${pct(row.count / result.n)} of them), ${outcome === 0 ? positive : `${result.target} ≠ ${result.positive ?? ''}`} in only ${pct(rate)} of rows, against ${pct(base)} overall: the column almost decides the outcome there.`,
        );
      }
    } else if (targetStd !== null) {
      const eta2 = correlationRatio(c.rows, result.overall, result.n, targetStd);
      if (eta2 !== null && eta2 >= AUC_LIMIT) {
        reasons.push(`Its groups alone explain ${pct(eta2)} of the variance of ${result.target} (a one-column R² ≥ ${AUC_LIMIT}).`);
      }
    }
    if (reasons.length > 0) flags.push({ column: c.column, reasons });
  }
  return flags;
}
