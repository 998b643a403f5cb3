/**
 * The HTML building blocks of the audit report. Arguments named `text` are plain text and are
 * escaped here; arguments named `html` are markup built by these helpers (escaped already).
 */
import { escapeHtml } from './escapeHtml';

/** Plain text, escaped. */
export function text(value: string): string {
  return escapeHtml(value);
}

export function code(value: string): string {
  return `<code>${escapeHtml(value)}</code>`;
}

export function paragraph(html: string, className?: string): string {
  return className ? `<p class="${className}">${html}</p>` : `<p>${html}</p>`;
}

/** The line a section shows for something the snapshot does not hold. */
export function notRecorded(what: string): string {
  return `<p class="absent">${escapeHtml(what)}: not recorded in this snapshot.</p>`;
}

/** A piece of user prose (notes, intended use…), line breaks kept; "not recorded" when absent or blank. */
export function prose(value: string | null | undefined): string {
  return value && value.trim() ? `<div class="prose">${escapeHtml(value)}</div>` : '<span class="absent">not recorded</span>';
}

/** Label–value pairs; labels are plain text, values markup. */
export function facts(rows: readonly (readonly [string, string])[]): string {
  return `<dl class="facts">${rows.map(([label, html]) => `<dt>${escapeHtml(label)}</dt><dd>${html}</dd>`).join('')}</dl>`;
}

export interface TableOptions {
  /** Plain-text caption. */
  caption?: string;
  /** Indexes of right-aligned (numeric) columns. */
  numeric?: readonly number[];
  /** A class per row (e.g. "small" for a flagged group), or undefined. */
  rowClass?: (index: number) => string | undefined;
}

/** A table: headers plain text, cells markup. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const numeric = new Set(options.numeric ?? []);
  const cell = (tag: 'th' | 'td', html: string, i: number) => (numeric.has(i) ? `<${tag} class="num">${html}</${tag}>` : `<${tag}>${html}</${tag}>`);
  const head = `<thead><tr>${headers.map((h, i) => cell('th', escapeHtml(h), i)).join('')}</tr></thead>`;
  const body = rows
    .map((r, k) => {
      const cls = options.rowClass?.(k);
      return `<tr${cls ? ` class="${cls}"` : ''}>${r.map((html, i) => cell('td', html, i)).join('')}</tr>`;
    })
    .join('');
  const caption = options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : '';
  return `<div class="table"><table>${caption}${head}<tbody>${body}</tbody></table></div>`;
}

/** A bulleted list of plain-text items. */
export function list(items: readonly string[]): string {
  return `<ul>${items.map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>`;
}

export function subheading(title: string): string {
  return `<h3>${escapeHtml(title)}</h3>`;
}

/** A comma-separated list of names, each as code; "none" when empty. */
export function names(values: readonly string[]): string {
  return values.length ? values.map(code).join(', ') : 'none';
}
