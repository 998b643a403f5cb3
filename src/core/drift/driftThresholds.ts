/**
 * The severity of a drift and the thresholds behind it, documented so a reader knows what a flag
 * means. PSI: below 0.1 stable, 0.1–0.2 a moderate shift, above 0.2 a major one (the credit-risk
 * convention, Siddiqi 2006, "Credit Risk Scorecards"). Domain classifier (out-of-fold AUC of a
 * model telling current from reference rows): below 0.6 the two are hard to tell apart, 0.6–0.75
 * moderate, above 0.75 major. p-values are shown but do not set the severity: on large samples
 * they flag trivial shifts.
 */
export type Severity = 'none' | 'moderate' | 'major' | 'unknown';

export const PSI_MODERATE = 0.1;
export const PSI_MAJOR = 0.2;
export const AUC_MODERATE = 0.6;
export const AUC_MAJOR = 0.75;
export const SIGNIFICANCE = 0.05;

export function psiSeverity(psi: number | null): Severity {
  if (psi === null) return 'unknown';
  return psi > PSI_MAJOR ? 'major' : psi > PSI_MODERATE ? 'moderate' : 'none';
}

export function aucSeverity(auc: number | null): Severity {
  if (auc === null) return 'unknown';
  return auc > AUC_MAJOR ? 'major' : auc > AUC_MODERATE ? 'moderate' : 'none';
}

export const DRIFT_THRESHOLDS = {
  psi: { moderate: PSI_MODERATE, major: PSI_MAJOR, source: 'Siddiqi (2006), Credit Risk Scorecards: PSI < 0.1 stable, 0.1–0.2 moderate shift, > 0.2 major shift' },
  domainAuc: { moderate: AUC_MODERATE, major: AUC_MAJOR, source: 'out-of-fold AUC of a classifier telling current from reference rows: 0.5 = indistinguishable' },
  pValue: { significance: SIGNIFICANCE, note: 'p-values are reported but do not set the severity: with thousands of rows, trivial shifts are significant' },
} as const;
