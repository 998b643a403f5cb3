/**
 * A drift report in plain language: how many columns shifted beyond the PSI thresholds, the most
 * drifted ones, how well a classifier tells the two sides apart and from which columns, and the
 * reminder that p-values on large samples flag trivial shifts.
 */
import type { ColumnDrift } from './columnDrift';
import type { DomainClassifier } from './domainClassifier';
import { AUC_MAJOR, AUC_MODERATE, PSI_MAJOR, PSI_MODERATE } from './driftThresholds';

const fmt = (x: number) => (Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(3));

export function driftSummary(columns: readonly ColumnDrift[], domain: DomainClassifier | null, rows: { reference: number; current: number }): string[] {
  const out: string[] = [];
  const ranked = [...columns].filter((c) => c.psi !== null).sort((a, b) => b.psi! - a.psi!);
  const major = ranked.filter((c) => c.severity === 'major');
  const moderate = ranked.filter((c) => c.severity === 'moderate');
  out.push(
    `Compared ${rows.reference.toLocaleString('en-US')} reference rows with ${rows.current.toLocaleString('en-US')} current rows on ${columns.length} column${columns.length === 1 ? '' : 's'}: ` +
      `${major.length} shifted strongly (PSI > ${PSI_MAJOR}), ${moderate.length} moderately (PSI ${PSI_MODERATE}–${PSI_MAJOR}).`,
  );
  if (ranked.length && ranked[0].psi! > PSI_MODERATE) {
    out.push(`Most drifted: ${ranked.slice(0, 5).filter((c) => c.psi! > PSI_MODERATE).map((c) => `${c.name} (PSI ${fmt(c.psi!)})`).join(', ')}.`);
  }
  if (domain && domain.auc !== null) {
    const drivers = domain.topFeatures.filter((f) => f.importance > 0).slice(0, 3).map((f) => f.name);
    const verdict = domain.auc > AUC_MAJOR ? 'easily' : domain.auc > AUC_MODERATE ? 'somewhat' : 'hardly';
    out.push(`A classifier can ${verdict} tell current rows from reference rows (out-of-fold AUC ${domain.auc.toFixed(3)}; 0.5 = indistinguishable)${drivers.length && domain.auc > AUC_MODERATE ? `, mostly from ${drivers.join(', ')}` : ''}.`);
  }
  const significant = columns.filter((c) => c.pValue !== null && c.pValue < 0.05 && c.severity === 'none');
  if (significant.length) {
    out.push(`${significant.length} column${significant.length === 1 ? ' has' : 's have'} a p-value below 0.05 but a small PSI (${significant.slice(0, 4).map((c) => c.name).join(', ')}${significant.length > 4 ? ', …' : ''}): with this many rows, tests flag shifts too small to matter — read the effect size first.`);
  }
  return out;
}
