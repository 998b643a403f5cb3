/**
 * A fairness report in plain language, sentences an expert can read aloud: the overall
 * selection rate at the threshold; per attribute the least and most selected groups and their
 * ratio, with the four-fifths verdict (as a heuristic) and the chi-squared test; error rates
 * (false negatives, false positives) of a group at least 1.5× the overall rate; and the groups
 * too small to judge. Built from decision rates only, so the app can say it at any threshold.
 */
import type { DecisionRates } from './decisionCounts';
import { SMALL_GROUP } from './fairnessDefinitions';
import type { Disparities } from './groupMetrics';

export interface SummaryInput {
  favorable: string;
  positive: string;
  threshold: number | null;
  overall: DecisionRates;
  groups: readonly (DecisionRates & { attribute: string; group: string })[];
  disparities: readonly (Disparities & { attribute: string })[];
}

/** Error rates this many times the overall rate are called out. */
export const ERROR_RATE_CALLOUT = 1.5;

export function percent(x: number): string {
  const p = x * 100;
  return `${p >= 10 || p === 0 ? p.toFixed(0) : p.toFixed(1)}%`;
}

function times(x: number): string {
  return `${x.toFixed(2)}×`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

export function fairnessSummary(input: SummaryInput): string[] {
  const out: string[] = [];
  const { overall } = input;
  const who = `the favourable outcome ('${input.favorable}')`;
  if (overall.selectionRate !== null) {
    out.push(
      input.threshold === null
        ? `The predictions give ${who} to ${percent(overall.selectionRate)} of the ${count(overall.count)} rows.`
        : `At threshold ${Number(input.threshold.toFixed(4))} the model gives ${who} to ${percent(overall.selectionRate)} of the ${count(overall.count)} rows.`,
    );
  }
  for (const d of input.disparities) {
    const groups = input.groups.filter((g) => g.attribute === d.attribute && g.count > 0);
    const rated = groups.filter((g) => g.selectionRate !== null);
    if (rated.length < 2) continue;
    const low = rated.reduce((a, b) => (b.selectionRate! < a.selectionRate! ? b : a));
    const high = rated.reduce((a, b) => (b.selectionRate! > a.selectionRate! ? b : a));
    const note = (g: { count: number }) => (g.count < SMALL_GROUP ? ` (only ${count(g.count)} rows)` : '');
    let sentence =
      high.selectionRate! > 0
        ? `By ${d.attribute}, ${low.group}${note(low)} gets it at ${times(low.selectionRate! / high.selectionRate!)} the rate of ${high.group}${note(high)} (${percent(low.selectionRate!)} vs ${percent(high.selectionRate!)}).`
        : `By ${d.attribute}, no group receives it.`;
    if (d.fourFifthsRule !== null) {
      sentence += d.fourFifthsRule
        ? ' The four-fifths rule of thumb (ratio ≥ 0.8) is met — a heuristic, not proof of fairness.'
        : ' The four-fifths rule of thumb (ratio ≥ 0.8) is not met: a sign of possible adverse impact worth a closer look.';
    }
    const p = d.selectionRateTest.pValue;
    sentence += p < 0.05 ? ` The difference is larger than chance would give (χ² test, ${p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`}).` : ` The difference could be chance (χ² test, p = ${p.toFixed(2)}).`;
    out.push(sentence);
    const judged = groups.filter((g) => g.count >= SMALL_GROUP);
    const errorRate = (name: string, of: (r: DecisionRates) => number | null) => {
      const base = of(overall);
      if (base === null || base <= 0) return;
      let worst: { group: string; rate: number } | null = null;
      for (const g of judged) {
        const r = of(g);
        if (r !== null && r >= ERROR_RATE_CALLOUT * base && (worst === null || r > worst.rate)) worst = { group: g.group, rate: r };
      }
      if (worst) out.push(`The ${name} rate for ${d.attribute} ${worst.group} is ${times(worst.rate / base)} the average (${percent(worst.rate)} vs ${percent(base)}).`);
    };
    errorRate(`false-negative ('${input.positive}' missed)`, (r) => (r.truePositiveRate === null ? null : 1 - r.truePositiveRate));
    errorRate(`false-positive ('${input.positive}' wrongly predicted)`, (r) => r.falsePositiveRate);
  }
  const small = input.groups.filter((g) => g.count < SMALL_GROUP);
  if (small.length > 0) {
    const names = small.slice(0, 6).map((g) => `${g.attribute} ${g.group} (${g.count === 0 ? 'no rows' : count(g.count)})`);
    out.push(`${small.length === 1 ? '1 group has' : `${small.length} groups have`} fewer than ${SMALL_GROUP} rows, too few to judge: ${names.join(', ')}${small.length > 6 ? ', …' : ''}.`);
  }
  return out;
}
