/**
 * Draws a Vega-Lite spec to an inline SVG string headlessly (vega's 'none' renderer: no DOM, so it
 * runs under Node and in a Web Worker), then makes the SVG compact — coordinates to 2 decimals,
 * no CSS classes, ARIA roles or empty helper paths — and checks that it refers to nothing outside
 * itself. vega escapes the text it writes (labels carry user text), so the SVG is safe to inline.
 * vega is loaded on first use, so CLI commands that draw nothing do not pay for it.
 */
import type { TopLevelSpec } from 'vega-lite';

/** The SVG markup of the chart, or null when it cannot be drawn or is not self-contained. */
export async function renderSvg(spec: TopLevelSpec): Promise<string | null> {
  const [vega, vl] = await Promise.all([import('vega'), import('vega-lite')]);
  let view: InstanceType<typeof vega.View> | null = null;
  try {
    view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });
    const svg = compactSvg(await view.toSVG());
    return isSelfContainedSvg(svg) ? svg : null;
  } catch {
    return null;
  } finally {
    view?.finalize();
  }
}

const DROPPED_ATTRIBUTES = /\s(?:class|role|aria-roledescription|aria-hidden|pointer-events|font-family)="[^"]*"|\sopacity="1"|\stransform="translate\(0,0\)"/g;
const GEOMETRY_ATTRIBUTES = /\s(d|transform|x|y|x1|x2|y1|y2|width|height)="([^"]*)"/g;
const LONG_DECIMAL = /-?\d+\.\d{3,}(?:e-?\d+)?/g;

/**
 * vega's SVG made smaller without changing the drawing: the font family once on the root (text
 * inherits it), no default-valued or helper attributes, coordinates to 2 decimals, no empty helper
 * paths and no attribute-less groups. Works tag by tag: the text between tags is never touched.
 */
export function compactSvg(svg: string): string {
  const font = /font-family="([^"]*)"/.exec(svg)?.[1];
  let out = svg.replace(/<[^>]*>/g, (tag) =>
    tag.replace(DROPPED_ATTRIBUTES, '').replace(GEOMETRY_ATTRIBUTES, (_m, name: string, value: string) => ` ${name}="${value.replace(LONG_DECIMAL, (n) => String(Number(Number(n).toFixed(2))))}"`),
  );
  if (font) out = out.replace(/^<svg /, `<svg font-family="${font}" `);
  // empty helper paths (hidden backgrounds and foregrounds)
  out = out.replace(/<path(?: d="(?:M0,0h0v0h0Z)?")?(?: display="none")?\/>/g, '');
  return unwrapPlainGroups(out);
}

/** Removes `<g>` elements without attributes (they change nothing), keeping their content. */
function unwrapPlainGroups(svg: string): string {
  const kept: boolean[] = [];
  return svg.replace(/<\/?g\b[^>]*>/g, (tag) => {
    if (tag.startsWith('</')) return kept.pop() ? tag : '';
    if (tag.endsWith('/>')) return '';
    const plain = tag === '<g>';
    kept.push(!plain);
    return plain ? '' : tag;
  });
}

/**
 * No scripts, no foreign content, no images or links, and every `url(` a fragment reference:
 * the drawing refers to nothing outside itself. The namespace URIs of `xmlns` are not references.
 */
export function isSelfContainedSvg(svg: string): boolean {
  if (/<(?:script|foreignObject|image|use|a|style|iframe)\b/i.test(svg)) return false;
  if (/\s(?:xlink:)?href\s*=/i.test(svg)) return false;
  if (/@import/i.test(svg)) return false;
  const urls = svg.match(/url\(\s*['"]?[^)'"]*/gi) ?? [];
  return urls.every((u) => /^url\(\s*['"]?#/.test(u));
}
