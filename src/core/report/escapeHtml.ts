/**
 * The one escape of the audit report: every user-provided string (names, notes, column names,
 * group labels, recipe values, summary sentences…) goes through it before it meets HTML or SVG,
 * in text and in attribute values alike.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
