/**
 * The active view in the URL hash, for deep links: `#/data`, `#/explore/profile`,
 * `#/explore/profile/<column>`, `#/explore/missing`, …, `#/train`, `#/model`, `#/model/evaluation`,
 * `#/explain`, `#/explain/pdp`, `#/explain/whatif`, `#/fairness`, `#/fairness/value`, `#/drift`,
 * `#/audit` (experiments), `#/audit/<snapshot id>`, `#/audit/open?url=<address of a snapshot file>`,
 * and `#/` on the start page.
 */
import { DEFAULT_VIEW, EXPLAIN_TABS, EXPLORE_TABS, FAIRNESS_TABS, MODEL_TABS, type ExplainTab, type ExploreTab, type FairnessTab, type ModelTab, type ViewState } from './types';

export function viewToHash(view: ViewState | null): string {
  if (!view) return '#/';
  if (view.step === 'data') return '#/data';
  if (view.step === 'train') return '#/train';
  if (view.step === 'model') return view.modelTab === 'evaluation' ? '#/model/evaluation' : '#/model';
  if (view.step === 'explain') return view.explainTab === 'shap' ? '#/explain' : `#/explain/${view.explainTab}`;
  if (view.step === 'drift') return '#/drift';
  if (view.step === 'audit') {
    if (!view.auditRef) return '#/audit';
    return view.auditRef.startsWith('url:') ? `#/audit/open?url=${encodeURIComponent(view.auditRef.slice(4))}` : `#/audit/${view.auditRef}`;
  }
  if (view.step === 'fairness') return view.fairnessTab === 'report' ? '#/fairness' : `#/fairness/${view.fairnessTab}`;
  const base = `#/explore/${view.tab}`;
  return view.tab === 'profile' && view.column ? `${base}/${encodeURIComponent(view.column)}` : base;
}

export function hashToView(hash: string): ViewState | null {
  const audit = /^#\/?audit(?:\/(open\?url=(.*)|[0-9a-f]{64}))?\/?$/.exec(hash);
  if (audit) {
    let auditRef: string | null = null;
    if (audit[2] !== undefined) {
      try {
        auditRef = `url:${decodeURIComponent(audit[2])}`;
      } catch {
        auditRef = null;
      }
    } else if (audit[1]) auditRef = audit[1];
    return { ...DEFAULT_VIEW, step: 'audit', auditRef };
  }
  const parts = hash.replace(/^#\/?/, '').split('/').filter((p) => p !== '');
  if (parts.length === 0) return null;
  if (parts[0] === 'data') return { ...DEFAULT_VIEW, step: 'data' };
  if (parts[0] === 'train') return { ...DEFAULT_VIEW, step: 'train' };
  if (parts[0] === 'model') {
    const modelTab = (MODEL_TABS as readonly string[]).includes(parts[1] ?? '') ? (parts[1] as ModelTab) : 'setup';
    return { ...DEFAULT_VIEW, step: 'model', modelTab };
  }
  if (parts[0] === 'explain') {
    const explainTab = (EXPLAIN_TABS as readonly string[]).includes(parts[1] ?? '') ? (parts[1] as ExplainTab) : 'shap';
    return { ...DEFAULT_VIEW, step: 'explain', explainTab };
  }
  if (parts[0] === 'drift') return { ...DEFAULT_VIEW, step: 'drift' };
  if (parts[0] === 'fairness') {
    const fairnessTab = (FAIRNESS_TABS as readonly string[]).includes(parts[1] ?? '') ? (parts[1] as FairnessTab) : 'report';
    return { ...DEFAULT_VIEW, step: 'fairness', fairnessTab };
  }
  if (parts[0] === 'explore') {
    const tab = (EXPLORE_TABS as readonly string[]).includes(parts[1] ?? '') ? (parts[1] as ExploreTab) : 'profile';
    let column: string | null = null;
    if (tab === 'profile' && parts[2] !== undefined) {
      try {
        column = decodeURIComponent(parts.slice(2).join('/'));
      } catch {
        column = null;
      }
    }
    return { ...DEFAULT_VIEW, step: 'explore', tab, column };
  }
  return null;
}

export function writeHash(view: ViewState | null): void {
  const next = viewToHash(view);
  if (window.location.hash !== next && !(next === '#/' && window.location.hash === '')) {
    window.history.replaceState(window.history.state, '', next);
  }
}
