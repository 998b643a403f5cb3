/**
 * The self-containment rule of `glassbox report` (shared/spec/cli.md, "report") checked on the
 * HTML text, for tests: the report loads nothing over the network or from other files — no
 * `src`/`href`-like attribute other than `data:` or `#…` (hyperlinks `<a href>` and XML namespace
 * URIs in `xmlns` attributes are fine), no `url(` but `url(data:` / `url(#`, no `@import`, no
 * `<link>`, frames or embedded objects, no `import`/`fetch(` in scripts, no meta refresh, no
 * inline event handlers. Returns what breaks the rule (empty when nothing does).
 */
const LOADING_ELEMENTS = new Set(['link', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal']);
const REFERENCE_ATTRIBUTES = new Set(['src', 'href', 'xlink:href', 'srcset', 'poster', 'data', 'action', 'formaction', 'background', 'ping', 'manifest', 'codebase', 'longdesc', 'lowsrc', 'dynsrc']);
const ATTRIBUTE = /\s([^\s=/>"']+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g;

function unquote(raw: string): string {
  const inner = /^["']/.test(raw) ? raw.slice(1, -1) : raw;
  return inner.replace(/&#(\d+);/g, (_m, d: string) => String.fromCharCode(Number(d))).replace(/&colon;/gi, ':').replace(/&amp;/g, '&').trim();
}

const local = (value: string) => /^(?:data:|#)/i.test(value);

export function externalReferences(html: string): string[] {
  const problems: string[] = [];
  for (const tag of html.match(/<[a-zA-Z][^>]*>/g) ?? []) {
    const element = /^<([a-zA-Z][\w:-]*)/.exec(tag)![1].toLowerCase();
    if (LOADING_ELEMENTS.has(element)) problems.push(`<${element}> element`);
    for (const [, name, raw] of tag.matchAll(ATTRIBUTE)) {
      const attribute = name.toLowerCase();
      const value = unquote(raw);
      if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) continue;
      if (attribute.startsWith('on')) problems.push(`event handler ${attribute} on <${element}>`);
      if (attribute === 'http-equiv' && /refresh/i.test(value)) problems.push('meta refresh');
      if (attribute === 'href' && element === 'a') continue;
      if (REFERENCE_ATTRIBUTES.has(attribute) && !local(value)) problems.push(`${attribute}="${value}" on <${element}>`);
    }
  }
  for (const [, target] of html.matchAll(/url\(\s*['"]?([^)'"]*)/gi)) if (!local(target.trim())) problems.push(`url(${target})`);
  if (/@import/i.test(html)) problems.push('@import');
  for (const [, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
    if (/\bimport\s*[\s({*'"]/.test(body)) problems.push('import in a script');
    if (/\bfetch\s*\(/.test(body)) problems.push('fetch( in a script');
  }
  return problems;
}
